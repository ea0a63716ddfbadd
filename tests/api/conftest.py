"""API tests: throttling off unless a test turns it on, and a fresh throttle cache."""

import datetime as dt

import pytest
from django.core.cache import cache

from archive.models import Article, ArticleStatus, Membership, Mention, Quote, ReviewStatus


@pytest.fixture(autouse=True)
def _api_settings(settings):
    settings.API_THROTTLE_RATE = None
    cache.clear()
    yield
    cache.clear()


def _quote(article, words, speaker, status=ReviewStatus.CONFIRMED, orphaned=False, tag=None):
    quote = Quote(article=article, speaker=speaker, status=status, orphaned=orphaned)
    quote.anchor_to(words)
    quote.save()
    if tag:
        quote.tags.add(tag)
    return quote


def _mention(article, words, entity, status=ReviewStatus.CONFIRMED, orphaned=False):
    mention = Mention(article=article, entity=entity, status=status, orphaned=orphaned)
    mention.anchor_to(words)
    mention.save()
    return mention


# Words only hidden annotations of the published article mark (the article's text, which is
# public, has them; no annotation the API serves may), and words only the draft has (nothing
# the API serves may have them).
HIDDEN_ANNOTATIONS = ["zebracrossing", "quokkaword", "narwhalword"]
DRAFT_WORDS = ["axolotlword", "Draft-only headline"]


@pytest.fixture
def hidden(seed):
    """The seed, plus in its published article a suggested, a rejected and an orphaned quote
    and mention (each with its own marker word), a draft article with a confirmed quote and
    mention, a quote answering the suggested one, a tag only hidden quotes carry, and a
    membership whose source is the draft."""
    from archive.models import Person

    speaker = Quote.objects.filter(article=seed, speaker__kind="person").first().speaker
    person = Person.objects.get(pk=speaker.pk)
    seed.body += (
        "\n\nThe zebracrossing remark came first. The quokkaword remark came next. "
        "The narwhalword remark came last. Then a reply followed."
    )
    seed.save()
    suggested = _quote(
        seed, "zebracrossing remark", person, ReviewStatus.SUGGESTED, tag="secrettag"
    )
    _quote(seed, "quokkaword remark", person, ReviewStatus.REJECTED, tag="secrettag")
    _quote(seed, "narwhalword remark", person, orphaned=True, tag="secrettag")
    reply = _quote(seed, "Then a reply followed", person)
    reply.answers = suggested
    reply.save()
    _mention(seed, "zebracrossing", person, ReviewStatus.SUGGESTED)
    _mention(seed, "quokkaword", person, ReviewStatus.REJECTED)
    _mention(seed, "narwhalword", person, orphaned=True)
    draft = Article.objects.create(
        headline="Draft-only headline",
        slug="draft-only",
        body="The axolotlword statement stands here.",
        published_on=dt.date(2004, 5, 1),
        status=ArticleStatus.DRAFT,
    )
    _quote(draft, "axolotlword statement", person)
    _mention(draft, "axolotlword", person)
    Membership.objects.create(
        person=person,
        organization=Membership.objects.filter(person=person).first().organization,
        role="adviser",
        source_article=draft,
    )
    return {"article": seed, "draft": draft, "reply": reply, "suggested": suggested}
