from django.db.models import F
from django.shortcuts import render
from django.urls import reverse

from archive import pagecache
from archive.models import Event, EventParticipant
from archive.pagecache import cached_page
from archive.summaries import reading
from archive.views import entity_common, jsonld, timeline_axis
from archive.views.lookup import get_entity_or_404
from archive.views.paging import paginate

TIMELINE_PAGE = 100


@cached_page(pagecache.entity_depends("event"))
def event_detail(request, slug):
    event = get_entity_or_404(
        Event,
        slug,
        Event.objects.select_related("location").prefetch_related("aliases", "identifiers"),
    )
    participants = list(
        EventParticipant.objects.filter(event=event).select_related("entity").order_by("id")
    )
    figures = reading.entity_figures(event)
    context = {
        "entity": event,
        "participants": participants,
        "quotes_about": entity_common.quotes_about(request, event, figures),
        "articles": entity_common.articles_mentioning(request, event, figures),
        "jsonld": jsonld.event(event, participants),
    }
    return render(request, "archive/event_detail.html", context)


@cached_page()
def timeline(request):
    """All events in date order on one axis; a page holds TIMELINE_PAGE events."""
    events = Event.objects.select_related("location").order_by(
        F("start").asc(nulls_last=True), "sort_name", "pk"
    )
    page = paginate(request, events, per_page=TIMELINE_PAGE)
    rows, ticks = timeline_axis.layout(page.object_list)
    undated = [e for e in page.object_list if not e.start_partial]
    context = {
        "page": page,
        "rows": rows,
        "ticks": ticks,
        "undated": undated,
        "jsonld": jsonld.collection("Timeline of events", reverse("archive:timeline")),
    }
    return render(request, "archive/timeline.html", context)


@cached_page()
def event_index(request):
    events = Event.objects.select_related("location").order_by(
        F("start").asc(nulls_last=True), "sort_name", "pk"
    )
    context = {
        "page": paginate(request, events, per_page=200),
        "jsonld": jsonld.collection("Events", reverse("archive:events")),
    }
    return render(request, "archive/event_index.html", context)
