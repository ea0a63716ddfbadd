"""The article page's reading view: the annotations control (`?annotations=`, remembered in a
cookie), first-mention links, the speaker beside each quote, and the page cache keeping one
copy per choice."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from archive.models import Article, Mention, Organization, Person, Quote
from archive.pagecache import HEADER
from archive.summaries import tracking
from archive.views.annotated import COOKIE, COOKIE_MAX_AGE
from tests.page_helpers import article_with_quotes, reading_text


def marks(html: str) -> dict:
    """What the text of an article page shows."""
    story = html[html.index("<article") : html.index("</article>")]
    return {
        "quotes": len(re.findall(r'<mark class="quote[^"]*" id="quote-\d+"', story)),
        "numbers": story.count('class="quote-ref"'),
        "links": story.count('<a class="mention"'),
        "marked": story.count('<span class="mention again"'),
        "anchors": len(re.findall(r'id="quote-\d+"', story)),
        "mode": re.search(r'<article class="story annotations-(\w+)"', story)[1],
    }


def current_choice(html: str) -> str:
    control = html[html.index('<nav class="annotation-control"') :].split("</nav>")[0]
    (current,) = re.findall(r'<a href="\?annotations=(\w+)"[^>]*aria-current="true"', control)
    return current


def test_all_annotations_by_default(client, seed):
    html = client.get(seed.get_absolute_url()).text
    shown = marks(html)
    quotes = Quote.objects.public().filter(article=seed).count()
    # The headline's mentions are not drawn: a heading full of links is hard to read.
    in_text = Mention.objects.public().filter(article=seed).exclude(part="headline")
    entities = in_text.values("entity").distinct().count()
    assert shown["mode"] == "all" and current_choice(html) == "all"
    assert shown["quotes"] == shown["numbers"] == quotes
    assert shown["links"] == entities
    assert shown["marked"] == in_text.count() - entities


def test_quotes_only_drops_the_names_and_keeps_the_quotes(client, seed):
    html = client.get(seed.get_absolute_url() + "?annotations=quotes").text
    shown = marks(html)
    assert shown["mode"] == "quotes" and current_choice(html) == "quotes"
    assert shown["quotes"] == Quote.objects.public().filter(article=seed).count()
    assert shown["links"] == shown["marked"] == 0


def test_none_leaves_plain_text_where_every_quote_can_still_be_linked_to(client, seed):
    html = client.get(seed.get_absolute_url() + "?annotations=none").text
    shown = marks(html)
    assert shown["mode"] == "none" and current_choice(html) == "none"
    assert shown["quotes"] == shown["numbers"] == shown["links"] == shown["marked"] == 0
    assert "margin-note" not in html
    # The quote pages link to #quote-<id>: the fragment is still there, unmarked.
    for quote in Quote.objects.public().filter(article=seed):
        assert f'<span id="{quote.anchor_id}">' in html
    # The sidebar still lists the quotes, linking to those fragments.
    assert shown["anchors"] == Quote.objects.public().filter(article=seed).count()


@pytest.mark.parametrize("mode", ["all", "quotes", "none"])
def test_every_mode_shows_the_same_words(client, seed, mode):
    plain = client.get(seed.get_absolute_url() + "?annotations=none").text
    html = client.get(seed.get_absolute_url() + f"?annotations={mode}").text

    def body(page):
        return reading_text(page[page.index('<p id="p1">') : page.index("</article>")])

    assert body(html) == body(plain)
    assert seed.body.split("\n")[0][:60] in body(html)


def test_choosing_sets_a_cookie_that_later_visits_follow(client, seed):
    url = seed.get_absolute_url()
    response = client.get(url + "?annotations=quotes")
    cookie = response.cookies[COOKIE]
    assert cookie.value == "quotes"
    assert cookie["max-age"] == COOKIE_MAX_AGE and cookie["httponly"]
    assert cookie["samesite"] == "Lax" and cookie["path"] == "/"
    # The plain address now shows the remembered choice, and sets nothing again.
    again = client.get(url)
    assert marks(again.text)["mode"] == "quotes" and current_choice(again.text) == "quotes"
    assert COOKIE not in again.cookies
    # Choosing what is already remembered sets nothing; choosing another replaces it.
    assert COOKIE not in client.get(url + "?annotations=quotes").cookies
    assert client.get(url + "?annotations=all").cookies[COOKIE].value == "all"
    assert marks(client.get(url).text)["mode"] == "all"


@pytest.mark.parametrize("value", ["bogus", "", "1", "all;", "<script>"])
def test_an_unknown_choice_shows_the_article_as_the_reader_last_chose_it(client, seed, value):
    """A mistyped or truncated link is still the article: the value is ignored, nothing is
    remembered, and the remembered choice (or all) applies."""
    url = seed.get_absolute_url()
    response = client.get(url, {"annotations": value})
    assert response.status_code == 200
    assert marks(response.text)["mode"] == "all" and COOKIE not in response.cookies
    client.cookies[COOKIE] = "none"
    response = client.get(url, {"annotations": value})
    assert marks(response.text)["mode"] == "none" and COOKIE not in response.cookies


def test_a_choice_is_read_whatever_its_case_and_a_bad_cookie_is_ignored(client, seed):
    url = seed.get_absolute_url()
    assert marks(client.get(url + "?annotations=QUOTES").text)["mode"] == "quotes"
    client.cookies[COOKIE] = "everything"
    response = client.get(url)
    assert response.status_code == 200 and marks(response.text)["mode"] == "all"


@pytest.mark.parametrize("query", ["", "?annotations=none", "?annotations=quotes"])
def test_the_canonical_address_is_the_plain_article(client, seed, query):
    html = client.get(seed.get_absolute_url() + query).text
    (canonical,) = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
    assert canonical.endswith(seed.get_absolute_url())
    # The control's links are not for crawlers.
    assert html.count('rel="nofollow"') >= 3


def test_an_entity_named_three_times_is_linked_once(client, person):
    article = article_with_quotes(3, person)
    html = client.get(article.get_absolute_url()).text
    story = html[html.index("<article") : html.index("</article>")]
    links = re.findall(r'<a class="mention" href="([^"]+)"[^>]*>([^<]*)</a>', story)
    assert links == [(person.get_absolute_url(), "Vanessa Saenen")]
    assert story.count('<span class="mention again"') == 2
    # The link is the first of the three: in the first paragraph.
    first = story[story.index('<p id="p1">') : story.index('<p id="p2">')]
    assert '<a class="mention"' in first


def test_an_entity_named_in_the_standfirst_is_linked_there_not_in_the_body(client, article):
    government = Organization.objects.create(name="The government", slug="government")
    for part in ("standfirst", "body"):
        mention = Mention(article=article, entity=government, part=part)
        mention.anchor_to("government")
        mention.save()
    html = client.get(article.get_absolute_url()).text
    standfirst = re.search(r'<p class="standfirst">(.*?)</p>', html, re.S)[1]
    body = html[html.index('<p id="p1">') : html.index("</article>")]
    assert '<a class="mention" href="/organizations/government/"' in standfirst
    assert '<a class="mention"' not in body and '<span class="mention again"' in body


def test_the_speaker_is_named_in_the_quote_link_and_the_margin_not_in_the_sentence(client, seed):
    html = client.get(seed.get_absolute_url()).text
    quotes = sorted(
        Quote.objects.public().filter(article=seed),
        key=lambda q: ({"headline": 0, "standfirst": 1}.get(q.part, 2), q.start),
    )
    for number, quote in enumerate(quotes, 1):
        speaker = quote.speaker.name if quote.speaker_id else None
        link = re.search(
            rf'<a class="quote-ref" href="{quote.get_absolute_url()}">'
            rf'<span class="ref-number">{number}</span><span class="ref-tip"> ([^<]*)</span></a>',
            html,
        )
        assert link, quote.pk
        if quote.mode == "direct":
            assert link[1] == f"Quote by {speaker}"
        else:
            assert link[1] == f"Reported speech, not a verbatim quote, by {speaker}"
        note = re.search(
            rf'<span class="margin-note" aria-hidden="true"><span class="note-number">{number}'
            rf'</span> ([^<]*)(<span class="note-kind">reported speech</span>)?</span>'
            rf'<mark class="quote[^"]*" id="{quote.anchor_id}"',
            html,
        )
        assert note and note[1] == speaker, quote.pk
        assert bool(note[2]) == (quote.mode != "direct")
    # The sidebar's list numbers the quotes the same way.
    for number, quote in enumerate(quotes, 1):
        assert f'<li value="{number}"><a href="#{quote.anchor_id}">' in html


def test_modes_cost_the_same_queries(client, seed):
    tracking.settle()  # the seed's summaries, which the first page read would write
    counts = []
    for mode in ("all", "quotes", "none"):
        with CaptureQueriesContext(connection) as queries:
            client.get(seed.get_absolute_url(), {"annotations": mode})
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2]


# --- the page cache -------------------------------------------------------------------


@pytest.fixture
def cached(settings, seed):
    settings.PAGE_CACHE = True
    cache.clear()
    # The seed's summaries, as a commit would have written them: the first page read
    # would otherwise write them and bump the versions the cache keys carry.
    tracking.settle()
    yield
    cache.clear()


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    return response.headers.get(HEADER), marks(response.text)["mode"], response


def test_the_cache_keeps_one_copy_per_choice(cached, seed):
    url = seed.get_absolute_url()
    plain, quiet = Client(), Client()
    quiet.cookies[COOKIE] = "none"
    assert get(plain, url)[:2] == ("miss", "all")
    assert get(quiet, url)[:2] == ("miss", "none")  # not the stored copy of "all"
    assert get(plain, url)[:2] == ("hit", "all")
    assert get(quiet, url)[:2] == ("hit", "none")
    # A cookie with no meaning is the default, and shares its copy.
    odd = Client()
    odd.cookies[COOKIE] = "junk"
    assert get(odd, url)[:2] == ("hit", "all")


def test_a_choice_is_served_live_so_that_it_is_remembered(cached, seed, client):
    url = seed.get_absolute_url()
    assert get(client, url)[:2] == ("miss", "all")
    state, mode, response = get(client, url + "?annotations=quotes")
    assert state is None and mode == "quotes"
    assert response.cookies[COOKIE].value == "quotes"
    # The choice made, the plain address gets its own stored copy.
    assert get(client, url)[:2] == ("miss", "quotes")
    assert get(client, url)[:2] == ("hit", "quotes")
    # Asking in the address for what the cookie already holds can be served from the cache.
    assert get(client, url + "?annotations=quotes")[:2] == ("miss", "quotes")
    assert get(client, url + "?annotations=quotes")[:2] == ("hit", "quotes")


def test_cached_answers_say_they_vary_by_cookie(cached, seed, client):
    url = seed.get_absolute_url()
    for expected in ("miss", "hit"):
        state, _, response = get(client, url)
        assert state == expected
        assert "Cookie" in response.headers["Vary"]


def test_editors_are_never_served_a_stored_copy(cached, seed, client):
    url = seed.get_absolute_url()
    get(client, url)
    client.force_login(User.objects.create_user("editor", is_staff=True))
    client.cookies[COOKIE] = "quotes"
    for _ in range(2):
        state, mode, _ = get(client, url)
        assert state is None and mode == "quotes"
    Article.objects.filter(pk=seed.pk).update(headline="Corrected headline")
    assert "Corrected headline" in client.get(url).text


def test_names_in_notes_tips_and_titles_are_escaped(client, article, person):
    Person.objects.filter(pk=person.pk).update(name='Ann <b>Bold</b> "Q"')
    quote = Quote(article=article, speaker=person)
    quote.anchor_to("We are concerned about the elections")
    quote.save()
    html = client.get(article.get_absolute_url()).text
    story = html[html.index("<article") : html.index("</article>")]
    assert "<b>Bold</b>" not in story
    escaped = "Ann &lt;b&gt;Bold&lt;/b&gt; &quot;Q&quot;"
    assert f"</span> {escaped}</span>" in story  # the margin note
    assert f'<span class="ref-tip"> Quote by {escaped}</span>' in story
    assert f'title="Quote: {escaped}"' in story
