from django.contrib import admin
from django.urls import include, path, register_converter

from archive.views import articles, entities, home, quotes, search


class TwoDigits:
    regex = r"[0-9]{2}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return f"{int(value):02d}"


register_converter(TwoDigits, "dd")

public = [
    path("", home.home, name="home"),
    path(
        "articles/<int:year>/<dd:month>/<dd:day>/<slug:slug>/",
        articles.article_detail,
        name="article",
    ),
    path("people/<slug:slug>/", entities.entity_detail, {"kind": "person"}, name="person"),
    path(
        "organizations/<slug:slug>/",
        entities.entity_detail,
        {"kind": "organization"},
        name="organization",
    ),
    path("places/<slug:slug>/", entities.entity_detail, {"kind": "place"}, name="place"),
    path("events/<slug:slug>/", entities.entity_detail, {"kind": "event"}, name="event"),
    path("quotes/<int:pk>/", quotes.quote_detail, name="quote"),
    path("search/", search.search, name="search"),
    path("search/names.json", search.search_names, name="search_names"),
    path("opensearch.xml", search.opensearch, name="opensearch"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((public, "archive"))),
]
