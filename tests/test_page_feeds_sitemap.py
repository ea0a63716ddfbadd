"""Atom feeds and sitemap.xml."""

import datetime as dt
import xml.etree.ElementTree as ET

from archive.models import Article, ArticleStatus, Quote, ReviewStatus

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [
        (e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href"))
        for e in root.iter(f"{ATOM}entry")
    ]


def test_latest_articles_feed_has_published_articles_only(client, seed):
    Article.objects.create(headline="Draft", slug="d", body="x", published_on=dt.date(2010, 1, 1))
    found = entries(client.get("/feeds/articles.atom"))
    assert [title for title, _ in found] == [seed.headline]
    assert found[0][1].endswith(seed.get_absolute_url())


def test_person_quotes_feed(client, seed):
    found = entries(client.get("/people/vanessa-saenen/quotes.atom"))
    public = Quote.objects.public().filter(speaker__slug="vanessa-saenen")
    assert len(found) == public.count()
    assert {link.split("testserver")[-1] for _, link in found} == {
        q.get_absolute_url() for q in public
    }
    assert client.get("/people/nobody/quotes.atom").status_code == 404


def test_tag_quotes_feed_hides_suggestions(client, seed):
    denial = Quote.objects.get(exact__startswith="I can't agree")
    before = entries(client.get("/tags/denial/quotes.atom"))
    Quote.objects.filter(pk=denial.pk).update(status=ReviewStatus.SUGGESTED)
    after = entries(client.get("/tags/denial/quotes.atom"))
    assert len(after) == len(before) - 1
    assert client.get("/tags/nope/quotes.atom").status_code == 404


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_sections(client):
    """The addresses sitemap.xml (an index) lists, one per section and page."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP_NS}sitemapindex"
    return [loc.text.split("testserver")[-1] for loc in root.iter(f"{SITEMAP_NS}loc")]


def test_the_sitemap_index_lists_a_sitemap_per_section_and_pages_past_the_limit(
    client, seed, monkeypatch
):
    from archive import sitemaps

    assert sitemap_sections(client) == [
        f"/sitemap-{name}.xml"
        for name in ("pages", "dates", "articles", "entities", "quotes", "tags")
    ]
    # Past the protocol's limit a section is split into pages, each listed in the index.
    monkeypatch.setattr(sitemaps.QuoteSitemap, "limit", 10)
    public = Quote.objects.public().count()
    pages = [s for s in sitemap_sections(client) if s.startswith("/sitemap-quotes.xml")]
    assert len(pages) == -(-public // 10) > 1
    last = ET.fromstring(client.get(pages[-1]).content)
    assert len(list(last.iter(f"{SITEMAP_NS}url"))) == public - 10 * (len(pages) - 1)
    assert client.get("/sitemap-nope.xml").status_code == 404


def test_sitemap_lists_public_pages_only(client, seed):
    draft = Article.objects.create(
        headline="Draft",
        slug="draft",
        body="x",
        published_on=dt.date(2010, 1, 1),
        status=ArticleStatus.DRAFT,
    )
    hidden = Quote.objects.filter(article=seed).first()
    Quote.objects.filter(pk=hidden.pk).update(status=ReviewStatus.REJECTED)
    locs = set()
    for section in sitemap_sections(client):
        root = ET.fromstring(client.get(section).content)
        locs |= {loc.text.split("testserver")[-1] for loc in root.iter(f"{SITEMAP_NS}loc")}
    assert seed.get_absolute_url() in locs
    assert draft.get_absolute_url() not in locs
    assert hidden.get_absolute_url() not in locs
    # The archive by year and by month, for published articles only (the draft's 2010 not).
    year, month = seed.published_on.year, seed.published_on.month
    assert f"/articles/{year}/" in locs
    assert f"/articles/{year}/{month:02d}/" in locs
    assert not any(loc.startswith("/articles/2010/") for loc in locs)
    for path in (
        "/people/vanessa-saenen/",
        "/organizations/osce/",
        "/places/almaty/",
        "/events/abliyazov-released/",
        "/tags/denial/",
        "/timeline/",
        "/",
    ):
        assert path in locs
