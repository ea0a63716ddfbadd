"""What `benchmark_pages` times: every page type at its busiest instance, beside a bare page.

The bare page is the yardstick: one query of 12 rows rendered in the site's layout, served
only under the benchmark's URLconf (`archive.corpus.pages`, or BENCHMARK_URLS=true for a
server), so a figure for a page reads as "so many bare pages".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Sum
from django.db.models.functions import Length
from django.shortcuts import render
from django.urls import include, path

from archive.models import Article, ArticleStatus, Entity, Membership, Quote
from archive.models.summaries import EntityFigures, MonthFigures, QuoteFact, TagFigures

BARE_URL = "/benchmark/bare/"


def bare(request):
    people = list(Entity.objects.filter(kind="person").order_by("pk")[:12])
    return render(request, "archive/benchmark_bare.html", {"people": people})


urlpatterns = [
    path("benchmark/bare/", bare, name="benchmark_bare"),
    path("", include("archive.urls")),
]


@dataclass(frozen=True)
class PageCase:
    label: str
    url: str
    note: str = ""


def _busiest(kind: str, figure: str):
    row = (
        EntityFigures.objects.filter(entity__kind=kind)
        .select_related("entity")
        .order_by(f"-{figure}", "entity_id")
        .first()
    )
    return row.entity if row else None


def _most_quoted_organization():
    """The organization with the most public quotes by itself and its people."""
    quotes = dict(EntityFigures.objects.values_list("entity_id", "quotes_by"))
    totals: dict[int, int] = {}
    for org, person in Membership.objects.values_list("organization_id", "person_id"):
        totals[org] = totals.get(org, 0) + quotes.get(person, 0)
    for org, own in EntityFigures.objects.filter(entity__kind="organization").values_list(
        "entity_id", "quotes_by"
    ):
        totals[org] = totals.get(org, 0) + own
    if not totals:
        return None, 0
    best = max(totals, key=lambda pk: (totals[pk], -pk))
    return Entity.objects.get(pk=best), totals[best]


def build_page_cases() -> list[PageCase]:
    """The busiest instance of every page type in this archive (found from the stored
    summaries; nothing here is timed)."""
    cases = [PageCase("bare page (1 query, 12 rows)", BARE_URL), PageCase("home", "/")]
    person = _busiest("person", "articles")
    if person:
        figures = EntityFigures.objects.get(entity=person)
        cases.append(
            PageCase(
                "busiest person",
                person.get_absolute_url(),
                f"{figures.articles:,} articles, {figures.quotes_by:,} quotes",
            )
        )
        # The last page of their quotes: key paging costs the same at any depth.
        deep = (
            QuoteFact.objects.filter(speaker_id=person.pk)
            .order_by("published_on", "-article_id", "-place")
            .values_list("published_on", "article_id", "place")[25:26]
        )
        for day, article, where in deep:
            cases.append(
                PageCase(
                    "busiest person, deepest quotes page",
                    f"{person.get_absolute_url()}?page=after.{day.isoformat()}.{article}.{where}",
                )
            )
    org, quoted = _most_quoted_organization()
    if org:
        cases.append(
            PageCase("most-quoted organization", org.get_absolute_url(), f"{quoted:,} quotes")
        )
    for kind, label in (("place", "busiest place"), ("event", "busiest event")):
        entity = _busiest(kind, "articles")
        if entity:
            cases.append(PageCase(label, entity.get_absolute_url()))
    top = TagFigures.objects.select_related("tag").order_by("-quotes", "tag_id").first()
    if top:
        cases.append(PageCase("most-used tag", f"/tags/{top.tag.slug}/", f"{top.quotes:,} quotes"))
    published = Article.objects.filter(status=ArticleStatus.PUBLISHED)
    longest = published.annotate(n=Length("body")).order_by("-n", "pk").only("pk").first()
    if longest:
        article = Article.objects.get(pk=longest.pk)
        cases.append(PageCase("longest article", article.get_absolute_url()))
    quote = Quote.objects.public().order_by("-pk").first()
    if quote:
        cases.append(PageCase("a quote", quote.get_absolute_url()))
    month = (
        MonthFigures.objects.filter(month__gt=0, year__gt=1)  # a real month, not UNDATED's
        .order_by("-articles", "year", "month")
        .first()
    )
    if month:
        year_total = MonthFigures.objects.filter(year=month.year).aggregate(n=Sum("articles"))
        cases.append(
            PageCase("busiest year", f"/articles/{month.year}/", f"{year_total['n']:,} articles")
        )
        cases.append(
            PageCase(
                "busiest month",
                f"/articles/{month.year}/{month.month:02d}/",
                f"{month.articles:,} articles",
            )
        )
    cases += [
        PageCase("articles by date", "/articles/"),
        PageCase("people A-Z", "/people/"),
        PageCase("organizations", "/organizations/"),
        PageCase("places", "/places/"),
        PageCase("events", "/events/"),
        PageCase("timeline", "/timeline/"),
        PageCase("tags", "/tags/"),
    ]
    cases += _quote_index_cases(person, org, top.tag if top else None)
    cases.append(PageCase("search, a common word", "/search/?q=government"))
    return cases


def _quote_index_cases(person, org, tag) -> list[PageCase]:
    """The quotes index unfiltered, by one filter, and by filters that the busiest lists
    share (each other filter is then checked along the shortest of those lists)."""
    cases = [
        PageCase("quotes index", "/quotes/"),
        PageCase("quotes index, reported only", "/quotes/?mode=indirect"),
    ]
    oldest = QuoteFact.objects.order_by("published_on").values_list("published_on", flat=True)
    for day in oldest[:1]:
        cases.append(PageCase("quotes index, the first year", f"/quotes/?to={day.year}"))
    about = _busiest("organization", "quotes_about") or _busiest("person", "quotes_about")
    if person:
        cases.append(PageCase("quotes index, busiest person", f"/quotes/?speaker={person.slug}"))
    if org:
        cases.append(
            PageCase(
                "quotes index, most-quoted organization, reported",
                f"/quotes/?organization={org.slug}&mode=indirect",
            )
        )
    if person and tag and about:
        cases.append(
            PageCase(
                "quotes index, busiest person + most-used tag + most-quoted-about + direct",
                f"/quotes/?speaker={person.slug}&tag={tag.slug}&about={about.slug}&mode=direct",
            )
        )
    return cases
