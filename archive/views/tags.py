from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from taggit.models import Tag

from archive.models import Quote
from archive.views import jsonld
from archive.views.paging import paginate

SIDE_LIST = 15


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    quotes = Quote.objects.public().with_tag(tag)
    context = {
        "tag": tag,
        "page": paginate(request, quotes.with_context().latest_first()),
        "speakers": list(quotes.speaker_counts().order_by("-quotes", "sort_name")[:SIDE_LIST]),
        "related": list(
            quotes.tag_counts().exclude(pk=tag.pk).order_by("-quotes", "name")[:SIDE_LIST]
        ),
        "feed_url": reverse("archive:tag_quotes_feed", kwargs={"slug": tag.slug}),
        "jsonld": jsonld.collection(f"Quotes tagged {tag.name}", tag_url(tag)),
    }
    return render(request, "archive/tag_detail.html", context)


def tag_url(tag) -> str:
    return reverse("archive:tag", kwargs={"slug": tag.slug})


def tag_index(request):
    tags = Quote.objects.public().tag_counts().order_by("name")
    context = {
        "page": paginate(request, tags, per_page=300),
        "jsonld": jsonld.collection("Tags", reverse("archive:tags")),
    }
    return render(request, "archive/tag_index.html", context)
