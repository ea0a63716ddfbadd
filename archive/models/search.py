"""The search index: one row per searchable object, kept apart from the core models.

The rows are derived data, rebuilt by `rebuild_search_index` and kept in step by the signal
handlers in `archive.search.signals`. The full-text machinery lives beside these tables and
is created by migration 0002 for the database in use: on SQLite an FTS5 table
(`archive_search_fts`) over SearchEntry's text columns, maintained by triggers; on PostgreSQL
a stored, generated `vector` tsvector column with a GIN index, and pg_trgm on SearchName.
"""

from __future__ import annotations

from django.db import models


class SearchKind(models.TextChoices):
    ARTICLE = "article", "article"
    QUOTE = "quote", "quote"
    PERSON = "person", "person"
    ORGANIZATION = "organization", "organization"
    PLACE = "place", "place"
    EVENT = "event", "event"


class FacetKind(models.TextChoices):
    PERSON = "person", "person"
    ORGANIZATION = "organization", "organization"
    TAG = "tag", "tag"


class SearchEntry(models.Model):
    """One searchable thing as search sees it: weighted text columns plus what results show.

    title > lead > body in ranking weight (article: headline, standfirst, body; quote: its
    words, the speaker, the article's headline; entity: name, aliases and description,
    summary). `folded` holds the transliteration-folded keys (archive.names.fold) of the
    capitalised words and of every alias involved, so that any spelling of a name finds it.
    """

    kind = models.CharField(max_length=12, choices=SearchKind.choices)
    object_id = models.BigIntegerField()
    title = models.TextField()
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)
    folded = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    # The last day of the period the date stands for when that is more than a day (an
    # article of "2002", a quote in it, an event's span); empty for a single day. A date
    # range matches what overlaps it (backends.Filters.range_sql).
    date_end = models.DateField(null=True, blank=True)
    year = models.SmallIntegerField(null=True, blank=True)
    path = models.CharField(max_length=500, help_text="Where the result links to.")
    context = models.CharField(
        max_length=500, blank=True, help_text="The line under a result, e.g. speaker and article."
    )
    filters = models.TextField(
        blank=True,
        default="",
        help_text="Filter tokens (kind, year, facet keys) that the full-text index also holds, "
        "so that narrowing is a full-text AND (archive.search.backends.filter_words).",
    )

    class Meta:
        ordering = ["kind", "object_id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique"),
        ]
        indexes = [
            # Sort by date: ORDER BY date DESC over the matched rows; date-range filters.
            models.Index(fields=["date"], name="search_entry_date_idx"),
            # SQLite: the kind, year and date of each matched row (facet counts, sort by date)
            # read from this index (INDEXED BY in backends/sqlite.py) instead of from rows
            # that carry the whole text.
            models.Index(
                fields=["id", "kind", "year", "date", "date_end"], name="search_entry_row_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title[:60]}"


class SearchFacet(models.Model):
    """A facet value an entry carries: a person or organization it involves, a tag."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=12, choices=FacetKind.choices)
    key = models.CharField(max_length=200, help_text="An entity id or a tag slug.")
    label = models.CharField(max_length=200)

    class Meta:
        ordering = ["facet", "label"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "facet", "key"], name="search_facet_unique"),
        ]
        indexes = [
            # Narrowing by a facet: WHERE facet = %s AND key = %s (→ entry_id).
            models.Index(fields=["facet", "key", "entry"], name="search_facet_value_idx"),
            # Facet counts over the matches: JOIN ON entry_id = m.id, GROUP BY facet, key with
            # MAX(label), answered from the index alone (no table reads).
            models.Index(fields=["entry", "facet", "key", "label"], name="search_facet_entry_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.key}"


class SearchName(models.Model):
    """A folded name key for autocomplete and "did you mean".

    Every name and alias of an entity gives one row per word suffix ("galimzhan zhakianov",
    "zhakianov") and one per single word, so a prefix typed from any word of a name finds it.
    """

    entity = models.ForeignKey("archive.Entity", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200, help_text="Folded words (archive.names.fold).")
    text = models.CharField(max_length=200, help_text="The same words as spelled.")
    name = models.CharField(max_length=200, help_text="The whole name or alias they come from.")
    canonical = models.BooleanField(
        default=False, help_text="From the entity's own name rather than an alias."
    )

    class Meta:
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "key", "text"], name="search_name_unique"),
        ]
        indexes = [
            # Autocomplete: WHERE key >= %s AND key < %s (a prefix as a range).
            models.Index(fields=["key"], name="search_name_key_idx"),
        ]

    def __str__(self) -> str:
        return self.text
