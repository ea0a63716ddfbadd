"""Every page costs the same number of queries with 1 related item as with 50.

Each test lists the queries it expects; `django_assert_num_queries` fails on any other count,
so a template that starts to query per item (N+1) breaks these tests at n=50.
"""

import datetime as dt

import pytest

from archive.models import Event, EventParticipant, Membership, Organization, Person, Place, Quote
from archive.summaries import tracking
from archive.views.entity_common import QUOTES_FIRST, SIDE_LIST
from archive.views.tags import TAG_QUOTES
from tests.page_helpers import add_articles, article_with_quotes

SIZES = [1, 50]


@pytest.fixture
def cast(db):
    org = Organization.objects.create(name="Watch Group", slug="watch")
    ann = Person.objects.create(name="Ann Speaker", slug="ann")
    bob = Person.objects.create(name="Bob Subject", slug="bob")
    Membership.objects.create(person=ann, organization=org, role="spokeswoman")
    return org, ann, bob


# Shared by quote lists (QuoteQuerySet.with_context): the page of quotes with article,
# speaker, said_to and answered quote joined; their tags; their `about` entities; the
# speakers' person rows, memberships and membership organizations (for the affiliation).
QUOTE_PAGE = 6


@pytest.mark.parametrize("n", SIZES)
def test_person_page(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    add_articles(n, ann, about=bob)
    # person; aliases; identifiers; memberships; their stored figures (the counts);
    # co-mentions (diagram); whom they speak about; who speaks about them; people and
    # organizations named with them; events; the quotes-by page (QUOTE_PAGE); the articles
    # page. Lists whose stored count is 0 are not fetched.
    tracking.settle()
    with django_assert_num_queries(10 + QUOTE_PAGE + 1):
        response = client.get("/people/ann/")
    assert response.status_code == 200
    assert response.text.count('class="quote-card"') == min(n, QUOTES_FIRST)


@pytest.mark.parametrize("n", SIZES)
def test_person_quoted_about(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    add_articles(n, ann, about=bob)
    # As above, but the quotes are about Bob: the quotes-about page replaces the quotes-by
    # page, and Bob is mentioned in no article, so no articles page is fetched.
    tracking.settle()
    with django_assert_num_queries(10 + QUOTE_PAGE):
        response = client.get("/people/bob/")
    assert response.text.count('class="quote-card"') == min(n, SIDE_LIST)


@pytest.mark.parametrize("n", SIZES)
def test_person_said_to(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    add_articles(n, ann, about=org)
    Quote.objects.update(said_to=bob)
    # Bob is told every quote and named in no article: the said-to page (QUOTE_PAGE) is the
    # only list fetched.
    tracking.settle()
    with django_assert_num_queries(10 + QUOTE_PAGE):
        response = client.get("/people/bob/")
    assert response.text.count('class="quote-card"') == min(n, SIDE_LIST)
    assert 'id="said-to-h"' in response.text


@pytest.mark.parametrize("n", SIZES)
def test_organization_page(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    add_articles(n, ann, about=org)  # by its spokeswoman: listed among its people's quotes
    rival = Organization.objects.create(name="Rival Group", slug="rival")
    Membership.objects.create(person=bob, organization=rival, role="director")
    add_articles(n, bob, about=org, start_day=n + 1)  # by an outsider: quotes about it
    # organization with parent and base; aliases; identifiers; memberships; child
    # organizations; its stored figures; the sum of its people's quote counts; co-mentions;
    # whom it speaks about; who speaks about it; events; two quote pages; the count of its
    # people's quotes about it (left out of the quotes about it: one stored row per member);
    # the people and organizations named with it (appears most with).
    tracking.settle()
    with django_assert_num_queries(13 + 2 * QUOTE_PAGE):
        response = client.get("/organizations/watch/")
    assert response.text.count('class="quote-card"') == min(n, QUOTES_FIRST) + min(n, SIDE_LIST)


@pytest.mark.parametrize("n", SIZES)
def test_article_page(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    article = article_with_quotes(n, ann)
    # the article with publisher and dateline; its contributors; its quotes (with_context:
    # QUOTE_PAGE); its mentions with their entities; related articles.
    tracking.settle()
    with django_assert_num_queries(2 + QUOTE_PAGE + 1 + 1):
        response = client.get(article.get_absolute_url())
    assert response.text.count('<mark class="quote" id=') == n


@pytest.mark.parametrize("n", SIZES)
def test_quote_page(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    article = article_with_quotes(n, ann)
    quote = Quote.objects.filter(article=article).last()
    # the quote (with_context minus the page: tags, about, speaker person, memberships,
    # organizations); the mentions in its part; the quotes answering it.
    tracking.settle()
    with django_assert_num_queries(QUOTE_PAGE + 2):
        response = client.get(quote.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("n", SIZES)
def test_tag_page(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    add_articles(n, ann, about=bob)
    # the tag; count of its quotes; the speakers with counts; related tags with counts;
    # the quote page (QUOTE_PAGE).
    tracking.settle()
    with django_assert_num_queries(4 + QUOTE_PAGE):
        response = client.get("/tags/elections/")
    assert response.text.count('class="quote-card"') == min(n, TAG_QUOTES)


@pytest.mark.parametrize("n", SIZES)
def test_quotes_index(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    add_articles(n, ann, about=bob)
    tracking.settle()
    # No filter: the most used tags (the tag field's choices) and the quote page (QUOTE_PAGE).
    with django_assert_num_queries(1 + QUOTE_PAGE):
        response = client.get("/quotes/")
    assert response.text.count('class="quote-card"') == min(n, 25)


@pytest.mark.parametrize("n", SIZES)
def test_quotes_index_with_every_filter(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    add_articles(n, ann, about=bob)
    tracking.settle()
    # the entities the slugs name (one query for all three); the tag; the organization's
    # members; the stored figures of the speakers and of the subject; the tag's figure; the
    # most used tags (the tag field's choices); the quote page (QUOTE_PAGE).
    url = "/quotes/?speaker=ann&organization=watch&about=bob&tag=elections&mode=direct&from=2005"
    with django_assert_num_queries(6 + QUOTE_PAGE):
        response = client.get(url)
    assert response.text.count('class="quote-card"') == min(n, 25)


@pytest.mark.parametrize("n", SIZES)
def test_place_page(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    almaty = Place.objects.create(name="Almaty", slug="almaty")
    for i in range(n):
        Place.objects.create(name=f"District {i}", slug=f"d{i}", located_in=almaty)
        Organization.objects.create(name=f"Group {i}", slug=f"g{i}", based_in=almaty)
        Event.objects.create(
            name=f"Meeting {i}",
            slug=f"m{i}",
            location=almaty,
            start=dt.date(2004, 1, 1),
            start_precision="year",
        )
    article_with_quotes(n, ann, dateline=almaty)
    # place with its parent; aliases; identifiers; contained places; organizations based
    # there; events held there; its stored figures (the counts); the page of datelined
    # articles (no quotes about it, no articles mentioning it: those lists are not fetched).
    tracking.settle()
    with django_assert_num_queries(8):
        response = client.get("/places/almaty/")
    assert response.text.count('href="/places/d') == n


@pytest.mark.parametrize("n", SIZES)
def test_event_page(client, cast, django_assert_num_queries, n):
    event = Event.objects.create(
        name="Vote", slug="vote", start=dt.date(2004, 9, 1), start_precision="season"
    )
    for i in range(n):
        person = Person.objects.create(name=f"Voter {i}", slug=f"v{i}")
        EventParticipant.objects.create(event=event, entity=person, role="voter")
    # event with location; aliases; identifiers; participants with their entities; its
    # stored figures.
    tracking.settle()
    with django_assert_num_queries(5):
        response = client.get("/events/vote/")
    assert response.text.count("(voter)") == n


@pytest.mark.parametrize("n", SIZES)
def test_indexes_and_timeline(client, db, django_assert_num_queries, n):
    for i in range(n):
        Person.objects.create(name=f"Person {i}", slug=f"p{i}")
        Organization.objects.create(name=f"Org {i}", slug=f"o{i}")
        Place.objects.create(name=f"Place {i}", slug=f"pl{i}")
        Event.objects.create(
            name=f"Event {i}",
            slug=f"e{i}",
            start=dt.date(2000 + i % 5, 1, 1),
            start_precision="year",
        )
    # each index: the count for the paginator and the page.
    for path in ("/people/", "/organizations/", "/places/", "/events/", "/timeline/"):
        with django_assert_num_queries(2):
            assert client.get(path).status_code == 200


@pytest.mark.parametrize("n", SIZES)
def test_home_and_archive(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    add_articles(n, ann, about=bob)
    # latest articles; latest quotes (QUOTE_PAGE); people; tags with counts.
    tracking.settle()
    with django_assert_num_queries(3 + QUOTE_PAGE):
        client.get("/")
    # counts by month
    tracking.settle()
    with django_assert_num_queries(1):
        client.get("/articles/")
    # count and page
    tracking.settle()
    with django_assert_num_queries(2):
        client.get("/articles/2005/")


@pytest.mark.parametrize("n", SIZES)
def test_feeds_and_sitemap(client, cast, django_assert_num_queries, n):
    org, ann, bob = cast
    add_articles(n, ann, about=bob)
    # the latest articles with publisher and dateline
    tracking.settle()
    with django_assert_num_queries(1):
        client.get("/feeds/articles.atom")
    # the person; their quotes with context (QUOTE_PAGE)
    tracking.settle()
    with django_assert_num_queries(1 + QUOTE_PAGE):
        client.get("/people/ann/quotes.atom")
    # the tag; its quotes with context (QUOTE_PAGE)
    tracking.settle()
    with django_assert_num_queries(1 + QUOTE_PAGE):
        client.get("/tags/elections/quotes.atom")
    # the index: a count per section for its pages (not the fixed list of index pages) and
    # the latest change of articles and of entities, the months with articles
    tracking.settle()
    with django_assert_num_queries(7):
        client.get("/sitemap.xml")
    # a section: a count for the paginator and the items
    for section in ("articles", "entities", "quotes", "tags"):
        with django_assert_num_queries(2):
            client.get(f"/sitemap-{section}.xml")
    # the archive's dates: the months with articles (a list, counted without a query)
    with django_assert_num_queries(1):
        client.get("/sitemap-dates.xml")
