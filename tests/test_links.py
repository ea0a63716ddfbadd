"""Outside links are http(s) only: refused by the models and the database, and never printed
as a link (nor in JSON-LD) if a bad value is stored anyway."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from archive.links import safe_url
from archive.models import Article, EntitySource, Identifier, Membership
from tests.page_helpers import jsonld_blocks

XSS = "javascript:alert(document.domain)"


@pytest.mark.parametrize(
    "value",
    [
        XSS,
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "/relative/path",
        "ftp://files.example/",
        "https://exa mple.org/",
        "",
        None,
    ],
)
def test_safe_url_drops_everything_but_http(value):
    assert safe_url(value) == ""


@pytest.mark.parametrize(
    "value", ["https://www.rferl.org/a/1052186.html", "http://example.org/a?b=c#d"]
)
def test_safe_url_keeps_http_addresses(value):
    assert safe_url(value) == value


def test_models_refuse_unsafe_links(article, person, organization):
    article.source_url = XSS
    with pytest.raises(ValidationError, match="http"):
        article.full_clean()
    website = Identifier(entity=person, scheme="website", value=XSS)
    with pytest.raises(ValidationError, match="http"):
        website.full_clean()
    wikidata = Identifier(entity=person, scheme="wikidata", value=XSS)
    with pytest.raises(ValidationError, match="Q42"):
        wikidata.full_clean()
    source = EntitySource(entity=person, url="data:text/html,hi")
    with pytest.raises(ValidationError):
        source.full_clean()
    membership = Membership.objects.get(person=person)
    membership.source_url = "vbscript:x"
    with pytest.raises(ValidationError):
        membership.full_clean()


@pytest.mark.parametrize(
    "write",
    [
        lambda article, person: Article.objects.filter(pk=article.pk).update(source_url=XSS),
        lambda article, person: Identifier.objects.create(
            entity=person, scheme="website", value=XSS
        ),
        lambda article, person: EntitySource.objects.create(entity=person, url=XSS),
        lambda article, person: Membership.objects.filter(person=person).update(
            source_url="JAVASCRIPT:alert(1)"
        ),
    ],
    ids=["article", "website", "source", "membership"],
)
def test_database_refuses_unsafe_links_written_past_the_models(article, person, write):
    """The shell, loaddata and raw updates skip validation; the CHECK constraints do not."""
    with pytest.raises(IntegrityError), transaction.atomic():
        write(article, person)


def test_load_archive_refuses_a_fixture_with_a_javascript_link(db, tmp_path):
    fixture = tmp_path / "bad.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "archive.article",
                    "fields": {
                        "headline": "A headline",
                        "slug": "a-headline",
                        "body": "Text.",
                        "published_on": "2004-04-06",
                        "status": "published",
                        "source_url": XSS,
                        "created_at": "2004-04-06T00:00:00Z",
                        "updated_at": "2004-04-06T00:00:00Z",
                    },
                }
            ]
        )
    )
    with pytest.raises(CommandError, match="Nothing was loaded.*article_source_url_http"):
        call_command("load_archive", str(fixture))
    assert not Article.objects.exists()


def test_identifiers_link_to_their_canonical_https_address(person):
    cases = {
        "wikidata": ("Q42", "https://www.wikidata.org/wiki/Q42"),
        "geonames": ("1526384", "https://www.geonames.org/1526384"),
        "viaf": ("113230702", "https://viaf.org/viaf/113230702"),
        "isni": ("0000 0001 2103 2683", "https://isni.org/isni/0000000121032683"),
        "website": ("https://www.hrw.org/", "https://www.hrw.org/"),
    }
    for scheme, (value, url) in cases.items():
        identifier = Identifier(entity=person, scheme=scheme, value=value)
        identifier.full_clean(exclude=["entity"])
        assert identifier.url == url


def test_person_page_prints_a_malformed_identifier_as_text_not_a_link(client, person):
    # Stored past the form (the shell, a fixture): a GeoNames "id" that is a script, and a
    # website the CHECK lets through (it starts with http) but that is no URL at all.
    Identifier.objects.create(entity=person, scheme="geonames", value=XSS)
    Identifier.objects.create(
        entity=person, scheme="website", value='http://x"><script>alert(1)</script>'
    )
    Identifier.objects.create(entity=person, scheme="wikidata", value="Q42")
    html = client.get(person.get_absolute_url()).content.decode()

    assert 'href="javascript' not in html.lower()
    assert "<script>alert(1)" not in html
    assert "GeoNames: javascript:alert(document.domain)" in html
    assert '<a href="https://www.wikidata.org/wiki/Q42"' in html
    (data,) = jsonld_blocks(html)
    assert data["sameAs"] == ["https://www.wikidata.org/wiki/Q42"]


def test_article_page_links_only_an_http_original(client, article):
    article.source_url = "https://example.org/original"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<a href="https://example.org/original" rel="noopener">Read the original</a>' in html
    (data,) = [d for d in jsonld_blocks(html) if d["@type"] == "NewsArticle"]
    assert data["isBasedOn"] == "https://example.org/original"

    # Starts with http, so the database accepts it, but it is no address: no link.
    Article.objects.filter(pk=article.pk).update(source_url="http://exa mple/<b>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Read the original" not in html
    assert "<b>" not in html
    (data,) = [d for d in jsonld_blocks(html) if d["@type"] == "NewsArticle"]
    assert "isBasedOn" not in data


def test_check_links_reports_what_is_stored(person, article, capsys):
    call_command("check_links")
    assert "Every stored link is http(s)." in capsys.readouterr().out

    bad = Identifier.objects.create(entity=person, scheme="geonames", value=XSS)
    Article.objects.filter(pk=article.pk).update(source_url="http://exa mple/")
    with pytest.raises(CommandError, match="2 unsafe"):
        call_command("check_links")
    out = capsys.readouterr().out
    assert f"identifier {bad.pk} geonames: {XSS!r}" in out
    assert f"article {article.pk} source_url: 'http://exa mple/'" in out
