"""Articles: the change form with quotes and mentions inline, and what re-anchoring lost."""

from __future__ import annotations

from django.contrib import admin, messages
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from archive import models
from archive.admin import annotate
from archive.admin.base import HistoryAdmin, is_reverting
from archive.admin.forms import AnnotationFormSet
from archive.admin.quotes import MentionForm, QuoteForm


class ContributorInline(admin.TabularInline):
    model = models.ArticleContributor
    extra = 0
    autocomplete_fields = ["entity"]


class AnnotationInline(admin.TabularInline):
    """The article's quotes or mentions, to correct their words and status in place. Whom they
    name is shown, not edited, here: an autocomplete per row costs a query per row; the
    quote's own page and the annotate screen edit it, and add new ones."""

    extra = 0
    show_change_link = True
    formset = AnnotationFormSet
    related = ""

    def get_readonly_fields(self, request, obj=None):
        return [self.related, "orphaned"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(self.related)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.reverting = is_reverting(request)  # classes made for this request
        return formset

    def has_add_permission(self, request, obj=None):
        return False


class QuoteInline(AnnotationInline):
    model = models.Quote
    form = QuoteForm
    fields = ["part", "exact", "occurrence", "speaker", "mode", "status", "orphaned"]
    related = "speaker"


class MentionInline(AnnotationInline):
    model = models.Mention
    form = MentionForm
    fields = ["part", "exact", "occurrence", "entity", "status", "orphaned"]
    related = "entity"


@admin.register(models.Article)
class ArticleAdmin(HistoryAdmin):
    list_display = ["headline", "published_on", "publisher", "status", "annotate_link"]
    list_filter = ["status", "published_precision", "published_on"]
    list_select_related = ["publisher"]
    search_fields = ["headline"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["dateline_place", "publisher"]
    readonly_fields = ["annotation_tools"]
    inlines = [ContributorInline, QuoteInline, MentionInline]

    class Media:
        css = {"all": ["css/admin-archive.css"]}

    fieldsets = [
        (None, {"fields": ["annotation_tools"]}),
        (
            None,
            {
                "fields": [
                    "headline",
                    "slug",
                    "standfirst",
                    "body",
                    ("pull_quote", "pull_quote_after"),
                    ("published_on", "published_precision"),
                    "dateline_place",
                    "publisher",
                    "byline",
                    "source_url",
                    "language",
                    "status",
                ]
            },
        ),
    ]

    def get_urls(self):
        return [
            path(
                "<int:pk>/annotate/",
                self.admin_site.admin_view(annotate.annotate_view),
                name="archive_article_annotate",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="")
    def annotate_link(self, article):
        url = reverse("admin:archive_article_annotate", args=[article.pk])
        return format_html('<a href="{}">Annotate</a>', url)

    @admin.display(description="annotations")
    def annotation_tools(self, article):
        if not article.pk:
            return "Save the article first; then its text can be annotated."
        annotate_url = reverse("admin:archive_article_annotate", args=[article.pk])
        lost = orphan_links(article)
        parts = [format_html('<a class="button" href="{}">Annotate the text</a>', annotate_url)]
        if lost:
            parts.append(
                format_html(
                    '<div class="orphans"><strong>No longer found in the text after an edit '
                    "(fix the words to re-anchor them):</strong><ul>{}</ul></div>",
                    lost,
                )
            )
        return format_html_join("", "{}", ((p,) for p in parts))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        report = getattr(obj, "reanchor_report", None)
        if report is None:
            return
        if report.orphaned:
            self.message_user(
                request,
                f"{len(report.orphaned)} annotation(s) could no longer be found in the edited "
                "text and are marked orphaned; they are listed at the top of this page: "
                + "; ".join(str(a) for a in report.orphaned),
                messages.WARNING,
            )
        if report.moved or report.recovered:
            self.message_user(
                request,
                f"Re-anchored {len(report.moved) + len(report.recovered)} annotation(s): each "
                "stands on the same words in the edited text.",
                messages.INFO,
            )

    def response_change(self, request, obj):
        report = getattr(obj, "reanchor_report", None)
        if report is not None and report.orphaned and "_continue" not in request.POST:
            # Back to the article, where what was lost is listed for the editor to fix.
            request.POST = request.POST.copy()
            request.POST["_continue"] = "1"
        return super().response_change(request, obj)


def orphan_links(article):
    """<li> links to the article's orphaned quotes and mentions (two queries)."""
    rows = []
    for model, related in ((models.Quote, "speaker"), (models.Mention, "entity")):
        name = model._meta.model_name
        lost = model.objects.filter(article=article, orphaned=True).select_related(related)
        for annotation in lost:
            url = reverse(f"admin:archive_{name}_change", args=[annotation.pk])
            rows.append((url, name, annotation))
    return format_html_join("", '<li><a href="{}">{}: {}</a></li>', rows)
