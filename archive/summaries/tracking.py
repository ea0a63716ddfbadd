"""What a transaction touched, collected per connection and summarized once as it commits.

Saves and deletes of articles, quotes, mentions and tags (and the quote–tag and quote–about
links) mark their keys through signals; what skips signals marks explicitly: QuerySet.update
and bulk_update on quotes, mentions and articles (archive.models), entity and tag merges
(archive.merging). Just before the transaction commits, inside it (`archive.db`),
`summaries.refresh` compares the touched articles' facts with the rows, so the summaries
commit with the writes (a reader, a backup or a crash never sees one without the other). A
page that reads summaries in the same transaction as the writes (a test, or a script) calls
`settle()` first, which refreshes right away; on a request that wrote nothing it is one
attribute lookup.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from taggit.models import Tag

from archive import pagecache
from archive.db import before_commit, is_registered
from archive.models import (
    Alias,
    Article,
    Entity,
    EntityRedirect,
    EventParticipant,
    Identifier,
    Membership,
    Mention,
    Quote,
    TaggedQuote,
)

ARTICLES, QUOTES, ENTITIES, TAGS = "articles", "quotes", "entities", "tags"
_ATTR = "_summaries_pending"
SHOWN_EVERYWHERE = (Alias, Identifier, Membership, EventParticipant, EntityRedirect, Tag)


class _Pending:
    def __init__(self, using: str):
        self.using = using
        self.keys = {ARTICLES: set(), QUOTES: set(), ENTITIES: set(), TAGS: set()}

    def __bool__(self):
        return any(self.keys.values())

    def __call__(self):
        keys = self.keys
        self.keys = {kind: set() for kind in keys}
        if any(keys.values()):
            from archive import summaries

            summaries.refresh(using=self.using, **keys)


def mark(kind: str, ids, using: str = "default") -> None:
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return
    connection = transaction.get_connection(using)
    pending = getattr(connection, _ATTR, None)
    if pending is None or not is_registered(pending, using):
        # A rolled-back transaction drops its callbacks; the keys it marked are kept (a
        # refresh of an unchanged article changes nothing).
        fresh = _Pending(using)
        if pending is not None:
            for name, values in pending.keys.items():
                fresh.keys[name] |= values
        setattr(connection, _ATTR, fresh)
        pending = fresh
        if connection.in_atomic_block:
            before_commit(pending, using=using)
        else:
            pending.keys[kind] |= ids
            setattr(connection, _ATTR, None)
            pending()
            return
    pending.keys[kind] |= ids


def settle(using: str = "default") -> None:
    """Summarize what this connection's open transaction has written so far."""
    pending = getattr(transaction.get_connection(using), _ATTR, None)
    if pending:
        pending()


def _article(sender, instance, using, raw=False, **kwargs):
    mark(ARTICLES, [instance.pk], using)


def _annotation(sender, instance, using, raw=False, **kwargs):
    mark(ARTICLES, [instance.article_id], using)
    if sender is Quote:
        mark(QUOTES, [instance.pk], using)


def _tagged_quote(sender, instance, using, raw=False, **kwargs):
    mark(QUOTES, [instance.content_object_id], using)


def _quote_m2m(sender, instance, action, using, pk_set, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if isinstance(instance, Quote):
        mark(QUOTES, [instance.pk], using)
    elif action == "pre_clear":  # an entity's or a tag's quotes, all of them
        mark(TAGS if isinstance(instance, Tag) else ENTITIES, [instance.pk], using)
    else:
        mark(QUOTES, pk_set or (), using)


def _entity_deleting(sender, instance, using, **kwargs):
    if isinstance(instance, Entity):
        mark(ENTITIES, [instance.pk], using)


def _tag_deleting(sender, instance, using, **kwargs):
    mark(TAGS, [instance.pk], using)


def _shown_everywhere(sender, instance, using, raw=False, **kwargs):
    """Names, aliases, memberships and tags show on pages the summaries do not track (every
    quote card with the name): the whole page cache goes stale."""
    if sender in SHOWN_EVERYWHERE or isinstance(instance, Entity):
        pagecache.bump_on_commit([pagecache.ALL], using)


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(_shown_everywhere, dispatch_uid=f"sum-pages-{signal}")
    for signal in (post_save, post_delete):
        signal.connect(_article, sender=Article, dispatch_uid=f"sum-article-{signal}")
        signal.connect(_annotation, sender=Quote, dispatch_uid=f"sum-quote-{signal}")
        signal.connect(_annotation, sender=Mention, dispatch_uid=f"sum-mention-{signal}")
        signal.connect(_tagged_quote, sender=TaggedQuote, dispatch_uid=f"sum-tq-{signal}")
    pre_delete.connect(_entity_deleting, dispatch_uid="sum-entity-deleting")
    pre_delete.connect(_tag_deleting, sender=Tag, dispatch_uid="sum-tag-deleting")
    m2m_changed.connect(_quote_m2m, sender=TaggedQuote, dispatch_uid="sum-quote-tags")
    m2m_changed.connect(_quote_m2m, sender=Quote.about.through, dispatch_uid="sum-quote-about")
