from django.shortcuts import render
from django.urls import reverse

from archive.models import Entity, Membership, Person, Quote
from archive.views import entity_common, jsonld
from archive.views.lookup import get_entity_or_404
from archive.views.paging import paginate

APPEARS_WITH = 10


def person_detail(request, slug):
    person = get_entity_or_404(
        Person, slug, Person.objects.prefetch_related("aliases", "identifiers")
    )
    memberships = list(
        Membership.objects.filter(person=person).with_related().order_by("start", "id")
    )
    public = Quote.objects.public()
    quotes_by = paginate(request, public.by(person).with_context().latest_first())
    answers_to_them = paginate(
        request,
        public.answering_quotes_by(person).exclude(speaker=person).with_context().latest_first(),
        "replies_page",
    )
    their_answers = paginate(
        request,
        public.by(person).filter(answers__isnull=False).with_context().latest_first(),
        "answers_page",
    )
    diagram, _ = entity_common.diagram(
        person, memberships=[(m.organization, m.role) for m in memberships]
    )
    context = {
        "entity": person,
        "memberships": memberships,
        "quotes_by": quotes_by,
        "quotes_about": entity_common.quotes_about(request, person),
        "answers_to_them": answers_to_them,
        "their_answers": their_answers,
        "articles": entity_common.articles_mentioning(request, person),
        "events": entity_common.events_of(person),
        "appears_with": list(Entity.objects.co_mentioned_with(person).speakers()[:APPEARS_WITH]),
        "diagram": diagram,
        "feed_url": reverse("archive:person_quotes_feed", kwargs={"slug": person.slug}),
        "jsonld": jsonld.person(person, memberships),
    }
    return render(request, "archive/person_detail.html", context)


def person_index(request):
    page = paginate(request, Person.objects.order_by("sort_name", "name"), per_page=100)
    context = {
        "page": page,
        "jsonld": jsonld.collection("People A–Z", reverse("archive:people")),
    }
    return render(request, "archive/person_index.html", context)
