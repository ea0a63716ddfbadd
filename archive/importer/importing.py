"""Import one file: validate it, create its article (or find it again), suggest annotations.

Each file is one transaction: a file that fails anywhere leaves nothing behind, and the next
file in the batch is imported regardless.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, transaction
from django.utils.text import slugify
from reversion.models import Version

from archive import history
from archive.dates import UNDATED, UNKNOWN, Precision
from archive.importer.formats import MAX_BYTES, ArticleData, ImportRejected, parse
from archive.importer.linking import EntityIndex
from archive.importer.storing import Suggested, suggest
from archive.models import Article, ArticleStatus, Mention, Organization, Place, Quote
from archive.names import fold


@dataclass
class Outcome:
    name: str
    article: Article | None = None
    created: bool = False
    suggested: Suggested | None = None
    problem: str | None = None
    extra: dict | None = None  # the JSON object as read, for gold files

    def report(self) -> str:
        if self.problem:
            return f"REJECTED {self.problem}"
        verb = "created" if self.created else "already in the archive, suggestions refreshed"
        return f"{self.name}: {verb}: “{self.article.headline}” ({self.suggested.summary()})"


def _by_name(model, name: str, index: EntityIndex, using: str):
    """The entity of `model` whose name or an alias folds to the same key as `name`."""
    entries = index.forms.get(fold(name), []) if name else []
    pks = [ref.entity_id for ref, _ in entries if ref.kind == model.KIND]
    return model.objects.using(using).filter(pk__in=pks[:1]).first() if pks else None


def _existing(data: ArticleData, using: str) -> Article | None:
    articles = Article.objects.using(using)
    if data.source_url:
        found = articles.filter(source_url=data.source_url).first()
        if found:
            return found
    published_on, precision = _stored_date(data)
    return articles.filter(
        headline=data.headline, published_on=published_on, published_precision=precision
    ).first()


def _stored_date(data: ArticleData) -> tuple:
    """(published_on, published_precision) for the article's partial date or its absence."""
    if data.published is None:
        return UNDATED, UNKNOWN
    return data.published.start, data.published.precision


def _slug(data: ArticleData, using: str) -> str:
    published_on, precision = _stored_date(data)
    base = (slugify(data.headline) or "article")[:190].strip("-")
    if precision == Precision.YEAR and re.fullmatch(r"[0-9]{2}", base):
        base = f"{base}-article"  # /articles/2002/05/ is May 2002's list
    slug, n = base, 2
    while Article.objects.using(using).filter(published_on=published_on, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_article(
    data: ArticleData, name: str, using: str, index: EntityIndex
) -> tuple[Article, bool]:
    existing = _existing(data, using)
    if existing:
        return existing, False
    article = Article(
        headline=data.headline,
        slug=_slug(data, using),
        body=data.body,
        published_on=_stored_date(data)[0],
        published_precision=_stored_date(data)[1],
        dateline_place=_by_name(Place, data.dateline_place, index, using),
        publisher=_by_name(Organization, data.publisher, index, using),
        byline=data.byline[:300],
        source_url=data.source_url,
        # Imported text waits for an editor before readers see it.
        status=ArticleStatus.DRAFT,
    )
    try:
        # Uniqueness was checked above in `using`; the database enforces it again on save
        # (full_clean's own checks would query the default database).
        article.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        problems = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
        raise ImportRejected(f"{name}: {problems}") from None
    article.save(using=using)
    return article, True


def _unknown_header(data: ArticleData, article: Article) -> dict[str, str]:
    """The header's dateline place and publisher when the article has none of them yet (the
    archive does not know them): they are proposed like any other place or organization."""
    unknown = {}
    if data.dateline_place and article.dateline_place_id is None:
        unknown["dateline"] = data.dateline_place[:200]
    if data.publisher and article.publisher_id is None:
        unknown["publisher"] = data.publisher[:200]
    return unknown


def record_first_versions(article: Article, name: str, created: bool, using: str) -> None:
    """The first version of what this file brought into the archive: the new article and
    its suggested quotes and mentions; on a repeated import, the suggestions it added."""
    annotations = [
        *Quote.objects.using(using).filter(article=article),
        *Mention.objects.using(using).filter(article=article),
    ]
    if not created:
        known = {
            (v.content_type_id, v.object_id)
            for model in (Quote, Mention)
            for v in Version.objects.using(using)
            .get_for_model(model, model_db=using)
            .filter(object_id__in=[str(a.pk) for a in annotations if isinstance(a, model)])
            .only("content_type_id", "object_id")
        }
        types = {
            model: ContentType.objects.db_manager(using).get_for_model(model).pk
            for model in (Quote, Mention)
        }
        annotations = [a for a in annotations if (types[type(a)], str(a.pk)) not in known]
        if not annotations:
            return
    objects = [article, *annotations] if created else annotations
    history.record(objects, comment=f"Imported from {Path(name).name}", using=using)


def import_bytes(
    name: str, raw: bytes, using: str = DEFAULT_DB_ALIAS, index: EntityIndex | None = None
) -> Outcome:
    index = index or EntityIndex.from_database(using)
    try:
        data, extra = parse(name, raw)
        with transaction.atomic(using=using):
            article, created = create_article(data, name, using, index)
            suggested = suggest(article, index, using, header=_unknown_header(data, article))
            record_first_versions(article, name, created, using)
    except ImportRejected as rejected:
        return Outcome(name, problem=str(rejected))
    except DatabaseError as error:
        return Outcome(name, problem=f"{name}: the database refused it ({error}).")
    return Outcome(name, article, created, suggested, extra=extra)


def import_path(path: Path, using: str = DEFAULT_DB_ALIAS, index=None) -> Outcome:
    try:
        if path.stat().st_size > MAX_BYTES:
            size = path.stat().st_size
            return Outcome(
                str(path),
                problem=f"{path}: the file is {size:,} bytes, over the limit of {MAX_BYTES:,}.",
            )
        raw = path.read_bytes()
    except OSError as error:
        return Outcome(str(path), problem=f"{path}: cannot be read ({error.strerror}).")
    return import_bytes(str(path), raw, using, index)
