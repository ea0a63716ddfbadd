"""One search request: parse, count and facet, rank a page, mark its snippets, suggest.

Queries, whatever the data: facet counts with the total (1), the page's ids (1), the page's
rows with each quote's mode (1), the spellings of the query's names (1), the page's marked
snippets (1), and, only when almost nothing was found, near names for "did you mean" (1).
With nothing found, the page's ids, rows and snippets are not asked for.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, OuterRef, Subquery, When
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

from archive.dates import span_partial
from archive.models import Quote, QuoteMode, SearchEntry, SearchKind, SearchName
from archive.search import backends, highlight
from archive.search.backends import current
from archive.search.params import SearchParams
from archive.search.query import Query, Words, parse

FEW_RESULTS = 2  # "did you mean" is offered when this many results or fewer were found
KIND_PLURALS = {
    SearchKind.ARTICLE: "Articles",
    SearchKind.QUOTE: "Quotes",
    SearchKind.PERSON: "People",
    SearchKind.ORGANIZATION: "Organizations",
    SearchKind.PLACE: "Places",
    SearchKind.EVENT: "Events",
}


@dataclass
class Result:
    kind: str
    title: SafeString
    snippet: SafeString
    context: str
    path: str
    date: object
    reported: bool = False  # a quote in reported speech: never shown in quotation marks
    object_id: int = 0  # the article's, quote's or entity's id (for the API's links)
    date_end: object = None  # the last day of a month, season or year the date stands for

    @property
    def when(self):
        """The date at its precision (PartialDate): "2002", not 1 January 2002."""
        return span_partial(self.date, self.date_end)

    @property
    def kind_label(self) -> str:
        return SearchKind(self.kind).label


@dataclass
class FacetValue:
    label: str
    count: int
    url: str
    active: bool
    key: str = ""  # the value the filter takes (kind, year, entity id, tag slug)


@dataclass
class Suggestion:
    text: str
    url: str


@dataclass
class SearchPage:
    params: SearchParams
    query: Query | None = None
    message: str = ""
    total: int = 0
    results: list[Result] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: Suggestion | None = None
    page_count: int = 0

    total_capped: bool = False  # more matches than `total` (PostgreSQL counts up to a cap)

    @property
    def sample(self) -> str:
        """Which matches facets and ranking covered, when sampled ("the 2,000 newest")."""
        return current().SAMPLE.format(f"{backends.CANDIDATES:,}")

    @property
    def sampled(self) -> bool:
        """Whether facets and ranking looked at only some of the matches (CANDIDATES)."""
        return self.total > backends.CANDIDATES or self.total_capped

    @property
    def notices(self) -> list[str]:
        return self.params.notices + (self.query.notices if self.query else [])

    @property
    def first(self) -> int:
        return (self.params.page - 1) * settings.PAGE_SIZE + 1

    @property
    def last(self) -> int:
        return min(self.total, self.params.page * settings.PAGE_SIZE)

    @property
    def previous_url(self) -> str | None:
        return self.params.page_url(self.params.page - 1) if self.params.page > 1 else None

    @property
    def next_url(self) -> str | None:
        if self.params.page < self.page_count:
            return self.params.page_url(self.params.page + 1)
        return None


def _facets(params: SearchParams, rows) -> tuple[int, dict[str, list[FacetValue]]]:
    total, facets = 0, {"kind": [], "year": [], "person": [], "organization": [], "tag": []}
    for facet, key, label, count in rows:
        if facet == "total":
            total = count
            continue
        if facet == "kind":
            label = KIND_PLURALS.get(key, key)
        elif facet == "year":
            label = key
        active = str(getattr(params, facet)) == key
        url = params.url(**{facet: None if active else key})
        facets[facet].append(FacetValue(label, count, url, active, key))
    facets["kind"].sort(key=lambda v: list(KIND_PLURALS.values()).index(v.label))
    facets["year"].sort(key=lambda v: v.label, reverse=True)
    return total, facets


def _spellings(query: Query) -> tuple[list[Words], set[str]]:
    """Every spelling the archive knows of the query's single-word names, as extra words to
    mark in snippets, and the folded keys that are names."""
    keys = {w.folded[0] for w in query.positive_words() if len(w.folded) == 1}
    if not keys:
        return [], set()
    rows = SearchName.objects.filter(key__in=keys).values_list("key", "text").distinct()
    found, extra = set(), {}
    for key, text in rows:
        found.add(key)
        tokens = tuple(t.casefold() for t in re.findall(r"[^\W_]+", text))
        if tokens:
            extra[tokens] = Words(tokens)
    return list(extra.values()), found


def _result(entry: SearchEntry, marks: tuple[str, str, str] | None) -> Result:
    title, lead, body = marks or (None, None, None)
    title_html = highlight.to_html(title) if highlight.has_marks(title) else escape(entry.title)
    if highlight.has_marks(body):
        snippet = highlight.to_html(body)
    elif highlight.has_marks(lead):
        snippet = highlight.to_html(lead)
    elif entry.kind == SearchKind.ARTICLE:
        snippet = escape(highlight.shorten(entry.lead or entry.body))
    else:
        # An entity's description is already its context line; show its summary instead.
        snippet = escape(highlight.shorten(entry.body))
    if entry.kind == SearchKind.QUOTE:
        # The quote's words are its title; the snippet says whom it is about, if that matched.
        snippet = (
            format_html("About {}", highlight.to_html(body)) if highlight.has_marks(body) else ""
        )
    reported = entry.kind == SearchKind.QUOTE and entry.quote_mode == QuoteMode.INDIRECT
    return Result(
        entry.kind,
        title_html,
        snippet,
        entry.context,
        entry.path,
        entry.date,
        reported,
        entry.object_id,
        entry.date_end,
    )


def _suggest(params: SearchParams, query: Query, names: set[str]) -> Suggestion | None:
    words = {
        w.folded[0]: w.tokens[0]
        for w in query.positive_words()
        if len(w.tokens) == 1 and len(w.folded) == 1 and len(w.folded[0]) >= 4
    }
    unknown = [key for key in words if key not in names and not key.isdigit()]
    if not unknown:
        return None
    backend = current()
    text = params.q
    changed = False
    for key, (name, score) in backend.near_names(unknown[:4]).items():
        if score >= backend.NEAR_ENOUGH and name.casefold() != words[key]:
            pattern = re.compile(rf"(?<!\w){re.escape(words[key])}(?!\w)", re.IGNORECASE)
            text, replaced = pattern.subn(name, text)
            changed = changed or bool(replaced)
    if not changed:
        return None
    return Suggestion(text, params.url(q=text))


def run(params: SearchParams) -> SearchPage:
    result = SearchPage(params)
    if not params.q.strip():
        result.message = "Type a name, a word or a phrase to search the archive."
        return result
    query = parse(params.q)
    result.query = query
    if query.is_empty:
        if query.must_not:
            result.message = "Add a word to look for: a search cannot consist only of exclusions."
        else:
            result.message = "There is nothing to search for in that query: try a name or a word."
        return result

    backend = current()
    found = backend.first_matches(query, params.filters)
    result.total, result.facets = _facets(
        params, backend.facet_counts(query, params.filters, found)
    )
    if backend.CAPS_TOTAL and result.total > backends.CANDIDATES:
        result.total, result.total_capped = backends.CANDIDATES, True
    size = settings.PAGE_SIZE
    shown = result.total
    if result.sampled and params.sort == "relevance":
        shown = min(shown, backends.CANDIDATES)  # only the candidates are ranked
    result.page_count = max(1, math.ceil(shown / size))
    if params.page > result.page_count:
        params.notices.append(
            "There is only one page of results; showing it."
            if result.page_count == 1
            else f"There are only {result.page_count} pages of results; showing the last."
        )
        params.page = result.page_count
    ids = []
    if result.total:
        offset = (params.page - 1) * size
        ids = backend.page(query, params.filters, params.sort, offset, size, found)
    # A quote's mode is read with its entry: reported speech is never put in quotation marks.
    quote_mode = Quote.objects.filter(pk=OuterRef("object_id")).values("mode")[:1]
    entries = SearchEntry.objects.annotate(
        quote_mode=Case(When(kind=SearchKind.QUOTE, then=Subquery(quote_mode)), default=None)
    ).in_bulk(ids)
    spellings, names = _spellings(query)
    marks = backend.marked(ids, query.positive_words() + spellings)
    result.results = [_result(entries[pk], marks.get(pk)) for pk in ids if pk in entries]
    if result.total <= FEW_RESULTS:
        result.suggestion = _suggest(params, query, names)
    return result
