"""benchmark_search: percentile arithmetic, the icontains baseline, and the command's report."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import NoReverseMatch, include, path, reverse

from archive.corpus.benchmark import (
    Case,
    Timing,
    baseline_search,
    build_cases,
    measure,
    percentile,
)
from archive.models import Article, Mention, Quote


def test_percentile_interpolates_between_ranks():
    values = [4, 1, 3, 2]  # order does not matter
    assert percentile(values, 0) == 1
    assert percentile(values, 50) == 2.5
    assert percentile(values, 100) == 4
    assert percentile(values, 95) == pytest.approx(3.85)
    assert percentile(range(1, 101), 50) == pytest.approx(50.5)
    assert percentile(range(1, 101), 95) == pytest.approx(95.05)
    assert percentile([7.0], 95) == 7.0


@pytest.mark.parametrize("bad", [-1, 101])
def test_percentile_rejects_impossible_ranks(bad):
    with pytest.raises(ValueError, match="between 0 and 100"):
        percentile([1, 2], bad)


def test_percentile_of_nothing_is_an_error():
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)


def test_timing_summary_in_milliseconds():
    timing = Timing("x", seconds=[0.010, 0.020, 0.030, 0.040, 0.050], errors=["500"])
    assert timing.summary() == {
        "n": 5,
        "p50_ms": 30.0,
        "p95_ms": 48.0,
        "max_ms": 50.0,
        "errors": 1,
    }


def test_measure_warms_up_then_times_each_pass():
    calls = []
    cases = [Case("rare", {"q": "a"}), Case("rare", {"q": "a", "year": "2004"})]
    timings = measure(cases, lambda case: calls.append(case) or None, repeat=3)
    assert len(calls) == 2 + 3 * 2
    assert timings["rare"].summary()["n"] == 3
    assert timings["rare + facets"].summary()["n"] == 3
    assert timings["overall"].summary()["n"] == 6


def test_measure_counts_failures_apart(db):
    timings = measure([Case("common", {"q": "x"})], lambda case: "500", repeat=2)
    assert timings["overall"].summary() == {"n": 0, "errors": 2}


@pytest.fixture
def corpus(db):
    call_command(
        "generate_corpus", "--articles=40", "--seed=bench", "--skip-index", stdout=StringIO()
    )


def test_baseline_finds_what_a_scan_by_hand_finds(corpus):
    article = Article.objects.published().order_by("pk")[3]
    word = max(article.body.split(), key=len).strip(".,")
    expected = [
        a
        for a in Article.objects.published()
        if any(word.lower() in t.lower() for t in (a.headline, a.standfirst, a.body))
    ]
    page = baseline_search({"q": word, "kind": "article"})
    assert page.articles == len(expected) >= 1
    assert sum(page.years.values()) == page.articles
    assert article.headline in [title for title, _ in page.rows]
    assert all(word.lower() in snippet.lower() for _, snippet in page.rows)
    year = article.published_on.year
    narrowed = baseline_search({"q": word, "kind": "article", "year": str(year)})
    assert set(narrowed.years) == {year}
    assert narrowed.articles == sum(1 for a in expected if a.published_on.year == year)


def test_baseline_exclusion_and_phrase(corpus):
    article = Article.objects.published().order_by("pk")[0]
    first, second = article.body.split()[1:3]
    phrase = baseline_search({"q": f'"{first} {second}"', "kind": "article"})
    assert phrase.articles >= 1
    everything = baseline_search({"q": first, "kind": "article"})
    without = baseline_search({"q": f"{first} -{second}", "kind": "article"})
    assert without.articles < everything.articles


def test_query_mix_covers_every_class_with_and_without_facets(corpus):
    labels = {case.label for case in build_cases()}
    assert labels == {
        "rare",
        "rare + facets",
        "common",
        "common + facets",
        "multi-word",
        "multi-word + facets",
    }


def test_command_reports_baseline_figures(corpus):
    out, err = StringIO(), StringIO()
    call_command(
        "benchmark_search", "--repeat=1", "--baseline-repeat=2", "--json=-", stdout=out, stderr=err
    )
    report = json.loads(out.getvalue())
    assert report["articles"] == 40
    assert report["database"] in ("sqlite", "postgresql")
    overall = report["baseline"]["overall"]
    assert overall["n"] == 2 * len(report["queries"]) and overall["errors"] == 0
    assert 0 < overall["p50_ms"] <= overall["p95_ms"] <= overall["max_ms"]
    assert all("baseline_hits" in query for query in report["queries"])
    assert "icontains p95" in err.getvalue()  # the table goes to stderr when JSON is on stdout
    try:
        reverse("archive:search")
    except NoReverseMatch:
        assert report["engine"] is None
        assert "no search page" in err.getvalue()
    else:
        assert report["engine"]["overall"]["n"] == len(report["queries"])


def test_baseline_person_and_tag_facets_narrow(corpus):
    mention = Mention.objects.filter(entity__kind="person").order_by("pk").first()
    person = mention.entity
    word = mention.article.body.split()[0]
    page = baseline_search({"q": word, "kind": "article", "person": str(person.pk)})
    mentioned = set(
        Mention.objects.filter(entity=person).values_list("article__headline", flat=True)
    )
    assert page.rows and {title for title, _ in page.rows} <= mentioned
    quote = Quote.objects.public().filter(tagged_items__isnull=False).order_by("pk").first()
    tag = quote.tags.first()
    term = quote.exact.split()[1]
    tagged = baseline_search({"q": term, "kind": "quote", "tag": tag.slug})
    assert 1 <= tagged.quotes <= baseline_search({"q": term, "kind": "quote"}).quotes


def stand_in_search(request):
    """A stand-in search page: the benchmark must time it and report its failures."""
    if request.GET.get("kind") == "quote":
        return HttpResponseBadRequest("no")
    return HttpResponse(f"results for {request.GET.get('q', '')}")


urlpatterns = [
    path("", include(([path("search/", stand_in_search, name="search")], "archive"))),
]


def test_command_times_the_search_page_and_reports_failures(corpus, settings):
    settings.ROOT_URLCONF = __name__
    out, err = StringIO(), StringIO()
    call_command(
        "benchmark_search", "--repeat=2", "--skip-baseline", "--json=-", stdout=out, stderr=err
    )
    report = json.loads(out.getvalue())
    assert report["baseline"] is None
    quote_queries = sum(1 for q in report["queries"] if q["params"].get("kind") == "quote")
    assert quote_queries >= 1
    overall = report["engine"]["overall"]
    assert overall["errors"] == 2 * quote_queries
    assert overall["n"] == 2 * (len(report["queries"]) - quote_queries)
    assert "Search request failed: 400" in err.getvalue()
    assert "engine p50" in err.getvalue()


def test_command_runs_on_an_empty_archive(db):
    out, err = StringIO(), StringIO()
    call_command(
        "benchmark_search", "--repeat=1", "--baseline-repeat=1", "--json=-", stdout=out, stderr=err
    )
    report = json.loads(out.getvalue())
    assert report["articles"] == 0
    assert all(q["baseline_hits"]["articles"] == 0 for q in report["queries"])
    assert report["baseline"]["overall"]["errors"] == 0


def test_benchmark_pages_times_every_page_type(seed, tmp_path):
    """benchmark_pages finds the busiest instances and times them beside the bare page."""
    from archive.summaries import tracking

    tracking.settle()
    out = StringIO()
    figures = tmp_path / "pages.json"
    call_command("benchmark_pages", "--repeat=2", f"--json={figures}", stdout=out)
    report = json.loads(figures.read_text())
    pages = {page["page"]: page for page in report["pages"]}
    assert pages["bare page (1 query, 12 rows)"]["queries"] == 1
    for label in (
        "home",
        "busiest person",
        "most-quoted organization",
        "most-used tag",
        "longest article",
        "busiest year",
        "timeline",
        "people A-Z",
    ):
        assert pages[label]["status"] == 200, label
        assert pages[label]["n"] == 2 and pages[label]["p95_ms"] > 0
    assert pages["busiest person"]["url"] == "/people/vanessa-saenen/"
    assert "busiest person" in out.getvalue()
