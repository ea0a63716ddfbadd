"""The annotate screen: an article's text with its annotations highlighted, where an editor
selects a span and turns it into a quote or a mention.

The text is rendered as runs of characters, each carrying the offset where it starts, so the
browser (static/js/annotate.js) can turn a selection into offsets without re-counting. The
server trusts nothing it is sent: it checks that the offsets lie in the part and cut out the
words the editor saw, and computes the W3C selectors itself (anchoring.describe). Without
JavaScript, or from the keyboard, the editor types the words and says which occurrence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from archive import anchoring
from archive.admin.forms import anchor_error, tag_field
from archive.models import Article, Entity, Mention, Quote, QuoteMode, ReviewStatus, TextPart


class NamedAutocompleteSelect(AutocompleteSelect):
    """The admin's autocomplete with a placeholder (Django sets an empty one)."""

    def __init__(self, field, admin_site, *, placeholder, **kwargs):
        super().__init__(field, admin_site, **kwargs)
        self.placeholder = placeholder

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-placeholder"] = self.placeholder
        return attrs


class AnnotateForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("quote", "a quote"), ("mention", "a mention")],
        initial="quote",
        widget=forms.RadioSelect,
        label="Make the selected words",
    )
    part = forms.ChoiceField(choices=TextPart.choices, initial=TextPart.BODY)
    exact = forms.CharField(
        label="Words",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Select them in the text, or type them exactly as they stand.",
    )
    occurrence = forms.IntegerField(
        min_value=1,
        initial=1,
        required=False,
        help_text="Which appearance of the words in the part, when they occur more than once "
        "(filled in for you when you select).",
    )
    start = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    speaker = forms.ModelChoiceField(
        queryset=Entity.objects.speakers(),
        required=False,
        help_text="For a quote: the person or organization who said it.",
    )
    mode = forms.ChoiceField(choices=QuoteMode.choices, initial=QuoteMode.DIRECT, required=False)
    about = forms.ModelMultipleChoiceField(
        queryset=Entity.objects.all(),
        required=False,
        label="About",
        help_text="For a quote: whom or what it is about (people, organizations, places, events).",
    )
    entity = forms.ModelChoiceField(
        queryset=Entity.objects.all(),
        required=False,
        help_text="For a mention: whom or what the words name.",
    )

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.fields["tags"] = tag_field(required=False, help_text="For a quote; comma-separated.")
        for name, model, placeholder in (
            ("speaker", Quote, "Type to search people and organizations"),
            ("entity", Mention, "Type to search every entity"),
        ):
            field = self.fields[name]
            # select2 shows the placeholder inside its box, which gives the box its name
            # for screen readers until something is chosen.
            field.widget = NamedAutocompleteSelect(
                model._meta.get_field(name), admin.site, placeholder=placeholder
            )
            field.widget.choices = field.choices
        about = self.fields["about"]
        about.widget = AutocompleteSelectMultiple(Quote._meta.get_field("about"), admin.site)
        about.widget.choices = about.choices

    def clean(self):
        data = super().clean()
        part, exact = data.get("part"), data.get("exact")
        if not (part and exact):
            return data
        text = self.article.text_of(part)
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None:
            if not (start < end <= len(text)) or text[start:end] != exact:
                raise ValidationError(
                    "The selection does not match the article's text (it may have been edited "
                    "since this page was loaded). Select the words again."
                )
            anchor = anchoring.describe(text, start, end)
        else:
            occurrence = data.get("occurrence") or 1
            try:
                anchor = anchoring.describe_exact(text, exact, occurrence - 1)
            except ValueError:
                what = data.get("kind") or "annotation"
                raise anchor_error(text, exact, occurrence, TextPart(part).label, what) from None
        if data.get("kind") == "mention" and not data.get("entity"):
            raise ValidationError({"entity": "Say whom or what the mention names."})
        self.annotation = self._build(data, anchor)
        try:
            self.annotation.full_clean()
        except ValidationError as error:
            # Map the model's complaints to this form's fields where they exist.
            for name, problems in error.message_dict.items():
                self.add_error(name if name in self.fields else None, problems)
        return data

    def _build(self, data, anchor):
        common = {"article": self.article, "part": data["part"], "status": ReviewStatus.CONFIRMED}
        if data.get("kind") == "mention":
            annotation = Mention(entity=data["entity"], **common)
        else:
            mode = data.get("mode") or QuoteMode.DIRECT
            annotation = Quote(speaker=data.get("speaker"), mode=mode, **common)
        annotation.set_anchor(anchor)
        return annotation

    def save(self):
        self.annotation.save()
        if isinstance(self.annotation, Quote):
            if self.cleaned_data.get("tags"):
                self.annotation.tags.add(*self.cleaned_data["tags"])
            if self.cleaned_data.get("about"):
                self.annotation.about.set(self.cleaned_data["about"])
        return self.annotation


@dataclass
class Run:
    """Characters start..start+len(text) of a part, and the annotations covering all of them."""

    start: int
    text: str
    quotes: list = field(default_factory=list)
    mentions: list = field(default_factory=list)


def runs(text: str, quotes, mentions) -> list[Run]:
    """Cut `text` at every annotation boundary; each run is covered by the same annotations."""
    spans = [a for a in (*quotes, *mentions) if 0 <= a.start < a.end <= len(text)]
    cuts = sorted({0, len(text), *(a.start for a in spans), *(a.end for a in spans)})
    result = []
    for start, end in pairwise(cuts):
        run = Run(start, text[start:end])
        run.quotes = [q for q in quotes if q.start <= start and end <= q.end]
        run.mentions = [m for m in mentions if m.start <= start and end <= m.end]
        result.append(run)
    return result


def place_id(part: str, start: int) -> str:
    """The id of the run of text starting at `start` in `part` (every annotation starts a
    run), the fragment the screen returns to after saving."""
    return f"at-{part}-{start}"


def parts_of(article, quotes, mentions):
    parts = []
    for value, label in TextPart.choices:
        text = article.text_of(value)
        if not text:
            continue
        here_q = [q for q in quotes if q.part == value]
        here_m = [m for m in mentions if m.part == value]
        parts.append({"value": value, "label": label, "runs": runs(text, here_q, here_m)})
    return parts


def annotate_view(request, pk):
    user = request.user
    if not user.has_perm("archive.view_article"):
        raise PermissionDenied
    article = get_object_or_404(Article, pk=pk)
    if request.method == "POST":
        form = AnnotateForm(request.POST, article=article)
        kind = request.POST.get("kind", "quote")
        if not user.has_perm(f"archive.add_{'mention' if kind == 'mention' else 'quote'}"):
            raise PermissionDenied
        if form.is_valid():
            with reversion.create_revision():
                reversion.set_user(user)
                annotation = form.save()
                reversion.set_comment(f"Added on the annotate screen: {annotation}")
            messages.success(request, f"Added the {annotation._meta.verbose_name}: {annotation}")
            url = reverse("admin:archive_article_annotate", args=[article.pk])
            # Back to the place in the text where the new annotation starts.
            return HttpResponseRedirect(f"{url}#{place_id(annotation.part, annotation.start)}")
    else:
        form = AnnotateForm(article=article)
    visible = {"orphaned": False, "status__in": [ReviewStatus.CONFIRMED, ReviewStatus.SUGGESTED]}
    quotes = list(article.quotes.filter(**visible).select_related("speaker"))
    mentions = list(article.mentions.filter(**visible).select_related("entity"))
    context = {
        **admin.site.each_context(request),
        "title": f"Annotate: {article.headline}",
        "article": article,
        "opts": Article._meta,
        "form": form,
        "parts": parts_of(article, quotes, mentions),
        "quotes": quotes,
        "mentions": mentions,
        "orphans": list(article.quotes.filter(orphaned=True).select_related("speaker"))
        + list(article.mentions.filter(orphaned=True).select_related("entity")),
        "can_add": user.has_perm("archive.add_quote"),
        # New people and organizations from the screen (an admin popup; a new tab without
        # JavaScript), for the speaker, the mention's entity or "about".
        "new_entities": [
            (kind, label, reverse(f"admin:archive_{kind}_add"))
            for kind, label in (("person", "person"), ("organization", "organization"))
            if user.has_perm(f"archive.add_{kind}")
        ],
        "media": admin.site._registry[Article].media + form.media,
    }
    return TemplateResponse(request, "admin/archive/article/annotate.html", context)
