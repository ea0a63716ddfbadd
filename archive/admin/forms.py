"""Forms shared by the admin's features: anchoring by words, tags with suggestions."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html
from taggit.forms import TagField, TagWidget

from archive import anchoring
from archive.models import TextPart
from archive.normalizing import normalize_line_breaks


class TagSuggestWidget(TagWidget):
    """Taggit's comma-separated input, plus suggestions of existing tags as one types
    (static/js/admin-tags.js). Without JavaScript it is the plain input: new names still work."""

    class Media:
        js = ["js/admin-tags.js"]
        css = {"all": ["css/admin-archive.css"]}  # the wider tag box

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["list"] = f"{widget_attrs.get('id', name)}-suggestions"
        widget_attrs["data-tag-suggest"] = reverse("admin:taggit_tag_suggest")
        widget_attrs["autocomplete"] = "off"
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        list_id = f"{(attrs or {}).get('id', name)}-suggestions"
        return html + format_html('<datalist id="{}"></datalist>', list_id)


def tag_field(**kwargs) -> TagField:
    kwargs.setdefault("help_text", "Comma-separated; existing tags are suggested as you type.")
    return TagField(widget=TagSuggestWidget, **kwargs)


def occurrences(text: str, exact: str) -> list[int]:
    """Where `exact` starts in `text`, overlapping occurrences included (as anchoring counts)."""
    found, at = [], text.find(exact) if exact else -1
    while at >= 0:
        found.append(at)
        at = text.find(exact, at + 1)
    return found


def anchor_error(text: str, exact: str, occurrence: int, part_label: str, what: str):
    """The form error for words that cannot be anchored where the editor says."""
    count = len(occurrences(text, exact))
    if count == 0:
        return ValidationError(
            {
                "exact": f"These words are not in the article's {part_label}. Copy them exactly "
                "as they stand, with the same punctuation and quotation marks."
            }
        )
    return ValidationError(
        {
            "occurrence": f"These words occur {count} time{'s' if count != 1 else ''} in the "
            f"{part_label}, so the {what} cannot be occurrence {occurrence}."
        }
    )


def _line_breaks_as_lf(to_python):
    return lambda value: normalize_line_breaks(to_python(value))


class AnnotationForm(forms.ModelForm):
    """A quote or mention given by its words (and which occurrence of them); the selectors
    are computed here, so editors never type offsets."""

    occurrence = forms.IntegerField(
        min_value=1,
        initial=1,
        required=False,
        help_text="Which appearance of these words in the part, when they occur more than once.",
    )

    ANCHOR_INPUTS = ("article", "part", "exact", "occurrence")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "exact" not in self.fields:
            del self.fields["occurrence"]  # a reviewer's form, where the words are read-only
            return
        self.fields["exact"].widget = forms.Textarea(attrs={"rows": 2, "cols": 60})
        # The browser sends the textarea's line breaks as CRLF; the text has LF.
        self.fields["exact"].to_python = _line_breaks_as_lf(self.fields["exact"].to_python)

    # Set by AnnotationFormSet: the article as stored, before the edit being submitted.
    stored_article = None
    # Set by the admin on the history's revert screen: the anchor comes from the version and
    # archive/reverting.py checks it, so words left as shown are not anchored again here.
    reverting = False

    def get_initial_for_field(self, field, field_name):
        # Computed when needed, not in __init__: an inline formset sets the article (which it
        # already holds) on each row only after constructing the form. The occurrence is that
        # of the words in the stored text, which the submitted occurrence is compared with.
        instance = self.instance
        if field_name == "occurrence" and instance.pk and instance.exact and not instance.orphaned:
            article = self.stored_article or self._article()
            found = occurrences(article.text_of(instance.part) if article else "", instance.exact)
            if instance.start in found:
                return found.index(instance.start) + 1
        return super().get_initial_for_field(field, field_name)

    def _post_clean(self):
        # An inline row the editor did not touch is not saved, so it is not validated either:
        # when the article's text was just edited, re-anchoring (archive/reanchoring.py)
        # decides what became of it, instead of the whole article being refused.
        if self.instance.pk and not self.has_changed():
            return
        super()._post_clean()

    def _article(self):
        if "article" in getattr(self, "cleaned_data", {}):
            return self.cleaned_data["article"]
        try:
            # Inline forms: the formset has set the article being edited, with its new text.
            return self.instance.article
        except ObjectDoesNotExist:
            return None

    def clean(self):
        data = super().clean()
        if "exact" not in self.fields:
            return data  # a reviewer's form: the anchor is not theirs to change
        exact, part = data.get("exact"), data.get("part") or self.instance.part
        occurrence = data.get("occurrence") or 1
        article = self._article()
        anchor_changed = self.instance.orphaned or not self.instance.pk
        anchor_changed = anchor_changed or any(f in self.changed_data for f in self.ANCHOR_INPUTS)
        if not (exact and part and article) or not anchor_changed:
            return data
        if self.instance.pk and not self.has_changed():
            # An orphan's row the editor left alone (see _post_clean): it stays orphaned and
            # listed instead of refusing the whole article.
            return data
        if self.reverting and not any(f in self.changed_data for f in self.ANCHOR_INPUTS):
            return data
        text = article.text_of(part)
        what = self._meta.model._meta.verbose_name
        try:
            anchor = anchoring.describe_exact(text, exact, occurrence - 1)
        except ValueError:
            raise anchor_error(text, exact, occurrence, TextPart(part).label, what) from None
        self.instance.set_anchor(anchor)
        self.instance.orphaned = False
        return data


class AnnotationFormSet(BaseInlineFormSet):
    """Quotes or mentions inline on an article: each row knows the article's stored text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_article = None
        if self.instance.pk:
            self.stored_article = type(self.instance).objects.filter(pk=self.instance.pk).first()

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.stored_article = self.stored_article
        return form
