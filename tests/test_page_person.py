"""Person pages, checked against what the seed article says."""

import datetime as dt
import re
from html import unescape

from archive.models import Article, ArticleStatus, Quote, ReviewStatus
from archive.views import entity_common


def section(html, heading_id):
    """The HTML of the <section> whose heading has this id."""
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_saenen_shows_her_quotes_and_hrw(client, seed, monkeypatch):
    monkeypatch.setattr(entity_common, "QUOTES_FIRST", 25)  # all of them on the first page
    html = client.get("/people/vanessa-saenen/").text
    affiliations = section(html, "affiliations-h")
    assert "Spokeswoman" in affiliations
    assert 'href="/organizations/human-rights-watch/"' in affiliations
    quotes_by = section(html, "quotes-by-h")
    for quote in Quote.objects.public().filter(speaker__slug="vanessa-saenen"):
        assert f'href="{quote.get_absolute_url()}"' in quotes_by
        assert f'href="{seed.get_absolute_url()}#quote-{quote.pk}"' in quotes_by
    # grouped by article, with tags
    assert seed.headline in quotes_by
    assert 'href="/tags/accusation/"' in quotes_by


def test_kalyuzhnyis_denial_shows_on_his_page_and_answers_saenen(client, seed):
    denial = Quote.objects.get(exact__startswith="I can't agree with this statement")
    his = client.get("/people/vyacheslav-kalyuzhnyi/").text
    quotes_by = section(his, "quotes-by-h")
    assert denial.get_absolute_url() in quotes_by
    # Listed once: its card says what it answers, with no second list of "answers".
    assert his.count(f'href="{denial.get_absolute_url()}"') == 1
    assert 'id="answers-h"' not in his
    answered = denial.answers
    assert f'Answers <a href="{answered.get_absolute_url()}">' in quotes_by
    hers = client.get("/people/vanessa-saenen/").text
    replies = section(hers, "replies-h")
    assert denial.get_absolute_url() in replies
    assert 'href="/people/vyacheslav-kalyuzhnyi/"' in replies


def test_zhaqiyanov_shows_kalyuzhnyis_quote_about_him(client, seed):
    persecution = Quote.objects.get(exact__startswith="I don't think [the HRW report]")
    html = client.get("/people/galymzhan-zhaqiyanov/").text
    about = section(html, "quotes-about-h")
    assert persecution.get_absolute_url() in about
    assert "Vyacheslav Kalyuzhnyi" in about
    assert "Also spelled:" in html and "Zhakiyanov" in html


def test_appears_with_counts_and_events_and_articles(client, seed):
    html = client.get("/people/galymzhan-zhaqiyanov/").text
    appears = section(html, "appears-h")
    assert 'href="/people/mukhtabar-abliyazov/"' in appears
    assert "1 article" in appears
    events = section(html, "events-h")
    assert 'href="/events/democratic-choice-of-kazakhstan-formed/"' in events
    assert "(founder)" in events
    assert seed.get_absolute_url() in section(html, "articles-h")


def test_connections_diagram_is_server_rendered_svg(client, seed):
    html = client.get("/people/vanessa-saenen/").text
    diagram = section(html, "connections-h")
    assert "<svg" in diagram and "<script" not in diagram
    assert '<a href="/organizations/human-rights-watch/">' in diagram
    assert "spokeswoman" in diagram


def test_hidden_quotes_stay_off_person_pages(client, seed):
    concern = Quote.objects.get(exact__startswith="Our main concern")
    Quote.objects.filter(pk=concern.pk).update(status=ReviewStatus.SUGGESTED)
    draft = Article.objects.create(
        headline="Unpublished",
        slug="unpublished",
        body='"Secret words," Saenen said.',
        published_on=dt.date(2004, 6, 1),
        status=ArticleStatus.DRAFT,
    )
    secret = Quote(article=draft, speaker=concern.speaker)
    secret.anchor_to("Secret words")
    secret.save()
    html = client.get("/people/vanessa-saenen/").text
    assert concern.get_absolute_url() not in html
    assert "Secret words" not in html and "Unpublished" not in html


PERMALINK = r'<a href="(/quotes/[0-9]+/)">Permalink</a>'


def test_person_quote_lists_page_by_key(client, seed, monkeypatch):
    """Older/Newer links walk the whole list by key, each quote once, the stored total
    shown; malformed keys are a 404."""
    monkeypatch.setattr(entity_common, "QUOTES_FIRST", 3)
    url = "/people/vanessa-saenen/"
    total = Quote.objects.public().filter(speaker__slug="vanessa-saenen").count()
    assert total > 3
    seen, pages, link = [], [], url
    while link:
        html = client.get(link).text
        section = html.split('id="quotes-by-h"')[1].split("</section>")[0]
        seen += re.findall(PERMALINK, section)
        assert f"({total})" in html.split('id="quotes-by-h"')[1][:200]
        older = re.search(r'href="(\?[^"]*page=after[^"]*)" rel="next"', section)
        pages.append(link)
        link = url + unescape(older[1]) if older else None
    assert len(seen) == total == len(set(seen))
    assert len(pages) == -(-total // 3)
    # Newer goes back to the page before.
    second = client.get(pages[1]).text.split('id="quotes-by-h"')[1].split("</section>")[0]
    newer = re.search(r'href="(\?[^"]*page=before[^"]*)" rel="prev"', second)
    back = client.get(url + unescape(newer[1])).text.split('id="quotes-by-h"')[1]
    assert re.findall(PERMALINK, back.split("</section>")[0]) == seen[:3]
    for bad in ("0", "x", "2", "after.x", "after.2004-13-01.1.1", "before.2004-01-01.1"):
        assert client.get(f"{url}?page={bad}").status_code == 404
    assert client.get(f"{url}?articles_page=after.2004-01-01").status_code == 404
    # A key past the end is an empty page, not an error.
    assert client.get(f"{url}?page=after.1900-01-01.1.1").status_code == 200


def test_quotes_said_to_a_person_are_on_their_page(client, seed):
    """The CPJ letter was addressed to Nazarbaev: his page lists it, once."""
    letter = Quote.objects.get(said_to__slug="nursultan-nazarbaev")
    html = client.get("/people/nursultan-nazarbaev/").text
    said_to = section(html, "said-to-h")
    assert "Said to Nursultan Nazarbaev" in said_to
    assert letter.get_absolute_url() in said_to
    assert 'href="/organizations/committee-to-protect-journalists/"' in said_to
    assert html.count(f'href="{letter.get_absolute_url()}"') == 1
    # A page with nothing said to it has no such section.
    assert 'id="said-to-h"' not in client.get("/people/vanessa-saenen/").text
