"""The panels every entity page shares: quotes about it, articles naming it, its events and
its connections diagram. Each list is one queryset (plus its prefetches) on the stored
summaries, paged by key, whatever the entity's size."""

from archive.models import EventParticipant
from archive.summaries import reading
from archive.views import connections

CONNECTIONS_PER_REASON = 12
# Short first pages: an entity page shows the start of each list, and Older → goes on.
MAIN_LIST = 10  # the page's own list of articles (compact lines)
QUOTES_FIRST = 5  # the page's own quotes (tall cards): quotes by them, by its people
SIDE_LIST = 5  # quotes about them, answers, replies, articles naming them


def quotes_about(request, entity, figures, not_by=()):
    """Quotes about the entity by others; `not_by`: speakers another list of the page owns."""
    return reading.quotes_about(
        request, entity, figures.quotes_about, "about_page", SIDE_LIST, not_by=not_by
    )


def said_to(request, entity, figures, not_by=()):
    """Quotes addressed to the entity (a letter to a president, "she told RFE/RL"), except
    those also about it, which the quotes about it already list."""
    return reading.said_to(
        request, entity, figures.said_to, "said_to_page", SIDE_LIST, not_by=not_by
    )


def articles_mentioning(request, entity, figures):
    return reading.articles_mentioning(
        request, entity, figures.articles, "articles_page", MAIN_LIST
    )


def events_of(entity):
    return list(
        EventParticipant.objects.filter(entity=entity)
        .select_related("event__location")
        .order_by("event__start", "event__sort_name", "event_id", "id")
    )


def diagram(entity, memberships=()):
    """The connections diagram: `memberships` are (entity, role) pairs the page already has."""
    limit = CONNECTIONS_PER_REASON
    return connections.build(
        entity,
        memberships=memberships,
        spoke_about=reading.spoken_about_by(entity, limit),
        spoken_about_by=reading.speaking_about(entity, limit),
        co_mentioned=reading.co_mentioned(entity, limit),
    )
