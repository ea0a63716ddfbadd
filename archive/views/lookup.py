"""Finding the entity a URL names. Every entity page looks its entity up here, so that how
slugs resolve (merged duplicates redirecting to the survivor) is decided in one place.

Usage in a view::

    def person_detail(request, slug):
        person = get_entity_or_404(Person, slug)
        ...

A slug that belonged to a duplicate merged into another entity raises `EntityMoved`, which
`FollowMergedSlugs` (a middleware) answers with a 301 to the same page of the survivor, so no
view needs to do anything. Without the middleware, `@follow_merged` on a view does the same.
`EntityMoved` is an Http404, so if neither is in place the page answers "not found".
"""

from functools import wraps

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from archive.models import EntityRedirect, TagRedirect


class EntityMoved(Http404):
    """The slug belonged to a duplicate that was merged into `survivor`."""

    def __init__(self, survivor):
        super().__init__(f"Merged into {survivor.slug}")
        self.survivor = survivor


def get_entity_or_404(model, slug, queryset=None):
    """The `model` (Person, Organization, Place, Event or Entity) row with this slug; raise
    EntityMoved if the slug was merged into an entity of the same queryset, else 404."""
    queryset = model._default_manager.all() if queryset is None else queryset
    try:
        return queryset.get(slug=slug)
    except queryset.model.DoesNotExist:
        # Only pages that miss pay for this query. The survivor must be one the page could
        # show (same kind, visible); the page's own select_related and prefetches stay out.
        moved = (
            EntityRedirect.objects.filter(old_slug=slug, entity__in=queryset.values("pk"))
            .select_related("entity")
            .first()
        )
        if moved is not None:
            raise EntityMoved(moved.entity) from None
    raise Http404(f"No {queryset.model._meta.verbose_name} is at this address.")


def get_tag_or_404(slug):
    """The tag with this slug; raise EntityMoved (answered with a 301 like a merged entity's
    address) if the slug was a renamed or merged tag's, else 404."""
    from taggit.models import Tag

    tag = Tag.objects.filter(slug=slug).first()
    if tag is not None:
        return tag
    moved = TagRedirect.objects.filter(old_slug=slug).select_related("tag").first()
    if moved is not None:
        raise EntityMoved(moved.tag)
    raise Http404("No tag is at this address.")


def redirect_to_survivor(request, survivor) -> HttpResponsePermanentRedirect:
    """The same page (same route, arguments and query) for the survivor's slug."""
    match = request.resolver_match
    url = reverse(match.view_name, kwargs={**match.kwargs, "slug": survivor.slug})
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


def follow_merged(view):
    """Answer a merged slug with a permanent redirect to the same page of the survivor."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except EntityMoved as moved:
            return redirect_to_survivor(request, moved.survivor)

    return wrapper


class FollowMergedSlugs:
    """Middleware: every view that looks its entity up with get_entity_or_404 redirects a
    merged duplicate's address to the survivor's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, EntityMoved):
            return redirect_to_survivor(request, exception.survivor)
        return None
