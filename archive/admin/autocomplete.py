"""The admin's autocomplete (the speaker, entity, "about" and article searches) with a short
description beside each name, so two people called the same are told apart."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView


def describe(obj) -> str:
    """ "Vanessa Saenen — Human Rights Watch spokeswoman in Brussels"; an entity without a
    description shows its kind, an article its date."""
    text = str(obj)
    description = getattr(obj, "description", None)
    if description:
        return f"{text} — {description}"
    kind = getattr(obj, "get_kind_display", None)
    if kind is not None:
        return f"{text} — {kind()}, no description yet"
    published = getattr(obj, "published_on", None)
    if published is not None:
        return f"{text} — {published:%-d %b %Y}"
    return text


class DescribedAutocompleteView(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        result["text"] = describe(obj)
        return result


def autocomplete_view(request):
    return DescribedAutocompleteView.as_view(admin_site=admin.site)(request)


# AdminSite.get_urls() wraps `self.autocomplete_view` when the URLs are first read, which is
# after the admin modules are imported: the default site serves this view instead.
admin.site.autocomplete_view = autocomplete_view
