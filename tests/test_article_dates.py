"""Partly dated and undated articles (issue 15): importing, addresses, pages, lists and
exports. An article's date is a partial date stored as its first day and a precision, or
unknown (UNDATED, precision 'unknown')."""

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from archive.dates import UNDATED, PartialDate
from archive.importer.importing import import_bytes
from archive.importer.relative_dates import find_dates
from archive.models import Article, ArticleStatus, Quote
from tests.test_summaries import assert_fresh

FORMS = [
    ("2002", "year", dt.date(2002, 1, 1), "/articles/2002/budget-talks-stall/", "2002"),
    (
        "spring 2002",
        "season",
        dt.date(2002, 3, 1),
        "/articles/2002/spring/budget-talks-stall/",
        "spring 2002",
    ),
    ("May 2002", "month", dt.date(2002, 5, 1), "/articles/2002/05/budget-talks-stall/", "May 2002"),
    ("unknown", "unknown", UNDATED, "/articles/undated/budget-talks-stall/", "date unknown"),
    (
        "2002-05-06",
        "day",
        dt.date(2002, 5, 6),
        "/articles/2002/05/06/budget-talks-stall/",
        "6 May 2002",
    ),
]
BODY = "The talks stalled last week, the minister said.\n\nThey began in 2001."


def _import(kind: str, written: str, headline: str = "Budget talks stall"):
    if kind == "text":
        raw = f"Headline: {headline}\nDate: {written}\n\n{BODY}".encode()
        name = "a.txt"
    else:
        raw = json.dumps({"headline": headline, "published": written, "body": BODY}).encode()
        name = "a.json"
    outcome = import_bytes(name, raw)
    assert outcome.problem is None
    return outcome.article


def _quote(article, speaker):
    """A confirmed quote of the body's first ten characters."""
    return Quote.objects.create(
        article=article,
        part="body",
        start=0,
        end=10,
        exact=article.body[:10],
        speaker=speaker,
        status="confirmed",
    )


def _publish(article):
    article.status = ArticleStatus.PUBLISHED
    article.save()
    return article


@pytest.mark.parametrize("kind", ["text", "json"])
@pytest.mark.parametrize(("written", "precision", "stored", "address", "shown"), FORMS)
def test_each_form_imports_in_both_formats_and_its_page_shows_the_precision(
    client, db, kind, written, precision, stored, address, shown
):
    article = _publish(_import(kind, written))
    assert (article.published_on, article.published_precision) == (stored, precision)
    assert article.get_absolute_url() == address
    response = client.get(address)
    assert response.status_code == 200
    html = response.text
    assert shown in html
    if precision != "day":
        # No invented day anywhere on the page.
        assert "1 January 2002" not in html and "0001" not in html


def test_existing_day_addresses_are_unchanged(client, article):
    assert article.published_precision == "day"
    assert article.get_absolute_url() == "/articles/2004/04/06/watchdog-criticises-government/"
    assert client.get(article.get_absolute_url()).status_code == 200
    # The same slug under another precision's address is not this article.
    assert client.get("/articles/2004/04/watchdog-criticises-government/").status_code == 404
    assert client.get("/articles/2004/watchdog-criticises-government/").status_code == 404


def test_addresses_are_unique_and_do_not_shadow_the_lists(client, db):
    first = _publish(_import("text", "unknown"))
    second = _publish(_import("json", "Undated", headline="Budget talks stall!"))
    assert first.get_absolute_url() != second.get_absolute_url()
    year = _publish(_import("text", "2002"))
    same_day = _publish(_import("text", "2002-01-01"))
    assert year.published_on == same_day.published_on
    assert year.get_absolute_url() != same_day.get_absolute_url()
    assert (year.slug, same_day.slug) == ("budget-talks-stall", "budget-talks-stall-2")
    # A two-digit slug would be May's list at /articles/2002/05/.
    digits = _publish(_import("text", "2002", headline="05"))
    assert digits.slug == "05-article"
    bad = Article(headline="x", slug="05", body="b", published_on=dt.date(2002, 1, 1))
    bad.published_precision = "year"
    with pytest.raises(ValidationError):
        bad.full_clean()
    assert client.get("/articles/2002/05/").status_code == 404  # no May articles: its list
    assert client.get(digits.get_absolute_url()).status_code == 200
    for article in (first, second, year, same_day):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_the_database_refuses_an_unknown_precision_or_a_stray_undated_day(db, article):
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(published_precision="unknown")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(published_on=UNDATED)


def test_clean_aligns_and_checks_partial_dates(db):
    article = Article(headline="x", slug="x", body="b", published_on=dt.date(2002, 5, 6))
    article.published_precision = "month"
    with pytest.raises(ValidationError, match="first day of the month"):
        article.full_clean()
    article.published_precision = "unknown"
    article.full_clean()
    assert article.published_on == UNDATED


def test_lists_sort_undated_last_and_the_archive_names_them(client, article):
    year = _publish(_import("text", "2004"))
    undated = _publish(_import("text", "unknown", headline="Undated clipping"))
    call_command("rebuild_summaries", verbosity=0)
    home = client.get("/").text
    assert home.index(article.headline) < home.index(year.headline) < home.index(undated.headline)
    archive = client.get("/articles/").text
    assert "/articles/undated/" in archive and "Date unknown" in archive
    listing = client.get("/articles/undated/")
    assert listing.status_code == 200
    assert undated.get_absolute_url() in listing.text
    assert article.get_absolute_url() not in listing.text
    # The year's list holds its year-dated article after its dated ones.
    of_year = client.get("/articles/2004/").text
    assert of_year.index(article.get_absolute_url()) < of_year.index(year.get_absolute_url())
    assert undated.get_absolute_url() not in of_year
    assert client.get("/articles/0001/").status_code == 404


def test_summaries_equal_a_rebuild_with_partial_dates(db, article):
    for written in ("2002", "spring 2002", "unknown"):
        _publish(_import("text", written, headline=f"Talks {written}"))
    assert_fresh()  # the stored figures equal the pages' queries and a rebuild


def test_relative_dates_resolve_only_as_precisely_as_the_article_date():
    text = "Talks stalled last week. Prices rose last year. He left last May. It was in 2001."

    def found(date):
        return {p.phrase: (p.begins, p.ends) for p in find_dates(text, date)}

    day = found(dt.date(2002, 5, 15))
    assert day["last week"][0] == PartialDate.day(2002, 5, 6)
    year = found(PartialDate.year(2002))
    assert year["last year"] == (PartialDate.year(2001), None)
    assert "last May" not in year  # May 2001 or May 2002: the year cannot say
    assert "last week" not in year  # late December 2001 or December 2002
    month = found(PartialDate.month(2002, 5))
    # 22 April to 26 May 2002 at the widest: spring 2002.
    assert month["last week"] == (PartialDate.season(2002, "spring"), None)
    assert month["last year"] == (PartialDate.year(2001), None)
    undated = found(None)
    assert set(undated) == {"in 2001"}


def test_a_partly_dated_article_suggests_events_at_its_own_precision(db):
    article = _import("text", "2002")
    article.refresh_from_db()
    # "last week" of a 2002 article is not resolved to a day.
    for suggestion in article.entity_suggestions.filter(kind="event"):
        assert suggestion.date_start_precision != "day"


def test_exports_give_the_precision(client, article, person):
    year = _publish(_import("text", "spring 2002"))
    undated = _publish(_import("text", "unknown", headline="Undated clipping"))
    for other in (year, undated):
        _quote(other, person)
    call_command("rebuild_summaries", verbosity=0)
    rows = {r["id"]: r for r in client.get("/api/articles/?page_size=50").json()["results"]}
    assert rows[year.pk]["published"]["edtf"] == "2002-21"
    assert rows[year.pk]["page"].endswith("/articles/2002/spring/budget-talks-stall/")
    assert rows[undated.pk]["published_on"] is None and rows[undated.pk]["published"] is None
    assert rows[article.pk]["published_on"] == "2004-04-06"
    raw = b"".join(client.get("/api/quotes.csv").streaming_content).decode("utf-8-sig")
    by_headline = {r["article_headline"]: r for r in csv.DictReader(io.StringIO(raw))}
    assert by_headline["Budget talks stall"]["date_precision"] == "season"
    assert by_headline["Budget talks stall"]["date"] == "2002-03-01"
    assert by_headline["Undated clipping"]["date"] == ""
    assert by_headline["Undated clipping"]["date_precision"] == "unknown"
    sitemap = client.get("/sitemap-articles.xml")
    if sitemap.status_code == 200:
        body = b"".join(getattr(sitemap, "streaming_content", [sitemap.content])).decode()
        assert "/articles/undated/undated-clipping/" in body
    feed = client.get("/feeds/articles.atom").text
    assert "/articles/2002/spring/budget-talks-stall/" in feed
    page = client.get(undated.get_absolute_url()).text
    assert "date unknown" in page and "datePublished" not in page
    detail = client.get(year.get_absolute_url()).text
    assert '"datePublished": "2002"' in detail or '"datePublished":"2002"' in detail


def test_the_dump_round_trip_keeps_partial_dates(client, search_seed, tmp_path):
    from tests.api.test_dump import round_trip

    for written in ("2002", "spring 2002", "May 2002", "unknown"):
        _publish(_import("text", written, headline=f"Talks {written}"))
    call_command("rebuild_summaries", verbosity=0)
    call_command("rebuild_search_index", verbosity=0)
    before = sorted(Article.objects.values_list("slug", "published_on", "published_precision"))
    dump = round_trip(client, tmp_path)  # every public page and export answers the same
    assert '"published_precision": "unknown"' in dump.read_text()
    after = sorted(Article.objects.values_list("slug", "published_on", "published_precision"))
    assert after == before


def test_the_affiliation_of_a_partly_dated_quote_holds_over_its_whole_period(
    client, organization, person
):
    """A role that began within the article's year may not be the one they spoke in: the
    page, the API and the CSV show an affiliation only when it covers the whole period."""
    from archive.models import Membership, Organization

    ministry = Organization.objects.create(name="Ministry of Finance", slug="ministry-of-finance")
    # The fixture's membership has no dates (in force always); this one ran from 2001 to
    # March 2002 and, as a spokesperson role, is preferred whenever it applies.
    Membership.objects.create(
        person=person,
        organization=ministry,
        role="press secretary",
        category="spokesperson",
        start=dt.date(2001, 1, 1),
        start_precision="year",
        end=dt.date(2002, 3, 1),
        end_precision="month",
    )
    quotes = {}
    for written in ("2002-02-01", "2002", "2001", "unknown"):
        article = _publish(_import("text", written, headline=f"Talks {written}"))
        quotes[written] = _quote(article, person)
    call_command("rebuild_summaries", verbosity=0)
    expected = {
        "2002-02-01": "Ministry of Finance",  # on the day, the spokesperson role
        "2002": organization.name,  # the ministry role ended in March: only the other is sure
        "2001": "Ministry of Finance",  # the whole year within the ministry role
        "unknown": organization.name,  # all of time: only the undated role is certain
    }
    for written, quote in quotes.items():
        assert quote.affiliation().organization.name == expected[written], written
        page = client.get(quote.get_absolute_url()).text
        assert expected[written] in page
        api = client.get(f"/api/quotes/{quote.pk}/").json()
        assert api["affiliation"]["organization"]["name"] == expected[written], written
    raw = b"".join(client.get("/api/quotes.csv").streaming_content).decode("utf-8-sig")
    by_headline = {r["article_headline"]: r for r in csv.DictReader(io.StringIO(raw))}
    for written in quotes:
        row = by_headline[f"Talks {written}"]
        assert expected[written] in row.values(), (written, row)


def test_a_month_lists_only_what_is_known_to_be_of_it(client, db):
    """An article of "2002" is not January's and one of "spring 2002" not March's: both are on
    the year's page, and the archive counts them as "Month not known" there."""
    january = _publish(_import("text", "2002-01-15", headline="Talks in January"))
    march = _publish(_import("text", "March 2002", headline="Talks in March"))
    year = _publish(_import("text", "2002", headline="Talks of the year"))
    spring = _publish(_import("text", "spring 2002", headline="Talks in spring"))
    of_january = client.get("/articles/2002/01/").text
    assert january.get_absolute_url() in of_january
    assert year.get_absolute_url() not in of_january
    of_march = client.get("/articles/2002/03/").text
    assert march.get_absolute_url() in of_march
    assert spring.get_absolute_url() not in of_march
    of_year = client.get("/articles/2002/").text
    for article in (january, march, year, spring):
        assert article.get_absolute_url() in of_year
    index = client.get("/articles/").text
    assert "Month not known" in index
    assert "/articles/2002/00/" not in index
    sitemap = client.get("/sitemap-dates.xml")
    assert sitemap.status_code == 200
    body = sitemap.content.decode()
    assert "/articles/2002/01/" in body and "/articles/2002/03/" in body
    assert "/articles/2002/00/" not in body and "/articles/0001/" not in body
    # The list pages of every month the sitemap names answer 200.
    for path in re.findall(r"/articles/\d{4}/(?:\d{2}/)?", body):
        assert client.get(path).status_code == 200, path


def test_the_month_migration_moves_coarse_articles_there_and_back(transactional_db):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from archive.models.summaries import MonthFigures

    for written in ("2002", "spring 2002", "unknown", "2002-05-06"):
        _publish(_import("text", written, headline=f"Talks {written}"))
    call_command("rebuild_summaries", verbosity=0)
    figures = {(r.year, r.month): r.articles for r in MonthFigures.objects.all()}
    assert figures == {(2002, 0): 2, (1, 0): 1, (2002, 5): 1}
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([("archive", "0022_article_date_precision")])
        apps = executor.loader.project_state([("archive", "0022_article_date_precision")]).apps
        old = apps.get_model("archive", "MonthFigures").objects.all()
        assert {(r.year, r.month): r.articles for r in old} == {
            (2002, 1): 1,
            (2002, 3): 1,
            (1, 1): 1,
            (2002, 5): 1,
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    figures = {(r.year, r.month): r.articles for r in MonthFigures.objects.all()}
    assert figures == {(2002, 0): 2, (1, 0): 1, (2002, 5): 1}
    assert_fresh()


def test_search_shows_a_partial_date_at_its_precision_and_ranges_find_what_overlaps(client, person):
    """A "2002" article and its quote are "2002" in the results (never 1 January 2002), and a
    date range finds them when their period overlaps it; an event is found by its span."""
    from archive.models import Event
    from tests.test_search_bulk_index import assert_same_index

    year = _publish(_import("text", "2002", headline="Budget talks stall"))
    _quote(year, person)
    Event.objects.create(
        name="Budget summit",
        slug="budget-summit",
        start=dt.date(2001, 12, 28),
        start_precision="day",
        end=dt.date(2002, 1, 3),
        end_precision="day",
    )
    call_command("rebuild_search_index", "--row-by-row", stdout=io.StringIO())

    talks, summit = year.get_absolute_url(), "/events/budget-summit/"

    def found(**query):
        page = client.get("/search/", {"q": "budget", **query})
        assert page.status_code == 200
        return page.text

    every = found()
    assert talks in every
    assert '<time datetime="2002">2002</time>' in every
    assert "1 January 2002" not in every
    assert talks in found(**{"from": "2002-06", "to": "2002-12"})
    assert talks in found(**{"from": "2002-12-31"})
    assert talks not in found(**{"from": "2003"})
    assert talks not in found(**{"to": "2001"})
    # The summit began in 2001 and ended in January 2002: a range of 2002 finds it.
    assert summit in found(**{"from": "2002-01-02"})
    assert summit not in found(**{"from": "2002-01-04"})
    api = client.get("/api/search/", {"q": "budget talks", "kind": "article"}).json()
    (hit,) = [h for h in api["results"] if h["title"] == "Budget talks stall"]
    assert (hit["date"], hit["date_end"], hit["date_edtf"]) == ("2002-01-01", "2002-12-31", "2002")
    # The bulk rebuild writes the same periods as the row-by-row one.
    assert_same_index()


def test_a_date_range_never_holds_an_undated_article(client, article, person):
    """An undated article is stored at 0001-01-01, before every real day: `to=` alone, or a
    range reaching back to year 1, must not pull it in (the API's articles and quotes, the
    /quotes/ page); without a range it is listed."""
    undated = _publish(_import("text", "unknown", headline="Undated clipping"))
    quote = _quote(undated, person)
    call_command("rebuild_summaries", verbosity=0)

    def api_ids(path):
        response = client.get(path)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert undated.pk in api_ids("/api/articles/")
    assert quote.pk in api_ids("/api/quotes/")
    for bounds in ("to=2010", "from=0001&to=2010", "from=0001", "to=0001"):
        assert undated.pk not in api_ids(f"/api/articles/?{bounds}"), bounds
        assert quote.pk not in api_ids(f"/api/quotes/?{bounds}"), bounds
    assert article.pk in api_ids("/api/articles/?to=2010")

    anchor = f"#{quote.anchor_id}"
    assert anchor in client.get("/quotes/").text
    for bounds in ("to=2010", "from=0001&to=2010"):
        page = client.get(f"/quotes/?{bounds}")
        assert page.status_code == 200
        assert anchor not in page.text, bounds
