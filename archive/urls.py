from django.contrib import admin
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import URLPattern, include, path, register_converter
from django.views.decorators.http import require_safe

from archive import feeds
from archive.site import served_at_site_url
from archive.sitemaps import SITEMAPS
from archive.views import (
    articles,
    events,
    home,
    organizations,
    people,
    places,
    quote_index,
    quotes,
    search,
    tags,
)


class TwoDigits:
    regex = r"[0-9]{2}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return f"{int(value):02d}"


class FourDigits(TwoDigits):
    regex = r"[0-9]{4}"

    def to_url(self, value) -> str:
        return f"{int(value):04d}"


class Season:
    regex = r"spring|summer|autumn|winter"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(TwoDigits, "dd")
register_converter(Season, "season")
register_converter(FourDigits, "yyyy")

public = [
    path("", home.home, name="home"),
    path("articles/", articles.article_archive, name="articles"),
    path("articles/<yyyy:year>/", articles.article_month, name="articles_year"),
    path("articles/<yyyy:year>/<dd:month>/", articles.article_month, name="articles_month"),
    path(
        "articles/<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/",
        articles.article_detail,
        name="article",
    ),
    # Partly dated and undated articles (README "Article addresses"); a two-digit slug
    # never names a year-dated article, so /articles/2002/05/ stays May's list.
    path("articles/undated/", articles.article_undated_list, name="articles_undated"),
    path(
        "articles/undated/<slug:slug>/",
        articles.article_detail,
        {"precision": "unknown"},
        name="article_undated",
    ),
    path(
        "articles/<yyyy:year>/<season:season>/<slug:slug>/",
        articles.article_detail,
        {"precision": "season"},
        name="article_season",
    ),
    path(
        "articles/<yyyy:year>/<dd:month>/<slug:slug>/",
        articles.article_detail,
        {"precision": "month"},
        name="article_in_month",
    ),
    path(
        "articles/<yyyy:year>/<slug:slug>/",
        articles.article_detail,
        {"precision": "year"},
        name="article_year",
    ),
    path("people/", people.person_index, name="people"),
    path("people/<slug:slug>/", people.person_detail, name="person"),
    path(
        "people/<slug:slug>/quotes.atom",
        served_at_site_url(feeds.PersonQuotes()),
        name="person_quotes_feed",
    ),
    path("organizations/", organizations.organization_index, name="organizations"),
    path("organizations/<slug:slug>/", organizations.organization_detail, name="organization"),
    path("places/", places.place_index, name="places"),
    path("places/<slug:slug>/", places.place_detail, name="place"),
    path("events/", events.event_index, name="events"),
    path("events/<slug:slug>/", events.event_detail, name="event"),
    path("timeline/", events.timeline, name="timeline"),
    path("quotes/", quote_index.quote_index, name="quotes"),
    path("quotes/<int:pk>/", quotes.quote_detail, name="quote"),
    path("tags/", tags.tag_index, name="tags"),
    path("tags/<slug:slug>/", tags.tag_detail, name="tag"),
    path(
        "tags/<slug:slug>/quotes.atom",
        served_at_site_url(feeds.TagQuotes()),
        name="tag_quotes_feed",
    ),
    path("feeds/articles.atom", served_at_site_url(feeds.LatestArticles()), name="articles_feed"),
    path(
        "sitemap.xml",
        served_at_site_url(sitemap_index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "archive:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        served_at_site_url(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", home.robots, name="robots"),
    path("favicon.ico", home.favicon, name="favicon"),
    path("search/", search.search, name="search"),
    path("search/names.json", search.search_names, name="search_names"),
    path("opensearch.xml", search.opensearch, name="opensearch"),
]
# Reading pages answer GET and HEAD only: TRACE, OPTIONS, POST… get 405 with an Allow header.
for pattern in public:
    if isinstance(pattern, URLPattern):
        pattern.callback = require_safe(pattern.callback)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("archive.api.urls")),
    path("", include((public, "archive"))),
]
