"""Only direct quotes ever stand in quotation marks: a walk over every page and feed of the
seed archive that prints a quote, and a check that templates print quotes only through
the renderer (archive.quoting via the archive_tags filters)."""

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from archive import quoting
from archive.models import Quote, QuoteMode
from tests.page_helpers import jsonld_blocks

MARKS = '“”"„«»‘'
ATOM = "{http://www.w3.org/2005/Atom}"


def lead_words(quote, n=4):
    return " ".join(quote.exact.split()[:n])


def in_marks(page: str, words: str) -> bool:
    """Whether `words` follow a quotation mark, with only tags or spaces between."""
    pattern = rf"[{MARKS}](?:\s|<[^>]*>)*{re.escape(words)}"
    return re.search(pattern, page) is not None


RENDERED = re.compile(
    r'<span class="q q-(?P<kind>direct|reported)">(?P<label><span class="q-label">[^<]*</span>)?'
    r"\s*[“]?(?P<words>.{0,200})",
    re.S,
)
IN_TEXT = re.compile(
    r'<mark class="quote(?P<reported> reported)?"[^>]*title="(?P<title>[^"]*)">(?P<words>.{0,200})',
    re.S,
)


def plain(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", fragment).split())


def crawl(client):
    """Every page reachable from the home page, the search for each quote's words and every
    feed linked from those pages: {path: text}."""
    quotes = list(Quote.objects.public())
    # Searching for a quote's words less its first (the page repeats the query in marks).
    searches = {" ".join(q.exact.split()[1:4]) for q in quotes}
    todo = ["/"] + [f"{reverse('archive:search')}?q={words}" for words in searches]
    seen, pages = set(), {}
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8-sig")
        pages[path] = text
        if "html" not in response["Content-Type"]:
            continue
        for href in re.findall(r'href="([^"#]*)', text):
            href = html.unescape(href)
            parts = urlsplit(href)
            if (
                parts.netloc
                or not parts.path.startswith("/")
                or parts.path.startswith(("/admin", "/static", "/api"))
            ):
                continue
            if parts.query:
                continue  # sort, page and facet links show the same quotes again
            todo.append(href)
    return pages


@pytest.fixture
def pages(client, search_seed):
    return crawl(client)


def test_the_walk_reaches_every_kind_of_page_that_prints_quotes(pages, search_seed):
    assert search_seed.get_absolute_url() in pages
    kinds = {
        "quote": "/quotes/",
        "person": "/people/",
        "organization": "/organizations/",
        "tag": "/tags/",
        "place": "/places/",
        "feed": "/feeds/",
        "quote feed": "/tags/",
        "search": "/search/",
    }
    for kind, prefix in kinds.items():
        assert any(p.startswith(prefix) and p != prefix for p in pages), kind
    assert all(f"/quotes/{q.pk}/" in pages for q in Quote.objects.public())


def test_reported_speech_never_stands_in_quotation_marks_and_is_labelled(pages):
    quotes = list(Quote.objects.public())
    reported = [q for q in quotes if q.mode == QuoteMode.INDIRECT]
    assert len(reported) >= 10
    labelled = 0
    for path, text in pages.items():
        # JSON-LD strings open with '"' whatever they hold: checked apart, below.
        jsonld = r'<script type="application/ld\+json"[^>]*>.*?</script>'
        page = html.unescape(re.sub(jsonld, "", text))
        for quote in reported:
            assert not in_marks(page, lead_words(quote)), (path, lead_words(quote))
        # Every quote rendered as a quote says which kind it is: cards, lists, links and
        # search results (class "q"), and the marks in an article's text.
        for found in RENDERED.finditer(page):
            words = plain(found["words"])
            quote = next((q for q in quotes if words.startswith(lead_words(q))), None)
            if quote is None:
                continue
            labelled += 1
            if quote.mode == QuoteMode.INDIRECT:
                assert found["kind"] == "reported" and "Reported speech" in found["label"], path
            else:
                assert found["kind"] == "direct" and not found["label"], path
        for found in IN_TEXT.finditer(page):
            words = plain(found["words"])
            quote = next((q for q in quotes if words.startswith(lead_words(q))), None)
            if quote is not None:
                labelled += 1
                indirect = quote.mode == QuoteMode.INDIRECT
                assert bool(found["reported"]) == indirect, path
                assert found["title"].startswith("Reported speech") == indirect, path
    assert labelled > 100


def test_direct_quotes_are_in_quotation_marks_wherever_printed(pages):
    direct = list(Quote.objects.public().filter(mode=QuoteMode.DIRECT))
    for quote in direct:
        page = html.unescape(pages[f"/quotes/{quote.pk}/"])
        assert in_marks(page, lead_words(quote)), quote.pk


def test_titles_og_and_jsonld_say_reported_speech(pages):
    for quote in Quote.objects.public():
        text = pages[f"/quotes/{quote.pk}/"]
        title = html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1))
        og = html.unescape(re.search(r'<meta property="og:title" content="([^"]*)"', text)[1])
        (data,) = [b for b in jsonld_blocks(text) if b.get("url", "").endswith(f"/{quote.pk}/")]
        if quote.mode == QuoteMode.DIRECT:
            assert "“" in title and "“" in og and data["@type"] == "Quotation"
        else:
            assert "(reported speech)" in title and "(reported speech)" in og
            assert not any(m in title + og for m in '“”"')
            assert data["@type"] != "Quotation" and data["genre"] == "reported speech"
            assert "spokenByCharacter" not in data
        assert data["text"] == quoting.words(quote)


def test_feed_titles_follow_the_rule(pages):
    feeds = [p for p in pages if p.endswith("quotes.atom")]
    assert feeds
    by_url = {q.get_absolute_url(): q for q in Quote.objects.public()}
    seen = 0
    for path in feeds:
        for entry in ET.fromstring(pages[path]).iter(f"{ATOM}entry"):
            link = urlsplit(entry.find(f"{ATOM}link").get("href")).path
            quote = by_url[link]
            title = entry.find(f"{ATOM}title").text
            summary = entry.find(f"{ATOM}summary").text
            seen += 1
            if quote.mode == QuoteMode.INDIRECT:
                assert "(reported speech)" in title, title
                assert not in_marks(title + summary, lead_words(quote)), title
            else:
                assert in_marks(title, lead_words(quote)), title
    assert seen


def test_jsonld_anywhere_never_calls_reported_speech_a_quotation(pages):
    reported = {quoting.words(q) for q in Quote.objects.public().filter(mode="indirect")}
    for path, text in pages.items():
        for block in jsonld_blocks(text) if "<html" in text else []:
            for node in _nodes(block):
                if node.get("text") in reported:
                    assert node["@type"] != "Quotation", path


def _nodes(data):
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _nodes(value)
    elif isinstance(data, list):
        for value in data:
            yield from _nodes(value)


TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "archive"


def test_templates_print_quote_words_only_through_the_renderer():
    """A template that printed `quote.exact` itself could put reported speech in marks."""
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        assert not re.search(r"\{\{[^}]*\.exact\b", text), template
        assert not re.search(r"[“‘«]\{\{\s*(?:quote|reply|result|pull)", text), template


def test_the_pull_quote_names_its_speaker_and_links_to_its_quote(client, seed):
    from archive.models import Article

    article = Article.objects.get()
    response = client.get(article.get_absolute_url())
    pull = re.search(r'<aside class="pull-quote".*?</aside>', response.text, re.S).group(0)
    source = quoting.pull_quote_source(article.pull_quote, article.quotes.all())
    assert source is not None and source.speaker.name == "Vanessa Saenen"
    assert f'href="{source.get_absolute_url()}"' in pull
    assert f'href="{source.speaker.get_absolute_url()}"' in pull
    assert "“" in pull


def test_a_pull_quote_matching_no_direct_quote_has_no_marks(client, seed):
    from archive.models import Article

    article = Article.objects.get()
    article.pull_quote = "Words the article never quotes"
    article.save()
    response = client.get(article.get_absolute_url())
    pull = re.search(r'<aside class="pull-quote".*?</aside>', response.text, re.S).group(0)
    assert "Words the article never quotes" in pull and "“" not in pull


def test_the_cue_is_shown_beside_the_quote(client, seed):
    # "…," she told RFE/RL: the sentence attributing Saenen's first quote.
    quote = Quote.objects.get(exact__startswith="Our main concern")
    response = client.get(quote.get_absolute_url())
    assert 'class="cue"' in response.text
    cue = html.unescape(re.search(r'<p class="cue">(.*?)</p>', response.text, re.S).group(1))
    assert "she told RFE/RL." in re.sub(r"<[^>]+>", "", cue)
    assert "Our main concern" not in cue  # the quote itself is elided
    person = client.get(quote.speaker.get_absolute_url()).text
    assert "she told RFE/RL." in html.unescape(person)


def test_the_cue_of_reported_speech_elides_the_words(client, seed):
    quote = Quote.objects.get(exact="denied the accusations")
    found = quoting.cue(Quote.objects.with_context().get(pk=quote.pk))
    assert found.before.startswith("Vyacheslav Kalyuzhnyi, who works for")
    assert found.after == "."
    assert "denied" not in found.text()


def test_json_ld_of_a_direct_quote_names_its_speaker(client, seed):
    quote = Quote.objects.get(exact__startswith="Our main concern")
    (data,) = jsonld_blocks(client.get(quote.get_absolute_url()).text)
    assert data["spokenByCharacter"]["name"] == "Vanessa Saenen"
    assert json.dumps(data)  # serialisable as it stands
