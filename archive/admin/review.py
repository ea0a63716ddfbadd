"""The review queue: machine-suggested quotes and mentions, accepted, corrected or rejected.

Each suggestion is shown in its sentence (its paragraph behind a disclosure), a quote with
the speaker the importer proposed when that person or organization is not in the archive
yet. Decisions are plain form posts that come back to the queue; static/js/review.js sends
the same posts with fetch() and asks for JSON, so with JavaScript the page does not reload.
One article's suggestions can be accepted or rejected together above (or below) a chosen
confidence.
"""

from __future__ import annotations

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from archive.importer.accepting import accept_and_report
from archive.importer.text import sentence_end_after, sentence_starts
from archive.models import Article, EntitySuggestion, Mention, Quote, ReviewStatus

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
        .only("headline", "published_on", "published_precision", "slug")
        .order_by("-published_on", "pk")
    )


class QueueFilter(forms.Form):
    article = forms.IntegerField(required=False, min_value=1)
    page = forms.IntegerField(required=False, min_value=1)


def in_context(item, texts: dict) -> dict:
    """The suggestion's sentence split around its words, and its paragraph likewise (None
    when the sentence is the whole paragraph, or the words are no longer where they were).
    `texts` caches each article part's text and sentence starts."""
    key = (item.article_id, item.part)
    if key not in texts:
        text = item.article.text_of(item.part)
        texts[key] = (text, sentence_starts(text))
    text, starts = texts[key]
    start, end = item.start, item.end
    if item.orphaned or text[start:end] != item.exact:
        return {"before": "", "words": item.exact, "after": "", "paragraph": None}
    cut = text.rfind("\n\n", 0, start)
    para_start = 0 if cut == -1 else cut + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end == -1 else para_end
    first = max(max(s for s in starts if s <= start), para_start)
    last = min(max(sentence_end_after(text, max(start, end - 1)), end), para_end)
    paragraph = None
    if (para_start, para_end) != (first, last):
        paragraph = {"before": text[para_start:start], "after": text[end:para_end]}
    return {
        "before": text[first:start].lstrip(),
        "words": text[start:end],
        "after": text[end:last].rstrip(),
        "paragraph": paragraph,
    }


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
    pending = EntitySuggestion.objects.filter(status=SUGGESTED).order_by("-confidence", "pk")
    quotes = (
        Quote.objects.filter(status=SUGGESTED)
        .select_related("article", "speaker")
        .prefetch_related(Prefetch("proposed_speakers", pending, to_attr="pending_speakers"))
    )
    mentions = Mention.objects.filter(status=SUGGESTED).select_related("article", "entity")
    article = None
    if article_id:
        article = get_object_or_404(Article.objects.only("headline"), pk=article_id)
        quotes, mentions = quotes.filter(article=article), mentions.filter(article=article)
    order = ["-article__published_on", "article", "part", "start"]
    texts: dict = {}
    quotes = [(q, in_context(q, texts)) for q in quotes.order_by(*order)[:SHOWN]]
    mentions = [(m, in_context(m, texts)) for m in mentions.order_by(*order)[:SHOWN]]
    context = {
        **admin.site.each_context(request),
        "title": "Review queue",
        "page": page,
        "article": article,
        "quotes": quotes,
        "mentions": mentions,
        "totals": {
            "quotes": Quote.objects.filter(status=SUGGESTED).count(),
            "mentions": Mention.objects.filter(status=SUGGESTED).count(),
        },
        "shown": SHOWN,
        "can_change_quotes": user.has_perm("archive.change_quote"),
        "can_change_mentions": user.has_perm("archive.change_mention"),
        "can_accept_speakers": user.has_perm("archive.change_entitysuggestion"),
        "bulk": BulkDecision(initial={"article": article.pk, "minimum": 0.8}) if article else None,
    }
    return TemplateResponse(request, "admin/archive/review_queue.html", context)


class Decision(forms.Form):
    kind = forms.ChoiceField(choices=[(k, k) for k in KINDS])
    pk = forms.IntegerField(min_value=1)
    decision = forms.ChoiceField(
        choices=[(ReviewStatus.CONFIRMED, "accept"), (ReviewStatus.REJECTED, "reject")]
    )
    article = forms.IntegerField(required=False, min_value=1)
    # "Accept with speaker": the proposed person or organization to accept with the quote.
    with_speaker = forms.IntegerField(required=False, min_value=1)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _answer(request, ok: bool, message: str, article_id=None, status=200, **extra):
    """JSON for the page's script; otherwise a message and back to the queue."""
    if _wants_json(request):
        return JsonResponse({"ok": ok, "message": message, **extra}, status=status)
    if status == 400:
        return HttpResponseBadRequest(message)
    (messages.success if ok else messages.error)(request, message)
    url = reverse("admin:archive_review")
    if article_id:
        url += f"?article={article_id}"
    return HttpResponseRedirect(url)


@require_POST
def decide(request):
    data = request.POST.copy()
    if data.get("with_speaker") and not data.get("decision"):
        data["decision"] = ReviewStatus.CONFIRMED
    form = Decision(data)
    if not form.is_valid():
        return _answer(
            request, False, "Say which quote or mention, and accept or reject.", status=400
        )
    kind, status = form.cleaned_data["kind"], form.cleaned_data["decision"]
    article_id = form.cleaned_data["article"]
    if not request.user.has_perm(f"archive.change_{kind}"):
        raise PermissionDenied
    annotation = get_object_or_404(KINDS[kind], pk=form.cleaned_data["pk"])
    said = []
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(request.user)
        speaker_pk = form.cleaned_data["with_speaker"]
        if speaker_pk and kind == "quote" and status == ReviewStatus.CONFIRMED:
            if not request.user.has_perm("archive.change_entitysuggestion"):
                raise PermissionDenied
            proposed = get_object_or_404(annotation.proposed_speakers, pk=speaker_pk)
            ok, message = accept_and_report(proposed)
            if not ok and not proposed.entity_id:
                transaction.set_rollback(True)
                return _answer(request, False, message, article_id)
            annotation.refresh_from_db()
            if annotation.speaker_id is None:
                annotation.speaker_id = proposed.entity_id
            said.append(message)
        reversion.set_comment(
            f"{'Accepted' if status == ReviewStatus.CONFIRMED else 'Rejected'} in the review queue."
        )
        annotation.status = status
        annotation.save(
            update_fields=["status", "speaker", "updated_at"]
            if kind == "quote"
            else ["status", "updated_at"]
        )
    verb = "Accepted" if status == ReviewStatus.CONFIRMED else "Rejected"
    said.insert(0, f"{verb}: {annotation}")
    return _answer(request, True, " ".join(said), article_id, status=200, decided=status)


class BulkDecision(forms.Form):
    """One article's suggestions decided together, by confidence."""

    article = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    which = forms.ChoiceField(
        label="Suggestions",
        choices=[("both", "quotes and mentions"), ("quote", "quotes"), ("mention", "mentions")],
    )
    side = forms.ChoiceField(
        label="with confidence",
        choices=[("at_least", "at or above"), ("below", "below")],
    )
    minimum = forms.FloatField(
        label="Confidence",
        min_value=0,
        max_value=1,
        widget=forms.NumberInput(attrs={"step": "0.05", "min": "0", "max": "1"}),
    )
    with_speakers = forms.BooleanField(
        required=False,
        label="When accepting, also accept the proposed people and organizations who speak "
        "the quotes",
    )
    decision = forms.ChoiceField(
        choices=[(ReviewStatus.CONFIRMED, "accept"), (ReviewStatus.REJECTED, "reject")]
    )


@require_POST
def bulk(request):
    form = BulkDecision(request.POST)
    if not form.is_valid():
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
        return HttpResponseBadRequest(f"The bulk decision is incomplete ({problems}).")
    data = form.cleaned_data
    article = get_object_or_404(Article.objects.only("pk"), pk=data["article"])
    kinds = ["quote", "mention"] if data["which"] == "both" else [data["which"]]
    for kind in kinds:
        if not request.user.has_perm(f"archive.change_{kind}"):
            raise PermissionDenied
    status, minimum = data["decision"], data["minimum"]
    accepting = status == ReviewStatus.CONFIRMED
    with_speakers = accepting and data["with_speakers"] and "quote" in kinds
    if with_speakers and not request.user.has_perm("archive.change_entitysuggestion"):
        raise PermissionDenied
    counts, said = {}, []
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(request.user)
        side = "at or above" if data["side"] == "at_least" else "below"
        reversion.set_comment(
            f"{'Accepted' if accepting else 'Rejected'} in bulk in the review queue "
            f"(confidence {side} {minimum:.2f})."
        )
        for kind in kinds:
            chosen = KINDS[kind].objects.filter(article=article, status=SUGGESTED)
            if data["side"] == "at_least":
                chosen = chosen.filter(confidence__gte=minimum)
            else:
                chosen = chosen.filter(confidence__lt=minimum)
            chosen = list(chosen.order_by("part", "start"))
            if with_speakers and kind == "quote":
                proposed = EntitySuggestion.objects.filter(
                    status=SUGGESTED, quotes__in=chosen
                ).distinct()
                for suggestion in proposed.select_related("article"):
                    ok, message = accept_and_report(suggestion)
                    if not ok:
                        said.append(message)
                chosen = list(Quote.objects.filter(pk__in=[q.pk for q in chosen]))
            for item in chosen:
                item.status = status
                item.save(update_fields=["status", "updated_at"])
            counts[kind] = len(chosen)
    verb = "Accepted" if accepting else "Rejected"
    parts = [f"{counts[k]} {k}{'s' if counts[k] != 1 else ''}" for k in kinds]
    summary = f"{verb} {' and '.join(parts)} with confidence {side} {minimum:.2f}."
    messages.success(request, " ".join([summary, *said]))
    return HttpResponseRedirect(reverse("admin:archive_review") + f"?article={article.pk}")
