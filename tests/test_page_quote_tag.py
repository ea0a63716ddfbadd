"""Quote permalinks and tag pages."""

import datetime as dt

from django.contrib.auth.models import User

from archive.models import Article, ArticleStatus, Quote, ReviewStatus
from tests.test_page_person import section


def test_quote_permalink_shows_context_speaker_article_tags_and_answers(client, seed):
    concern = Quote.objects.get(exact__startswith="Our main concern")
    html = client.get(concern.get_absolute_url()).text
    assert 'href="/people/vanessa-saenen/"' in html
    assert ', spokeswoman, <a href="/organizations/human-rights-watch/">' in html
    context = section(html, "context-h")
    assert f'<mark class="quote" id="quote-{concern.pk}"' in context
    assert "is a spokeswoman for" in context  # the rest of its paragraph
    assert 'href="/tags/accusation/"' in section(html, "details-h")
    denial = Quote.objects.get(exact__startswith="I can't agree")
    assert denial.get_absolute_url() in section(html, "answered-h")
    denial_html = client.get(denial.get_absolute_url()).text
    assert concern.get_absolute_url() in section(denial_html, "answers-h")


def test_hidden_quotes_are_404_publicly(client, seed):
    quote = Quote.objects.filter(article=seed).first()
    for change in (
        {"status": ReviewStatus.SUGGESTED},
        {"status": ReviewStatus.REJECTED},
        {"orphaned": True},
    ):
        Quote.objects.filter(pk=quote.pk).update(**change)
        assert client.get(quote.get_absolute_url()).status_code == 404
        Quote.objects.filter(pk=quote.pk).update(status=ReviewStatus.CONFIRMED, orphaned=False)
    assert client.get(quote.get_absolute_url()).status_code == 200


def test_quote_in_a_draft_is_404_publicly_and_bannered_for_staff(client, article, person):
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.DRAFT)
    quote = Quote(article=article, speaker=person)
    quote.anchor_to("We are concerned about the elections")
    quote.save()
    assert client.get(quote.get_absolute_url()).status_code == 404
    client.force_login(User.objects.create_user("editor", is_staff=True))
    html = client.get(quote.get_absolute_url()).text
    assert "Draft: this quote" in html


def test_tag_page_lists_quotes_speakers_and_related_tags(client, seed):
    html = client.get("/tags/denial/").text
    tagged = section(html, "tagged-h")
    assert "I can&#x27;t agree with this statement" in tagged
    concern = Quote.objects.get(exact__startswith="Our main concern")
    assert f'href="{concern.get_absolute_url()}">Permalink' not in tagged
    speakers = section(html, "speakers-h")
    kalyuzhnyi = 'href="/people/vyacheslav-kalyuzhnyi/">Vyacheslav Kalyuzhnyi</a>'
    assert f'{kalyuzhnyi} <span class="meta">3 quotes' in speakers
    assert (
        'href="/organizations/kazakh-government/">Kazakh government</a> <span class="meta">1 quote<'
        in speakers
    )
    related = section(html, "related-h")
    assert 'href="/tags/elections/"' in related and 'href="/tags/political-prisoners/"' in related
    assert 'href="/tags/denial/"' not in related


def test_tag_index_counts_public_quotes_only(client, seed):
    html = client.get("/tags/").text
    denial_count = Quote.objects.public().filter(tags__name="denial").count()
    assert f'href="/tags/denial/">denial</a> <span class="count">{denial_count}</span>' in html
    Quote.objects.filter(tags__name="praise").update(status=ReviewStatus.SUGGESTED)
    assert 'href="/tags/praise/"' not in client.get("/tags/").text


def test_unknown_tag_and_quote_are_404(client, seed):
    assert client.get("/tags/no-such-tag/").status_code == 404
    assert client.get("/quotes/0/").status_code == 404
    assert client.get("/tags/denial/?page=abc").status_code == 404


def test_quote_markup_is_escaped_on_its_permalink(client, article, person):
    Article.objects.filter(pk=article.pk).update(
        body='"<img src=x onerror=alert(1)>" she said.', published_on=dt.date(2004, 4, 7)
    )
    article.refresh_from_db()
    quote = Quote(article=article, speaker=person)
    quote.anchor_to("<img src=x onerror=alert(1)>")
    quote.save()
    html = client.get(quote.get_absolute_url()).text
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
