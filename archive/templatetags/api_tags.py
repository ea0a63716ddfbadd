"""The pages' links to their machine-readable forms (archive.api.pages)."""

from django import template
from django.utils.html import format_html, format_html_join

from archive.api.annotations import MEDIA_TYPE
from archive.api.pages import forms_for, list_forms

register = template.Library()


@register.simple_tag(takes_context=True)
def api_alternates(context):
    """<link rel="alternate"> elements for the page's head."""
    forms = forms_for(context)
    links = []
    if forms.json:
        links.append(("application/json", "JSON (API)", forms.json))
    if forms.annotations:
        links.append((MEDIA_TYPE, "W3C Web Annotations", forms.annotations))
    if forms.csv:
        links.append(("text/csv", f"CSV of {forms.what}", forms.csv))
    return format_html_join("\n", '<link rel="alternate" type="{}" title="{}" href="{}">', links)


def _data_links(forms) -> str:
    if not forms.list_json:
        return ""
    if not forms.csv:
        return format_html(
            '<p class="meta data-links">Open data for {}: <a href="{}">API (JSON)</a></p>',
            forms.what,
            forms.list_json,
        )
    return format_html(
        '<p class="meta data-links">Open data for {}: <a href="{}">API (JSON)</a> · '
        '<a href="{}" download>Download CSV</a></p>',
        forms.what,
        forms.list_json,
        forms.csv,
    )


@register.simple_tag(takes_context=True)
def data_links(context):
    """ "API · Download CSV" for the list a page is about (archive.api.pages.forms_for)."""
    return _data_links(forms_for(context))


@register.simple_tag
def list_data_links(collection, what, name=None, value=None):
    """ "API · Download CSV" for one list on a page: the API's `collection` narrowed the
    way the list is (`name`=`value`, an API filter), e.g. quotes about an entity."""
    return _data_links(list_forms(collection, what, **({name: value} if name else {})))
