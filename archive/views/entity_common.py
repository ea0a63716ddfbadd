"""The panels every entity page shares: quotes about it, articles naming it, its events and
its connections diagram. Each list is one queryset (plus its prefetches) whatever its size."""

from archive.models import Article, Entity, EventParticipant, Quote
from archive.views import connections
from archive.views.paging import paginate

CONNECTIONS_PER_REASON = 12


def quotes_about(request, entity):
    quotes = Quote.objects.public().about(entity).exclude(speaker=entity)
    return paginate(request, quotes.with_context().latest_first(), "about_page")


def articles_mentioning(request, entity):
    articles = Article.objects.mentioning(entity).with_byline()
    return paginate(request, articles.order_by("-published_on", "headline"), "articles_page")


def events_of(entity):
    return list(
        EventParticipant.objects.filter(entity=entity)
        .select_related("event__location")
        .order_by("event__start", "event__sort_name")
    )


def diagram(entity, memberships=()):
    """The connections diagram: `memberships` are (entity, role) pairs the page already has."""
    limit = CONNECTIONS_PER_REASON
    co_mentioned = list(Entity.objects.co_mentioned_with(entity)[:limit])
    spoke_about = list(Entity.objects.spoken_about_by(entity)[:limit])
    spoken_about_by = list(Entity.objects.speaking_about(entity)[:limit])
    return connections.build(
        entity,
        memberships=memberships,
        spoke_about=spoke_about,
        spoken_about_by=spoken_about_by,
        co_mentioned=co_mentioned,
    ), co_mentioned
