from django.shortcuts import render
from django.urls import reverse

from archive import pagecache
from archive.models import Place
from archive.pagecache import cached_page
from archive.summaries import reading
from archive.views import entity_common, jsonld
from archive.views.lookup import get_entity_or_404
from archive.views.paging import paginate


@cached_page(pagecache.entity_depends("place"))
def place_detail(request, slug):
    place = get_entity_or_404(
        Place,
        slug,
        Place.objects.select_related("located_in").prefetch_related("aliases", "identifiers"),
    )
    figures = reading.entity_figures(place)
    context = {
        "entity": place,
        "contains": list(place.contains.order_by("sort_name", "pk")),
        "organizations": list(place.organizations_based.order_by("sort_name", "pk")),
        "events_held": list(place.events_held.order_by("start", "sort_name", "pk")),
        "datelined": reading.articles_datelined(
            request, place, figures.datelined, "dateline_page", entity_common.MAIN_LIST
        ),
        "quotes_about": entity_common.quotes_about(request, place, figures),
        "articles": entity_common.articles_mentioning(request, place, figures),
        "jsonld": jsonld.place(place),
    }
    return render(request, "archive/place_detail.html", context)


@cached_page()
def place_index(request):
    places = Place.objects.select_related("located_in").order_by("sort_name", "name", "pk")
    context = {
        "page": paginate(request, places, per_page=200),
        "jsonld": jsonld.collection("Places", reverse("archive:places")),
    }
    return render(request, "archive/place_index.html", context)
