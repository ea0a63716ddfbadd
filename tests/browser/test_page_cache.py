"""A page served from the page cache runs under its own response's Content-Security-Policy:
its JSON-LD blocks carry that response's nonce, not the nonce of the request that rendered
the stored copy, and the browser reports no violation."""

import re

import pytest
from django.core.cache import cache

from archive.pagecache import HEADER


@pytest.fixture
def cached_server(settings, seeded_server):
    settings.PAGE_CACHE = True
    cache.clear()
    yield seeded_server
    cache.clear()


def test_a_cached_page_loads_twice_under_its_own_nonce(page, cached_server):
    url = cached_server.url + "/people/vanessa-saenen/"
    seen = []
    for expected in ("miss", "hit"):
        response = page.goto(url)
        assert response.status == 200
        assert response.headers[HEADER.lower()] == expected
        header = response.headers["content-security-policy"]
        (nonce,) = re.findall(r"'nonce-([^']+)'", header)
        # The browser hides the attribute; the element's nonce property keeps its value.
        in_page = page.eval_on_selector_all(
            "script[type='application/ld+json']", "scripts => scripts.map(s => s.nonce)"
        )
        assert in_page and set(in_page) == {nonce}
        assert page.get_by_role("heading", level=1).inner_text() == "Vanessa Saenen"
        seen.append(nonce)
    assert seen[0] != seen[1]
