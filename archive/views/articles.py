import calendar

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from archive import pagecache, quoting
from archive.dates import UNDATED
from archive.models import Article, EntityKind, Mention, Quote
from archive.pagecache import cached_page
from archive.summaries import reading
from archive.views import annotated, jsonld

RELATED_ARTICLES = 5


@cached_page(pagecache.article_depends, variant=annotated.cache_variant)
def article_detail(request, slug, **address):
    """The text to read, with the annotations the reader chose (`?annotations=`, then
    remembered in a cookie): all, the quotes only, or none. The address names the date at
    the article's own precision (archive.models.articles.article_path)."""
    published_on = pagecache.article_stored_date(**address)
    if published_on is None:
        raise Http404("No such day.")
    article = get_object_or_404(
        Article.objects.visible_to(request.user)
        .with_byline()
        .prefetch_related("contributions__entity"),
        published_on=published_on,
        published_precision=address.get("precision", "day"),
        slug=slug,
    )
    quotes = list(Quote.objects.shown().filter(article=article).with_context())
    mentions = list(Mention.objects.shown().filter(article=article))
    entities = {}
    for mention in mentions:
        entities.setdefault(mention.entity_id, mention.entity)
    panels = {kind: [] for kind in EntityKind.values}
    for entity in sorted(entities.values(), key=lambda e: e.sort_name):
        panels[entity.kind].append(entity)
    mode = annotated.reading_mode(request)
    context = {
        "article": article,
        # the parts, and the quotes in reading order with their numbers
        **annotated.article_parts(article, quotes, mentions, mode),
        "mode": mode,
        "modes": [
            (value, label, f"?{annotated.PARAM}={value}")
            for value, label in annotated.MODES.items()
        ],
        "pull_quote": quoting.pull_quote(article, quotes),
        "panels": [
            ("People", panels[EntityKind.PERSON]),
            ("Organizations", panels[EntityKind.ORGANIZATION]),
            ("Places", panels[EntityKind.PLACE]),
            ("Events", panels[EntityKind.EVENT]),
        ],
        "related": reading.related_articles(article, entities, RELATED_ARTICLES),
        "jsonld": jsonld.news_article(article, list(entities.values())),
    }
    response = render(request, "archive/article_detail.html", context)
    remember = annotated.mode_to_remember(request)
    if remember:
        response.set_cookie(
            annotated.COOKIE,
            remember,
            max_age=annotated.COOKIE_MAX_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response


@cached_page()
def article_archive(request):
    """Every year and month with its number of articles."""
    months = reading.counts_by_month()
    undated = sum(r["count"] for r in months if r["year"] == UNDATED.year)
    years: dict[int, list] = {}
    for row in months:
        if row["year"] == UNDATED.year:
            continue
        # Month 0: the year's articles dated only to the year or a season (dates.month_of).
        row["name"] = calendar.month_name[row["month"]] if row["month"] else "Month not known"
        years.setdefault(row["year"], []).append(row)
    context = {
        "years": [(year, rows, sum(r["count"] for r in rows)) for year, rows in years.items()],
        "undated": undated,
        "jsonld": jsonld.collection("The article archive", reverse("archive:articles")),
    }
    return render(request, "archive/article_archive.html", context)


@cached_page()
def article_month(request, year, month=None):
    # The converters allow 0000 and 00; the date functions do not.
    if year <= UNDATED.year or (month is not None and not 1 <= month <= 12):
        raise Http404("No such month.")
    page = reading.articles_of(request, year, month)
    if not page.count:
        raise Http404("No articles in that period.")
    title = f"{calendar.month_name[month]} {year}" if month else str(year)
    context = {
        "page": page,
        "title": title,
        "year": year,
        "jsonld": jsonld.collection(f"Articles of {title}", request.path),
    }
    return render(request, "archive/article_month.html", context)


@cached_page()
def article_undated_list(request):
    """The published articles whose date is unknown (stored on UNDATED), newest import
    first by key like every list."""
    page = reading.articles_of(request, UNDATED.year)
    if not page.count:
        raise Http404("No undated articles.")
    context = {
        "page": page,
        "title": "Undated articles",
        "year": None,
        "jsonld": jsonld.collection("Undated articles", request.path),
    }
    return render(request, "archive/article_month.html", context)
