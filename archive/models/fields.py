"""Text fields that store only the normal form of their text (archive/normalizing.py).

The normal form is applied wherever Django lets a value through: the form field (so an
unchanged textarea posted with CRLF is unchanged), `Article.clean()`, `save()` and
`bulk_create()` (through `pre_save`, which also updates the instance, so the offsets of
annotations computed on it after saving are right), and `update()`, `bulk_update()` and raw
fixture saves (through `get_db_prep_save`; lookups are left alone). Raw SQL meets the CHECK
constraint on the article table.
"""

from __future__ import annotations

from django import forms
from django.db import models

from archive.normalizing import normalize_text


class NormalizedFormField(forms.CharField):
    def __init__(self, *, multiline=True, **kwargs):
        self.multiline = multiline
        super().__init__(**kwargs)

    def to_python(self, value):
        return normalize_text(super().to_python(value), self.multiline)


class NormalizedField:
    multiline = True

    # Not in to_python: the deserializer calls it, and the fixture loader must see a fixture's
    # text as written to move its annotations' offsets with it (archive/loading.py).

    def get_db_prep_save(self, value, connection):
        return super().get_db_prep_save(normalize_text(value, self.multiline), connection)

    def pre_save(self, model_instance, add):
        value = normalize_text(getattr(model_instance, self.attname), self.multiline)
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        kwargs.setdefault("form_class", NormalizedFormField)
        kwargs.setdefault("multiline", self.multiline)
        return super().formfield(**kwargs)


class NormalizedTextField(NormalizedField, models.TextField):
    """Multi-line text: LF line breaks, no trailing spaces, one blank line between paragraphs."""


class NormalizedLineField(NormalizedField, models.CharField):
    """One line of text: line breaks become spaces."""

    multiline = False
