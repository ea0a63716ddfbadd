"""The JSON API's views. Lists page by key (archive.api.paging) and serialize with the flat
functions of archive.api.rows; every view's queries are pinned in tests/api/test_queries.py."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response

from archive.api import annotations, filters, popolo, rows, schema, tables
from archive.api.base import ApiView, UnicodeJSON
from archive.api.errors import BadParameter
from archive.api.paging import MAX_PAGE_SIZE, Order, paginate
from archive.models import (
    Alias,
    Article,
    ArticleContributor,
    Entity,
    EntityKind,
    Identifier,
    Membership,
    Mention,
    Quote,
)

PAGING_PARAMETERS = [
    OpenApiParameter(
        "cursor", str, description="The `next` or `previous` address's cursor; omit for page one."
    ),
    OpenApiParameter(
        "page_size", int, description=f"Items per page, 1 to {MAX_PAGE_SIZE} (default 25)."
    ),
]


def page_response(page, results) -> Response:
    response = Response({"next": page.next, "previous": page.previous, "results": results})
    links = [
        f'<{url}>; rel="{rel}"'
        for rel, url in (("next", page.next), ("prev", page.previous))
        if url
    ]
    if links:
        response["Link"] = ", ".join(links)
    return response


class KeysetList(ApiView):
    """A list in a fixed unique order, paged by key, narrowed by a django-filter set."""

    order: Order
    key_types: tuple
    filterset = None

    def base_queryset(self):
        raise NotImplementedError

    def fields(self) -> list[str]:
        raise NotImplementedError

    def serialize(self, page_rows: list[dict]) -> list[dict]:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        params = request.query_params
        queryset = filters.apply(self.filterset, params, self.base_queryset())
        base_url = self.links.absolute(request.path)
        page = paginate(queryset, self.fields(), params, self.order, self.key_types, base_url)
        return page_response(page, self.serialize(page.rows))


def _pk(value) -> int:
    """An id from the address: the URLs take any text there, so that a malformed one is a
    JSON 404 like a missing one, not the site's HTML page."""
    if isinstance(value, str):
        if not (value.isascii() and value.isdigit() and len(value) <= 19):
            raise Http404("No object has this id.")
        value = int(value)
    if not 1 <= value <= filters.MAX_ID:
        raise Http404("No object has this id.")
    return value


# ---------------------------------------------------------------- quotes

QUOTE_ORDER = Order("quotes", (("id", False),))


@extend_schema(
    summary="Public quotes, oldest first",
    parameters=PAGING_PARAMETERS + schema.filter_parameters("quote"),
    responses={200: schema.page_of(schema.Quote), 400: schema.Error},
)
class QuoteList(KeysetList):
    order, key_types = QUOTE_ORDER, (int,)

    @property
    def filterset(self):
        return filters.quote_filters(Quote)

    def base_queryset(self):
        return Quote.objects.public()

    def fields(self):
        return rows.QUOTE_FIELDS

    def serialize(self, page_rows):
        return rows.quotes(self.links, page_rows)


@extend_schema(summary="One public quote", responses={200: schema.Quote, 404: schema.Error})
class QuoteDetail(ApiView):
    def get(self, request, pk):
        pk = _pk(pk)
        found = list(Quote.objects.public().filter(pk=pk).values(*rows.QUOTE_FIELDS))
        if not found:
            raise Http404("No public quote has this id.")
        return Response(rows.quotes(self.links, found)[0])


# ---------------------------------------------------------------- articles

ARTICLE_ORDER = Order("articles", (("published_on", True), ("id", True)))


@extend_schema(
    summary="Published articles, newest first",
    parameters=PAGING_PARAMETERS + schema.filter_parameters("article"),
    responses={200: schema.page_of(schema.Article), 400: schema.Error},
)
class ArticleList(KeysetList):
    order, key_types = ARTICLE_ORDER, (dt.date, int)

    @property
    def filterset(self):
        return filters.article_filters(Article)

    def base_queryset(self):
        return Article.objects.published()

    def fields(self):
        return rows.ARTICLE_FIELDS

    def serialize(self, page_rows):
        return [rows.article(self.links, r) for r in page_rows]


MENTION_FIELDS = ["id", "entity_id", "entity__kind", "entity__name", "entity__slug"] + [
    "part",
    "exact",
    "prefix",
    "suffix",
    "start",
    "end",
]


@extend_schema(
    summary="One published article, with its text and the annotations drawn on it",
    responses={200: schema.ArticleDetail, 404: schema.Error},
)
class ArticleDetail(ApiView):
    def get(self, request, pk):
        pk = _pk(pk)
        found = list(
            Article.objects.published()
            .filter(pk=pk)
            .values(*rows.ARTICLE_FIELDS, "body", "pull_quote", "pull_quote_after")
        )
        if not found:
            raise Http404("No published article has this id.")
        row = found[0]
        links = self.links
        data = rows.article(links, row)
        data["body"] = row["body"]
        data["pull_quote"] = row["pull_quote"]
        data["pull_quote_after"] = row["pull_quote_after"]
        data["contributors"] = [
            {**rows.ref(links, pk_, kind, name, slug), "role": role}
            for pk_, kind, name, slug, role in ArticleContributor.objects.filter(article_id=pk)
            .order_by("id")
            .values_list("entity_id", "entity__kind", "entity__name", "entity__slug", "role")
        ]
        quote_rows = list(
            Quote.objects.public()
            .filter(article_id=pk)
            .order_by("part", "start", "id")
            .values(*rows.QUOTE_FIELDS)
        )
        data["quotes"] = rows.quotes(links, quote_rows)
        data["mentions"] = [
            {
                "id": m["id"],
                "entity": rows.prefixed_ref(links, m, "entity"),
                "anchor": rows.anchor(m),
            }
            for m in Mention.objects.public()
            .filter(article_id=pk)
            .order_by("part", "start", "id")
            .values(*MENTION_FIELDS)
        ]
        return Response(data)


# ---------------------------------------------------------------- entities

ENTITY_ORDER = Order("entities", (("sort_name", False), ("id", False)))
ENTITY_FILTERS = {
    EntityKind.PERSON: filters.person_filters,
    EntityKind.ORGANIZATION: filters.organization_filters,
    EntityKind.PLACE: filters.place_filters,
    EntityKind.EVENT: filters.event_filters,
}


class EntityList(KeysetList):
    kind: str
    order, key_types = ENTITY_ORDER, (str, int)

    @property
    def filterset(self):
        return ENTITY_FILTERS[self.kind](Entity)

    def base_queryset(self):
        return Entity.objects.filter(kind=self.kind)

    def fields(self):
        return rows.entity_fields(self.kind)

    def serialize(self, page_rows):
        return [rows.entity(self.links, r) for r in page_rows]


class EntityDetail(ApiView):
    kind: str

    def get(self, request, pk):
        pk = _pk(pk)
        found = list(
            Entity.objects.filter(kind=self.kind, pk=_pk(pk)).values(
                *rows.entity_fields(self.kind), "summary"
            )
        )
        if not found:
            raise Http404(f"No {self.kind} has this id.")
        row = found[0]
        links = self.links
        data = rows.entity(links, row)
        data["summary"] = row["summary"]
        data["other_names"] = [
            {"name": name, "kind": kind, "language": language, "note": note}
            for name, kind, language, note in Alias.objects.filter(entity_id=pk)
            .order_by("name", "id")
            .values_list("name", "kind", "language", "note")
        ]
        data["identifiers"] = [
            {"scheme": scheme, "value": value}
            for scheme, value in Identifier.objects.filter(entity_id=pk)
            .order_by("scheme", "id")
            .values_list("scheme", "value")
        ]
        if self.kind in (EntityKind.PERSON, EntityKind.ORGANIZATION):
            side = "person_id" if self.kind == EntityKind.PERSON else "organization_id"
            data["memberships"] = [
                rows.membership(links, m)
                for m in Membership.objects.filter(**{side: pk})
                .order_by("start", "id")
                .values(*rows.MEMBERSHIP_FIELDS)
            ]
        return Response(data)


def _entity_views(kind: str, plural: str, serializer):
    name = EntityKind(kind).label
    listing = extend_schema(
        summary=f"{plural.capitalize()}, A to Z",
        parameters=PAGING_PARAMETERS + schema.filter_parameters(kind),
        responses={200: schema.page_of(serializer), 400: schema.Error},
    )(type(f"{kind.capitalize()}List", (EntityList,), {"kind": kind}))
    detail = extend_schema(
        summary=f"One {name}",
        responses={200: schema.detail_of(serializer, kind), 404: schema.Error},
    )(type(f"{kind.capitalize()}Detail", (EntityDetail,), {"kind": kind}))
    return listing, detail


PersonList, PersonDetail = _entity_views(EntityKind.PERSON, "people", schema.Person)
OrganizationList, OrganizationDetail = _entity_views(
    EntityKind.ORGANIZATION, "organizations", schema.Organization
)
PlaceList, PlaceDetail = _entity_views(EntityKind.PLACE, "places", schema.Place)
EventList, EventDetail = _entity_views(EntityKind.EVENT, "events", schema.Event)


# ---------------------------------------------------------------- memberships

MEMBERSHIP_ORDER = Order("memberships", (("id", False),))


@extend_schema(
    summary="Memberships: people's dated roles in organizations",
    parameters=PAGING_PARAMETERS + schema.filter_parameters("membership"),
    responses={200: schema.page_of(schema.Membership), 400: schema.Error},
)
class MembershipList(KeysetList):
    order, key_types = MEMBERSHIP_ORDER, (int,)

    @property
    def filterset(self):
        return filters.membership_filters(Membership)

    def base_queryset(self):
        return Membership.objects.all()

    def fields(self):
        return rows.MEMBERSHIP_FIELDS

    def serialize(self, page_rows):
        return [rows.membership(self.links, r) for r in page_rows]


@extend_schema(summary="One membership", responses={200: schema.Membership, 404: schema.Error})
class MembershipDetail(ApiView):
    def get(self, request, pk):
        pk = _pk(pk)
        found = list(Membership.objects.filter(pk=pk).values(*rows.MEMBERSHIP_FIELDS))
        if not found:
            raise Http404("No membership has this id.")
        return Response(rows.membership(self.links, found[0]))


# ---------------------------------------------------------------- tags

TAG_ORDER = Order("tags", (("name", False), ("id", False)))


@extend_schema(
    summary="Tags on public quotes, A to Z, with how many quotes carry each",
    parameters=PAGING_PARAMETERS,
    responses={200: schema.page_of(schema.Tag), 400: schema.Error},
)
class TagList(KeysetList):
    order, key_types = TAG_ORDER, (str, int)

    @property
    def filterset(self):
        return filters.empty_filters()

    def base_queryset(self):
        return rows.public_tags()

    def fields(self):
        return ["id", "name", "slug", "quotes"]

    def serialize(self, page_rows):
        return [rows.tag(self.links, r) for r in page_rows]


@extend_schema(summary="One tag", responses={200: schema.Tag, 404: schema.Error})
class TagDetail(ApiView):
    def get(self, request, slug):
        found = list(
            rows.public_tags().filter(slug=slug[:100]).values("id", "name", "slug", "quotes")
        )
        if not found:
            raise Http404("No public quote has this tag.")
        return Response(rows.tag(self.links, found[0]))


# ---------------------------------------------------------------- W3C Web Annotation


class AnnotationRenderer(UnicodeJSON):
    """JSON-LD; the answer's Content-Type carries the Web Annotation profile
    (`_annotation_response`): a renderer whose media type has a parameter would not match a
    client's `*/*` in DRF's negotiation."""

    media_type = "application/ld+json"
    format = "jsonld"


class PlainText(BaseRenderer):
    media_type = "text/plain"
    format = "txt"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict):  # an error
            data = str(data.get("detail", ""))
        return data.encode(self.charset)


ANNOTATION_PROTOCOL = "http://www.w3.org/TR/annotation-protocol/"


def _annotation_response(request, data, container: bool) -> Response:
    """The Web Annotation Protocol's answer: the anno.jsonld profile's media type (unless the
    client asked for plain JSON), the LDP type links, and what methods are allowed."""
    response = Response(data)
    if isinstance(request.accepted_renderer, AnnotationRenderer):
        response.content_type = f"{annotations.MEDIA_TYPE}; charset=utf-8"
    kind = "BasicContainer" if container else "Resource"
    response["Link"] = ", ".join(
        [
            f'<http://www.w3.org/ns/ldp#{kind}>; rel="type"',
            f'<{ANNOTATION_PROTOCOL}>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
        ]
    )
    response["Allow"] = "GET, HEAD, OPTIONS"
    response["Vary"] = "Accept"
    return response


def _public_article(pk: int) -> dict:
    found = list(Article.objects.published().filter(pk=pk).values("id", "headline"))
    if not found:
        raise Http404("No published article has this id.")
    return found[0]


@extend_schema(
    summary="An article's annotations: a W3C AnnotationCollection, or one AnnotationPage",
    parameters=[
        OpenApiParameter(
            "page",
            int,
            description="An AnnotationPage's number, from 0; omit for the collection "
            f"(with page 0 embedded). {annotations.PAGE_SIZE} annotations a page.",
        )
    ],
    responses={200: OpenApiTypes.OBJECT, 400: schema.Error, 404: schema.Error},
)
class ArticleAnnotations(ApiView):
    renderer_classes = [AnnotationRenderer, UnicodeJSON]

    def get(self, request, pk):
        pk = _pk(pk)
        filters.check_known(request.query_params, {"page"})
        article = _public_article(pk)
        items = annotations.article_annotations(self.links, article["id"])
        raw = request.query_params.get("page")
        if raw is None:
            return _annotation_response(
                request, annotations.collection(self.links, article, items), True
            )
        pages = annotations.pages_of(len(items))
        if not (raw.isascii() and raw.isdigit() and int(raw) < pages):
            raise BadParameter({"page": [f"This collection has pages 0 to {pages - 1}."]})
        return _annotation_response(
            request, annotations.page(self.links, article, items, int(raw)), False
        )


@extend_schema(
    summary="One W3C Web Annotation: a quote (quote-<id>) or a mention (mention-<id>)",
    responses={200: OpenApiTypes.OBJECT, 404: schema.Error},
)
class AnnotationDetail(ApiView):
    renderer_classes = [AnnotationRenderer, UnicodeJSON]

    def get(self, request, ident):
        kind, _, pk = ident.partition("-")
        if kind not in ("quote", "mention"):
            raise Http404("An annotation's id is quote-<id> or mention-<id>.")
        pk = _pk(pk)
        if kind == "quote":
            found = list(Quote.objects.public().filter(pk=pk).values(*annotations.QUOTE_FIELDS))
            made = annotations.quote_annotations(self.links, found)
        else:
            found = list(Mention.objects.public().filter(pk=pk).values(*annotations.MENTION_FIELDS))
            made = annotations.mention_annotations(self.links, found)
        if not made:
            raise Http404("No public annotation has this id.")
        return _annotation_response(request, made[0], False)


@extend_schema(
    summary="The plain text of an article's headline, standfirst or body: what the "
    "annotations' selectors count in",
    responses={(200, "text/plain"): OpenApiTypes.STR, (404, "text/plain"): OpenApiTypes.STR},
)
class ArticleText(ApiView):
    renderer_classes = [PlainText]

    def get(self, request, pk, part):
        pk = _pk(pk)
        if part not in annotations.PARTS:
            raise Http404("An article's texts are its headline, standfirst and body.")
        found = list(Article.objects.published().filter(pk=pk).values_list(part, flat=True))
        if not found:
            raise Http404("No published article has this id.")
        return Response(found[0])


# ---------------------------------------------------------------- CSV

BOM_PARAMETER = OpenApiParameter(
    "bom",
    bool,
    description="Start with a UTF-8 byte order mark, which Excel needs to read UTF-8 "
    "(default true; false for programs).",
)


def _bom(params) -> bool:
    raw = params.get("bom", "true")
    if raw not in ("true", "false", "1", "0"):
        raise BadParameter({"bom": ["true or false."]})
    return raw in ("true", "1")


def csv_response(chunks, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (chunk.encode("utf-8") for chunk in chunks), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@extend_schema(
    summary="Public quotes as CSV (streamed), with the quote list's filters",
    parameters=[BOM_PARAMETER] + schema.filter_parameters("quote"),
    responses={(200, "text/csv"): OpenApiTypes.STR, 400: schema.Error},
)
class QuoteCsv(ApiView):
    def get(self, request):
        params = request.query_params
        queryset = filters.apply(
            filters.quote_filters(Quote), params, Quote.objects.public(), extra={"bom"}
        )
        return csv_response(tables.quotes_csv(self.links, queryset, _bom(params)), "quotes.csv")


class EntityCsv(ApiView):
    kind: str
    plural: str

    def get(self, request):
        params = request.query_params
        queryset = filters.apply(
            ENTITY_FILTERS[self.kind](Entity),
            params,
            Entity.objects.filter(kind=self.kind),
            extra={"bom"},
        )
        chunks = tables.entities_csv(self.links, self.kind, queryset, _bom(params))
        return csv_response(chunks, f"{self.plural}.csv")


def _entity_csv(kind: str, plural: str):
    return extend_schema(
        summary=f"{plural.capitalize()} as CSV (streamed), with the list's filters",
        parameters=[BOM_PARAMETER] + schema.filter_parameters(kind),
        responses={(200, "text/csv"): OpenApiTypes.STR, 400: schema.Error},
    )(type(f"{kind.capitalize()}Csv", (EntityCsv,), {"kind": kind, "plural": plural}))


PersonCsv = _entity_csv(EntityKind.PERSON, "people")
OrganizationCsv = _entity_csv(EntityKind.ORGANIZATION, "organizations")
PlaceCsv = _entity_csv(EntityKind.PLACE, "places")
EventCsv = _entity_csv(EntityKind.EVENT, "events")


# ---------------------------------------------------------------- Popolo


@extend_schema(
    summary="The whole archive's people, organizations, areas, events, memberships and posts "
    "as one Popolo JSON document (streamed)",
    responses={(200, "application/json"): OpenApiTypes.OBJECT},
)
class PopoloAll(ApiView):
    def get(self, request):
        filters.check_known(request.query_params, set())
        response = StreamingHttpResponse(
            (chunk.encode("utf-8") for chunk in popolo.stream(self.links)),
            content_type="application/json; charset=utf-8",
        )
        return response


POPOLO_KINDS = {
    "persons": EntityKind.PERSON,
    "organizations": EntityKind.ORGANIZATION,
    "areas": EntityKind.PLACE,
    "events": EntityKind.EVENT,
}


@extend_schema(
    summary="One person, organization, area (place) or event in Popolo JSON",
    responses={200: OpenApiTypes.OBJECT, 404: schema.Error},
)
class PopoloOne(ApiView):
    def get(self, request, collection, pk):
        pk = _pk(pk)
        if collection not in POPOLO_KINDS:
            raise Http404("Popolo collections: persons, organizations, areas, events.")
        item = popolo.one(self.links, POPOLO_KINDS[collection], pk)
        if item is None:
            raise Http404(f"No such entity among the {collection}.")
        return Response(item)


@extend_schema(exclude=True)
class NotFound(ApiView):
    """Any other address under /api/: a JSON 404, not the site's HTML page."""

    dated = False

    def get(self, request, *args, **kwargs):
        raise Http404("The API has nothing at this address; see /api/.")
