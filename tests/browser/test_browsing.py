"""A reader browses by clicking, and every page type passes axe-core's serious checks."""

import pytest

from archive.models import Quote
from tests.browser.axe import serious_violations
from tests.browser.conftest import csp_problems, watch_csp

ARTICLE = "Kazakhstan: HRW Report Accuses Government Of Harassing Opposition"


def test_reader_walks_from_home_to_a_tag(page, seeded_server):
    page.goto(seeded_server.url + "/")
    page.get_by_role("link", name=ARTICLE).first.click()
    page.wait_for_url("**/articles/2004/04/06/**")
    # The speaker's name in the article text is a link to her page.
    page.locator("article.story a.mention", has_text="Vanessa Saenen").first.click()
    page.wait_for_url("**/people/vanessa-saenen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Vanessa Saenen"
    page.locator("#affiliations-h + ul").get_by_role("link", name="Human Rights Watch").click()
    page.wait_for_url("**/organizations/human-rights-watch/")
    assert "Vanessa Saenen" in page.locator("#members-h + ul").inner_text()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Timeline").click()
    page.wait_for_url("**/timeline/")
    assert page.locator(".timeline-row").count() == 13
    page.get_by_role("link", name="Kazakh parliamentary elections of 2004").click()
    page.wait_for_url("**/events/kazakhstan-parliamentary-elections-2004/")
    page.locator("#quotes-about-h").locator("..").get_by_role(
        "link", name="elections", exact=True
    ).first.click()
    page.wait_for_url("**/tags/elections/")
    assert page.get_by_role("heading", level=1).inner_text() == "elections"


def test_quote_fragment_is_highlighted_in_the_article(page, seeded_server):
    quote = Quote.objects.get(exact__startswith="Our main concern")
    page.goto(seeded_server.url + quote.get_absolute_url())
    page.get_by_role("link", name="Read it in the whole article").click()
    page.wait_for_url(f"**#quote-{quote.pk}")
    mark = page.locator(f"#quote-{quote.pk}")
    assert mark.is_visible()
    assert mark.evaluate("el => el.matches(':target')")


def test_reader_filters_the_quotes_index_with_the_form_and_removes_a_chip(page, seeded_server):
    page.goto(seeded_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Quotes").click()
    page.wait_for_url("**/quotes/")
    page.get_by_label("Organization").fill("human-rights-watch")
    page.get_by_label("Kind").select_option("indirect")
    page.get_by_role("button", name="Show quotes").click()
    page.wait_for_url("**/quotes/?*organization=human-rights-watch*")
    chips = page.get_by_role("list", name="Active filters")
    assert "Organization: Human Rights Watch" in chips.inner_text()
    reported = page.locator(".quote-card").count()
    assert reported == page.locator(".quote-card-reported").count() > 0
    chips.get_by_role("link", name="Remove Only reported speech").click()
    page.wait_for_url("**/quotes/?organization=human-rights-watch")
    assert page.locator(".quote-card").count() > reported


PAGES = [
    "/",
    "/articles/",
    "/articles/2004/04/",
    "/articles/2004/04/06/kazakhstan-hrw-report-accuses-government-of-harassing-opposition/",
    "/people/",
    "/people/vanessa-saenen/",
    "/organizations/",
    "/organizations/human-rights-watch/",
    "/places/",
    "/places/almaty/",
    "/events/",
    "/events/abliyazov-released/",
    "/timeline/",
    "/tags/",
    "/tags/elections/",
    "/quotes/",
    "/quotes/?organization=human-rights-watch&mode=indirect",
    "/quotes/?speaker=nobody",
    "QUOTE",
    "/people/nobody/",
]


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_type_passes_axe(browser, seeded_server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    messages = watch_csp(context)
    page = context.new_page()
    quote = Quote.objects.public().first()
    problems = {}
    for path in PAGES:
        path = quote.get_absolute_url() if path == "QUOTE" else path
        page.goto(seeded_server.url + path)
        found = serious_violations(page)
        if found:
            problems[path] = found
        # Nothing may stick out sideways on a phone.
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        if overflow:
            problems.setdefault(path, []).append("horizontal scroll")
    context.close()
    assert problems == {}
    assert csp_problems(messages) == []


def test_connections_are_a_diagram_on_a_wide_screen_and_a_list_on_a_phone(browser, seeded_server):
    for width, diagram in ((1280, True), (390, False)):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(seeded_server.url + "/people/vanessa-saenen/")
        panel = page.locator(".connections")
        assert panel.locator("svg.diagram").is_visible() is diagram
        listed = panel.locator(".connections-narrow").get_by_role(
            "link", name="Human Rights Watch", exact=True
        )
        assert listed.is_visible() is not diagram
        if diagram:  # the same list, folded under the diagram
            panel.get_by_text("The connections as a list").click()
            assert (
                panel.locator(".connections-wide")
                .get_by_role("link", name="Human Rights Watch", exact=True)
                .is_visible()
            )
        context.close()
