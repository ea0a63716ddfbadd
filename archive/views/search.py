"""The search page, the names autocomplete (JSON) and the OpenSearch description."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from archive.models import SearchKind
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
    """Names for the search box: {"results": [{name, kind, matched, description, url,
    search}]}; with
    format=opensearch, the OpenSearch suggestions format [query, [names]]."""
    text = request.GET.get("q", "")
    completions = names.complete(text)
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
