"""An editor saves and edits the seed article's text in the real admin (issue 10, items 1-4):
what the browser posts (CRLF line breaks, every inline field) changes nothing when nothing was
edited, and an edit keeps each quote and mention on its own words or orphans and lists it."""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from archive.models import Article, Mention, Quote

PASSWORD = "a long editor password"
SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots"))


@pytest.fixture
def editor(page, seeded_server, django_user_model):
    user = django_user_model.objects.create_user("edna", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    page.goto(seeded_server.url + "/admin/login/")
    page.get_by_label("Username").fill("edna")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(seeded_server.url + "/admin/")
    return page


def _annotations(article):
    return [
        (type(a).__name__, a.pk, a.part, a.exact, a.prefix, a.suffix, a.start, a.end, a.orphaned)
        for model in (Quote, Mention)
        for a in model.objects.filter(article=article).order_by("pk")
    ]


def _shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_saving_the_seed_unchanged_changes_nothing(editor, seeded_server):
    page, base = editor, seeded_server.url
    article = Article.objects.get()
    page.goto(base + article.get_absolute_url())
    story = page.locator("article.story")
    paragraphs, html = story.locator("p").count(), story.inner_html()
    assert paragraphs == 21  # 18 body paragraphs, the meta line, the standfirst, the pull quote
    before = _annotations(article), article.body, article.updated_at

    page.goto(f"{base}/admin/archive/article/{article.pk}/change/")
    page.locator("input[name=_save]").click()
    page.wait_for_url(f"{base}/admin/archive/article/")
    messages = page.locator("ul.messagelist").inner_text()
    assert "Nothing was changed" in messages
    assert "Re-anchored" not in messages and "fewer paragraphs" not in page.content()

    article.refresh_from_db()
    assert (_annotations(article), article.body, article.updated_at) == before
    assert "\r" not in article.body
    page.goto(base + article.get_absolute_url())
    assert story.locator("p").count() == 21
    assert story.inner_html() == html
    page.goto(f"{base}/admin/archive/article/{article.pk}/history/")
    assert "Changed Body" not in page.content()


EDITS = [
    # around: the mentions "HRW" and "Brussels" keep their words
    ("spokeswoman for HRW in Brussels", "spokeswoman for HRW based in Brussels"),
    # inside a quote: its words changed
    ("keeping their most serious critics", "keeping their fiercest critics"),
    # inside a mention: a corrected spelling
    ("Galymzhan Zhaqiyanov and", "Galymzhan Zhakiyanov and"),
    # inside a mention whose first words occur again just after ("released last year")
    ("Abliyazov was released last May.", "Abliyazov was released in May."),
    # across the start of a mention ("formed in 2001")
    ("an opposition group formed in 2001", "an opposition party founded in 2001"),
]


def test_edits_inside_around_and_across_annotations(editor, seeded_server):
    page, base = editor, seeded_server.url
    article = Article.objects.get()
    old = article.body
    quote = Quote.objects.get(exact__startswith="They are doing so by keeping")
    hrw = Mention.objects.get(article=article, part="body", start=old.index("HRW in Brussels"))
    brussels = Mention.objects.get(article=article, part="body", exact="Brussels")
    spelled = Mention.objects.get(article=article, exact="Galymzhan Zhaqiyanov")
    may = Mention.objects.get(article=article, exact="released last May")
    later = Mention.objects.get(article=article, exact="imprisoned and then released last year")
    formed = Mention.objects.get(article=article, exact="formed in 2001")

    page.goto(f"{base}/admin/archive/article/{article.pk}/change/")
    body = page.locator("#id_body")
    text = body.input_value()
    for before, after in EDITS:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    body.fill(text)
    page.locator("input[name=_save]").click()
    # Something was lost, so the editor is brought back to the article, where it is listed.
    page.wait_for_url(f"{base}/admin/archive/article/{article.pk}/change/")
    assert "4 annotation(s) could no longer be found" in page.locator("ul.messagelist").inner_text()
    listed = page.locator(".orphans")
    for lost in (quote, spelled, may, formed):
        name = type(lost).__name__.lower()
        link = listed.locator(f'a[href="/admin/archive/{name}/{lost.pk}/change/"]')
        assert link.count() == 1, lost
    _shoot(page, "article-orphans")

    article.refresh_from_db()
    assert "\r" not in article.body
    for lost in (quote, spelled, may, formed):
        lost.refresh_from_db()
        assert lost.orphaned, lost
    for kept in (hrw, brussels, later):
        words = kept.exact
        kept.refresh_from_db()
        assert not kept.orphaned and kept.exact == words
        assert article.body[kept.start : kept.end] == words
    assert brussels.start == article.body.index("Brussels")
    # Every annotation is on exactly its words or orphaned; none was moved to other words.
    for model in (Quote, Mention):
        for a in model.objects.filter(article=article, orphaned=False):
            assert article.text_of(a.part)[a.start : a.end] == a.exact

    # Readers see the kept annotations and none of the lost ones.
    page.goto(base + article.get_absolute_url())
    assert page.locator("article.story p").count() == 21
    assert page.locator(f"#quote-{quote.pk}").count() == 0
    assert "released in May" in page.locator("article.story").inner_text()


def test_deleting_a_sentence_that_holds_a_mention(editor, seeded_server):
    page, base = editor, seeded_server.url
    article = Article.objects.get()
    sentence = "Abliyazov was released last May. "
    first = article.body.index(sentence)
    inside = list(
        Mention.objects.filter(
            article=article, part="body", start__gte=first, end__lte=first + len(sentence)
        )
    )
    assert sorted(m.exact for m in inside) == ["Abliyazov", "released last May"]
    page.goto(f"{base}/admin/archive/article/{article.pk}/change/")
    body = page.locator("#id_body")
    body.fill(body.input_value().replace(sentence, ""))
    page.locator("input[name=_save]").click()
    page.wait_for_url(f"{base}/admin/archive/article/{article.pk}/change/")
    assert "Server Error" not in page.content()
    assert "2 annotation(s) could no longer be found" in page.locator("ul.messagelist").inner_text()
    for mention in inside:
        mention.refresh_from_db()
        assert mention.orphaned
        assert page.locator(f'.orphans a[href$="/mention/{mention.pk}/change/"]').count() == 1
    article.refresh_from_db()
    for model in (Quote, Mention):
        for a in model.objects.filter(article=article, orphaned=False):
            assert article.text_of(a.part)[a.start : a.end] == a.exact


def test_reverting_the_seed_to_its_first_version(editor, seeded_server):
    """Issue 10, item 7 and "Done when": edit the seed through its admin page, then revert it
    to its first version from the history screen; the public page has its 21 paragraphs and
    every annotation stands on its original words again."""
    page, base = editor, seeded_server.url
    article = Article.objects.get()
    original = article.body, _annotations(article)
    page.goto(base + article.get_absolute_url())
    html = page.locator("article.story").inner_html()

    page.goto(f"{base}/admin/archive/article/{article.pk}/change/")
    body = page.locator("#id_body")
    text = body.input_value()
    for before, after in EDITS:
        text = text.replace(before, after)
    body.fill(text.replace("Abliyazov was released in May. ", ""))
    page.locator("input[name=_save]").click()
    page.wait_for_url(f"{base}/admin/archive/article/{article.pk}/change/")
    assert "could no longer be found" in page.locator("ul.messagelist").inner_text()
    article.refresh_from_db()
    assert article.body != original[0]

    # The history screen: the edit's row shows the changed words; the oldest row is the load.
    page.get_by_role("link", name="History").click()
    page.wait_for_url(f"{base}/admin/archive/article/{article.pk}/history/")
    rows = page.locator("#change-history tbody tr")
    assert rows.count() == 2
    assert any("fiercest" in t for t in rows.nth(0).locator("ins").all_inner_texts())
    assert any("most serious" in t for t in rows.nth(0).locator("del").all_inner_texts())
    assert "Loaded from seed.json" in rows.nth(1).inner_text()
    _shoot(page, "article-history")
    rows.nth(1).locator("th a").click()
    page.wait_for_url(f"{base}/admin/archive/article/{article.pk}/history/*/")
    assert page.locator("#id_body").input_value().replace("\r\n", "\n") == original[0]
    page.locator("input[name=_save]").click()
    page.wait_for_url(f"{base}/admin/archive/article/")
    messages = page.locator("ul.messagelist").inner_text()
    assert "Reverted" in messages or "changed successfully" in messages, messages
    assert "could not be restored" not in messages

    article.refresh_from_db()
    assert "\r" not in article.body
    assert (article.body, _annotations(article)) == original
    page.goto(base + article.get_absolute_url())
    story = page.locator("article.story")
    assert story.locator("p").count() == 21
    assert story.inner_html() == html  # every quote and mention drawn at its original words
