"""Tags: rename (the change form), merge several into one, and suggestions for tag inputs."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from taggit.models import Tag

from archive.admin.base import HistoryAdmin, selected_ids
from archive.merging import free_tag_slug, merge_tags, remember_old_slug

SUGGESTIONS = 10


class TagForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name", "slug"]
        help_texts = {
            "name": "Renaming changes the tag on every quote that carries it, and gives the "
            "tag page the new name's address (the old address leads to it).",
            "slug": "The tag page's address; set from the name when the name changes. Old "
            "addresses keep working: they answer with a permanent redirect.",
        }

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        # Tags match case-insensitively (TAGGIT_CASE_INSENSITIVE), so "Elections" would be
        # a second "elections" that nobody could tell apart.
        clash = Tag.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).first()
        if clash is not None:
            raise forms.ValidationError(
                f"There is already a tag “{clash.name}”. To combine the two, select both in "
                "the list of tags and use “Merge selected tags into one”."
            )
        return name


class MergeTagsForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="The tag that remains; every quote tagged with the others gets it instead.",
    )

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.tags = list(tags)
        self.fields["survivor"].queryset = Tag.objects.filter(pk__in=[t.pk for t in self.tags])


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(HistoryAdmin):
    form = TagForm
    list_display = ["name", "slug", "quote_count"]
    search_fields = ["name"]
    ordering = ["name"]
    actions = ["merge_tags"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quotes=Count("archive_taggedquote_items"))

    def save_model(self, request, obj, form, change):
        old_slug = form.initial.get("slug") if change else None
        if change and "name" in form.changed_data and "slug" not in form.changed_data:
            obj.slug = free_tag_slug(obj.name, exclude_pk=obj.pk)
        super().save_model(request, obj, form, change)
        if old_slug and old_slug != obj.slug:
            remember_old_slug(old_slug, obj)
            self.message_user(
                request,
                f"The tag's address is now /tags/{obj.slug}/; /tags/{old_slug}/ leads there.",
                messages.INFO,
            )

    @admin.display(description="quotes", ordering="quotes")
    def quote_count(self, tag):
        return tag.quotes

    def get_urls(self):
        return [
            path("suggest/", self.admin_site.admin_view(self.suggest), name="taggit_tag_suggest"),
            *super().get_urls(),
        ]

    def suggest(self, request):
        """Names of existing tags that start with `q`, for the tag inputs' suggestions."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        term = request.GET.get("q", "").strip()
        names = []
        if term:
            tags = Tag.objects.filter(name__istartswith=term).order_by("name")
            names = list(tags.values_list("name", flat=True)[:SUGGESTIONS])
        return JsonResponse({"tags": names})

    @admin.action(description="Merge selected tags into one…", permissions=["change", "delete"])
    def merge_tags(self, request, queryset):
        tags = list(queryset.order_by("name"))
        if len(tags) < 2:
            self.message_user(request, "Select at least two tags to merge.", messages.ERROR)
            return None
        form = MergeTagsForm(request.POST if "apply" in request.POST else None, tags=tags)
        if form.is_bound and form.is_valid():
            survivor = form.cleaned_data["survivor"]
            others = [t for t in tags if t.pk != survivor.pk]
            moved = merge_tags(survivor, others, user=request.user)
            names = ", ".join(t.name for t in others)
            self.message_user(
                request,
                f"Merged {names} into {survivor.name}: {moved} quote"
                f"{'s' if moved != 1 else ''} now tagged {survivor.name} instead; the old "
                f"tag addresses lead to it.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge tags",
            "opts": self.model._meta,
            "form": form,
            "tags": tags,
            "selected": selected_ids(request),
            "action": "merge_tags",
        }
        return TemplateResponse(request, "admin/archive/merge_tags.html", context)
