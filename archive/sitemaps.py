"""sitemap.xml: every public page with its own address."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive.models import Article, Entity, Quote


class ArticleSitemap(Sitemap):
    def items(self):
        return Article.objects.published().order_by("-published_on", "pk")

    def lastmod(self, item):
        return item.updated_at


class EntitySitemap(Sitemap):
    def items(self):
        return Entity.objects.order_by("kind", "pk")

    def lastmod(self, item):
        return item.updated_at


class QuoteSitemap(Sitemap):
    def items(self):
        return Quote.objects.public().order_by("pk")


class TagSitemap(Sitemap):
    def items(self):
        return Quote.objects.public().tag_counts().order_by("name")

    def location(self, item):
        return reverse("archive:tag", kwargs={"slug": item.slug})


class IndexSitemap(Sitemap):
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
