from django.shortcuts import render
from django.urls import reverse

from archive.models import Article, Entity, EntityKind
from archive.pagecache import cached_page
from archive.summaries import reading
from archive.views import jsonld

LATEST = 10


@cached_page()
def home(request):
    context = {
        "articles": list(
            Article.objects.published().with_byline().order_by("-published_on", "headline")[:LATEST]
        ),
        "quotes": reading.latest_quotes(4),
        "people": list(Entity.objects.of_kind(EntityKind.PERSON).order_by("sort_name")[:12]),
        "tags": reading.top_tags(12),
        "jsonld": {
            **jsonld.collection("Latest articles", reverse("archive:home")),
            "@type": "WebSite",
        },
    }
    return render(request, "archive/home.html", context)
