"""/api/: the JSON API, its OpenAPI schema and its reference page."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from archive.api import root, search, views

app_name = "api"

urlpatterns = [
    path("", root.ApiRoot.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", title="News Archive API"),
        name="docs",
    ),
    path("search/", search.Search.as_view(), name="search"),
    path("quotes/", views.QuoteList.as_view(), name="quotes"),
    path("quotes.csv", views.QuoteCsv.as_view(), name="quotes_csv"),
    path("popolo.json", views.PopoloAll.as_view(), name="popolo"),
    path("popolo/<str:collection>/<str:pk>.json", views.PopoloOne.as_view(), name="popolo_one"),
    path("people.csv", views.PersonCsv.as_view(), name="people_csv"),
    path("organizations.csv", views.OrganizationCsv.as_view(), name="organizations_csv"),
    path("places.csv", views.PlaceCsv.as_view(), name="places_csv"),
    path("events.csv", views.EventCsv.as_view(), name="events_csv"),
    path("quotes/<str:pk>/", views.QuoteDetail.as_view(), name="quote"),
    path("articles/", views.ArticleList.as_view(), name="articles"),
    path("articles/<str:pk>/", views.ArticleDetail.as_view(), name="article"),
    path(
        "articles/<str:pk>/annotations/",
        views.ArticleAnnotations.as_view(),
        name="article_annotations",
    ),
    path("articles/<str:pk>/<str:part>.txt", views.ArticleText.as_view(), name="article_text"),
    path("annotations/<str:ident>/", views.AnnotationDetail.as_view(), name="annotation"),
    path("people/", views.PersonList.as_view(), name="people"),
    path("people/<str:pk>/", views.PersonDetail.as_view(), name="person"),
    path("organizations/", views.OrganizationList.as_view(), name="organizations"),
    path("organizations/<str:pk>/", views.OrganizationDetail.as_view(), name="organization"),
    path("places/", views.PlaceList.as_view(), name="places"),
    path("places/<str:pk>/", views.PlaceDetail.as_view(), name="place"),
    path("events/", views.EventList.as_view(), name="events"),
    path("events/<str:pk>/", views.EventDetail.as_view(), name="event"),
    path("memberships/", views.MembershipList.as_view(), name="memberships"),
    path("memberships/<str:pk>/", views.MembershipDetail.as_view(), name="membership"),
    path("tags/", views.TagList.as_view(), name="tags"),
    path("tags/<str:slug>/", views.TagDetail.as_view(), name="tag"),
    re_path(r"^.*$", views.NotFound.as_view(), name="not_found"),
]
