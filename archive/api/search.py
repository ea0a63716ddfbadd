"""/api/search/: the search page's engine (archive.search: same syntax, facets, ranking and
paging), answered as JSON. Parameters the page would drop with a notice are a 400 here."""

from __future__ import annotations

import html
from urllib.parse import urlencode

from django.utils.html import strip_tags
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers as s
from rest_framework.response import Response

from archive.api import filters
from archive.api.base import ApiView
from archive.api.errors import BadParameter
from archive.api.links import ENTITY_COLLECTIONS
from archive.api.schema import Error
from archive.models import SearchKind
from archive.search import params as search_params
from archive.search import service

PARAMETERS = ["q", "kind", "person", "organization", "tag", "year", "from", "to", "sort", "page"]


class Facet(s.Serializer):
    value = s.CharField()
    label = s.CharField()
    count = s.IntegerField()
    active = s.BooleanField()
    url = s.URLField(help_text="This search narrowed by the value (or widened, if active).")


class Hit(s.Serializer):
    kind = s.ChoiceField(choices=SearchKind.choices)
    title = s.CharField()
    title_html = s.CharField(help_text="The title with the matched words in <mark>.")
    snippet_html = s.CharField(allow_blank=True)
    context = s.CharField(allow_blank=True)
    date = s.DateField(
        allow_null=True, help_text="The first day of the period the date stands for."
    )
    date_end = s.DateField(
        allow_null=True,
        help_text="The last day of that period when it is more than a day (a month, a season, "
        "a year, an event's span); null for a single day.",
    )
    date_edtf = s.CharField(
        allow_null=True,
        help_text="The date at its precision in EDTF (2002, 2002-21 for spring, 2002-05, "
        "2002-05-06); null when undated or for a span of days.",
    )
    page = s.URLField()
    url = s.URLField()


class Facets(s.Serializer):
    kind = Facet(many=True)
    year = Facet(many=True)
    person = Facet(many=True)
    organization = Facet(many=True)
    tag = Facet(many=True)


class SearchOut(s.Serializer):
    query = s.CharField()
    total = s.IntegerField()
    total_capped = s.BooleanField(
        help_text="More matches than `total` (PostgreSQL counts to a cap)."
    )
    sampled = s.BooleanField(help_text="Facets and ranking looked at the first matches only.")
    page = s.IntegerField()
    pages = s.IntegerField()
    next = s.URLField(allow_null=True)
    previous = s.URLField(allow_null=True)
    notices = s.ListField(child=s.CharField())
    suggestion = s.CharField(allow_null=True, help_text="A spelling the archive knows.")
    facets = Facets()
    results = Hit(many=True)


DOC = {
    "q": 'The query, in the search box\'s syntax: words, "a phrase", -exclusion, OR.',
    "kind": "article, quote, person, organization, place or event.",
    "person": "A person's id.",
    "organization": "An organization's id.",
    "tag": "A tag's slug.",
    "year": "Four digits.",
    "from": "On or after: 2004, 2004-04 or 2004-04-06.",
    "to": "On or before: 2004, 2004-04 or 2004-04-06.",
    "sort": "relevance (default) or date.",
    "page": f"1 to {search_params.MAX_PAGE}.",
}


def _rejected(raw: dict, read: search_params.SearchParams) -> dict[str, list[str]]:
    """The parameters params.read() could not use (it drops them with a notice)."""
    kept = {
        "kind": read.kind,
        "person": read.person,
        "organization": read.organization,
        "tag": read.tag,
        "year": read.year,
        "from": read.date_from,
        "to": read.date_to,
        "sort": read.sort if raw.get("sort", "").strip() == read.sort else None,
        "page": read.page if raw.get("page", "").strip() == str(read.page) else None,
    }
    return {
        name: [f"The search cannot use this {name}: {DOC[name]}"]
        for name, value in kept.items()
        if raw.get(name, "").strip() and value is None
    }


class Search(ApiView):
    dated = False

    @extend_schema(
        summary="Search the archive: the search page's engine, as JSON",
        parameters=[
            OpenApiParameter(
                name,
                int if name in ("person", "organization", "page") else str,
                required=name == "q",
                description=DOC[name],
            )
            for name in PARAMETERS
        ],
        responses={200: SearchOut, 400: Error},
    )
    def get(self, request):
        query = request.query_params
        filters.check_known(query, set(PARAMETERS))
        raw = {name: query.get(name, "") for name in PARAMETERS}
        if not raw["q"].strip():
            raise BadParameter({"q": ["Give something to search for."]})
        read = search_params.read(query)
        problems = _rejected(raw, read)
        if problems:
            raise BadParameter(problems)
        wanted = read.page
        page = service.run(read)
        if page.message:
            raise BadParameter({"q": [page.message]})
        if read.page != wanted:
            raise BadParameter({"page": [f"There are {page.page_count} pages of results."]})
        return Response(self.serialize(page, read))

    def serialize(self, page, read) -> dict:
        links = self.links
        base = f"{links.api}search/?"

        def url(**changes):
            return base + urlencode(read.as_query(**changes))

        facets = {
            name: [
                {
                    "value": v.key,
                    "label": v.label,
                    "count": v.count,
                    "active": v.active,
                    "url": url(**{name: None if v.active else v.key, "page": None}),
                }
                for v in values
            ]
            for name, values in page.facets.items()
        }
        results = []
        for hit in page.results:
            if hit.kind == SearchKind.ARTICLE:
                api = links.article_api(hit.object_id)
            elif hit.kind == SearchKind.QUOTE:
                api = links.quote_api(hit.object_id)
            else:
                api = f"{links.api}{ENTITY_COLLECTIONS[hit.kind]}/{hit.object_id}/"
            results.append(
                {
                    "kind": hit.kind,
                    "title": html.unescape(strip_tags(hit.title)),
                    "title_html": str(hit.title),
                    "snippet_html": str(hit.snippet),
                    "context": hit.context,
                    "date": hit.date.isoformat() if hit.date else None,
                    "date_end": hit.date_end.isoformat() if hit.date_end else None,
                    "date_edtf": when.edtf() if (when := hit.when) else None,
                    "page": links.absolute(hit.path),
                    "url": api,
                }
            )
        number = read.page
        return {
            "query": read.q,
            "total": page.total,
            "total_capped": page.total_capped,
            "sampled": page.sampled,
            "page": number,
            "pages": page.page_count,
            "next": url(page=number + 1) if number < page.page_count else None,
            "previous": url(page=number - 1 if number > 2 else None) if number > 1 else None,
            "notices": page.notices,
            "suggestion": page.suggestion.text if page.suggestion else None,
            "facets": facets,
            "results": results,
        }
