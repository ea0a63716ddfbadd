"""Formatting helpers for the public templates."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from archive import quoting
from archive.links import safe_url

register = template.Library()


@register.filter(name="safe_url")
def safe_url_filter(value) -> str:
    """An outside link's address if it is http(s), else "": `{% with url=x|safe_url %}`."""
    return safe_url(value)


# The characters that could end a <script> element or open a comment inside one, written as
# JSON escapes (the same table django.utils.html.json_script uses).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data, nonce="") -> str:
    """A schema.org JSON-LD block, `{{ data|jsonld:request.csp_nonce }}`. Editors' text such
    as a headline containing </script> stays inside the string because <, > and & are written
    as \\u escapes. The nonce is the Content-Security-Policy's for this response."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    # Safe: after the translation the JSON cannot contain markup.
    nonce = str(nonce)  # django-csp's lazy nonce is falsy until it is turned into text
    if nonce:
        return format_html(
            '<script type="application/ld+json" nonce="{}">{}</script>', nonce, mark_safe(text)
        )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def page_url(context, page, number):
    """The current address with `page.param` set to `number` (or a key), other parameters kept."""
    query = context["request"].GET.copy()
    query[page.param] = number
    return "?" + query.urlencode()


@register.filter
def plural(count, forms: str) -> str:
    """`3|plural:"quote,quotes"` → "3 quotes"."""
    one, many = forms.split(",")
    return f"{count} {one if count == 1 else many}"


@register.simple_tag
def partial_date(value):
    """A partial date as <time> when HTML can say it (a year, a month, a day); a season has
    no HTML date form, so it is plain text rather than a datetime that invents a day."""
    if value is None:
        return mark_safe('<span class="unknown">date unknown</span>')  # noqa: S308 (constant)
    if value.precision == "season":
        return format_html("<span>{}</span>", value)
    return format_html('<time datetime="{}">{}</time>', value.edtf(), value)


@register.simple_tag
def partial_span(start, end):
    """ "2001", or "29 March 2004 – 4 April 2004" for a span of two partial dates."""
    if end is None or end == start:
        return partial_date(start)
    return format_html("{} – {}", partial_date(start), partial_date(end))


# --- quotes: every template prints a quote through these (archive.quoting) ----------------


@register.filter
def quote_words(quote, limit=None):
    """The quote's words as HTML: “in marks” if direct, labelled reported speech if not."""
    return quoting.html(quote, int(limit) if limit else None)


@register.filter
def quote_line(quote, limit=None):
    """Plain text with the speaker, for <title>, og:title and the like (autoescaped)."""
    return quoting.line(quote, int(limit) if limit else None)


@register.filter
def quote_html_line(quote, limit=None):
    """Speaker and words as HTML, for lists of links to quotes."""
    return quoting.html_line(quote, int(limit) if limit else None)


@register.filter
def quote_cue(quote):
    """The sentence that attributes the quote, the quote itself elided."""
    return quoting.cue_html(quote)


@register.filter
def result_quote(result):
    """A quote's search result title (already highlighted HTML) as the quote's words."""
    return quoting.words_html(result.title, direct=not result.reported)
