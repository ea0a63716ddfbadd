"""Searching in a browser: a variant spelling, the names autocomplete, highlighted snippets,
facet counts, narrowing by a facet; and the page without JavaScript."""

import re

from tests.browser.axe import serious_violations


def test_variant_spelling_autocomplete_snippets_and_facets(page, seeded_server):
    page.goto(seeded_server.url + "/")
    box = page.get_by_role("combobox", name="Search the archive")
    box.click()
    box.press_sequentially("Zhakiyanov", delay=30)
    option = page.get_by_role("option", name=re.compile("Galymzhan Zhaqiyanov"))
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("Enter")  # no option chosen: the typed spelling is searched
    page.wait_for_url("**/search/?q=Zhakiyanov")
    assert page.get_by_role("heading", level=1).inner_text() == "Search results for “Zhakiyanov”"

    # The article spells him Zhaqiyanov: the snippet marks that spelling.
    marks = page.locator(".result-article .snippet mark")
    assert "Zhaqiyanov" in marks.all_inner_texts()
    assert page.locator(".result-person .result-title mark").first.inner_text() == "Zhaqiyanov"

    facets = page.get_by_role("complementary", name="Narrow the results")
    kind = facets.locator("section.facet", has=page.get_by_role("heading", name="Kind"))
    assert re.search(r"Articles\s*1", kind.inner_text())
    assert re.search(r"People\s*1", kind.inner_text())
    assert page.locator("#results-heading").inner_text() == "1–5 of 5 results"
    assert serious_violations(page) == []
    page.screenshot(path="/tmp/search-1280.png", full_page=True)

    kind.get_by_role("link", name="Quotes").click()
    page.wait_for_url("**kind=quote**")
    assert page.locator(".result").count() == page.locator(".result-quote").count() > 0
    assert page.get_by_text("kind: quote").is_visible()
    link = page.locator(".result-quote .result-title a").first.get_attribute("href")
    assert re.search(r"/articles/2004/04/06/.+/#quote-\d+$", link)


def test_choosing_a_name_opens_its_page_and_the_last_option_searches(page, seeded_server):
    page.goto(seeded_server.url + "/")
    box = page.get_by_role("combobox", name="Search the archive")
    box.press_sequentially("Nazarbay", delay=30)
    page.get_by_role("option", name=re.compile("^Nursultan Nazarbaev person")).wait_for()
    options = page.get_by_role("option")
    assert options.last.inner_text() == "Search for “Nazarbay”"
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/people/nursultan-nazarbaev/")
    assert page.get_by_role("heading", level=1).inner_text() == "Nursultan Nazarbaev"

    # With the mouse, the last option searches the archive for the words as typed.
    page.goto(seeded_server.url + "/search/")
    box = page.get_by_role("combobox", name="Search for")
    box.press_sequentially("Nazarbay", delay=30)
    page.get_by_role("option", name="Search for “Nazarbay”").click()
    page.wait_for_url("**/search/?q=Nazarbay*")
    assert page.get_by_role("heading", level=1).inner_text() == "Search results for “Nazarbay”"


def test_the_page_works_without_javascript(browser, seeded_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(seeded_server.url + "/search/?q=Nazarbaiev")
    page.get_by_role("link", name="Nazarbaev").click()  # did you mean
    page.wait_for_url("**q=Nazarbaev")
    page.get_by_text("Options").click()
    page.get_by_label("Kind").select_option("event")
    page.get_by_role("button", name="Search").last.click()
    page.wait_for_url("**kind=event**")
    assert page.locator(".result").count() == page.locator(".result-event").count() > 0
    page.screenshot(path="/tmp/search-390-nojs.png", full_page=True)
    context.close()


def test_on_a_phone_the_results_come_first_and_the_filters_are_folded(browser, seeded_server):
    for width, facets_open in ((390, False), (1280, True)):
        context = browser.new_context(viewport={"width": width, "height": 844})
        page = context.new_page()
        page.goto(seeded_server.url + "/search/?q=opposition")
        # One search box: the page's own form (the header's is left out here).
        assert page.locator("input[type=search]").count() == 1
        first = page.locator(".result").first.bounding_box()
        panel = page.locator(".facets-panel")
        facets = panel.bounding_box()
        if width == 390:
            # Results first, in the first screen; the filters folded after them.
            assert first["y"] < 844 * 0.7, first
            assert facets["y"] > page.locator(".result").last.bounding_box()["y"]
        assert panel.evaluate("el => el.open") is facets_open
        people = page.get_by_role("heading", name="People")
        assert people.is_visible() is facets_open
        if not facets_open:  # one tap unfolds them
            page.get_by_text("Narrow the results").click()
            assert people.is_visible()
        assert serious_violations(page) == []
        context.close()


def test_the_quotes_index_fields_complete_names_into_their_filters(page, seeded_server):
    """On /quotes/, picking a name fills the field with the name's address slug (no page is
    opened, no search offered), and the filtered list is that speaker's."""
    page.goto(seeded_server.url + "/quotes/")
    speaker = page.get_by_role("combobox", name="Speaker")
    speaker.click()
    speaker.press_sequentially("Saen", delay=30)
    option = page.get_by_role("option", name=re.compile("^Vanessa Saenen person"))
    option.wait_for()
    assert not page.get_by_role("option", name=re.compile("^Search for")).count()
    option.click()
    assert speaker.input_value() == "vanessa-saenen"
    assert page.url.endswith("/quotes/")  # nothing opened

    about = page.get_by_role("combobox", name="About")
    about.click()
    about.press_sequentially("Kazakh gov", delay=30)
    page.get_by_role("option", name=re.compile("^Kazakh government organization")).wait_for()
    about.press("ArrowDown")
    about.press("Enter")  # picks the first name: fills, does not submit
    assert about.input_value() == "kazakh-government"
    page.get_by_role("button", name="Show quotes").click()
    page.wait_for_url("**/quotes/?speaker=vanessa-saenen&*about=kazakh-government*")
    cards = page.locator(".quote-card")
    assert cards.count() > 0
    assert not page.get_by_role("alert").count()
    assert serious_violations(page) == []
