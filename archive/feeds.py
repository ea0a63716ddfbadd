"""Atom feeds: the latest articles, the quotes of one person, the quotes with one tag."""

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive import quoting
from archive.models import Article, Person, Quote
from archive.views.lookup import get_entity_or_404
from archive.views.tags import public_tag_or_404

FEED_LENGTH = 30


class TextAtom1Feed(Atom1Feed):
    """Atom whose summaries are plain text (type="text"): headlines, standfirsts and quotes
    are what editors typed, and a feed reader must show any markup in them, not run it.
    (Django's Atom1Feed marks every summary type="html".)"""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


class LatestArticles(Feed):
    feed_type = TextAtom1Feed
    # Atom requires an author for every entry; the archive stands behind its feed.
    author_name = settings.SITE_NAME
    title = f"{settings.SITE_NAME}: latest articles"
    subtitle = "The newest articles in the archive."

    def link(self):
        return reverse("archive:home")

    def items(self):
        return (
            Article.objects.published().with_byline().order_by("-published_on", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.standfirst

    def item_pubdate(self, item):
        # Atom wants a moment: a partial date's first day; none when the date is unknown.
        return _midnight(item.published_on) if item.is_dated else None

    def item_updateddate(self, item):
        return item.updated_at


class QuoteFeed(Feed):
    feed_type = TextAtom1Feed
    author_name = settings.SITE_NAME

    def item_title(self, item):
        return quoting.line(item, limit=14)

    def item_description(self, item):
        found = quoting.cue(item)
        cue = f" Attributed in the article: {found.text()}" if found else ""
        return f"{quoting.line(item)}, in {item.article.headline}.{cue}"

    def item_pubdate(self, item):
        article = item.article
        return _midnight(article.published_on) if article.is_dated else None

    def item_author_name(self, item):
        return item.speaker.name if item.speaker_id else None


class PersonQuotes(QuoteFeed):
    def get_object(self, request, slug):
        return get_entity_or_404(Person, slug)

    def title(self, obj):
        return f"Quotes by {obj.name} · {settings.SITE_NAME}"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return Quote.objects.public().by(obj).with_context().latest_first()[:FEED_LENGTH]


class TagQuotes(QuoteFeed):
    def get_object(self, request, slug):
        return public_tag_or_404(slug)

    def title(self, obj):
        return f"Quotes tagged “{obj.name}” · {settings.SITE_NAME}"

    def link(self, obj):
        return reverse("archive:tag", kwargs={"slug": obj.slug})

    def items(self, obj):
        return Quote.objects.public().with_tag(obj).with_context().latest_first()[:FEED_LENGTH]
