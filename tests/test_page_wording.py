"""Entity pages speak of the entity by name, with proper plurals and one date for a span
within one period, and offer no feed for an empty list (issue 12, small things)."""

import datetime as dt
import re
from html import unescape

from archive.models import Membership, Person, Place
from archive.models.summaries import CoMention
from archive.views.connections import build, closeness

THEM = re.compile(r"\b(them|their|They)\b|\(s\)")


def headings_and_notes(html: str) -> list[str]:
    found = re.findall(r"<h2[^>]*>(.*?)</h2>|<p class=\"empty\">(.*?)</p>", html, re.S)
    return [unescape(re.sub(r"<[^>]+>", "", a or b)).strip() for a, b in found]


def test_a_person_page_names_the_person_not_them(client, seed):
    texts = headings_and_notes(client.get("/people/vanessa-saenen/").text)
    assert "Quotes about Vanessa Saenen" in texts
    assert any(t.startswith("Answers to Vanessa Saenen") for t in texts)
    assert any(t.startswith("Articles that mention Vanessa Saenen") for t in texts)
    assert not [t for t in texts if THEM.search(t)], texts


def test_the_wording_is_escaped(client, db):
    person = Person.objects.create(name="<b>Bold</b> Name", slug="bold")
    html = client.get("/people/bold/").text
    assert "<b>Bold</b>" not in html
    assert "Quotes about &lt;b&gt;Bold&lt;/b&gt; Name" in html
    assert "No published article mentions &lt;b&gt;Bold&lt;/b&gt; Name yet." in html
    assert person.name in unescape(html)


def test_no_feed_link_for_an_empty_list(client, db, seed):
    Person.objects.create(name="Nobody Quoted", slug="nobody-quoted")
    quiet = client.get("/people/nobody-quoted/").text
    assert "quotes.atom" not in quiet
    assert "The archive holds no quotes by Nobody Quoted." in quiet
    quoted = client.get("/people/vanessa-saenen/").text
    assert quoted.count("/people/vanessa-saenen/quotes.atom") == 2  # <link> and the link


def test_a_place_without_datelined_articles_says_so_plainly(client, db):
    Place.objects.create(name="Nowhere", slug="nowhere", place_kind="city")
    texts = headings_and_notes(client.get("/places/nowhere/").text)
    assert "No published article is datelined here yet." in texts
    assert "No published article mentions Nowhere yet." in texts


def test_a_span_within_one_period_is_that_period(person, organization):
    def span(start, start_precision, end, end_precision):
        return Membership(
            person=person,
            organization=organization,
            start=start,
            start_precision=start_precision,
            end=end,
            end_precision=end_precision,
        ).dates_display()

    year = dt.date(2004, 1, 1)
    assert span(year, "year", year, "year") == "2004"
    assert span(dt.date(2004, 5, 1), "month", dt.date(2004, 5, 1), "month") == "May 2004"
    assert span(year, "year", dt.date(2005, 1, 1), "year") == "2004 – 2005"
    assert span(dt.date(2004, 5, 1), "month", year, "year") == "May 2004 – 2004"


def test_connection_labels_have_proper_plurals(person, organization):
    person.together, organization.together = 1, 3
    diagram = build(person, co_mentioned=[organization])
    (neighbour,) = diagram.neighbours
    assert list(neighbour.reasons.values()) == ["named together in 3 articles"]
    other = Person.objects.create(name="Other", slug="other")
    other.together = 1
    (single,) = build(person, co_mentioned=[other]).neighbours
    assert list(single.reasons.values()) == ["named together in 1 article"]
    for paragraphs, words in ((1, "once"), (2, "twice"), (3, "3 times")):
        other.link = CoMention(together=1, paragraphs=paragraphs)
        (closer,) = build(person, co_mentioned=[other]).neighbours
        label = f"named together in 1 article, in the same paragraph {words}"
        assert list(closer.reasons.values()) == [label]
    other.link = CoMention(together=2, quotes=3, quotes_by=1, paragraphs=1, mentions=2)
    assert closeness(person, other) == [
        "2 articles together",
        f"{person.name} spoke about or to them in 1 quote",
        f"spoke about or to {person.name} in 2 quotes",
        "in the same paragraph once",
        "named twice in those articles",
    ]


def test_quote_connections_say_who_spoke_about_whom(person, organization):
    organization.quotes = 2
    (about,) = build(person, spoke_about=[organization]).neighbours
    assert list(about.reasons.values()) == [f"subject of 2 quotes by {person.name}"]
    organization.quotes = 1
    (by,) = build(person, spoken_about_by=[organization]).neighbours
    assert list(by.reasons.values()) == [f"spoke about {person.name} in 1 quote"]


def test_on_a_phone_the_connections_are_a_list(client, seed):
    html = client.get("/people/vanessa-saenen/").text
    narrow = html[html.index('class="plain connections-narrow"') :]
    narrow = narrow[: narrow.index("</ul>")]
    assert 'href="/organizations/human-rights-watch/"' in narrow
    # Which one shows at which width is checked in a browser (tests/browser/test_browsing.py).
