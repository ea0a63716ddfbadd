"""Keyset (cursor) pages: a page is "the next N rows after this key" in a fixed, unique order
on indexed columns, so the millionth row costs what the first does (no OFFSET).

A cursor is the boundary key and a direction, signed (django.core.signing): one that was
tampered with, or made for another list, is a 400, never a 500 or a wrong page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db.models import Q

from archive.api.errors import BadParameter

MAX_PAGE_SIZE = 100
_SIGNER = signing.Signer(salt="archive.api.cursor")


@dataclass(frozen=True)
class Order:
    """A unique ordering: (field, descending) pairs, the last one a unique column."""

    name: str
    fields: tuple[tuple[str, bool], ...]

    def order_by(self, reverse: bool = False) -> list[str]:
        return [("-" if desc != reverse else "") + f for f, desc in self.fields]

    def after(self, key: list, reverse: bool = False) -> Q:
        """Rows strictly after `key` in this order (before it when `reverse`)."""
        condition = Q()
        equal = Q()
        for (field, desc), value in zip(self.fields, key, strict=True):
            op = "lt" if desc != reverse else "gt"
            condition |= equal & Q(**{f"{field}__{op}": value})
            equal &= Q(**{field: value})
        return condition

    def key_of(self, row: dict) -> list:
        return [_plain(row[alias(f)]) for f, _ in self.fields]


def alias(field: str) -> str:
    """The `.values()` key a field is read under."""
    return field


def _plain(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def page_size(params) -> int:
    raw = params.get("page_size")
    if raw in (None, ""):
        return settings.PAGE_SIZE
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise BadParameter({"page_size": [f"A whole number from 1 to {MAX_PAGE_SIZE}."]})
    return int(raw)


def read_cursor(params, order: Order, types: tuple) -> tuple[list | None, bool]:
    """(key, backwards) from ?cursor=, or (None, False) for the first page."""
    raw = params.get("cursor")
    if raw in (None, ""):
        return None, False
    problem = {"cursor": ["This cursor is not one this list gave out; start from the first page."]}
    try:
        data = _SIGNER.unsign_object(raw)
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        raise BadParameter(problem) from None
    if not isinstance(data, dict) or data.get("o") != order.name:
        raise BadParameter(problem)
    key, back = data.get("k"), data.get("b")
    if not isinstance(key, list) or len(key) != len(types) or back not in (0, 1):
        raise BadParameter(problem)
    try:
        key = [_typed(kind, value) for kind, value in zip(types, key, strict=True)]
    except (TypeError, ValueError, OverflowError):
        raise BadParameter(problem) from None
    return key, bool(back)


def _typed(kind, value):
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is int:
        if not isinstance(value, int) or not -(2**63) <= value < 2**63:
            raise ValueError(value)
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def make_cursor(order: Order, key: list, back: bool) -> str:
    return _SIGNER.sign_object({"o": order.name, "k": key, "b": int(back)}, compress=False)


@dataclass
class Page:
    rows: list[dict]
    next: str | None
    previous: str | None


def paginate(queryset, fields: list[str], params, order: Order, types: tuple, base_url: str):
    """The page of `queryset` (as `.values(*fields)` dicts) that ?cursor= and ?page_size= ask
    for, in one query, with the addresses of the next and previous pages."""
    size = page_size(params)
    key, back = read_cursor(params, order, types)
    qs = queryset.order_by(*order.order_by(reverse=back))
    if key is not None:
        qs = qs.filter(order.after(key, reverse=back))
    rows = list(qs.values(*fields)[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if back:
        rows.reverse()
    has_next = more if not back else key is not None
    has_previous = (key is not None) if not back else more
    query = {k: v for k, v in params.items() if k != "cursor" and v != ""}

    def link(row, backwards):
        cursor = make_cursor(order, order.key_of(row), backwards)
        return base_url + "?" + urlencode({**query, "cursor": cursor})

    return Page(
        rows,
        link(rows[-1], False) if rows and has_next else None,
        link(rows[0], True) if rows and has_previous else None,
    )
