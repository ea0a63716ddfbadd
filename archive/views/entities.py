from django.shortcuts import render

from archive.models import Entity
from archive.views.lookup import get_entity_or_404


def entity_detail(request, slug, kind):
    queryset = Entity.objects.filter(kind=kind).prefetch_related("aliases")
    entity = get_entity_or_404(Entity, slug, queryset)
    return render(request, "archive/entity_detail.html", {"entity": entity})
