"""An editor imports a batch and reviews what the importer proposed, in a real browser."""

import json
import os
import re

import pytest
from django.contrib.auth.models import Group

from archive.models import Article, Entity, EntitySuggestion, Quote

PASSWORD = "a long editor password"


@pytest.fixture
def editor_page(page, seeded_server, django_user_model):
    user = django_user_model.objects.create_user("ines", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    page.goto(seeded_server.url + "/admin/login/")
    page.get_by_label("Username").fill("ines")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(seeded_server.url + "/admin/")
    return page


def _shot(page, name):
    """Screenshots at both widths when SHOTS_DIR is set (they are for looking at)."""
    folder = os.environ.get("SHOTS_DIR")
    if folder:
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})


def test_a_batch_with_an_empty_file_imports_the_good_ones(editor_page, seeded_server, tmp_path):
    page = editor_page
    good = tmp_path / "good.json"
    good.write_text(
        json.dumps(
            {
                "headline": "Ministry answers its critics",
                "published": "2004-04-09",
                "body": 'John Smith, a ministry spokesman, said: "Nothing is wrong here."',
            }
        )
    )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page.goto(seeded_server.url + "/admin/archive/articleimport/")
    page.get_by_label("Article files").set_input_files([str(empty), str(good)])
    page.get_by_role("button", name="Import").click()
    page.wait_for_load_state()
    content = page.locator("#content-main")
    assert "empty.txt: the file is empty." in content.inner_text()
    assert "1 of 2 files imported." in page.locator(".messagelist").inner_text()
    assert Article.objects.filter(headline="Ministry answers its critics").exists()
    _shot(page, "import-empty")


BODY = (
    "Almaty police detained three activists on Friday, their lawyer said.\n\n"
    'John Smith, a spokesman for the Interior Ministry, said: "Nothing is wrong here." '
    "He spoke to reporters.\n\n"
    '"We will go on," Smith added. Mukhtabar Abliyazov was released last May.'
)


def _upload(page, base, tmp_path, name="ministry.json", headline="Ministry answers critics"):
    path = tmp_path / name
    path.write_text(json.dumps({"headline": headline, "published": "2004-04-09", "body": BODY}))
    page.goto(base + "/admin/archive/articleimport/")
    page.get_by_label("Article files").set_input_files(str(path))
    page.get_by_role("button", name="Import").click()
    page.locator(".messagelist", has_text="1 of 1 files imported.").wait_for()
    return Article.objects.get(headline=headline)


def test_accept_a_proposed_speaker_from_the_queue_without_a_reload(
    editor_page, seeded_server, tmp_path
):
    page, base = editor_page, seeded_server.url
    article = _upload(page, base, tmp_path)
    # From the editors' desk to the queue, and to this article's suggestions.
    page.goto(base + "/admin/")
    page.get_by_role("link", name="Review queue").click()
    page.get_by_role("link", name="Ministry answers critics").click()
    page.wait_for_url(f"**/review/?article={article.pk}")
    quotes = page.locator("section[aria-labelledby=suggested-quotes]")
    item = quotes.locator("[data-suggestion]", has_text="Nothing is wrong here.")
    assert "John Smith (proposed person, not yet in the archive)" in item.inner_text()
    assert "none given" not in item.inner_text()
    # The quote stands in its sentence; the paragraph opens on demand.
    assert "said:" in item.locator(".in-context").inner_text()
    assert item.locator("details.paragraph p").is_hidden()
    item.get_by_text("Show the paragraph").click()
    assert "He spoke to reporters." in item.locator("details.paragraph p").inner_text()
    _shot(page, "review-queue")
    page.evaluate("window.noReload = true")
    item.get_by_role("button", name="Accept with John Smith").click()
    item.locator(".review-outcome", has_text="“John Smith” (person) accepted").wait_for()
    assert page.evaluate("window.noReload") is True  # decided in place
    quote = Quote.objects.get(article=article, exact="Nothing is wrong here.")
    smith = Entity.objects.get(name="John Smith")
    assert (quote.status, quote.speaker_id) == ("confirmed", smith.pk)
    assert smith.person.sort_name == "Smith, John"
    _shot(page, "review-queue-decided")


def test_an_entity_suggestion_confirmed_on_its_page_is_accepted(
    editor_page, seeded_server, tmp_path
):
    page, base = editor_page, seeded_server.url
    article = _upload(page, base, tmp_path)
    page.goto(base + "/admin/")
    page.locator("#editors-desk").get_by_role("link", name="Entity suggestions").click()
    page.get_by_role("link", name="the release of Mukhtabar Abliyazov").click()
    page.get_by_label("Status").select_option("confirmed")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(".messagelist", has_text="accepted: the release of Mukhtabar Abliyazov").wait_for()
    event = Entity.objects.get(kind="event", name="the release of Mukhtabar Abliyazov")
    assert str(event.event.start_partial) == "May 2003"
    assert EntitySuggestion.objects.get(article=article, entity=event).status == "confirmed"


def test_bulk_accept_an_article(editor_page, seeded_server, tmp_path):
    page, base = editor_page, seeded_server.url
    article = _upload(page, base, tmp_path)
    page.goto(f"{base}/admin/archive/quote/review/?article={article.pk}")
    bulk = page.locator(".bulk-decision")
    bulk.get_by_label("Suggestions").select_option("both")
    bulk.get_by_label("with confidence").select_option("at_least")
    bulk.get_by_label("Confidence", exact=True).fill("0.5")
    bulk.get_by_label("also accept the proposed people").check()
    _shot(page, "review-bulk")
    bulk.get_by_role("button", name="Accept them").click()
    page.locator(".messagelist", has_text="with confidence at or above 0.50").wait_for()
    assert not article.quotes.filter(status="suggested", confidence__gte=0.5).exists()
    assert not article.mentions.filter(status="suggested", confidence__gte=0.5).exists()
    smith = Entity.objects.get(name="John Smith")
    assert set(article.quotes.values_list("speaker", flat=True)) == {smith.pk}


def test_the_queue_decides_without_javascript(browser, seeded_server, django_user_model, tmp_path):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    page = context.new_page()
    user = django_user_model.objects.create_user("noel", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    base = seeded_server.url
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill("noel")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/admin/")
    article = _upload(page, base, tmp_path)
    page.goto(f"{base}/admin/archive/quote/review/?article={article.pk}")
    quotes = page.locator("section[aria-labelledby=suggested-quotes]")
    item = quotes.locator("[data-suggestion]", has_text="We will go on")
    item.get_by_role("button", name="Reject").click()
    page.locator(".messagelist", has_text="Rejected:").wait_for()
    assert page.url.endswith(f"/review/?article={article.pk}")
    assert Quote.objects.get(article=article, exact="We will go on").status == "rejected"
    # The paragraph opens without JavaScript too (a <details> element).
    item = quotes.locator("[data-suggestion]", has_text="Nothing is wrong here.")
    item.get_by_text("Show the paragraph").click()
    assert item.locator("details.paragraph p").is_visible()
    context.close()


def test_a_new_speaker_and_about_from_the_annotate_screen(editor_page, seeded_server):
    page, base = editor_page, seeded_server.url
    article = Article.objects.get()
    page.goto(f"{base}/admin/archive/article/{article.pk}/annotate/")
    phrase = "The group is calling for Zhaqiyanov's immediate release."
    page.locator("#id_exact").fill(phrase)
    with page.expect_popup() as opened:
        page.get_by_role("link", name="New person for speaker").click()
    popup = opened.value
    popup.locator("#id_name").fill("Aigul Zhunusova")
    popup.locator("#id_slug").fill("aigul-zhunusova")
    popup.get_by_role("button", name="Save", exact=True).click()
    popup.wait_for_event("close")
    # The new person is chosen as the speaker in the form.
    assert "Aigul Zhunusova" in page.locator("#select2-id_speaker-container").inner_text()
    page.locator("#id_about + .select2 .select2-search__field").press_sequentially("Zhaqiyanov")
    # Each choice shows its description beside the name.
    page.locator(
        ".select2-results__option", has_text="Galymzhan Zhaqiyanov — Founding leader"
    ).click()
    page.get_by_role("button", name="Save annotation").click()
    page.wait_for_url(re.compile(r".*/annotate/#at-body-\d+$"))
    quote = Quote.objects.get(exact=phrase)
    assert quote.speaker.name == "Aigul Zhunusova"
    assert [e.name for e in quote.about.all()] == ["Galymzhan Zhaqiyanov"]
    # Back at the place in the text, which is in view.
    assert page.locator(f"#at-body-{quote.start}").is_visible()
    assert page.evaluate(
        "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }",
        f"at-body-{quote.start}",
    )
