"""Time the whole search request against a naive icontains baseline over the same data.

The engine side goes through the test client to `archive:search`, so it measures what a reader
waits for: URL routing, middleware, ranking, facet counts, snippets and the template. The
baseline is what one would write without a search engine: a plain ORM query with `icontains`
on the headline, standfirst and body of published articles and on the text of public quotes,
counts by year, the first page by date and a snippet cut around the first hit in Python.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import ExtractYear

from archive.corpus.vocabulary import FUNCTION_WORDS, NEWS_WORDS, vocabulary
from archive.models import Article, Entity, Mention, Person, Quote
from archive.models.annotations import TaggedQuote

PAGE_SIZE = 20
SNIPPET_CHARS = 80


def percentile(values: Iterable[float], p: float) -> float:
    """The p-th percentile (0-100), interpolating linearly between the closest ranks
    (the method numpy and most monitoring tools call "linear")."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of no values")
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be between 0 and 100, not {p}")
    position = (len(ordered) - 1) * p / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Case:
    """One search as a reader would type it: the query class it belongs to and its GET params."""

    kind: str  # rare, common or multi-word
    params: dict[str, str]

    @property
    def faceted(self) -> bool:
        return any(key != "q" for key in self.params)

    @property
    def label(self) -> str:
        return f"{self.kind} + facets" if self.faceted else self.kind


def query_words() -> dict[str, list[str]]:
    """Rare and common words taken from the generator's vocabulary by frequency rank."""
    words = vocabulary()
    common = [w for w in NEWS_WORDS[:40] if w.isalpha()]
    return {
        # Ranks 12,000-24,000: about 1 in 300,000 words, so tens to hundreds of articles at 100k.
        "rare": [words[rank] for rank in (12_000, 16_000, 20_000, 24_000)],
        "common": [common[0], common[5], common[7], common[12]],
        "function": FUNCTION_WORDS[:3],
    }


def build_cases() -> list[Case]:
    """The query mix: rare, common and multi-word queries, each plain and with facets.

    Facet values are taken from the data (the most mentioned person, the most used tag,
    the busiest year) so that faceted queries do narrow something.
    """
    words = query_words()
    rare, common = words["rare"], words["common"]
    person = (
        Person.objects.annotate(n=Count("mentions")).order_by("-n", "pk").only("slug", "name")
    ).first()
    tag = TaggedQuote.objects.values("tag__slug").annotate(n=Count("id")).order_by("-n").first()
    year = (
        Article.objects.published()
        .values(year=ExtractYear("published_on"))
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    multi = [
        f"{common[0]} {common[1]}",
        f'"{common[2]} {common[3]}"',
        f"{common[1]} {rare[0]}",
        person.name if person else f"{common[0]} {common[2]}",
    ]
    facet_sets = [
        {"kind": "article", "year": str(year["year"]) if year else "2004"},
        {"kind": "quote", "tag": tag["tag__slug"] if tag else "elections"},
        # The search page reads a person facet as the entity's id (archive/search/params.py).
        {"person": str(person.pk) if person else "0"},
        {"sort": "date", "year": str(year["year"]) if year else "2004"},
    ]
    cases = []
    for kind, queries in (("rare", rare), ("common", common), ("multi-word", multi)):
        for i, q in enumerate(queries):
            cases.append(Case(kind, {"q": q}))
            cases.append(Case(kind, {"q": q, **facet_sets[i % len(facet_sets)]}))
    return cases


def _terms(q: str) -> tuple[list[str], list[str]]:
    """Terms that must occur and terms that must not: "a phrase" counts as one term."""
    wanted, unwanted = [], []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', q):
        term = phrase or word
        if term.startswith("-") and len(term) > 1:
            unwanted.append(term[1:])
        elif term.upper() != "OR":
            wanted.append(term)
    return wanted, unwanted


def _text_match(fields: list[str], term: str) -> Q:
    match = Q()
    for name in fields:
        match |= Q(**{f"{name}__icontains": term})
    return match


def _snippet(text: str, terms: list[str]) -> str:
    lowered = text.lower()
    hits = [i for i in (lowered.find(t.lower()) for t in terms) if i >= 0]
    at = min(hits) if hits else 0
    return text[max(0, at - SNIPPET_CHARS) : at + SNIPPET_CHARS]


@dataclass
class BaselinePage:
    articles: int = 0
    quotes: int = 0
    entities: int = 0
    years: dict[int, int] = field(default_factory=dict)
    rows: list[tuple[str, str]] = field(default_factory=list)  # (title, snippet)


def baseline_search(params: dict[str, str], page_size: int = PAGE_SIZE) -> BaselinePage:
    """The first result page of a search, computed with icontains scans and no index."""
    wanted, unwanted = _terms(params.get("q", ""))
    article_fields = ["headline", "standfirst", "body"]
    articles = Article.objects.published()
    quotes = Quote.objects.public()
    for term in wanted:
        articles = articles.filter(_text_match(article_fields, term))
        quotes = quotes.filter(exact__icontains=term)
    for term in unwanted:
        articles = articles.exclude(_text_match(article_fields, term))
        quotes = quotes.exclude(exact__icontains=term)
    if year := params.get("year"):
        articles = articles.filter(published_on__year=int(year))
        quotes = quotes.filter(article__published_on__year=int(year))
    if person := params.get("person"):
        pk = int(person)
        named = Mention.objects.filter(article=OuterRef("pk"), entity_id=pk)
        articles = articles.filter(Exists(named))
        quotes = quotes.filter(Q(speaker_id=pk) | Q(about__id=pk)).distinct()
    if tag := params.get("tag"):
        tagged = Quote.objects.filter(article=OuterRef("pk"), tags__slug=tag)
        articles = articles.filter(Exists(tagged))
        quotes = quotes.filter(tags__slug=tag)
    kind = params.get("kind", "")
    page = BaselinePage()
    if kind in ("", "article"):
        by_year = articles.values(year=ExtractYear("published_on")).annotate(n=Count("id"))
        for row in by_year:
            page.years[row["year"]] = page.years.get(row["year"], 0) + row["n"]
            page.articles += row["n"]
        for article in articles.order_by("-published_on", "pk")[:page_size]:
            page.rows.append((article.headline, _snippet(article.body, wanted)))
    if kind in ("", "quote"):
        by_year = quotes.values(year=ExtractYear("article__published_on")).annotate(
            n=Count("id", distinct=True)
        )
        for row in by_year:
            page.years[row["year"]] = page.years.get(row["year"], 0) + row["n"]
            page.quotes += row["n"]
        shown = quotes.select_related("article", "speaker").order_by("-article__published_on", "pk")
        for quote in shown[:page_size]:
            page.rows.append((str(quote.speaker or quote.article), _snippet(quote.exact, wanted)))
    if kind in ("", "person", "organization", "place", "event") and wanted:
        entities = Entity.objects.all()
        for term in wanted:
            entities = entities.filter(Q(name__icontains=term) | Q(aliases__name__icontains=term))
        if kind:
            entities = entities.filter(kind=kind)
        page.entities = entities.distinct().count()
        page.rows.extend((e.name, e.description) for e in entities.distinct()[:page_size])
    return page


@dataclass
class Timing:
    label: str
    seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        if not self.seconds:
            return {"n": 0, "errors": len(self.errors)}
        return {
            "n": len(self.seconds),
            "p50_ms": round(percentile(self.seconds, 50) * 1000, 2),
            "p95_ms": round(percentile(self.seconds, 95) * 1000, 2),
            "max_ms": round(max(self.seconds) * 1000, 2),
            "errors": len(self.errors),
        }


def measure(
    cases: list[Case],
    run: Callable[[Case], str | None],
    repeat: int,
    on_pass: Callable[[int], None] = lambda n: None,
) -> dict[str, Timing]:
    """Run every case once to warm caches, then `repeat` passes over the mix; time each call.

    `run` returns None on success or a description of what went wrong. Results are grouped by
    query class ("rare", "rare + facets", …) and "overall".
    """
    for case in cases:
        run(case)
    timings: dict[str, Timing] = {}
    overall = Timing("overall")
    for n in range(repeat):
        for case in cases:
            started = time.perf_counter()
            problem = run(case)
            elapsed = time.perf_counter() - started
            timing = timings.setdefault(case.label, Timing(case.label))
            for t in (timing, overall):
                if problem:
                    t.errors.append(problem)
                else:
                    t.seconds.append(elapsed)
        on_pass(n + 1)
    timings["overall"] = overall
    return timings
