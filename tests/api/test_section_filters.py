"""The API filters that give exactly two entity-page sections: `about_by_others` ("Quotes
about <name>", which leaves out what they say about themselves) and `answers_to` ("Answers to
<name>"), and the sections' links to them."""

import csv
import datetime as dt
import io
import re

import pytest
import yaml

from archive.models import (
    Article,
    ArticleStatus,
    Entity,
    Organization,
    Person,
    Quote,
    ReviewStatus,
)

pytestmark = pytest.mark.django_db

LINKS = re.compile(
    r'<h2 id="(?P<id>[\w-]+)-h">(?:(?!</h2>).)*</h2>\s*'
    r'<p class="meta data-links">Open data for [^:<]+: <a href="(?P<api>[^"]+)">API \(JSON\)</a>'
    r' · <a href="(?P<csv>[^"]+)" download>Download CSV</a></p>',
    re.S,
)
# The page's context name of each section, and the API filter that lists it.
SECTIONS = {"quotes-about": ("quotes_about", "about_by_others")}
PERSON_SECTIONS = {**SECTIONS, "replies": ("answers_to_them", "answers_to")}


def section_ids(client, url, name):
    """Every quote id the section lists, walking its pages (newest first)."""
    ids, params = [], {}
    while True:
        response = client.get(url, params)
        assert response.status_code == 200
        page = response.context[name]
        ids += [quote.pk for quote in page.object_list]
        if not page.has_next():
            return ids
        params = {page.param: page.next_key}


def api_ids(client, url):
    """Every id of an API list, following its cursors."""
    ids = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        data = response.json()
        ids += [quote["id"] for quote in data["results"]]
        url = data["next"]
    return ids


def csv_ids(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [int(row["id"]) for row in csv.DictReader(io.StringIO(text))]


def check_page(client, entity):
    """The API list (and the CSV) of each section holds exactly the section's quotes: the
    same ids, in the API's order (oldest id first; the page shows the newest first)."""
    sections = PERSON_SECTIONS if entity.kind == "person" else SECTIONS
    url = entity.get_absolute_url()
    links = {m["id"]: m for m in LINKS.finditer(client.get(url).text)}
    found = {}
    for section, (name, param) in sections.items():
        on_page = section_ids(client, url, name)
        listed = api_ids(client, f"/api/quotes/?{param}={entity.pk}&page_size=100")
        assert listed == sorted(on_page), (entity.name, section)
        assert len(set(listed)) == len(listed)
        if on_page:  # the section shows its links, to these very lists
            link = links[section]
            api = link["api"].replace("&amp;", "&")
            download = link["csv"].replace("&amp;", "&")
            assert api == f"/api/quotes/?{param}={entity.pk}"
            assert download == f"/api/quotes.csv?{param}={entity.pk}"
            assert api_ids(client, api) == listed
            assert csv_ids(client, download) == listed
        else:
            assert section not in links
        found[section] = on_page
    return found


def test_seed_sections_equal_their_api_lists(client, seed):
    shown = 0
    for entity in Entity.objects.filter(kind__in=["person", "organization"]).order_by("pk"):
        shown += sum(len(ids) for ids in check_page(client, entity).values())
    assert shown > 0, "the seed has quotes about its people or organizations"


@pytest.fixture
def cast(db):
    """Ana quotes herself and Ben about her; Ben, someone unnamed and Ana answer her; some
    quotes and answers readers may not see."""
    ana = Person.objects.create(name="Ana Lomidze", slug="ana-lomidze")
    ben = Person.objects.create(name="Ben Aliyev", slug="ben-aliyev")
    party = Organization.objects.create(name="Unity Party", slug="unity-party", org_kind="party")
    sentences = [
        "Ana spoke first about herself",  # 0 by Ana about Ana (self)
        "Ben spoke about Ana",  # 1 by Ben about Ana
        "Ben answered Ana",  # 2 by Ben answering 0
        "Someone answered Ana",  # 3 by nobody named answering 0
        "Ana answered herself",  # 4 by Ana answering 0 (not an answer to her)
        "A suggested answer by Ben",  # 5 suggested, answering 0
        "A hidden remark by Ana",  # 6 by Ana, rejected
        "Ben answered the hidden remark",  # 7 by Ben answering 6 (hidden)
        "Party spoke about itself",  # 8 by the party about the party
        "Ben spoke about the party",  # 9 by Ben about the party
        "Ben answered the party",  # 10 by Ben answering 8
    ]
    made = []
    for day, group in ((1, sentences[:6]), (2, sentences[6:])):
        article = Article.objects.create(
            headline=f"Debate {day}",
            slug=f"debate-{day}",
            body=" ".join(f"{words}." for words in group),
            published_on=dt.date(2006, 3, day),
            status=ArticleStatus.PUBLISHED,
        )
        for words in group:
            quote = Quote(article=article)
            quote.anchor_to(words)
            quote.save()
            made.append(quote)
    speakers = [ana, ben, ben, None, ana, ben, ana, ben, party, ben, ben]
    answering = {2: 0, 3: 0, 4: 0, 5: 0, 7: 6, 10: 8}
    for i, quote in enumerate(made):
        quote.speaker = speakers[i]
        quote.answers = made[answering[i]] if i in answering else None
        if i == 5:
            quote.status = ReviewStatus.SUGGESTED
        if i == 6:
            quote.status = ReviewStatus.REJECTED
        quote.save()
    made[0].about.add(ana)
    made[1].about.add(ana)
    made[8].about.add(party)
    made[9].about.add(party)
    draft = Article.objects.create(
        headline="Draft",
        slug="draft",
        body="Ben spoke about Ana in a draft. Ben answered Ana in a draft.",
        published_on=dt.date(2006, 3, 3),
        status=ArticleStatus.DRAFT,
    )
    for words in ("Ben spoke about Ana in a draft", "Ben answered Ana in a draft"):
        quote = Quote(article=draft, speaker=ben, answers=made[0])
        quote.anchor_to(words)
        quote.save()
        quote.about.add(ana)
    return ana, ben, party, made


def test_self_quotes_and_answers_to_oneself_are_left_out(client, cast):
    ana, ben, party, made = cast
    ids = [quote.pk for quote in made]
    assert check_page(client, ana) == {
        "quotes-about": [ids[1]],
        "replies": [ids[2], ids[3]],  # one article: in the order of its text
    }
    assert check_page(client, party) == {"quotes-about": [ids[9]]}
    # `about` still has what they say about themselves.
    assert api_ids(client, f"/api/quotes/?about={ana.pk}") == [ids[0], ids[1]]
    assert api_ids(client, f"/api/quotes/?answers_to={party.pk}") == [ids[10]]
    assert api_ids(client, f"/api/quotes/?answers_to={ben.pk}") == []
    # Combined with another filter, each narrows.
    assert api_ids(client, f"/api/quotes/?answers_to={ana.pk}&speaker={ben.pk}") == [ids[2]]


def test_staff_sees_the_same_lists(client, cast, editor):
    """The API is the same to everyone: logged-in staff get no drafts or suggestions."""
    ana, _ben, _party, made = cast
    client.force_login(editor)
    assert api_ids(client, f"/api/quotes/?about_by_others={ana.pk}") == [made[1].pk]
    assert api_ids(client, f"/api/quotes/?answers_to={ana.pk}") == [made[2].pk, made[3].pk]


@pytest.mark.parametrize("param", ["about_by_others", "answers_to"])
@pytest.mark.parametrize("path", ["/api/quotes/", "/api/quotes.csv"])
@pytest.mark.parametrize("value", ["abc", "1.5", "0", "-3", "", "99999999", "9" * 30])
def test_bad_values_are_a_400_naming_the_parameter(client, cast, param, path, value):
    response = client.get(path, {param: value})
    if value == "":  # an empty value is no filter, as for every other filter
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert list(response.json()["errors"]) == [param]


def test_answers_to_takes_only_speakers(client, cast, place):
    response = client.get("/api/quotes/", {"answers_to": place.pk})
    assert response.status_code == 400
    assert response.json()["errors"] == {"answers_to": ["No person or organization has this id."]}
    # A place is something quotes are about, so about_by_others takes it.
    assert client.get("/api/quotes/", {"about_by_others": place.pk}).status_code == 200


def test_schema_documents_the_filters(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    for path in ("/api/quotes/", "/api/quotes.csv"):
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        for name in ("about_by_others", "answers_to"):
            assert parameters[name]["schema"]["type"] == "integer"
            assert "page" in parameters[name]["description"]
