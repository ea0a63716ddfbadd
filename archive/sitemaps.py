"""sitemap.xml: an index of one sitemap per section (pages, articles, entities, quotes,
tags), each split into pages (the protocol allows 50,000 addresses in one), so an archive of
hundreds of thousands of quotes stays crawlable. Every public page with its own address."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from archive.models import Article, Entity, Quote


class Section(Sitemap):
    # Pages of 10,000 addresses (the protocol allows 50,000): each renders in about a second
    # at archive scale instead of four.
    limit = 10_000


class LastModified(Section):
    """The index's <lastmod> for the section in one aggregate query, not by reading every
    item (Django's default)."""

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]


class ArticleSitemap(LastModified):
    def items(self):
        fields = ("slug", "published_on", "updated_at")
        return Article.objects.published().order_by("-published_on", "pk").only(*fields)


class EntitySitemap(LastModified):
    def items(self):
        return Entity.objects.order_by("kind", "pk").only("kind", "slug", "updated_at")


class QuoteSitemap(Section):
    def items(self):
        return Quote.objects.public().order_by("pk").only("pk")


class TagSitemap(Section):
    def items(self):
        return Quote.objects.public().tag_counts().order_by("name")

    def location(self, item):
        return reverse("archive:tag", kwargs={"slug": item.slug})


class IndexSitemap(Section):
    def items(self):
        return ["home", "people", "organizations", "places", "events", "timeline", "tags"]

    def location(self, item):
        return reverse(f"archive:{item}")


SITEMAPS = {
    "pages": IndexSitemap,
    "articles": ArticleSitemap,
    "entities": EntitySitemap,
    "quotes": QuoteSitemap,
    "tags": TagSitemap,
}
