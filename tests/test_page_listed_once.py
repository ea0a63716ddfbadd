"""No page lists one quote twice: each quote an entity page shows stands in one section only.

An organization's quotes by its people can be about it (or said to it), a reply can be about
the person it answers, a quote said to someone can answer them: each of these belongs to
several of a page's lists, and the page shows it in the first (archive.summaries.source_facts,
archive.views.organizations). The walk goes over every entity and tag page of the seed, and
over made-up cases where the lists overlap, each list shown whole.
"""

import re
from collections import Counter

import pytest
from django.db.models import F
from taggit.models import Tag

from archive.models import Entity, Membership, Mention, Person, Quote
from archive.summaries import tracking
from archive.views import entity_common
from tests.test_page_person import section

PERMALINK = re.compile(r'<a href="(/quotes/[0-9]+/)">Permalink</a>')


def main_of(html: str) -> str:
    start = html.index("<main")
    return html[start : html.index("</main>", start)]


def repeated_quotes(html: str) -> list[str]:
    counts = Counter(PERMALINK.findall(main_of(html)))
    return sorted(url for url, n in counts.items() if n > 1)


def entity_pages() -> list[str]:
    urls = [entity.get_absolute_url() for entity in Entity.objects.order_by("pk")]
    public = Quote.objects.public().values("tagged_items__tag")
    urls += [f"/tags/{t.slug}/" for t in Tag.objects.filter(pk__in=public).order_by("pk")]
    return urls


@pytest.fixture
def whole_lists(monkeypatch):
    # Every list on one page, so a quote in two lists is on the page twice.
    monkeypatch.setattr(entity_common, "QUOTES_FIRST", 100)
    monkeypatch.setattr(entity_common, "SIDE_LIST", 100)


def quote_in(article, words, speaker, **fields):
    quote = Quote(article=article, speaker=speaker, **fields)
    quote.anchor_to(words)
    quote.save()
    return quote


@pytest.fixture
def overlaps(article, person, organization, quote):
    """Vanessa Saenen (of Human Rights Watch) quoted about it; Bob answering her quote
    about her, and a reply to her said to her."""
    quote.about.add(organization)  # by a member, about the organization
    article.body += (
        '\n\nBob Critic answered: "Saenen is wrong." He told Saenen: "You are wrong." '
        'Saenen told Human Rights Watch: "We stand by it."'
    )
    article.save()
    bob = Person.objects.create(name="Bob Critic", slug="bob-critic")
    about_her = quote_in(article, "Saenen is wrong.", bob, answers=quote)
    about_her.about.add(person)
    quote_in(article, "You are wrong.", bob, answers=quote, said_to=person)
    quote_in(article, "We stand by it.", person, said_to=organization)
    for entity in (person, organization, bob):
        mention = Mention(article=article, entity=entity)
        mention.anchor_to(entity.name.split()[-1] if entity is person else entity.name)
        mention.save()
    tracking.settle()
    return person, organization, bob


def test_a_members_quote_about_the_organization_is_listed_once(client, overlaps, whole_lists):
    person, organization, _bob = overlaps
    html = client.get(organization.get_absolute_url()).text
    assert repeated_quotes(html) == []
    by = section(html, "quotes-by-h")
    assert "We are concerned about the elections" in by and "We stand by it" in by
    # Only members spoke about or to it: both lists are empty, and their counts say so.
    assert "We are concerned" not in section(html, "quotes-about-h")
    assert 'id="said-to-h"' not in html
    assert "Nobody is quoted about Human Rights Watch yet." in html


def test_the_quotes_about_count_leaves_the_members_out(client, overlaps, quote, whole_lists):
    person, organization, bob = overlaps
    Quote.objects.filter(speaker=bob, said_to=person).first().about.add(organization)
    tracking.settle()
    about = section(client.get(organization.get_absolute_url()).text, "quotes-about-h")
    assert "You are wrong" in about
    assert PERMALINK.findall(about) != [] and quote.get_absolute_url() not in PERMALINK.findall(
        about
    )
    assert '<span class="count">(1)</span>' in about


def test_a_reply_about_or_to_the_person_it_answers_is_listed_once(client, overlaps, whole_lists):
    person, _organization, _bob = overlaps
    html = client.get(person.get_absolute_url()).text
    assert repeated_quotes(html) == []
    # About her and answering her: among the quotes about her. Said to her and answering
    # her: among the answers to her.
    assert "Saenen is wrong" in section(html, "quotes-about-h")
    assert "Saenen is wrong" not in section(html, "replies-h")
    assert "You are wrong" in section(html, "replies-h")
    assert 'id="said-to-h"' not in html


def test_no_entity_page_lists_a_quote_twice(client, seed, whole_lists):
    # The seed as it is, then with the overlaps made in it: a member's quote about her
    # organization, a reply about the person it answers, another said to them.
    urls = entity_pages()
    assert len(urls) > 20
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert repeated_quotes(response.text) == [], url
    saenen = Person.objects.get(slug="vanessa-saenen")
    member = Membership.objects.filter(person=saenen).first()
    Quote.objects.filter(speaker=saenen).first().about.add(member.organization)
    replies = Quote.objects.public().answering_public().exclude(speaker=F("answers__speaker"))
    first, *others = list(replies.select_related("answers"))
    assert others, "the seed has replies"
    first.about.add(first.answers.speaker_id)
    others[0].said_to_id = others[0].answers.speaker_id
    others[0].save()
    tracking.settle()
    for url in entity_pages():
        assert repeated_quotes(client.get(url).text) == [], url


def test_the_walk_would_see_a_quote_listed_twice(client, overlaps, whole_lists, monkeypatch):
    """The check can fail: without the organization's rule its page repeats the quote."""
    _person, organization, _bob = overlaps
    monkeypatch.setattr(
        entity_common,
        "quotes_about",
        lambda request, entity, figures, not_by=(): entity_common.reading.quotes_about(
            request, entity, figures.quotes_about, "about_page", 100
        ),
    )
    assert repeated_quotes(client.get(organization.get_absolute_url()).text) != []


def test_the_migration_brings_stored_facts_to_the_rule(overlaps):
    """0024's SQL turns facts stored by the old rule (a reply also about, or said to, the
    person it answers listed again) into what rebuild_summaries stores today."""
    import importlib

    from django.core.management import call_command
    from django.db import connection

    from archive.models.summaries import EntityFigures, QuoteFact
    from tests.test_summaries import snapshot

    person, _organization, bob = overlaps
    call_command("rebuild_summaries", verbosity=0)
    expected = snapshot()
    # As the old rule stored them: the answered speaker always, and whom it was said to.
    for quote in Quote.objects.filter(speaker=bob):
        QuoteFact.objects.filter(quote=quote).update(
            replied_to_id=person.pk, said_to_id=quote.said_to_id
        )
    EntityFigures.objects.filter(entity_id=person.pk).update(replies=7, said_to=7)
    EntityFigures.objects.create(entity_id=bob.pk + 1000)  # all zero: dropped
    assert snapshot() != expected
    migration = importlib.import_module("archive.migrations.0024_quotes_listed_once")
    with connection.cursor() as cursor:
        for sql in migration.STATEMENTS:
            cursor.execute(sql)
    assert snapshot() == expected


def test_the_api_filters_list_what_the_sections_list(client, overlaps):
    """The sections' API lists (about_by_others, answers_to) follow the same rule."""
    from tests.api.test_section_filters import check_page

    for entity in overlaps:
        check_page(client, entity)
