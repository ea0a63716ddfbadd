"""An article's text has one normal form, whichever path writes it: no path can store a CR,
and an unchanged save from the admin is a no-op."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from reversion.models import Version

from archive.importer.importing import import_bytes
from archive.loading import load_fixtures
from archive.models import Article, Mention, Quote
from archive.normalizing import normalize_text, normalize_with_map
from archive.seed.build import FIXTURE
from tests.admin_forms import as_browser_sends, change_form_data

PARTS = ("headline", "standfirst", "body", "pull_quote")


def test_the_normal_form():
    assert normalize_text("One.\r\nTwo.\r\n\r\nThree.\rFour.") == "One.\nTwo.\n\nThree.\nFour."
    assert normalize_text("Trailing.  \t\nSpaces.\u00a0") == "Trailing.\nSpaces."
    # A line of no-break spaces is a blank line; three line breaks are one blank line.
    assert normalize_text("One.\n\u00a0\u00a0\nTwo.\n\n\n\nThree.") == "One.\n\nTwo.\n\nThree."
    assert normalize_text("\ufeffZero\u200bwidth.\u2029Next.") == "Zerowidth.\n\nNext."
    # No-break spaces inside a line and zero-width (non-)joiners are kept.
    assert normalize_text("10\u00a0000 mi\u200cgrants") == "10\u00a0000 mi\u200cgrants"
    assert normalize_text("\n\n  Leading and trailing.\n\n") == "Leading and trailing."
    assert normalize_text("A headline\r\nin two lines ", multiline=False) == (
        "A headline in two lines"
    )


@given(st.text(alphabet=st.sampled_from("ab \r\n\t\u00a0\u2028\u2029\ufeff."), max_size=60))
def test_the_offset_map_keeps_every_visible_character_in_place(text):
    new, mapping = normalize_with_map(text)
    assert new == normalize_text(text)
    assert normalize_text(new) == new  # idempotent
    assert len(mapping) == len(text) + 1 and mapping[-1] == len(new)
    assert mapping == sorted(mapping)
    for i, char in enumerate(text):
        if char in "ab.":
            assert new[mapping[i]] == char


def _stored(article):
    return Article.objects.filter(pk=article.pk).values(*PARTS).get()


def _assert_no_cr(article):
    stored = _stored(article)
    assert not any("\r" in value for value in stored.values()), stored


CRLF_BODY = "First paragraph.  \r\n\r\nSecond \u00a0\r\nline.\r\n\r\n\r\nThird."
NORMAL_BODY = "First paragraph.\n\nSecond\nline.\n\nThird."


def _fields(**fields):
    values = {
        "headline": "A headline\r\n",
        "slug": "a-headline",
        "standfirst": "The standfirst.\r\n",
        "body": CRLF_BODY,
        "published_on": dt.date(2004, 4, 6),
    }
    values.update(fields)
    return values


def _new_article(**fields):
    return Article(**_fields(**fields))


def test_shell_saves_and_creates_store_the_normal_form(db):
    article = _new_article()
    article.save()
    assert article.body == NORMAL_BODY  # the instance too, so offsets computed on it hold
    assert _stored(article)["headline"] == "A headline"
    _assert_no_cr(article)
    article.body = "Edited.\r\n\r\nAgain."
    article.save()
    assert _stored(article)["body"] == "Edited.\n\nAgain."
    created = Article.objects.create(**_fields(slug="created"))
    assert created.body == NORMAL_BODY
    _assert_no_cr(created)


def test_bulk_create_update_and_bulk_update_store_the_normal_form(db):
    (article,) = Article.objects.bulk_create([_new_article()])
    article = Article.objects.get(slug="a-headline")
    assert article.body == NORMAL_BODY
    Article.objects.filter(pk=article.pk).update(body="Updated.\r\nText.")
    assert _stored(article)["body"] == "Updated.\nText."
    article.standfirst = "Bulk\r\nupdated. "
    Article.objects.bulk_update([article], ["standfirst"])
    assert _stored(article)["standfirst"] == "Bulk\nupdated."
    _assert_no_cr(article)


def test_raw_sql_cannot_store_a_cr(db):
    article = _new_article()
    article.save()
    table = connection.ops.quote_name(Article._meta.db_table)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET body = %s WHERE id = %s", ["a\r\nb", article.pk])
    _assert_no_cr(article)


def _crlf_fixture(tmp_path):
    """The seed fixture as a Windows editor would have saved it: CRLF in every text."""
    objects = json.loads(FIXTURE.read_text(encoding="utf-8"))
    article = next(o for o in objects if o["model"] == "archive.article")
    body = article["fields"]["body"]
    for o in objects:
        if o["model"] in {"archive.quote", "archive.mention"} and o["fields"]["part"] == "body":
            f = o["fields"]
            f["start"] += body[: f["start"]].count("\n")
            f["end"] += body[: f["end"]].count("\n")
    for name in ("standfirst", "body", "pull_quote"):
        article["fields"][name] = article["fields"][name].replace("\n", "\r\n")
    path = tmp_path / "crlf.json"
    path.write_text(json.dumps(objects), encoding="utf-8")
    return path


def _annotations(article):
    rows = []
    for model in (Quote, Mention):
        for a in model.objects.filter(article=article).order_by("pk"):
            rows.append((model.__name__, a.pk, a.part, a.exact, a.start, a.end, a.orphaned))
    return rows


def test_a_crlf_fixture_is_loaded_in_the_normal_form_with_its_annotations(db, tmp_path):
    load_fixtures([_crlf_fixture(tmp_path)])
    article = Article.objects.get()
    _assert_no_cr(article)
    assert len(article.paragraphs()) == 18
    for model in (Quote, Mention):
        for a in model.objects.filter(article=article):
            assert article.text_of(a.part)[a.start : a.end] == a.exact
            assert not a.orphaned


def test_load_archive_and_load_seed_store_no_cr(db, tmp_path):
    call_command("load_archive", str(_crlf_fixture(tmp_path)), stdout=io.StringIO())
    _assert_no_cr(Article.objects.get())


def test_the_importer_stores_no_cr(db):
    raw = (
        b"Headline: Old mill reopens\r\nDate: 2004-04-06\r\n\r\n"
        b"The mill reopened on Monday.  \r\n\r\n\r\nWorkers returned.\r\n"
    )
    outcome = import_bytes("mill.txt", raw)
    assert outcome.problem is None, outcome.problem
    _assert_no_cr(outcome.article)
    assert _stored(outcome.article)["body"] == "The mill reopened on Monday.\n\nWorkers returned."


def test_generated_articles_store_no_cr(db):
    call_command("generate_corpus", "--articles", "3", "--seed", "5", stdout=io.StringIO())
    articles = Article.objects.all()
    assert articles.count() == 3
    for article in articles:
        _assert_no_cr(article)


def test_admin_add_stores_no_cr(editor_client, organization):
    url = reverse("admin:archive_article_add")
    data = change_form_data(editor_client.get(url))
    data.update(
        headline="Added in the admin",
        slug="added-in-the-admin",
        standfirst=as_browser_sends("Two\nlines."),
        body=as_browser_sends(NORMAL_BODY),
        published_on="2004-04-06",
        language="en",
        status="draft",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    article = Article.objects.get(slug="added-in-the-admin")
    _assert_no_cr(article)
    assert article.body == NORMAL_BODY


def test_a_revert_to_a_version_holding_crlf_stores_no_cr(editor_client, seed):
    """A version recorded before the normal form existed may hold CRLF: reverting to it goes
    through the same normalizing, its annotations moved to the same characters."""
    first = Version.objects.get_for_object(seed).order_by("pk").first()
    body = seed.body
    for version in first.revision.version_set.all():
        document = json.loads(version.serialized_data)
        fields = document[0]["fields"]
        if version.object_id == str(seed.pk) and document[0]["model"] == "archive.article":
            fields["body"] = body.replace("\n", "\r\n")
        elif fields.get("article") == seed.pk and fields.get("part") == "body":
            fields["start"] += body[: fields["start"]].count("\n")
            fields["end"] += body[: fields["end"]].count("\n")
        else:
            continue
        version.serialized_data = json.dumps(document)
        version.save()
    before = _annotations(seed)
    url, data = _seed_form(editor_client, seed)
    data["headline"] = "Edited before the revert"
    assert editor_client.post(url, data).status_code == 302
    revert = reverse("admin:archive_article_revision", args=[seed.pk, first.pk])
    preview = editor_client.get(revert)
    response = editor_client.post(revert, change_form_data(preview), follow=True)
    assert response.status_code == 200
    assert "could not be restored" not in response.text
    seed.refresh_from_db()
    _assert_no_cr(seed)
    assert seed.body == body and len(seed.paragraphs()) == 18
    assert _annotations(seed) == before


# The seed, saved unchanged from its admin page exactly as a browser posts it.


def _seed_form(client, seed):
    url = reverse("admin:archive_article_change", args=[seed.pk])
    return url, change_form_data(client.get(url))


def test_an_unchanged_save_of_the_seed_is_a_no_op(editor_client, seed):
    url, data = _seed_form(editor_client, seed)
    assert "\r\n" in data["body"]  # as the browser sends it
    before = _annotations(seed), _stored(seed), seed.updated_at
    versions = Version.objects.count()
    response = editor_client.post(url, data, follow=True)
    assert response.status_code == 200
    text = response.text
    assert "fewer paragraphs" not in text  # item 2: the pull quote's position is accepted
    assert "Re-anchored" not in text
    assert "Nothing was changed in" in text
    seed.refresh_from_db()
    assert (_annotations(seed), _stored(seed), seed.updated_at) == before
    assert Version.objects.count() == versions  # no new version, no "Changed Body"
    assert len(seed.paragraphs()) == 18


def test_the_seed_can_be_edited_and_keeps_its_paragraphs(editor_client, seed):
    url, data = _seed_form(editor_client, seed)
    data["headline"] = "Kazakhstan: HRW report on the opposition"
    response = editor_client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "was changed successfully" in response.text
    seed.refresh_from_db()
    assert seed.headline == "Kazakhstan: HRW report on the opposition"
    _assert_no_cr(seed)
    assert len(seed.paragraphs()) == 18
    assert "Re-anchored" not in response.text  # the headline holds no annotation
    version = Version.objects.get_for_object(seed).first()
    assert "Changed Headline" in version.revision.comment


def test_editing_only_an_inline_row_saves_that_row(editor_client, seed):
    url, data = _seed_form(editor_client, seed)
    quote = Quote.objects.filter(article=seed).order_by("pk").first()
    index = next(
        k.split("-")[1]
        for k, v in data.items()
        if k.startswith("quotes-") and k.endswith("-id") and v == str(quote.pk)
    )
    data[f"quotes-{index}-mode"] = "indirect" if quote.mode == "direct" else "direct"
    response = editor_client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "was changed successfully" in response.text
    # One version more for the quote (after the one the loader recorded), none for the article.
    assert Version.objects.get_for_object(quote).count() == 2
    assert Version.objects.get_for_object(seed).count() == 1


def test_deleting_a_sentence_that_holds_a_mention_orphans_it(editor_client, seed):
    # Item 3: this used to answer 500 (two mentions re-anchored onto one place).
    sentence = "Abliyazov was released last May. "
    assert sentence in seed.body
    mentions = list(
        Mention.objects.filter(
            article=seed,
            part="body",
            start__gte=seed.body.index(sentence),
            end__lte=seed.body.index(sentence) + len(sentence),
        )
    )
    assert mentions
    url, data = _seed_form(editor_client, seed)
    data["body"] = as_browser_sends(seed.body.replace(sentence, ""))
    response = editor_client.post(url, data, follow=True)
    assert response.status_code == 200
    text = response.text
    assert f"{len(mentions)} annotation(s) could no longer be found" in text
    for mention in mentions:
        mention.refresh_from_db()
        assert mention.orphaned
        assert reverse("admin:archive_mention_change", args=[mention.pk]) in text
    seed.refresh_from_db()
    for model in (Quote, Mention):
        for a in model.objects.filter(article=seed, orphaned=False):
            assert seed.text_of(a.part)[a.start : a.end] == a.exact


@pytest.mark.parametrize("index", range(0, 72, 8))
def test_deleting_any_sentence_never_fails(editor_client, seed, index):
    mention = Mention.objects.filter(article=seed, part="body").order_by("start")[index]
    body = seed.body
    start = max(body.rfind(". ", 0, mention.start) + 2, body.rfind("\n", 0, mention.start) + 1)
    end = body.find(". ", mention.end)
    end = len(body) if end < 0 else end + 2
    url, data = _seed_form(editor_client, seed)
    data["body"] = as_browser_sends(body[:start] + body[end:])
    assert editor_client.post(url, data).status_code == 302
    mention.refresh_from_db()
    assert mention.orphaned
    seed.refresh_from_db()
    for model in (Quote, Mention):
        for a in model.objects.filter(article=seed, orphaned=False):
            assert seed.text_of(a.part)[a.start : a.end] == a.exact


def test_the_repair_migration_normalizes_stored_text_and_moves_annotations(transactional_db):
    from django.db.migrations.executor import MigrationExecutor

    before, after = (
        ("archive", "0013_article_text_normal_form"),
        [("archive", "0015_article_text_without_cr")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    apps = executor.loader.project_state([before]).apps
    Old = apps.get_model("archive", "Article")
    OldQuote = apps.get_model("archive", "Quote")
    OldMention = apps.get_model("archive", "Mention")
    OldPlace = apps.get_model("archive", "Place")
    body = '"We are concerned," she said.  \r\n\r\nThe government of Kazakhstan denied it.'
    article = Old.objects.create(
        headline="H", slug="h", body="placeholder", published_on=dt.date(2004, 4, 6)
    )
    table = connection.ops.quote_name("archive_article")
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET body = %s WHERE id = %s", [body, article.pk])
    place = OldPlace.objects.create(
        name="Kazakhstan", sort_name="Kazakhstan", slug="kazakhstan", kind="place"
    )
    words = "Kazakhstan denied"
    quote = OldQuote.objects.create(
        article=article, exact="We are concerned", start=1, end=17, prefix='"', suffix=","
    )
    at = body.index(words)
    mention = OldMention.objects.create(
        article=article, entity_id=place.pk, exact="Kazakhstan", start=at, end=at + 10
    )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    # Read through the models as they stood at the migration, not today's: later migrations
    # add columns the database does not have yet.
    apps = executor.loader.project_state(after).apps
    article = apps.get_model("archive", "Article").objects.get(pk=article.pk)
    assert (
        article.body == '"We are concerned," she said.\n\nThe government of Kazakhstan denied it.'
    )
    quote = apps.get_model("archive", "Quote").objects.get(pk=quote.pk)
    mention = apps.get_model("archive", "Mention").objects.get(pk=mention.pk)
    assert (quote.start, quote.exact, quote.orphaned) == (1, "We are concerned", False)
    assert article.body[mention.start : mention.end] == "Kazakhstan" == mention.exact
    assert mention.suffix.startswith(" denied it.")
    assert not mention.orphaned
    # Leave the database as the tests after this one expect it: fully migrated.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
