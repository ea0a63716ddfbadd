from django.shortcuts import render
from django.urls import reverse

from archive import pagecache
from archive.models import Membership, Organization
from archive.models.entities import OrganizationKind
from archive.pagecache import cached_page
from archive.summaries import reading
from archive.views import connections, entity_common, jsonld
from archive.views.lookup import get_entity_or_404
from archive.views.paging import paginate

MEMBERS_SHOWN = 40
APPEARS_WITH = 10


@cached_page(pagecache.entity_depends("organization"))
def organization_detail(request, slug):
    org = get_entity_or_404(
        Organization,
        slug,
        Organization.objects.select_related("parent", "based_in").prefetch_related(
            "aliases", "identifiers"
        ),
    )
    members = list(
        Membership.objects.filter(organization=org)
        .with_related()
        .order_by("category", "person__sort_name", "start", "id")
    )
    figures = reading.entity_figures(org)
    # A short first list: an organization of hundreds shows its first MEMBERS_SHOWN.
    shown = members if request.GET.get("members") == "all" else members[:MEMBERS_SHOWN]
    # Quotes by the organization itself or by anyone who ever belonged to it.
    people = sorted({m.person_id for m in members})
    speakers = sorted({org.pk, *people})
    diagram = entity_common.diagram(org, memberships=[(m.person, m.role) for m in members])
    context = {
        "entity": org,
        "members": shown,
        "members_total": len(members),
        "children": list(org.children.order_by("sort_name", "pk")),
        "quotes_by": reading.quotes_by(
            request,
            speakers,
            reading.quotes_by_speakers(speakers),
            per_page=entity_common.QUOTES_FIRST,
        ),
        # A quote by one of its people about (or to) the organization is theirs to say: it
        # is listed once, among the quotes by the organization and its people, and left out
        # of the quotes about it and said to it.
        "quotes_about": entity_common.quotes_about(request, org, figures, not_by=people),
        "said_to": entity_common.said_to(request, org, figures, not_by=people),
        "articles": entity_common.articles_mentioning(request, org, figures),
        "events": entity_common.events_of(org),
        "appears_with": connections.appears_with(
            org,
            reading.co_mentioned(org, APPEARS_WITH, speakers=True),
            [(m.person, m.role) for m in members],
        ),
        "diagram": diagram,
        "jsonld": jsonld.organization(org, shown),
    }
    return render(request, "archive/organization_detail.html", context)


@cached_page()
def organization_index(request):
    page = paginate(
        request, Organization.objects.order_by("org_kind", "sort_name", "name", "pk"), per_page=200
    )
    labels = dict(OrganizationKind.choices)
    groups: dict[str, list] = {}
    for org in page:
        groups.setdefault(labels.get(org.org_kind, org.org_kind), []).append(org)
    context = {
        "page": page,
        "groups": groups.items(),
        "jsonld": jsonld.collection("Organizations", reverse("archive:organizations")),
    }
    return render(request, "archive/organization_index.html", context)
