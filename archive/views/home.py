from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse

from archive.models import Article, Entity, EntityKind
from archive.pagecache import cached_page
from archive.site import absolute
from archive.summaries import reading
from archive.views import jsonld

LATEST = 10


@cached_page()
def home(request):
    context = {
        "articles": list(
            Article.objects.published()
            .with_byline()
            .order_by("-published_on", "headline", "pk")[:LATEST]
        ),
        "quotes": reading.latest_quotes(4),
        "people": list(Entity.objects.of_kind(EntityKind.PERSON).order_by("sort_name", "pk")[:12]),
        "tags": reading.top_tags(12),
        "jsonld": {
            **jsonld.collection("Latest articles", reverse("archive:home")),
            "@type": "WebSite",
        },
    }
    return render(request, "archive/home.html", context)


def robots(request):
    """Everything public may be crawled; the admin and the API's browsable pages are not
    pages for search engines. The sitemap lists every public page."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('api:root')}",
        f"Sitemap: {absolute(reverse('archive:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers ask for /favicon.ico before reading a page's icon link (and on the admin's
    pages, which have none): send them to the icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
