"""Reverting from the history (issue 10, item 7): every listed version can be reverted to;
what cannot be restored exactly is said, never refused; a revert follows the same text and
re-anchoring rules as an edit, and restores only the object's part of a batch revision."""

import io

from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from archive.models import Article, Mention, Quote
from tests.admin_forms import as_browser_sends, change_form_data


def _annotations(article):
    return [
        (type(a).__name__, a.pk, a.part, a.exact, a.prefix, a.suffix, a.start, a.end, a.orphaned)
        for model in (Quote, Mention)
        for a in model.objects.filter(article=article).order_by("pk")
    ]


def _edit_body(client, article, before, after):
    url = reverse("admin:archive_article_change", args=[article.pk])
    data = change_form_data(client.get(url))
    assert article.body.count(before) == 1
    data["body"] = as_browser_sends(article.body.replace(before, after))
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()


def _revert(client, obj, version):
    """Open the version from the history and save it, as the editor does."""
    name = obj._meta.model_name
    url = reverse(f"admin:archive_{name}_revision", args=[obj.pk, version.pk])
    preview = client.get(url)
    assert preview.status_code == 200
    response = client.post(url, change_form_data(preview), follow=True)
    assert response.status_code == 200
    assert "errornote" not in response.text, response.text
    return response


def _messages(response):
    return [str(m) for m in response.context["messages"]]


SEED_EDIT = ("keeping their most serious critics", "keeping their fiercest critics")


def test_reverting_a_quote_to_its_orphaned_version_is_not_refused(editor_client, seed):
    quote = Quote.objects.get(article=seed, exact__contains=SEED_EDIT[0])
    _edit_body(editor_client, seed, *SEED_EDIT)
    quote.refresh_from_db()
    assert quote.orphaned
    orphaned_version = Version.objects.get_for_object(quote).order_by("-pk").first()
    assert orphaned_version.field_dict["orphaned"] is True
    # The editor re-anchors it on the edited words...
    url = reverse("admin:archive_quote_change", args=[quote.pk])
    data = change_form_data(editor_client.get(url))
    data["exact"] = quote.exact.replace("most serious", "fiercest")
    assert editor_client.post(url, data).status_code == 302
    quote.refresh_from_db()
    assert not quote.orphaned
    # ...then reverts to the version in which it was orphaned: restored, and said so.
    response = _revert(editor_client, quote, orphaned_version)
    quote.refresh_from_db()
    assert quote.orphaned and "most serious" in quote.exact
    (message,) = [m for m in _messages(response) if "could not be restored" in m]
    assert "was orphaned in that version" in message and "most serious" in message


def test_reverting_the_seed_to_its_first_version_restores_text_and_annotations(editor_client, seed):
    original = seed.body, _annotations(seed)
    _edit_body(editor_client, seed, *SEED_EDIT)
    _edit_body(editor_client, seed, "Abliyazov was released last May. ", "")
    assert any(row[-1] for row in _annotations(seed))  # orphans now
    first = Version.objects.get_for_object(seed).order_by("pk").first()
    assert first.revision.comment == "Loaded from seed.json"
    response = _revert(editor_client, seed, first)
    assert not [m for m in _messages(response) if "could not be restored" in m]
    seed.refresh_from_db()
    assert (seed.body, _annotations(seed)) == original
    assert len(seed.paragraphs()) == 18
    latest = Version.objects.get_for_object(seed).order_by("-pk").first()
    assert latest.revision.comment.startswith("Reverted to previous version")


def test_annotations_added_since_are_kept_or_orphaned_and_listed(editor_client, seed):
    first = Version.objects.get_for_object(seed).order_by("pk").first()
    _edit_body(editor_client, seed, "spokeswoman for HRW in Brussels", "new words in Brussels")
    words = "new words"
    start = seed.body.index(words)
    added = Mention.objects.create(
        article=seed,
        part="body",
        entity=Mention.objects.filter(article=seed).first().entity,
        exact=words,
        prefix=seed.body[start - 10 : start],
        suffix=seed.body[start + 9 : start + 19],
        start=start,
        end=start + len(words),
    )
    response = _revert(editor_client, seed, first)
    added.refresh_from_db()
    assert added.orphaned  # its words are gone with the edit; it is not deleted
    (message,) = [m for m in _messages(response) if "could not be restored" in m]
    assert "not in that version" in message and "new words" in message


def test_a_revert_restores_only_its_object_from_a_batch_revision(editor_client):
    call_command(
        "generate_corpus",
        "--articles=4",
        "--seed=scoped",
        "--skip-index",
        "--no-progress",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    one, two = Article.objects.order_by("pk")[:2]
    originals = {a.pk: (a.body, _annotations(a)) for a in (one, two)}
    for article in (one, two):
        _edit_body(editor_client, article, article.body[:30], "Edited opening words. ")
    first = Version.objects.get_for_object(one).order_by("pk").first()
    assert first.revision.comment == "Generated batch 1"
    assert Version.objects.get_for_object(two).order_by("pk").first().revision == first.revision
    _revert(editor_client, one, first)
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.body, _annotations(one)) == originals[one.pk]
    assert two.body.startswith("Edited opening words. ")  # its neighbour in the batch is not


def test_a_deleted_mention_whose_place_is_taken_is_not_restored_twice(editor_client, seed):
    first = Version.objects.get_for_object(seed).order_by("pk").first()
    old = Mention.objects.filter(article=seed, part="body").order_by("start").first()
    place = {f: getattr(old, f) for f in ("part", "exact", "prefix", "suffix", "start", "end")}
    old.delete()  # as a re-import replaces a stale suggestion: a new row on the same words
    new = Mention.objects.create(article=seed, entity=old.entity, **place)
    _edit_body(editor_client, seed, *SEED_EDIT)
    response = _revert(editor_client, seed, first)
    (message,) = [m for m in _messages(response) if "could not be restored" in m]
    assert "the same words now hold another mention" in message
    assert not Mention.objects.filter(pk=old.pk).exists()
    new.refresh_from_db()
    assert not new.orphaned and seed.body[new.start : new.end] == new.exact
