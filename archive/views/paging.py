"""One way to paginate every long list, so bad page numbers get the same answer everywhere."""

import re

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, queryset, param: str = "page", per_page: int | None = None):
    """The page of `queryset` that `?<param>=` asks for; 404 for a page that is not a
    positive whole number or lies beyond the last page. An empty list is one empty page."""
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE, allow_empty_first_page=True)
    raw = request.GET.get(param, "1")
    # ASCII digits only: str.isdigit() accepts "²", which int() rejects.
    if not re.fullmatch(r"[0-9]{1,9}", raw):
        raise Http404(f"{param} must be a page number.")
    try:
        page = paginator.page(int(raw))
    except InvalidPage as error:
        raise Http404(str(error)) from None
    page.param = param
    return page
