from django.shortcuts import render
from django.urls import reverse

from archive import pagecache
from archive.models import Membership, Person
from archive.pagecache import cached_page
from archive.summaries import reading
from archive.views import connections, entity_common, jsonld
from archive.views.lookup import get_entity_or_404
from archive.views.paging import paginate

APPEARS_WITH = 10


@cached_page(pagecache.entity_depends("person"))
def person_detail(request, slug):
    person = get_entity_or_404(
        Person, slug, Person.objects.prefetch_related("aliases", "identifiers")
    )
    memberships = list(
        Membership.objects.filter(person=person).with_related().order_by("start", "id")
    )
    figures = reading.entity_figures(person)
    diagram = entity_common.diagram(
        person, memberships=[(m.organization, m.role) for m in memberships]
    )
    context = {
        "entity": person,
        "memberships": memberships,
        "quotes_by": reading.quotes_by(
            request, [person.pk], figures.quotes_by, per_page=entity_common.QUOTES_FIRST
        ),
        "quotes_about": entity_common.quotes_about(request, person, figures),
        "said_to": entity_common.said_to(request, person, figures),
        "answers_to_them": reading.replies_to(
            request, person, figures.replies, "replies_page", entity_common.SIDE_LIST
        ),
        "articles": entity_common.articles_mentioning(request, person, figures),
        "events": entity_common.events_of(person),
        "appears_with": connections.appears_with(
            person,
            reading.co_mentioned(person, APPEARS_WITH, speakers=True),
            [(m.organization, m.role) for m in memberships],
        ),
        "diagram": diagram,
        "feed_url": reverse("archive:person_quotes_feed", kwargs={"slug": person.slug}),
        "jsonld": jsonld.person(person, memberships),
    }
    return render(request, "archive/person_detail.html", context)


@cached_page()
def person_index(request):
    page = paginate(request, Person.objects.order_by("sort_name", "name", "pk"), per_page=100)
    context = {
        "page": page,
        "jsonld": jsonld.collection("People A–Z", reverse("archive:people")),
    }
    return render(request, "archive/person_index.html", context)
