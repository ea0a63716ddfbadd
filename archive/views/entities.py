from django.shortcuts import get_object_or_404, render

from archive.models import Entity


def entity_detail(request, slug, kind):
    entity = get_object_or_404(Entity.objects.prefetch_related("aliases"), kind=kind, slug=slug)
    return render(request, "archive/entity_detail.html", {"entity": entity})
