""" "Appears most with": ranked by the articles two entities share, then by how closely they
are linked in them (quotes between them, paragraphs naming both, how often named), each
with its reasons in words, so that on the seed (one article) the list still tells its
entries apart."""

import importlib
import re
from html import unescape
from types import SimpleNamespace

from django.apps import apps
from django.core.management import call_command
from django.db import connection

from archive.models import Person, Quote
from archive.models.summaries import CoMention, EntityParagraph
from archive.summaries import tracking
from tests.test_page_person import section
from tests.test_summaries import snapshot

ITEM = re.compile(r'<li><a href="([^"]+)">[^<]*</a> <span class="meta">([^<]*)</span></li>')


def appears_with(client, url):
    html = client.get(url).text
    return [(href, unescape(reasons)) for href, reasons in ITEM.findall(section(html, "appears-h"))]


def test_the_seeds_person_page_tells_its_neighbours_apart(client, seed):
    items = appears_with(client, "/people/vanessa-saenen/")
    assert len(items) == 10
    # All share the one article; what follows tells them apart.
    assert all("1 article together" in reasons for _href, reasons in items)
    assert len({reasons for _href, reasons in items[:6]}) == 6
    first = dict(items)["/organizations/kazakh-government/"]
    assert "Vanessa Saenen spoke about or to them in 9 quotes" in first
    assert "in the same paragraph 5 times" in first
    # Her organization, with her role, and the man who answers her.
    assert dict(items)["/organizations/human-rights-watch/"].startswith("spokeswoman; ")
    assert (
        "spoke about or to Vanessa Saenen in 2 quotes"
        in dict(items)["/people/vyacheslav-kalyuzhnyi/"]
    )
    assert items[0][0] == "/organizations/kazakh-government/"


def test_the_seeds_organization_page_tells_its_neighbours_apart(client, seed):
    items = appears_with(client, "/organizations/human-rights-watch/")
    assert len(items) == 10
    assert len({reasons for _href, reasons in items[:5]}) == 5
    hrefs = [href for href, _ in items]
    # Kalyuzhnyi, quoted about it three times, before Saenen, in two of its paragraphs.
    assert hrefs.index("/people/vyacheslav-kalyuzhnyi/") < hrefs.index("/people/vanessa-saenen/")
    assert (
        "spoke about or to Human Rights Watch in 3 quotes"
        in dict(items)["/people/vyacheslav-kalyuzhnyi/"]
    )


def test_the_ranking_follows_an_edit(client, seed):
    """A new quote by Saenen about Nazarbaev moves him up her list, and out again when it is
    deleted (the figures are kept on every write, as the other summaries are)."""
    saenen = Person.objects.get(slug="vanessa-saenen")
    nazarbaev = Person.objects.get(slug="nursultan-nazarbaev")
    before = appears_with(client, saenen.get_absolute_url())
    assert before[-1][0] == nazarbaev.get_absolute_url()
    article = seed
    quote = Quote(article=article, speaker=saenen, status="confirmed")
    words = article.body.split("\n\n")[1][:40]
    quote.anchor_to(words)
    quote.save()
    quote.about.add(nazarbaev)
    quote.about.add(nazarbaev)  # once only
    tracking.settle()
    after = dict(appears_with(client, saenen.get_absolute_url()))
    assert "Vanessa Saenen spoke about or to them in 1 quote" in after[nazarbaev.get_absolute_url()]
    hrefs = [href for href, _ in appears_with(client, saenen.get_absolute_url())]
    assert hrefs.index(nazarbaev.get_absolute_url()) < len(before) - 1
    quote.delete()
    tracking.settle()
    assert appears_with(client, saenen.get_absolute_url()) == before


def test_the_migration_fills_the_new_figures(seed):
    """0026's backfill (paragraph facts from the mentions, CoMention from the facts) gives
    what rebuild_summaries computes."""
    call_command("rebuild_summaries", verbosity=0)
    expected = snapshot()
    # As before the migration: no paragraph facts, co-mentions with their articles only.
    EntityParagraph.objects.all().delete()
    CoMention.objects.filter(together=0).delete()
    CoMention.objects.update(quotes=0, quotes_by=0, paragraphs=0, mentions=0)
    assert snapshot() != expected
    migration = importlib.import_module("archive.migrations.0026_closeness_of_connections")
    migration.fill_paragraphs(apps, SimpleNamespace(connection=connection))
    with connection.cursor() as cursor:
        for sql in migration.REFILL:
            cursor.execute(sql)
    assert snapshot() == expected
