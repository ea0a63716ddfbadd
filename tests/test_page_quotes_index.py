"""The quotes index, /quotes/: each filter, filters together, paging by key, bad input."""

import re

import pytest
from django.core.cache import cache
from taggit.models import Tag

from archive.db import run_pending
from archive.models import EntityRedirect, Membership, Organization, Person, Quote, TagRedirect
from archive.pagecache import HEADER
from archive.summaries import tracking
from tests.page_helpers import add_articles, jsonld_blocks
from tests.test_page_person import section

PERMALINK = re.compile(r'<a href="/quotes/([0-9]+)/">Permalink</a>')


def shown(html) -> list[int]:
    return [int(pk) for pk in PERMALINK.findall(html)]


def public(**lookups) -> set[int]:
    return set(Quote.objects.public().filter(**lookups).values_list("pk", flat=True))


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:2000])
    return response.text


@pytest.fixture
def later(seed):
    """Three more articles in January 2005 quoting Saenen, tagged "elections": the seed's
    own article is of April 2004."""
    saenen = Person.objects.get(slug="vanessa-saenen")
    add_articles(3, saenen, tag="elections")
    tracking.settle()
    return saenen


def test_the_index_lists_every_public_quote_newest_first_grouped_by_article(
    client, later, settings
):
    settings.PAGE_SIZE = 50
    html = get(client, "/quotes/")
    ids = shown(html)
    assert set(ids) == public() and len(ids) == len(set(ids))
    # Newest article first: the three of 2005, then the seed's.
    dates = [Quote.objects.get(pk=pk).article.published_on for pk in ids]
    assert dates == sorted(dates, reverse=True)
    # Each article's headline is said once, above its quotes.
    seed_headline = Quote.objects.get(pk=ids[-1]).article.headline
    assert html.count(f'>{seed_headline}</a> <span class="meta">') == 1
    assert 'class="group-head"' in html


@pytest.mark.parametrize(
    "query, lookups",
    [
        ("speaker=vanessa-saenen", {"speaker__slug": "vanessa-saenen"}),
        ("speaker=human-rights-watch", {"speaker__slug": "human-rights-watch"}),
        ("mode=direct", {"mode": "direct"}),
        ("mode=indirect", {"mode": "indirect"}),
        ("tag=denial", {"tags__slug": "denial"}),
    ],
)
def test_each_filter_narrows_to_the_quotes_it_names(client, seed, query, lookups):
    ids = shown(get(client, f"/quotes/?{query}"))
    assert set(ids) == public(**lookups) and ids


def test_organization_means_it_and_its_people(client, seed):
    members = Membership.objects.filter(organization__slug="human-rights-watch")
    speakers = {*members.values_list("person_id", flat=True)}
    speakers.add(Organization.objects.get(slug="human-rights-watch").pk)
    html = get(client, "/quotes/?organization=human-rights-watch")
    assert set(shown(html)) == public(speaker__in=speakers)
    # One filter with a stored figure: the heading gives the total.
    assert f'<span class="count">({len(public(speaker__in=speakers))})</span>' in html


def test_about_lists_what_others_say_about_an_entity(client, seed):
    ids = shown(get(client, "/quotes/?about=kazakh-government"))
    # As on the entity's page: quotes about it by someone else.
    expected = public(about__slug="kazakh-government") - public(speaker__slug="kazakh-government")
    assert set(ids) == expected and ids


def test_dates_narrow_by_year_month_or_day(client, later):
    seed_quotes = public(article__published_on__year=2004)
    assert set(shown(get(client, "/quotes/?to=2004"))) == seed_quotes
    assert set(shown(get(client, "/quotes/?from=2004-04-06&to=2004-04-06"))) == seed_quotes
    assert set(shown(get(client, "/quotes/?from=2005-01"))) == public(
        article__published_on__year=2005
    )
    assert shown(get(client, "/quotes/?from=2004-05&to=2004-12")) == []


def test_filters_combine(client, later):
    html = get(client, "/quotes/?organization=human-rights-watch&mode=indirect&to=2004")
    hrw = Organization.objects.get(slug="human-rights-watch")
    members = Membership.objects.filter(organization=hrw).values_list("person_id", flat=True)
    speakers = {hrw.pk, *members}
    expected = public(speaker__in=speakers, mode="indirect", article__published_on__year=2004)
    assert set(shown(html)) == expected and expected
    # Combined filters have no stored total: none is shown.
    assert 'class="count"' not in section(html, "quotes-h")
    both = shown(get(client, "/quotes/?about=kazakh-government&tag=elections&mode=direct"))
    assert set(both) == public(
        about__slug="kazakh-government", tags__slug="elections", mode="direct"
    ) - public(speaker__slug="kazakh-government")
    # A speaker outside the organization: nothing, and no error.
    html = get(client, "/quotes/?speaker=solomon-pasi&organization=human-rights-watch")
    assert shown(html) == [] and "No published quote matches all of these filters" in html


def test_active_filters_are_chips_that_remove_themselves(client, seed):
    html = get(client, "/quotes/?speaker=vanessa-saenen&mode=direct&tag=&from=2004")
    chips = html.split('aria-label="Active filters"')[1].split("</ul>")[0]
    assert "Speaker: Vanessa Saenen" in chips and "Only direct quotes" in chips
    assert 'href="/quotes/?mode=direct&amp;from=2004"' in chips  # speaker removed, empty tag gone
    assert 'href="/quotes/?speaker=vanessa-saenen&amp;from=2004"' in chips
    assert 'href="/quotes/?speaker=vanessa-saenen&amp;mode=direct"' in chips
    # The list comes first: the form is folded (the chips say what is in force).
    assert '<details class="quote-filters">' in html
    assert '<details class="quote-filters" open>' in get(client, "/quotes/")
    # The form keeps the values.
    assert 'name="speaker" value="vanessa-saenen"' in html
    assert '<option value="direct" selected>' in html


def test_paging_by_key_goes_through_every_match_once_and_keeps_the_filters(client, later, settings):
    settings.PAGE_SIZE = 4
    url, ids, pages = "/quotes/?speaker=vanessa-saenen", [], 0
    while url:
        html = get(client, url)
        ids += shown(html)
        pages += 1
        older = re.search(r'<a href="(\?[^"]+)" rel="next">Older', html)
        url = "/quotes/" + older[1].replace("&amp;", "&") if older else None
        if url:
            assert "speaker=vanessa-saenen" in url and "page=after." in url
    expected = public(speaker__slug="vanessa-saenen")
    assert sorted(ids) == sorted(expected) and len(ids) == len(expected)
    assert pages == -(-len(expected) // 4)
    # The last page leads back by a `before` key to the page before it.
    newer = re.search(r'<a href="(\?[^"]+)" rel="prev">', html)
    back = shown(get(client, "/quotes/" + newer[1].replace("&amp;", "&")))
    assert back == ids[-(len(ids) % 4 or 4) - 4 : -(len(ids) % 4 or 4)]


@pytest.mark.parametrize(
    "query, message",
    [
        ("speaker=nobody-at-all", "The archive has no person or organization “nobody-at-all”"),
        ("organization=vanessa-saenen", "The archive has no organization “vanessa-saenen”"),
        ("about=no-such-thing", "The archive has no entity “no-such-thing”"),
        ("tag=no-such-tag", "The archive has no tag “no-such-tag”"),
        ("speaker=two%20words", "“two words” is not one"),
        ("mode=paraphrase", "“mode” is direct or indirect"),
        ("from=2004-13", "“from” must be a date like 2004"),
        ("to=yesterday", "“to” must be a date like 2004"),
        ("from=2005&to=2004", "The date range ends before it starts"),
        ("mode=direct&mode=indirect", "Give “mode” once."),
        ("page=after.nonsense", "page must be after.&lt;key&gt; or before.&lt;key&gt;"),
        ("page=after.2004-02-30.1.1", "page has no such day"),
    ],
)
def test_bad_input_is_a_400_that_says_what(client, seed, query, message):
    html = get(client, f"/quotes/?{query}", status=400)
    assert message in html
    # The form is open above the message, with the values to correct.
    assert 'role="alert"' in html and '<details class="quote-filters" open>' in html
    assert shown(html) == []


def test_values_are_escaped_in_messages_form_and_chips(client, seed):
    html = get(client, '/quotes/?speaker=<script>alert(1)</script>&from="><b>', status=400)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert '"><b>' not in html
    person = Person.objects.create(name="<i>Ann</i> & Co", slug="ann-co")
    add_articles(1, person)
    tracking.settle()
    html = get(client, "/quotes/?speaker=ann-co")
    assert "<i>Ann</i>" not in html and "Speaker: &lt;i&gt;Ann&lt;/i&gt; &amp; Co" in html


def test_a_merged_or_renamed_slug_redirects_to_the_survivor(client, seed):
    saenen = Person.objects.get(slug="vanessa-saenen")
    EntityRedirect.objects.create(kind="person", old_slug="v-saenen", entity=saenen)
    response = client.get("/quotes/?speaker=v-saenen&mode=direct")
    assert response.status_code == 301
    assert response["Location"] == "/quotes/?speaker=vanessa-saenen&mode=direct"
    TagRedirect.objects.create(old_slug="deny", tag=Tag.objects.get(slug="denial"))
    response = client.get("/quotes/?tag=deny")
    assert response.status_code == 301 and response["Location"] == "/quotes/?tag=denial"


def test_nav_sitemap_jsonld_and_data_links(client, seed):
    home = get(client, "/")
    assert '<a href="/quotes/">Quotes</a>' in home
    assert "/quotes/</loc>" in get(client, "/sitemap-pages.xml")
    html = get(client, "/quotes/?speaker=vanessa-saenen&mode=direct")
    assert {"@type": "CollectionPage"}.items() <= jsonld_blocks(html)[0].items()
    saenen = Person.objects.get(slug="vanessa-saenen")
    api = re.search(r'<a href="([^"]+)">API \(JSON\)</a>', html)[1].replace("&amp;", "&")
    assert f"speaker={saenen.pk}" in api and "mode=direct" in api
    results = client.get(api).json()["results"]
    assert {q["id"] for q in results} == set(shown(html))
    assert re.search(r'href="/api/quotes\.csv\?[^"]*speaker=', html)


def test_the_stored_index_follows_a_new_quote_and_a_400_is_never_stored(
    client, settings, seed, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    cache.clear()
    url = "/quotes/?speaker=vanessa-saenen"
    assert client.get(url).headers[HEADER] == "miss"
    assert client.get(url).headers[HEADER] == "hit"
    before = shown(client.get(url).text)
    with django_capture_on_commit_callbacks(execute=True):
        add_articles(1, Person.objects.get(slug="vanessa-saenen"), start_day=400)
        run_pending()
    response = client.get(url)
    assert response.headers[HEADER] == "miss" and len(shown(response.text)) == len(before) + 1
    for _ in range(2):
        response = client.get("/quotes/?speaker=nobody-at-all")
        assert response.status_code == 400 and HEADER not in response.headers
    cache.clear()
