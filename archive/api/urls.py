"""/api/: the JSON API, its OpenAPI schema and its reference page."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from archive.api import root, views

app_name = "api"

urlpatterns = [
    path("", root.ApiRoot.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", title="News Archive API"),
        name="docs",
    ),
    path("quotes/", views.QuoteList.as_view(), name="quotes"),
    path("quotes.csv", views.QuoteCsv.as_view(), name="quotes_csv"),
    path("popolo.json", views.PopoloAll.as_view(), name="popolo"),
    re_path(
        r"^popolo/(?P<collection>persons|organizations|areas|events)/(?P<pk>[0-9]+)\.json$",
        views.PopoloOne.as_view(),
        name="popolo_one",
    ),
    path("people.csv", views.PersonCsv.as_view(), name="people_csv"),
    path("organizations.csv", views.OrganizationCsv.as_view(), name="organizations_csv"),
    path("places.csv", views.PlaceCsv.as_view(), name="places_csv"),
    path("events.csv", views.EventCsv.as_view(), name="events_csv"),
    path("quotes/<int:pk>/", views.QuoteDetail.as_view(), name="quote"),
    path("articles/", views.ArticleList.as_view(), name="articles"),
    path("articles/<int:pk>/", views.ArticleDetail.as_view(), name="article"),
    path(
        "articles/<int:pk>/annotations/",
        views.ArticleAnnotations.as_view(),
        name="article_annotations",
    ),
    re_path(
        r"^articles/(?P<pk>[0-9]+)/(?P<part>headline|standfirst|body)\.txt$",
        views.ArticleText.as_view(),
        name="article_text",
    ),
    re_path(
        r"^annotations/(?P<kind>quote|mention)-(?P<pk>[0-9]+)/$",
        views.AnnotationDetail.as_view(),
        name="annotation",
    ),
    path("people/", views.PersonList.as_view(), name="people"),
    path("people/<int:pk>/", views.PersonDetail.as_view(), name="person"),
    path("organizations/", views.OrganizationList.as_view(), name="organizations"),
    path("organizations/<int:pk>/", views.OrganizationDetail.as_view(), name="organization"),
    path("places/", views.PlaceList.as_view(), name="places"),
    path("places/<int:pk>/", views.PlaceDetail.as_view(), name="place"),
    path("events/", views.EventList.as_view(), name="events"),
    path("events/<int:pk>/", views.EventDetail.as_view(), name="event"),
    path("memberships/", views.MembershipList.as_view(), name="memberships"),
    path("memberships/<int:pk>/", views.MembershipDetail.as_view(), name="membership"),
    path("tags/", views.TagList.as_view(), name="tags"),
    path("tags/<slug:slug>/", views.TagDetail.as_view(), name="tag"),
]
