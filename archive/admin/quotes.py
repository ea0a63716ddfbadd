"""Quotes and mentions: lists, filters, the edit form and the bulk actions."""

from __future__ import annotations

import reversion
from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from taggit.models import Tag

from archive import models
from archive.admin import review
from archive.admin.base import HistoryAdmin, selected_ids
from archive.admin.forms import AnnotationForm, tag_field
from archive.models import ReviewStatus
from archive.permissions import can_edit_annotation_text

REVIEW_FLAG = "_review"  # on a change page opened from the review queue: saving confirms


class TagFilter(admin.SimpleListFilter):
    title = "tag"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        tags = Tag.objects.filter(archive_taggedquote_items__isnull=False).distinct()
        return [(tag.slug, tag.name) for tag in tags.order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(tags__slug=self.value())
        return queryset


class QuoteForm(AnnotationForm):
    tags = tag_field(required=False)

    class Meta:
        model = models.Quote
        exclude = ["prefix", "suffix", "start", "end"]


class AnnotationAdmin(HistoryAdmin):
    """What quotes and mentions share: anchoring by words, and reviewers' narrower rights."""

    class Media:
        css = {"all": ["css/admin-archive.css"]}  # the title clear of History

    REVIEWABLE = ["status"]

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if not can_edit_annotation_text(request.user):
            return [f for f in fields if f != "occurrence"]
        return fields

    def get_readonly_fields(self, request, obj=None):
        if can_edit_annotation_text(request.user):
            return ["orphaned"]
        return [f for f in self.fields if f not in self.REVIEWABLE and f != "occurrence"]

    def save_model(self, request, obj, form, change):
        if REVIEW_FLAG in request.GET and obj.status == ReviewStatus.SUGGESTED:
            obj.status = ReviewStatus.CONFIRMED  # "correct" in the review queue: fix, then accept
            # Saved even when nothing else was changed: saving is the decision (HistoryAdmin
            # would skip an unchanged form).
            super(HistoryAdmin, self).save_model(request, obj, form, change)
            return
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        if REVIEW_FLAG in request.GET and "_continue" not in request.POST:
            self.message_user(request, f"Corrected and confirmed: {obj}", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:archive_review"))
        return super().response_change(request, obj)

    @admin.action(description="Confirm selected", permissions=["change"])
    def confirm(self, request, queryset):
        self._set_status(request, queryset, ReviewStatus.CONFIRMED)

    @admin.action(description="Reject selected", permissions=["change"])
    def reject(self, request, queryset):
        self._set_status(request, queryset, ReviewStatus.REJECTED)

    def _set_status(self, request, queryset, status):
        with transaction.atomic():
            changed = list(queryset.exclude(status=status))
            for obj in changed:
                obj.status = status
            queryset.model.objects.bulk_update(changed, ["status", "updated_at"])
            record_in_history(changed, f"Marked {status} in bulk.")
        what = queryset.model._meta.verbose_name_plural
        self.message_user(request, f"{len(changed)} {what} marked {status}.", messages.SUCCESS)


def record_in_history(objects, comment: str) -> None:
    """Bulk changes skip save(); add them to the revision the admin view has open."""
    if reversion.is_active():
        reversion.set_comment(comment)
        for obj in objects:
            reversion.add_to_revision(obj)


class AddTagsForm(forms.Form):
    tags = tag_field(help_text="Comma-separated. New names create new tags.")


class RemoveTagForm(forms.Form):
    tag = forms.ModelChoiceField(queryset=Tag.objects.none(), empty_label=None)

    def __init__(self, *args, quotes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].queryset = (
            Tag.objects.filter(archive_taggedquote_items__content_object__in=quotes)
            .distinct()
            .order_by("name")
        )


@admin.register(models.Quote)
class QuoteAdmin(AnnotationAdmin):
    form = QuoteForm
    list_display = ["short_text", "speaker", "article_short", "tag_list", "status", "orphaned"]
    list_filter = [
        "status",
        TagFilter,
        ("speaker", admin.RelatedOnlyFieldListFilter),
        ("article__published_on", admin.DateFieldListFilter),
        "orphaned",
        "mode",
    ]
    list_select_related = ["speaker", "article"]
    search_fields = ["exact", "speaker__name", "speaker__aliases__name"]
    autocomplete_fields = ["article", "speaker", "said_to", "about", "answers"]
    fields = [
        "article",
        "part",
        "exact",
        "occurrence",
        "speaker",
        "mode",
        "said_to",
        "about",
        "answers",
        "tags",
        "status",
        "confidence",
        "orphaned",
    ]
    # A reviewer's "Correct" may change who said it (a speaker search), not the words.
    REVIEWABLE = ["status", "tags", "speaker"]
    actions = ["add_tags", "remove_tag", "confirm", "reject"]

    def get_queryset(self, request):
        # The tag column: one query for every row's tags.
        return super().get_queryset(request).prefetch_related("tags")

    def get_urls(self):
        return [
            path("review/", self.admin_site.admin_view(review.queue), name="archive_review"),
            path(
                "review/decide/",
                self.admin_site.admin_view(review.decide),
                name="archive_review_decide",
            ),
            path(
                "review/bulk/",
                self.admin_site.admin_view(review.bulk),
                name="archive_review_bulk",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="quote", ordering="exact")
    def short_text(self, quote):
        return quote.exact if len(quote.exact) <= 90 else quote.exact[:89] + "…"

    @admin.display(description="article", ordering="article__published_on")
    def article_short(self, quote):
        headline = quote.article.headline
        headline = headline if len(headline) <= 50 else headline[:49] + "…"
        return f"{headline} ({quote.article.published_on:%d %b %Y})"

    @admin.display(description="tags")
    def tag_list(self, quote):
        return format_html_join(", ", "{}", ((tag.name,) for tag in quote.tags.all()))

    @admin.action(description="Add tags to selected…", permissions=["change"])
    def add_tags(self, request, queryset):
        form = AddTagsForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            names = form.cleaned_data["tags"]
            with transaction.atomic():
                quotes = list(queryset)
                for quote in quotes:
                    quote.tags.add(*names)
                record_in_history(quotes, f"Tagged {', '.join(names)} in bulk.")
            self.message_user(
                request, f"Tagged {len(quotes)} quotes with {', '.join(names)}.", messages.SUCCESS
            )
            return None
        return self._intermediate(request, queryset, form, "add_tags", "Add tags")

    @admin.action(description="Remove a tag from selected…", permissions=["change"])
    def remove_tag(self, request, queryset):
        form = RemoveTagForm(request.POST if "apply" in request.POST else None, quotes=queryset)
        if not form.fields["tag"].queryset.exists():
            self.message_user(request, "The selected quotes have no tags.", messages.WARNING)
            return None
        if form.is_bound and form.is_valid():
            tag = form.cleaned_data["tag"]
            with transaction.atomic():
                quotes = list(queryset.filter(tags=tag))
                models.TaggedQuote.objects.filter(content_object__in=quotes, tag=tag).delete()
                record_in_history(quotes, f"Removed the tag {tag} in bulk.")
            self.message_user(
                request, f"Removed {tag} from {len(quotes)} quotes.", messages.SUCCESS
            )
            return None
        return self._intermediate(request, queryset, form, "remove_tag", "Remove a tag")

    def _intermediate(self, request, queryset, form, action, title):
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "form": form,
            "objects": queryset.select_related("speaker"),
            "selected": selected_ids(request),
            "action": action,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/archive/quote_action.html", context)


class MentionForm(AnnotationForm):
    class Meta:
        model = models.Mention
        exclude = ["prefix", "suffix", "start", "end"]


@admin.register(models.Mention)
class MentionAdmin(AnnotationAdmin):
    form = MentionForm
    list_display = ["exact", "entity", "article", "part", "status", "orphaned"]
    list_filter = ["status", "part", "orphaned"]
    list_select_related = ["entity", "article"]
    search_fields = ["exact", "entity__name"]
    autocomplete_fields = ["article", "entity"]
    fields = [
        "article",
        "part",
        "exact",
        "occurrence",
        "entity",
        "status",
        "confidence",
        "orphaned",
    ]
    actions = ["confirm", "reject"]
