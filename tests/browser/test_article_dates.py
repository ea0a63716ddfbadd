"""An undated and a partly dated article's pages in Chromium at desktop and phone widths:
they render, say their precision, break no CSP rule and pass axe (issue 15)."""

import os
from pathlib import Path

import pytest

from archive.importer.importing import import_bytes
from archive.models import ArticleStatus
from tests.browser.axe import serious_violations
from tests.browser.conftest import csp_problems, watch_csp

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/archive-screenshots"))


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    ("written", "shown"), [("unknown", "date unknown"), ("spring 2002", "spring 2002")]
)
def test_a_partly_dated_article_page_renders(
    browser, live_server, transactional_db, width, written, shown
):
    raw = (
        f"Headline: Clipping without a day\nDate: {written}\n\n"
        '"We will appeal," the lawyer said last week.\n\nThe court met in 2001.'
    ).encode()
    article = import_bytes("clip.txt", raw).article
    article.status = ArticleStatus.PUBLISHED
    article.save()
    context = browser.new_context(viewport={"width": width, "height": 900})
    messages = watch_csp(context)
    page = context.new_page()
    response = page.goto(live_server.url + article.get_absolute_url())
    assert response.status == 200
    meta = page.locator("article .meta, header .meta, .meta").first
    assert shown in page.inner_text("main")
    assert meta.count() == 1
    width_used = page.evaluate("document.documentElement.scrollWidth")
    assert width_used <= width  # nothing overflows sideways on a phone
    assert serious_violations(page) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{written.replace(' ', '-')}-{width}.png"), full_page=True)
    assert csp_problems(messages) == []
    context.close()
