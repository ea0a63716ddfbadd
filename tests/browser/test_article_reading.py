"""The article page as a reader uses it at desktop and phone widths: the annotations control
switched by clicking (and remembered), the speaker shown on keyboard focus, the margin notes
on a wide screen only, and a page that ends near where the text ends."""

import pytest

from archive.models import Article, Mention, Quote
from tests.browser.axe import serious_violations
from tests.browser.conftest import csp_problems, watch_csp

# How far below the text's end the page may end: the footer on a wide screen, where the
# panels sit beside the text; on a phone, the folded panels (one line each) and the footer.
SLACK = {1280: 250, 390: 650}


def bottom(page, selector):
    return page.evaluate(
        "s => document.querySelector(s).getBoundingClientRect().bottom + scrollY", selector
    )


def visible_count(page, selector):
    return page.locator(selector).evaluate_all(
        "els => els.filter(e => e.getClientRects().length && getComputedStyle(e)"
        ".visibility !== 'hidden').length"
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_reader_switches_annotations_and_the_page_ends_with_the_text(browser, seeded_server, width):
    article = Article.objects.get()
    quotes = Quote.objects.public().filter(article=article).count()
    entities = (
        Mention.objects.public()
        .filter(article=article)
        .exclude(part="headline")
        .values("entity")
        .distinct()
        .count()
    )
    context = browser.new_context(viewport={"width": width, "height": 900})
    messages = watch_csp(context)
    page = context.new_page()
    url = seeded_server.url + article.get_absolute_url()
    page.goto(url)
    control = page.get_by_role("navigation", name="Annotations in the text")

    # All annotations: every quote marked and numbered, each entity linked once.
    assert control.get_by_role("link", name="All").get_attribute("aria-current") == "true"
    assert visible_count(page, "article mark.quote[id]") == quotes
    assert visible_count(page, "article a.quote-ref") == quotes
    assert visible_count(page, "article a.mention") == entities
    # The speaker in the margin on a wide screen; on a phone, only on the number.
    notes = visible_count(page, "article .margin-note")
    assert notes == (quotes if width == 1280 else 0)
    assert serious_violations(page) == []

    # Keyboard focus on a quote's number shows who spoke, and its name says it too.
    saenen = page.get_by_role("link", name="4 Quote by Vanessa Saenen", exact=True)
    assert saenen.count() == 1
    tip = saenen.locator(".ref-tip")
    assert tip.bounding_box()["width"] <= 1  # hidden until asked for
    page.keyboard.press("Tab")  # the reader is on the keyboard
    saenen.focus()
    box = tip.bounding_box()
    assert box["width"] > 100 and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert tip.inner_text().strip() == "Quote by Vanessa Saenen"
    saenen.blur()
    page.mouse.move(0, 0)

    # The page ends near where the text ends (the panels beside it or folded after it).
    text_end = bottom(page, "article.story")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height - text_end <= SLACK[width], (height, text_end)
    panels = page.locator(".sidebar details")
    opened = panels.evaluate_all("ds => ds.filter(d => d.open).length")
    if width == 1280:
        assert opened >= 1 and bottom(page, ".sidebar") <= text_end
    else:
        assert opened == 0 and panels.count() >= 5
        # A folded panel opens with a tap.
        panels.first.locator("summary").click()
        assert panels.first.locator("a").first.is_visible()

    # Quotes only: the quotes stay, the names are neither marked nor linked.
    control.get_by_role("link", name="Quotes only").click()
    page.wait_for_url("**?annotations=quotes")
    assert visible_count(page, "article mark.quote[id]") == quotes
    assert page.locator("article .mention").count() == 0
    assert page.get_by_role("link", name="4 Quote by Vanessa Saenen", exact=True).count() == 1

    # None: the plain text; a quote's fragment is still there for links to land on.
    control.get_by_role("link", name="None").click()
    page.wait_for_url("**?annotations=none")
    assert page.locator("article mark, article .mention, article .quote-ref").count() == 0
    assert visible_count(page, "article .margin-note") == 0
    assert page.get_by_text("Vanessa Saenen is a spokeswoman for HRW in Brussels.").is_visible()
    first = Quote.objects.public().filter(article=article).first()
    assert page.locator(f"#{first.anchor_id}").count() == 1
    assert serious_violations(page) == []

    # The choice is remembered: the plain address, in a new visit, shows none.
    page.goto(url)
    assert control.get_by_role("link", name="None").get_attribute("aria-current") == "true"
    assert page.locator("article mark").count() == 0
    cookies = {c["name"]: c for c in context.cookies()}
    assert cookies["annotations"]["value"] == "none" and cookies["annotations"]["httpOnly"]
    control.get_by_role("link", name="All").click()
    page.wait_for_url("**?annotations=all")
    page.goto(url)
    assert visible_count(page, "article a.mention") == entities

    context.close()
    problems = csp_problems(messages)
    assert not problems, "Content-Security-Policy violations:\n" + "\n".join(problems)
