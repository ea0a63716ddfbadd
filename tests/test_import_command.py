"""import_articles: creating articles and suggestions atomically, idempotently, without
touching what editors decided."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from archive.importer import importing
from archive.importer.formats import ImportRejected
from archive.models import (
    Article,
    Entity,
    EntitySuggestion,
    Mention,
    Quote,
    ReviewStatus,
)

BODY = (
    "Vanessa Saenen is a spokeswoman for HRW in Brussels. "
    '"Our main concern is the elections later this year," she told RFE/RL.\n\n'
    'John Smith, a spokesman for the Interior Ministry, said: "Nothing is wrong here."\n\n'
    '"We will go on," Smith added. Mukhtabar Abliyazov was released last May.'
)


def write_json(tmp_path, name="one.json", **fields):
    data = {
        "headline": "Watchdog and ministry trade words",
        "published": "2004-04-06",
        "dateline_place": "Almaty",
        "publisher": "RFE/RL",
        "source_url": "https://example.org/news/1",
        "body": BODY,
    }
    data.update(fields)
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run(*paths):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("import_articles", *[str(p) for p in paths], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def counts():
    return (
        Article.objects.count(),
        Quote.objects.count(),
        Mention.objects.count(),
        EntitySuggestion.objects.count(),
        Entity.objects.count(),
    )


def test_import_creates_a_draft_article_with_suggestions(seed, tmp_path):
    entities_before = Entity.objects.count()
    out, err = run(write_json(tmp_path))
    assert "created" in out and err == ""
    article = Article.objects.get(source_url="https://example.org/news/1")
    assert article.status == "draft"
    assert article.publisher.name == "RFE/RL" and article.dateline_place.name == "Almaty"
    quotes = list(article.quotes.order_by("start"))
    assert [q.exact for q in quotes] == [
        "Our main concern is the elections later this year",
        "Nothing is wrong here.",
        "We will go on",
    ]
    assert all(q.status == ReviewStatus.SUGGESTED and 0 < q.confidence <= 1 for q in quotes)
    assert quotes[0].speaker.name == "Vanessa Saenen"
    # John Smith is unknown: proposed, not created, and his quotes wait for him.
    assert quotes[1].speaker is None
    smith = EntitySuggestion.objects.get(article=article, kind="person")
    assert smith.name == "John Smith"
    assert set(smith.quotes.all()) == {quotes[1], quotes[2]}
    assert EntitySuggestion.objects.filter(
        article=article, kind="organization", name="Interior Ministry"
    ).exists()
    assert Entity.objects.count() == entities_before
    linked = set(article.mentions.values_list("entity__name", flat=True))
    assert {"Vanessa Saenen", "Human Rights Watch", "RFE/RL", "Mukhtabar Abliyazov"} <= linked
    assert set(article.mentions.values_list("status", flat=True)) == {"suggested"}
    for mention in article.mentions.all():
        assert article.text_of(mention.part)[mention.start : mention.end] == mention.exact


def test_relative_dates_are_proposed_as_events_with_their_precision(seed, tmp_path):
    run(write_json(tmp_path))
    events = {
        s.phrase: s
        for s in EntitySuggestion.objects.filter(kind="event", article__headline__startswith="W")
    }
    assert events["last May"].date_start == dt.date(2003, 5, 1)
    assert events["last May"].date_start_precision == "month"
    assert events["last May"].name == "the release of Mukhtabar Abliyazov"
    assert events["later this year"].name == "the elections"
    assert events["later this year"].date_start_precision == "year"


def test_importing_again_creates_nothing_new(seed, tmp_path):
    path = write_json(tmp_path)
    run(path)
    before = counts()
    ids = set(Quote.objects.values_list("pk", flat=True))
    out, _ = run(path)
    assert "already in the archive" in out
    assert counts() == before
    assert set(Quote.objects.values_list("pk", flat=True)) == ids


def test_same_headline_and_date_is_the_same_article(seed, tmp_path):
    run(write_json(tmp_path, source_url=""))
    run(write_json(tmp_path, name="two.json", source_url=""))
    assert Article.objects.filter(headline="Watchdog and ministry trade words").count() == 1


def test_editors_decisions_are_never_overwritten(seed, tmp_path):
    path = write_json(tmp_path)
    run(path)
    article = Article.objects.get(source_url="https://example.org/news/1")
    confirmed, rejected, _ = article.quotes.order_by("start")
    kalyuzhnyi = Entity.objects.get(name="Vyacheslav Kalyuzhnyi")
    confirmed.status, confirmed.speaker = ReviewStatus.CONFIRMED, kalyuzhnyi
    confirmed.save()
    rejected.status = ReviewStatus.REJECTED
    rejected.save()
    run(path)
    confirmed.refresh_from_db()
    rejected.refresh_from_db()
    assert (confirmed.status, confirmed.speaker) == (ReviewStatus.CONFIRMED, kalyuzhnyi)
    assert rejected.status == ReviewStatus.REJECTED
    # Neither span is suggested again beside the editor's decision.
    assert article.quotes.count() == 3


def test_a_bad_file_is_reported_and_the_others_are_imported(seed, tmp_path):
    good = write_json(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"headline": "H", "published": "2004-13-01", "body": "B"}')
    out, err = run(bad, good)
    assert "REJECTED" in err and "bad.json" in err and "impossible" in err
    assert "1 of 2 files imported, 1 rejected." in out
    assert Article.objects.filter(source_url="https://example.org/news/1").exists()


def test_nothing_imported_is_an_error(db, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("no header here\n\nbody")
    with pytest.raises(CommandError, match="No file could be imported"):
        run(bad)


def test_a_failure_while_suggesting_leaves_nothing_behind(seed, tmp_path, monkeypatch):
    def failing(article, index=None, using="default", header=None):
        Quote.objects.create(article=article, exact="x", start=0, end=1)
        raise ImportRejected("one.json: the extractor failed")

    monkeypatch.setattr(importing, "suggest", failing)
    before = counts()
    with pytest.raises(CommandError):
        run(write_json(tmp_path))
    assert counts() == before


def test_proposed_entities_are_not_public(seed, tmp_path, client):
    run(write_json(tmp_path))
    assert not Entity.objects.filter(name="John Smith").exists()
    response = client.get(reverse("archive:person", kwargs={"slug": "john-smith"}))
    assert response.status_code == 404


def test_text_format_imports_too(seed, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text(
        "Headline: A plain text article\nDate: 2004-04-07\nPublisher: RFE/RL\n\n" + BODY,
        encoding="utf-8",
    )
    out, _ = run(path)
    assert "created" in out
    article = Article.objects.get(headline="A plain text article")
    assert article.quotes.count() == 3


def test_an_empty_file_is_reported_by_name_and_the_rest_imported(seed, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    good = write_json(tmp_path)
    out, err = run(tmp_path / "empty.txt", good)
    assert "empty.txt: the file is empty." in err
    assert Article.objects.filter(headline="Watchdog and ministry trade words").exists()
