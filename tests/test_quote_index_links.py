"""From an entity's or a tag's list of quotes to the same quotes in the quotes index, where
they can be narrowed further; and the index's filter fields, which complete names."""

import html
import re
from urllib.parse import urljoin

import pytest
from django.urls import reverse

from archive.models import Entity, Quote

pytestmark = pytest.mark.django_db

INDEX_LINK = re.compile(r'<p class="meta index-link"><a href="([^"]+)">([^<]+)</a></p>')
PERMALINK = re.compile(r'<a href="/quotes/(\d+)/">Permalink</a>')
NEXT = re.compile(r'<a href="([^"]+)" rel="next">')


def section(page: str, section_id: str) -> str:
    start = page.index(f'aria-labelledby="{section_id}-h"')
    return page[start : page.index("</section>", start)]


def listed(client, url: str, section_id: str) -> tuple[list[int], list[str]]:
    """The quote ids a section lists over all its pages, and its index links."""
    ids, links = [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        part = section(response.text, section_id)
        ids += [int(i) for i in PERMALINK.findall(part)]
        links += [html.unescape(href) for href, _ in INDEX_LINK.findall(part)]
        more = NEXT.search(part)
        url = urljoin(url, html.unescape(more.group(1))) if more else None
    return ids, links


def sections(seed_entities):
    for entity in seed_entities:
        if entity.kind == "person":
            yield entity.get_absolute_url(), "quotes-by", f"speaker={entity.slug}"
            yield entity.get_absolute_url(), "quotes-about", f"about={entity.slug}"
        elif entity.kind == "organization":
            yield entity.get_absolute_url(), "quotes-by", f"organization={entity.slug}"
            yield entity.get_absolute_url(), "quotes-about", f"about={entity.slug}"
        else:
            yield entity.get_absolute_url(), "quotes-about", f"about={entity.slug}"


def test_every_section_links_to_the_same_quotes_in_the_index(client, seed):
    checked = 0
    for page, section_id, query in sections(Entity.objects.order_by("pk")):
        ids, links = listed(client, page, section_id)
        if not ids:
            assert not links, (page, section_id)  # an empty list offers no link
            continue
        assert set(links) == {f"/quotes/?{query}"}, (page, section_id)
        in_index, _ = listed(client, links[0], "quotes")
        assert sorted(in_index) == sorted(ids), (page, section_id)
        assert len(set(ids)) == len(ids)
        checked += 1
    tag_ids, tag_links = listed(client, "/tags/elections/", "tagged")
    assert tag_links and set(tag_links) == {"/quotes/?tag=elections"}
    assert sorted(listed(client, tag_links[0], "quotes")[0]) == sorted(tag_ids)
    assert checked >= 8  # the seed's speakers and subjects, not a vacuous pass


def test_a_long_list_says_how_many_the_index_holds(client, seed):
    page = client.get("/people/vanessa-saenen/").text
    [(href, text)] = INDEX_LINK.findall(section(page, "quotes-by"))
    count = Quote.objects.public().filter(speaker__slug="vanessa-saenen").count()
    assert count > 5  # more than the first page shows
    assert text.startswith(f"All {count} in the quotes index")


def test_names_take_a_kind_and_give_the_slug(client, search_seed):
    url = reverse("archive:search_names")
    everyone = client.get(url, {"q": "Human"}).json()["results"]
    assert {r["kind"] for r in everyone} >= {"organization", "event"}
    only = client.get(url, {"q": "Human", "kind": "organization"}).json()["results"]
    assert only and {r["kind"] for r in only} == {"organization"}
    hrw = next(r for r in only if r["name"] == "Human Rights Watch")
    assert hrw["slug"] == "human-rights-watch" and hrw["url"].endswith("/human-rights-watch/")
    both = client.get(url, {"q": "Saen", "kind": "person,organization"}).json()["results"]
    assert [r["slug"] for r in both] == ["vanessa-saenen"]
    bad = client.get(url, {"q": "Human", "kind": "planet"})
    assert bad.status_code == 400 and bad.json()["parameter"] == "kind"


def test_the_filter_fields_complete_names_and_offer_the_tags(client, search_seed):
    page = client.get("/quotes/").text
    for name, kinds in (
        ("speaker", "person,organization"),
        ("organization", "organization"),
        ("about", None),
    ):
        field = re.search(rf'<input type="text" name="{name}"[^>]*>', page).group(0)
        assert "data-names-fill" in field and 'autocomplete="off"' in field
        assert (f'data-names-kind="{kinds}"' in field) if kinds else "data-names-kind" not in field
    assert 'list="quote-tags"' in page
    options = re.findall(r'<option value="([^"]+)">', section_datalist(page))
    assert "elections" in options and len(options) == len(set(options))


def section_datalist(page: str) -> str:
    start = page.index('<datalist id="quote-tags">')
    return page[start : page.index("</datalist>", start)]
