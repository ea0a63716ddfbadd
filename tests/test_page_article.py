"""The article page: annotated text, panels, related articles, drafts and escaping."""

import datetime as dt
import re

from django.contrib.auth.models import User
from django.utils.html import escape, strip_tags

from archive.models import Article, ArticleStatus, Mention, Person, Quote, ReviewStatus
from archive.views.annotated import annotate
from tests.page_helpers import nesting_problems, reading_text


def test_every_public_quote_is_highlighted_and_addressable(client, seed):
    html = client.get(seed.get_absolute_url()).text
    quotes = Quote.objects.public().filter(article=seed)
    assert quotes.count() > 20
    for quote in quotes:
        kind = "quote" if quote.mode == "direct" else "quote reported"
        assert f'<mark class="{kind}" id="quote-{quote.pk}"' in html
        assert quote.get_absolute_url() in html


def test_mentions_link_to_entity_pages(client, seed):
    html = client.get(seed.get_absolute_url()).text
    assert re.search(
        r'<a class="mention" href="/people/vanessa-saenen/"[^>]*>Vanessa Saenen</a>', html
    )
    # HRW is linked where the text first names it; "HRW" later is marked, not linked.
    assert re.search(
        r'<a class="mention" href="/organizations/human-rights-watch/"[^>]*>Human Rights Watch</a>',
        html,
    )
    assert re.search(r'<span class="mention again"[^>]*>HRW</span>', html)
    links = re.findall(r'<a class="mention" href="([^"]+)"', html)
    expected = {m.entity.get_absolute_url() for m in Mention.objects.public().filter(article=seed)}
    assert sorted(links) == sorted(expected)  # every entity, each once


def test_each_quote_is_followed_by_its_number_linking_to_it_and_naming_the_speaker(client, seed):
    html = client.get(seed.get_absolute_url()).text
    concern = Quote.objects.get(exact__startswith="Our main concern")
    pattern = (
        rf'id="quote-{concern.pk}"[^>]*>[^<]*(?:<[^m/][^>]*>[^<]*</[^m][^>]*>[^<]*)*</mark>'
        rf'<a class="quote-ref" href="/quotes/{concern.pk}/"><span class="ref-number">4</span>'
        r'<span class="ref-tip"> Quote by Vanessa Saenen</span></a>'
    )
    assert re.search(pattern, html, re.S)
    # No "(Name, quote)" label inside the sentence.
    assert "quote-attr" not in html and ", quote)" not in strip_tags(html)


def test_mentions_nest_inside_quotes_and_the_markup_is_well_formed(client, seed):
    html = client.get(seed.get_absolute_url()).text
    body = html[html.index('<article class="story') : html.index("</article>") + 10]
    assert nesting_problems(body) == []
    # "Kazakhstan's government" is a mention inside Saenen's quote (named before it, so
    # marked here, not linked).
    concern = Quote.objects.get(exact__startswith="Our main concern")
    quote_html = html[html.index(f'id="quote-{concern.pk}"') :].split("</mark>")[0]
    words = re.escape(escape("Kazakhstan's government"))
    assert re.search(rf'<span class="mention again"[^>]*>{words}</span>', quote_html)


def test_pull_quote_is_an_aside_after_its_paragraph(client, seed):
    html = client.get(seed.get_absolute_url()).text
    assert seed.pull_quote and seed.pull_quote_after
    aside = html.index('<aside class="pull-quote"')
    assert escape(seed.pull_quote) in html[aside : aside + 1000]
    before = html.index(f'id="p{seed.pull_quote_after}"')
    after = html.index(f'id="p{seed.pull_quote_after + 1}"')
    assert before < aside < after


def test_panels_list_the_entities_in_the_story(client, seed):
    html = client.get(seed.get_absolute_url()).text
    sidebar = html[html.index('<aside class="sidebar"') :]
    for heading in ("People", "Organizations", "Places", "Events"):
        assert f"<summary><h2>{heading} <span" in sidebar
    for path in (
        "/people/galymzhan-zhaqiyanov/",
        "/organizations/adil-soz/",
        "/places/almaty/",
        "/events/abliyazov-released/",
    ):
        assert f'href="{path}"' in sidebar


def test_related_articles_share_entities(client, seed):
    other = Article.objects.create(
        headline="Saenen speaks again",
        slug="saenen-again",
        body="Vanessa Saenen spoke.",
        published_on=dt.date(2004, 5, 1),
        status=ArticleStatus.PUBLISHED,
    )
    mention = Mention(article=other, entity=Person.objects.get(slug="vanessa-saenen"))
    mention.anchor_to("Vanessa Saenen")
    mention.save()
    html = client.get(seed.get_absolute_url()).text
    assert other.get_absolute_url() in html
    assert "1 shared" in html


def test_suggested_rejected_and_orphaned_annotations_are_not_shown(client, seed):
    concern, critics, arrests = Quote.objects.filter(article=seed, part="body")[:3]
    Quote.objects.filter(pk=concern.pk).update(status=ReviewStatus.SUGGESTED)
    Quote.objects.filter(pk=critics.pk).update(status=ReviewStatus.REJECTED)
    Quote.objects.filter(pk=arrests.pk).update(orphaned=True)
    assert (
        'class="mention" href="/organizations/adil-soz/"'
        in client.get(seed.get_absolute_url()).text
    )
    Mention.objects.filter(article=seed, entity__slug="adil-soz").update(
        status=ReviewStatus.SUGGESTED
    )
    html = client.get(seed.get_absolute_url()).text
    for quote in (concern, critics, arrests):
        assert f'id="quote-{quote.pk}"' not in html
    assert 'class="mention" href="/organizations/adil-soz/"' not in html


def test_draft_article_is_404_publicly_and_bannered_for_staff(client, seed):
    Article.objects.filter(pk=seed.pk).update(status=ArticleStatus.DRAFT)
    assert client.get(seed.get_absolute_url()).status_code == 404
    client.force_login(User.objects.create_user("editor", is_staff=True))
    response = client.get(seed.get_absolute_url())
    assert "Draft: only staff can see this article." in response.text
    assert '<mark class="quote"' in response.text


def test_markup_in_text_and_quotes_is_escaped(client, article, person):
    Article.objects.filter(pk=article.pk).update(
        body='"<script>alert(1)</script> is <b>bad</b>," she said.'
    )
    article.refresh_from_db()
    quote = Quote(article=article, speaker=person)
    quote.anchor_to("<script>alert(1)</script> is <b>bad</b>")
    quote.save()
    html = client.get(article.get_absolute_url()).text
    assert "<script>alert(1)" not in html
    assert "<b>bad</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is &lt;b&gt;bad&lt;/b&gt;" in html


def _q(pk, start, end, speaker=None):
    return type(
        "Q",
        (),
        {
            "pk": pk,
            "part": "body",
            "start": start,
            "end": end,
            "speaker_id": None,
            "speaker": None,
            "mode": "direct",
            "anchor_id": f"quote-{pk}",
            "get_absolute_url": lambda self: f"/quotes/{self.pk}/",
        },
    )()


def _m(start, end, url="/people/x/"):
    entity = type(
        "E", (), {"pk": url, "name": "X", "description": "", "get_absolute_url": lambda self: url}
    )()
    return type("M", (), {"start": start, "end": end, "entity": entity})()


def test_annotate_splits_a_mention_that_crosses_a_quote_edge():
    text = "aaa bbb ccc ddd"
    html = annotate(text, 0, [_q(1, 4, 11)], [_m(8, 15)])
    assert nesting_problems(html) == []
    assert reading_text(html) == text
    assert html.count('<a class="mention"') == 2
    assert html.count('id="quote-1"') == 1


def test_annotate_clips_a_quote_that_runs_over_two_paragraphs():
    first = annotate("one two", 0, [_q(7, 4, 15)], [])
    second = annotate("three four", 9, [_q(7, 4, 15)], [])
    assert 'id="quote-7"' in first
    assert 'id="quote-7"' not in second and '<mark class="quote" title=' in second
    assert reading_text(first) == "one two" and reading_text(second) == "three four"


def test_header_names_dateline_publisher_contributors_and_source(client, seed):
    html = client.get(seed.get_absolute_url()).text
    header = html[html.index('<article class="story') : html.index('class="standfirst"')]
    assert 'href="/places/prague/">Prague</a>' in header
    assert 'href="/organizations/rfe-rl/">RFE/RL</a>' in header
    assert (
        'href="/organizations/rfe-rl-kazakh-service/">RFE/RL Kazakh Service</a> (contributor)'
        in header
    )
    assert 'href="https://www.rferl.org/a/1052186.html"' in header
    assert '<time datetime="2004-04-06">6 April 2004</time>' in header


def test_annotate_keeps_overlapping_quotes_well_formed_and_both_addressable():
    text = "one two three four five"
    html = annotate(text, 0, [_q(1, 0, 13), _q(2, 8, 23)], [_m(4, 18)])
    assert nesting_problems(html) == []
    assert html.count('id="quote-1"') == 1 and html.count('id="quote-2"') == 1
    assert reading_text(html) == text


def test_annotate_draws_a_quote_inside_a_quote():
    text = "she said he said it"
    html = annotate(text, 0, [_q(1, 0, 19), _q(2, 9, 16)], [])
    assert nesting_problems(html) == []
    assert 'id="quote-1"' in html and 'id="quote-2"' in html
    # each quote is attributed once, after its last fragment
    assert html.count('href="/quotes/1/"') == 1 and html.count('href="/quotes/2/"') == 1
    assert html.index('href="/quotes/2/"') < html.index('href="/quotes/1/"')
