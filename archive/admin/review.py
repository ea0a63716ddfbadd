"""The review queue: machine-suggested quotes and mentions, accepted, corrected or rejected."""

from __future__ import annotations

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from archive.models import Article, Mention, Quote, ReviewStatus

SUGGESTED = ReviewStatus.SUGGESTED
SHOWN = 50  # suggestions listed at once; confirming or rejecting brings the next ones up
KINDS = {"quote": Quote, "mention": Mention}


def _suggested_count(model):
    return Coalesce(
        Subquery(
            model.objects.filter(article=OuterRef("pk"), status=SUGGESTED)
            .order_by()
            .values("article")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def articles_with_suggestions():
    """Articles that have suggestions, each with its counts, newest first. Both the filter and
    the counts use the (status, article) index of quotes; mentions are scanned by article."""
    has_any = Exists(Quote.objects.filter(article=OuterRef("pk"), status=SUGGESTED)) | Exists(
        Mention.objects.filter(article=OuterRef("pk"), status=SUGGESTED)
    )
    return (
        Article.objects.filter(has_any)
        .annotate(suggested_quotes=_suggested_count(Quote))
        .annotate(suggested_mentions=_suggested_count(Mention))
        .only("headline", "published_on", "slug")
        .order_by("-published_on", "pk")
    )


class QueueFilter(forms.Form):
    article = forms.IntegerField(required=False, min_value=1)
    page = forms.IntegerField(required=False, min_value=1)


def queue(request):
    user = request.user
    if not (user.has_perm("archive.view_quote") or user.has_perm("archive.view_mention")):
        raise PermissionDenied
    query = QueueFilter(request.GET)
    if not query.is_valid():
        return HttpResponseBadRequest("The article and page must be positive whole numbers.")
    article_id = query.cleaned_data["article"]
    pages = Paginator(articles_with_suggestions(), settings.PAGE_SIZE)
    page = pages.get_page(query.cleaned_data["page"])
    quotes = Quote.objects.filter(status=SUGGESTED).select_related("article", "speaker")
    mentions = Mention.objects.filter(status=SUGGESTED).select_related("article", "entity")
    article = None
    if article_id:
        article = get_object_or_404(Article.objects.only("headline"), pk=article_id)
        quotes, mentions = quotes.filter(article=article), mentions.filter(article=article)
    order = ["-article__published_on", "article", "part", "start"]
    context = {
        **admin.site.each_context(request),
        "title": "Review queue",
        "page": page,
        "article": article,
        "quotes": quotes.order_by(*order)[:SHOWN],
        "mentions": mentions.order_by(*order)[:SHOWN],
        "totals": {
            "quotes": Quote.objects.filter(status=SUGGESTED).count(),
            "mentions": Mention.objects.filter(status=SUGGESTED).count(),
        },
        "shown": SHOWN,
        "can_change_quotes": user.has_perm("archive.change_quote"),
        "can_change_mentions": user.has_perm("archive.change_mention"),
    }
    return TemplateResponse(request, "admin/archive/review_queue.html", context)


class Decision(forms.Form):
    kind = forms.ChoiceField(choices=[(k, k) for k in KINDS])
    pk = forms.IntegerField(min_value=1)
    decision = forms.ChoiceField(
        choices=[(ReviewStatus.CONFIRMED, "accept"), (ReviewStatus.REJECTED, "reject")]
    )
    article = forms.IntegerField(required=False, min_value=1)


@require_POST
def decide(request):
    form = Decision(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Say which quote or mention, and accept or reject.")
    kind, status = form.cleaned_data["kind"], form.cleaned_data["decision"]
    if not request.user.has_perm(f"archive.change_{kind}"):
        raise PermissionDenied
    annotation = get_object_or_404(KINDS[kind], pk=form.cleaned_data["pk"])
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(
            f"{'Accepted' if status == ReviewStatus.CONFIRMED else 'Rejected'} in the review queue."
        )
        annotation.status = status
        annotation.save(update_fields=["status", "updated_at"])
    verb = "Accepted" if status == ReviewStatus.CONFIRMED else "Rejected"
    messages.success(request, f"{verb}: {annotation}")
    url = reverse("admin:archive_review")
    if form.cleaned_data["article"]:
        url += f"?article={form.cleaned_data['article']}"
    return HttpResponseRedirect(url)
