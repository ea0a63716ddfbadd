"""The importer's admin: an upload form for article files, and the proposed entities.

Loaded by one import line in archive/admin.py; nothing else of the admin is touched.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse

from archive.importer import formats
from archive.importer.accepting import accept_and_report, refusal
from archive.importer.importing import import_bytes
from archive.importer.linking import EntityIndex
from archive.models import ArticleImport, EntitySuggestion, ReviewStatus

MAX_FILES = 50


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        attrs = {"accept": ".txt,.json", "aria-describedby": "id_files_helptext"}
        kwargs.setdefault("widget", MultipleFileInput(attrs=attrs))
        # An empty file is one bad file of the batch, rejected by name when it is imported,
        # not a form error that stops the good files.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [f for f in files if f]
        if not files:
            raise ValidationError("Choose at least one file.", code="required")
        if len(files) > MAX_FILES:
            raise ValidationError(f"Upload at most {MAX_FILES} files at a time.")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Article files",
        help_text="Plain text (.txt) with a header of Headline:, Date: (ISO, e.g. 2004-04-06), "
        "Dateline:, Publisher:, Byline: and Source: lines, a blank line, then the body; or "
        "JSON (.json) with headline, published, dateline_place, publisher, byline, "
        f"source_url and body. At most {formats.MAX_BYTES // 1000:,} KB per file.",
    )


@admin.register(ArticleImport)
class ArticleImportAdmin(admin.ModelAdmin):
    """Its changelist is the upload form; editors who may add articles may use it."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("archive.add_article")

    def has_module_permission(self, request):
        return request.user.has_perm("archive.add_article")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        outcomes = []
        posted = request.method == "POST"
        form = UploadForm(request.POST, request.FILES) if posted else UploadForm()
        if posted and form.is_valid():
            index = EntityIndex.from_database()
            for upload in form.cleaned_data["files"]:
                if upload.size > formats.MAX_BYTES:
                    outcomes.append(
                        _Outcome(
                            f"{upload.name}: the file is {upload.size:,} bytes, over the limit "
                            f"of {formats.MAX_BYTES:,}.",
                        )
                    )
                    continue
                outcome = import_bytes(upload.name, upload.read(), index=index)
                outcomes.append(_Outcome(outcome.problem, outcome))
            rejected = sum(1 for o in outcomes if o.problem)
            level = messages.WARNING if rejected else messages.SUCCESS
            self.message_user(
                request,
                f"{len(outcomes) - rejected} of {len(outcomes)} files imported.",
                level,
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import articles",
            "form": form,
            "outcomes": outcomes,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/importer/upload.html", context)


class _Outcome:
    """One uploaded file's result, shaped for the template."""

    def __init__(self, problem, outcome=None):
        self.problem = problem
        self.name = outcome.name if outcome else ""
        self.created = bool(outcome and outcome.created)
        self.article = outcome.article if outcome else None
        self.summary = outcome.suggested.summary() if outcome and outcome.suggested else ""
        self.url = (
            reverse("admin:archive_article_change", args=[self.article.pk]) if self.article else ""
        )


class EntitySuggestionForm(forms.ModelForm):
    """Setting the status to "confirmed" accepts the suggestion exactly as the Accept action
    does; when it cannot be accepted, the status field says why."""

    class Meta:
        model = EntitySuggestion
        fields = [
            "name",
            "part",
            "phrase",
            "date_start",
            "date_start_precision",
            "date_end",
            "date_end_precision",
            "status",
            "confidence",
        ]

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        if cleaned.get("status") == ReviewStatus.CONFIRMED and not instance.entity_id:
            for field in ("name", "date_start", "date_start_precision"):
                if field in cleaned:
                    setattr(instance, field, cleaned[field])
            why = refusal(instance)
            if why:
                self.add_error("status", f"It cannot be accepted: {why}")
        return cleaned


@admin.register(EntitySuggestion)
class EntitySuggestionAdmin(admin.ModelAdmin):
    """People, organizations, places and events the importer proposes; accepting one
    creates it (or links it to the entity already named so)."""

    form = EntitySuggestionForm
    list_display = ["name", "kind", "article", "phrase", "date_start", "confidence", "status"]
    list_filter = ["status", "kind"]
    list_select_related = ["article"]
    search_fields = ["name", "phrase"]
    readonly_fields = ["article", "kind", "key", "header_field", "spans", "entity", "quotes"]
    actions = ["accept_selected", "reject_selected"]

    @admin.action(description="Accept: create these entities", permissions=["change"])
    def accept_selected(self, request, queryset):
        chosen = list(queryset.select_related("article", "entity"))
        accepted = 0
        for suggestion in chosen:
            ok, message = accept_and_report(suggestion)
            accepted += ok
            level = messages.SUCCESS if ok else messages.ERROR
            if not ok and suggestion.entity_id:
                level = messages.WARNING
            self.message_user(request, message, level)
        self.message_user(
            request,
            f"{accepted} of {len(chosen)} suggestion{'s' if len(chosen) != 1 else ''} accepted.",
            messages.SUCCESS if accepted == len(chosen) else messages.WARNING,
        )

    @admin.action(description="Reject: do not suggest these again", permissions=["change"])
    def reject_selected(self, request, queryset):
        chosen = queryset.count()
        count = queryset.filter(status=ReviewStatus.SUGGESTED).update(status=ReviewStatus.REJECTED)
        skipped = chosen - count
        note = f" ({skipped} had been decided already and were left alone)" if skipped else ""
        self.message_user(request, f"{count} suggestions rejected{note}.", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        accepting = obj.status == ReviewStatus.CONFIRMED and not obj.entity_id
        if accepting:
            obj.status = form.initial.get("status", ReviewStatus.SUGGESTED)
        super().save_model(request, obj, form, change)
        if accepting:
            ok, message = accept_and_report(obj)
            self.message_user(request, message, messages.SUCCESS if ok else messages.ERROR)
