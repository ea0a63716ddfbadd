"""The search page, the names autocomplete (JSON) and the OpenSearch description."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from archive.models import EntityKind, SearchKind
from archive.search import names, params, service


@require_safe
def search(request):
    search_params = params.read(request.GET)
    page = service.run(search_params)
    return render(
        request,
        "archive/search.html",
        {
            "search": page,
            "params": search_params,
            "sorts": params.SORTS,
            "kinds": SearchKind.choices,
        },
    )


@require_safe
def search_names(request):
    """Names for the search box and the quotes index's filters: {"results": [{name, kind,
    matched, description, url, slug, search}]}, only of the kinds given in `kind` (a comma
    list: person,organization) when it is given; with format=opensearch, the OpenSearch
    suggestions format [query, [names]]."""
    text = request.GET.get("q", "")
    kinds = tuple(k for k in request.GET.get("kind", "").split(",") if k)
    unknown = [k for k in kinds if k not in EntityKind.values]
    if unknown:
        return JsonResponse(
            {
                "error": f"Unknown kind “{unknown[0][:40]}”.",
                "parameter": "kind",
                "choices": list(EntityKind.values),
            },
            status=400,
        )
    completions = names.complete(text, kinds=kinds)
    if request.GET.get("format") == "opensearch":
        return JsonResponse([text, [c.name for c in completions]], safe=False)
    return JsonResponse(
        {
            "results": [
                {
                    "name": c.name,
                    "kind": c.kind,
                    "matched": c.matched,
                    "description": c.description,
                    "url": c.url,
                    "slug": c.slug,
                    "search": params.SearchParams(q=c.name).url(),
                }
                for c in completions
            ]
        }
    )


@require_safe
def opensearch(request):
    return render(
        request,
        "archive/opensearch.xml",
        content_type="application/opensearchdescription+xml",
    )
