"""Keep the search index in step with the data.

Every save or delete of something searchable (or of what a searchable row is built from:
aliases, mentions, memberships, tags) marks (kind, id) keys as dirty on the connection; one
callback per transaction, run just before it commits and inside it (`archive.db`),
reindexes them all at once (`indexing.reindex`), so an article saved with its twenty quotes
is indexed once, a rolled-back edit not at all, and no reader or backup ever sees the rows
without their index. Fixture loading (raw saves) is covered too: the rows are read back from
the database at the end of the transaction, when they are complete.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from taggit.models import Tag

from archive.db import before_commit, is_registered
from archive.models import (
    Alias,
    Article,
    Entity,
    Membership,
    Mention,
    Quote,
    TaggedQuote,
)
from archive.search import indexing

ARTICLE, QUOTE, ENTITY = "articles", "quotes", "entities"
# Expansions resolved at commit time, when the related rows are settled.
ARTICLE_QUOTES, QUOTE_ARTICLE = "article_quotes", "quote_article"
TAG_QUOTES, ENTITY_USES = "tag_quotes", "entity_uses"


class _Pending:
    def __init__(self, using: str):
        self.using = using
        self.keys: set[tuple[str, int]] = set()

    def __call__(self):
        keys, self.keys = self.keys, set()
        connection = transaction.get_connection(self.using)
        if getattr(connection, "_search_pending", None) is self:
            connection._search_pending = None
        # One transaction: reindexing deletes rows before writing them again, and a reader
        # or a backup in between must not see them missing.
        with transaction.atomic(using=self.using):
            flush(keys, self.using)


def mark(kind: str, pk, using: str = "default") -> None:
    if pk is None:
        return
    connection = transaction.get_connection(using)
    pending = getattr(connection, "_search_pending", None)
    # A rollback forgets the transaction's before-commit callbacks; keep the keys
    # (reindexing reads the database, so extra keys cost time, not correctness) and register
    # a callback again.
    if pending is None or not is_registered(pending, using):
        fresh = _Pending(using)
        if pending is not None:
            fresh.keys |= pending.keys
        connection._search_pending = pending = fresh
        pending.keys.add((kind, pk))
        before_commit(pending, using=using)
        return
    pending.keys.add((kind, pk))


def flush_now(using: str = "default") -> None:
    """Reindex what the current transaction has changed so far, without waiting for its
    commit (tests, and scripts that search what they have just written)."""
    pending = getattr(transaction.get_connection(using), "_search_pending", None)
    if pending is not None:
        pending()


def flush(keys: set[tuple[str, int]], using: str = "default") -> None:
    wanted = {ARTICLE: set(), QUOTE: set(), ENTITY: set()}
    article_quotes, quote_articles, tag_quotes, entity_uses = set(), set(), set(), set()
    for kind, pk in keys:
        if kind in wanted:
            wanted[kind].add(pk)
        elif kind == ARTICLE_QUOTES:
            article_quotes.add(pk)
        elif kind == QUOTE_ARTICLE:
            quote_articles.add(pk)
        elif kind == TAG_QUOTES:
            tag_quotes.add(pk)
        elif kind == ENTITY_USES:
            entity_uses.add(pk)
    if article_quotes:
        wanted[QUOTE] |= set(
            Quote.objects.using(using)
            .filter(article_id__in=article_quotes)
            .values_list("pk", flat=True)
        )
    if quote_articles:
        wanted[QUOTE] |= quote_articles
        wanted[ARTICLE] |= set(
            Quote.objects.using(using)
            .filter(pk__in=quote_articles)
            .values_list("article_id", flat=True)
        )
    if tag_quotes:
        tagged = TaggedQuote.objects.using(using).filter(tag_id__in=tag_quotes)
        wanted[QUOTE] |= set(tagged.values_list("content_object_id", flat=True))
        wanted[ARTICLE] |= set(tagged.values_list("content_object__article_id", flat=True))
    if entity_uses:
        # An entity's names and aliases are indexed (folded) in the articles that mention it
        # and the quotes by or about it.
        wanted[ARTICLE] |= set(
            Mention.objects.using(using)
            .filter(entity_id__in=entity_uses)
            .values_list("article_id", flat=True)
        )
        wanted[QUOTE] |= set(
            Quote.objects.using(using)
            .filter(speaker_id__in=entity_uses)
            .values_list("pk", flat=True)
        )
        wanted[QUOTE] |= set(
            Quote.about.through.objects.using(using)
            .filter(entity_id__in=entity_uses)
            .values_list("quote_id", flat=True)
        )
    indexing.reindex(
        articles=wanted[ARTICLE], quotes=wanted[QUOTE], entities=wanted[ENTITY], using=using
    )


def _article(sender, instance, using, **kwargs):
    mark(ARTICLE, instance.pk, using)
    mark(ARTICLE_QUOTES, instance.pk, using)


def _quote(sender, instance, using, **kwargs):
    mark(QUOTE, instance.pk, using)
    mark(ARTICLE, instance.article_id, using)  # the article's tag facet


def _quote_m2m(sender, instance, action, using, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Quote):
        mark(QUOTE, instance.pk, using)
        mark(ARTICLE, instance.article_id, using)
    else:  # the reverse side: a tag or an entity whose quotes changed
        for pk in pk_set or ():
            mark(QUOTE_ARTICLE, pk, using)


def _tagged_quote(sender, instance, using, **kwargs):
    mark(QUOTE, instance.content_object_id, using)
    mark(TAG_QUOTES, instance.tag_id, using)


def _tag(sender, instance, using, **kwargs):
    mark(TAG_QUOTES, instance.pk, using)


def _entity_renaming(sender, instance, raw, using, **kwargs):
    if isinstance(instance, Entity) and instance.pk and not raw:
        old = Entity.objects.using(using).filter(pk=instance.pk).values_list("name", flat=True)
        instance._search_old_name = old.first()


def _entity(sender, instance, using, **kwargs):
    if isinstance(instance, Entity):
        mark(ENTITY, instance.pk, using)
        # A new name must reach the quotes and articles that show or mention it.
        if getattr(instance, "_search_old_name", instance.name) != instance.name:
            mark(ENTITY_USES, instance.pk, using)


def _alias(sender, instance, using, **kwargs):
    mark(ENTITY, instance.entity_id, using)
    mark(ENTITY_USES, instance.entity_id, using)


def _mention(sender, instance, using, **kwargs):
    mark(ARTICLE, instance.article_id, using)


def _membership(sender, instance, using, **kwargs):
    mark(ENTITY, instance.person_id, using)


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(_article, sender=Article, dispatch_uid=f"search-article-{signal}")
        signal.connect(_quote, sender=Quote, dispatch_uid=f"search-quote-{signal}")
        signal.connect(_tagged_quote, sender=TaggedQuote, dispatch_uid=f"search-tq-{signal}")
        signal.connect(_tag, sender=Tag, dispatch_uid=f"search-tag-{signal}")
        # Person, Organization, Place and Event send with their own class as sender.
        signal.connect(_entity, dispatch_uid=f"search-entity-{signal}")
        signal.connect(_alias, sender=Alias, dispatch_uid=f"search-alias-{signal}")
        signal.connect(_mention, sender=Mention, dispatch_uid=f"search-mention-{signal}")
        signal.connect(_membership, sender=Membership, dispatch_uid=f"search-member-{signal}")
    pre_save.connect(_entity_renaming, dispatch_uid="search-entity-renaming")
    m2m_changed.connect(_quote_m2m, sender=TaggedQuote, dispatch_uid="search-quote-tags")
    m2m_changed.connect(_quote_m2m, sender=Quote.about.through, dispatch_uid="search-quote-about")
