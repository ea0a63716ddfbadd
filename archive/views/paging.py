"""One way to paginate every long list, so bad page numbers get the same answer everywhere."""

import datetime as dt
import re

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
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


# --- paging by key -----------------------------------------------------------------------
#
# Long lists (a person's 20,000 quotes) page by key: `?page=after.<key>` shows the items
# that follow <key> in the list's order, `?page=before.<key>` those that precede it, each
# one index range scan however deep the reader goes. The total shown beside the list is a
# stored figure (archive.models.summaries), never a COUNT(*) of the list.

_KEY = re.compile(
    r"(after|before)\.([0-9]{4}-[0-9]{2}-[0-9]{2})\.([0-9]{1,19})(?:\.([0-9]{1,19}))?"
)


class KeyPage:
    """One page of a keyed list, with what pagination.html needs (`count` is stored)."""

    keyed = True

    def __init__(self, items, count, param, *, next_key=None, previous_key=None):
        self.object_list = items
        self.count = count
        self.param = param
        self.next_key, self.previous_key = next_key, previous_key

    @property
    def paginator(self):
        return self  # templates read page.paginator.count

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self):
        return self.next_key is not None

    def has_previous(self):
        return self.previous_key is not None

    def has_other_pages(self):
        return self.has_next() or self.has_previous()


def _key_token(values) -> str:
    day, *numbers = values
    return ".".join([day.isoformat(), *(str(n) for n in numbers)])


def page_by_key(request, facts, key_fields, load, key_of, count, param="page", per_page=None):
    """The page of `facts` (a queryset of fact rows, not yet ordered) that `?<param>=` asks
    for. `key_fields`: the list's order, a date field descending then one or two numbers
    ascending (prefix "-" for descending); `load(facts)` turns the page's fact rows (a
    sliced, ordered queryset) into the objects shown, in order; `key_of(obj)` gives an
    object's key values. `count` is the stored total, or None where there is none to show.
    404 for a malformed key; a key past the end is an empty page."""
    size = per_page or settings.PAGE_SIZE
    raw = request.GET.get(param)
    direction, key = "first", None
    if raw is not None:
        match = _KEY.fullmatch(raw)
        if not match:
            raise Http404(f"{param} must be after.<key> or before.<key>.")
        direction = match[1]
        try:
            day = dt.date.fromisoformat(match[2])
        except ValueError:
            raise Http404(f"{param} has no such day.") from None
        key = [day, *(int(g) for g in match.groups()[2:] if g is not None)]
        if len(key) != len(key_fields):
            raise Http404(f"{param} must have {len(key_fields)} parts.")
    if count == 0 and direction == "first":
        return KeyPage([], 0, param)  # the stored figure says there is nothing to fetch
    order = list(key_fields)
    if direction == "before":
        order = [f[1:] if f.startswith("-") else "-" + f for f in order]
    rows = facts
    if key is not None:
        rows = rows.filter(_beyond(order, key))
    rows = rows.order_by(*order)[: size + 1]
    items = list(load(rows))
    more = len(items) > size
    if direction == "before":
        items = items[1:] if more else items
        has_previous, has_next = more, True
    else:
        items = items[:size]
        has_previous, has_next = direction == "after", more
    page = KeyPage(items, count, param)
    if items and has_next:
        page.next_key = "after." + _key_token(key_of(items[-1]))
    if items and has_previous:
        page.previous_key = "before." + _key_token(key_of(items[0]))
    return page


def _beyond(order, key) -> Q:
    """Rows strictly after `key` in `order`: a bound on the first field (an index range) and
    the tie-breaks for rows that share it."""
    fields = [(f.lstrip("-"), f.startswith("-")) for f in order]

    def past(name, descending, value):
        return Q(**{f"{name}__{'lt' if descending else 'gt'}": value})

    first, descending = fields[0]
    bound = Q(**{f"{first}__{'lte' if descending else 'gte'}": key[0]})
    alternatives = Q()
    for i, (name, desc) in enumerate(fields):
        same = Q(**{fields[j][0]: key[j] for j in range(i)})
        alternatives |= same & past(name, desc, key[i])
    return bound & alternatives
