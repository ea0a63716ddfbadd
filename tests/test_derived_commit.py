"""The search index and the stored summaries commit in the same transaction as the writes
they are derived from (archive/db): a backup, a reader or a crash never sees an article
without them, and if deriving them fails the writes roll back too."""

import datetime as dt

import pytest
from django.db import transaction

from archive.models import Article, ArticleStatus, Quote, ReviewStatus
from archive.models.search import SearchEntry
from archive.models.summaries import ArticleFact

pytestmark = pytest.mark.django_db(transaction=True)


def publish(person, slug="a-report"):
    with transaction.atomic():
        article = Article.objects.create(
            headline="A report",
            slug=slug,
            body='"We are worried about the count," Saenen said.',
            published_on=dt.date(2004, 4, 6),
            status=ArticleStatus.PUBLISHED,
        )
        quote = Quote(article=article, speaker=person, status=ReviewStatus.CONFIRMED)
        quote.anchor_to("We are worried about the count")
        quote.save()
    return article


@pytest.mark.parametrize("failing", ["archive.summaries.refresh", "archive.search.signals.flush"])
def test_a_failure_to_derive_them_rolls_the_writes_back(person, monkeypatch, failing):
    def fail(*args, **kwargs):
        raise RuntimeError("derived rows could not be written")

    module, name = failing.rsplit(".", 1)
    monkeypatch.setattr(f"{module}.{name}", fail)
    with pytest.raises(RuntimeError, match="could not be written"):
        publish(person)
    assert not Article.objects.filter(slug="a-report").exists()
    assert not Quote.objects.exists()
    # The connection is usable again and the next transaction derives as usual.
    monkeypatch.undo()
    article = publish(person, slug="another")
    assert ArticleFact.objects.filter(article=article).exists()
    assert SearchEntry.objects.filter(kind="article", object_id=article.pk).exists()
