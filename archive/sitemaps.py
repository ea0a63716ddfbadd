"""sitemap.xml: an index of one sitemap per section (pages, articles, entities, quotes,
tags), each split into pages (the protocol allows 50,000 addresses in one), so an archive of
hundreds of thousands of quotes stays crawlable. Every public page with its own address."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from archive.dates import UNDATED
from archive.models import Article, Entity, Quote
from archive.summaries.reading import counts_by_month


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
        fields = ("slug", "published_on", "published_precision", "updated_at")
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


class DateSitemap(Section):
    """The article archive by year and by month, from the stored articles-per-month figures
    (a few hundred rows however many articles there are)."""

    def items(self):
        rows = reversed(counts_by_month())
        # Month 0 (month not known) is on its year's page; UNDATED's year has its own list.
        pairs = [
            (row["year"], row["month"])
            for row in rows
            if row["count"] and row["month"] and row["year"] != UNDATED.year
        ]
        years = sorted({year for year, _ in pairs})
        return [(year, None) for year in years] + pairs

    def location(self, item):
        year, month = item
        if month is None:
            return reverse("archive:articles_year", kwargs={"year": year})
        return reverse("archive:articles_month", kwargs={"year": year, "month": month})


class IndexSitemap(Section):
    def items(self):
        return [
            "home",
            "people",
            "organizations",
            "places",
            "events",
            "timeline",
            "quotes",
            "tags",
        ]

    def location(self, item):
        return reverse(f"archive:{item}")


SITEMAPS = {
    "pages": IndexSitemap,
    "dates": DateSitemap,
    "articles": ArticleSitemap,
    "entities": EntitySitemap,
    "quotes": QuoteSitemap,
    "tags": TagSitemap,
}
