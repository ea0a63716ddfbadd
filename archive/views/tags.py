from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from taggit.models import Tag

from archive import pagecache
from archive.models import Quote
from archive.pagecache import cached_page
from archive.summaries import reading
from archive.views import jsonld
from archive.views.lookup import get_tag_or_404
from archive.views.paging import paginate

SIDE_LIST = 15
# Quotes per page: the busiest tag's first page ends near three screens down (25 cards were
# 7,400 px at 1280 px and 9,200 on a phone before its first "Older").
TAG_QUOTES = 8


def public_tag_or_404(slug):
    """The tag, if some public quote has it: a tag used only on drafts, suggestions or
    rejected quotes has no page or feed (one query: the EXISTS stops at the first quote).
    A renamed or merged tag's old slug still redirects (get_tag_or_404)."""
    public = Quote.objects.public().filter(tagged_items__tag=OuterRef("pk"))
    tag = Tag.objects.filter(Exists(public), slug=slug).first()
    if tag is not None:
        return tag
    if Tag.objects.filter(slug=slug).exists():
        raise Http404("No public quote has this tag.")
    return get_tag_or_404(slug)


@cached_page(pagecache.tag_depends)
def tag_detail(request, slug):
    tag = public_tag_or_404(slug)
    context = {
        "tag": tag,
        "page": reading.tagged(request, tag, per_page=TAG_QUOTES),
        "speakers": reading.tag_speakers(tag, SIDE_LIST),
        "related": reading.related_tags(tag, SIDE_LIST),
        "feed_url": reverse("archive:tag_quotes_feed", kwargs={"slug": tag.slug}),
        "jsonld": jsonld.collection(f"Quotes tagged {tag.name}", tag_url(tag)),
    }
    return render(request, "archive/tag_detail.html", context)


def tag_url(tag) -> str:
    return reverse("archive:tag", kwargs={"slug": tag.slug})


@cached_page()
def tag_index(request):
    reading.settled()
    tags = reading.tags_by_name()
    context = {
        "page": paginate(request, tags, per_page=300),
        "jsonld": jsonld.collection("Tags", reverse("archive:tags")),
    }
    return render(request, "archive/tag_index.html", context)
