"""The seed fixture: loads on both engines, is complete, consistent, and up to date."""

import json
import re

import pytest
from django.core import serializers
from django.core.management import call_command

from archive import anchoring
from archive.models import (
    Alias,
    Article,
    Entity,
    Membership,
    Mention,
    Person,
    Quote,
    TextPart,
)
from archive.seed.build import FIXTURE, build_seed, seed_objects

QUOTATION = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def direct_quotations(text):
    """Every span between quotation marks (straight or curly) of five words or more."""
    found = []
    for m in QUOTATION.finditer(text):
        words = m.group(1).rstrip(",").rstrip()
        if len(words.split()) >= 5:
            found.append(words)
    return found


@pytest.mark.django_db
def test_loaddata_loads_the_seed_into_a_fresh_database():
    call_command("loaddata", str(FIXTURE), verbosity=0)
    article = Article.objects.get()
    assert article.headline == "Kazakhstan: HRW Report Accuses Government Of Harassing Opposition"
    assert article.dateline_place.name == "Prague"
    assert article.publisher.name == "RFE/RL"
    assert article.published_on.isoformat() == "2004-04-06"
    assert article.is_published
    assert article.standfirst.startswith("The New York-based watchdog")
    assert "Accessibility links" not in article.body and "Breaking News" not in article.body
    assert article.pull_quote.startswith("The government really attempted")
    assert article.pull_quote not in [p.text for p in article.paragraphs()]
    assert article.paragraphs()[0].text.startswith("Prague, 6 April 2004 (RFE/RL)")


def test_people_and_organizations_of_the_brief_are_there(seed):
    people = set(Person.objects.values_list("name", flat=True))
    assert people == {
        "Vanessa Saenen",
        "Vyacheslav Kalyuzhnyi",
        "Galymzhan Zhaqiyanov",
        "Mukhtabar Abliyazov",
        "Sergei Duvanov",
        "Nursultan Nazarbaev",
        "Solomon Pasi",
    }
    names = set(Entity.objects.values_list("name", flat=True))
    for name in [
        "Human Rights Watch",
        "Kazakh government",
        "State ombudsman's office",
        "Democratic Choice of Kazakhstan",
        "Committee to Protect Journalists",
        "Adil Soz",
        "Organization for Security and Cooperation in Europe",
        "RFE/RL",
        "RFE/RL Kazakh Service",
        "Prague",
        "Brussels",
        "New York",
        "Almaty",
        "Astana",
        "Kazakhstan",
    ]:
        assert name in names
    assert Entity.objects.filter(kind="event").count() >= 12


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Zhakiyanov", "Galymzhan Zhaqiyanov"),
        ("Zhakianov", "Galymzhan Zhaqiyanov"),
        ("Ablyazov", "Mukhtabar Abliyazov"),
        ("Abliazov", "Mukhtabar Abliyazov"),
        ("Nazarbayev", "Nursultan Nazarbaev"),
        ("Passy", "Solomon Pasi"),
        ("Kaliuzhnyi", "Vyacheslav Kalyuzhnyi"),
        ("HRW", "Human Rights Watch"),
        ("Free Word", "Adil Soz"),
    ],
)
def test_spelling_variants_are_aliases(seed, variant, canonical):
    assert Alias.objects.get(name=variant).entity.name == canonical


def test_every_anchor_resolves_at_its_position(seed):
    annotations = [
        *Quote.objects.select_related("article"),
        *Mention.objects.select_related("article"),
    ]
    assert len(annotations) > 80
    for annotation in annotations:
        text = annotation.article.text_of(annotation.part)
        match = anchoring.locate(text, annotation.anchor)
        assert (match.start, match.end, match.method) == (
            annotation.start,
            annotation.end,
            anchoring.Method.POSITION,
        ), annotation


def test_every_direct_quotation_of_five_words_is_an_attributed_quote(seed):
    expected = direct_quotations(seed.body)
    assert len(expected) == 10
    quotes = {q.exact: q for q in Quote.objects.filter(mode="direct").select_related("speaker")}
    assert set(quotes) == set(expected)
    speakers = {words[:30]: quotes[words].speaker.name for words in expected}
    assert speakers == {
        "Our main concern is that Kazak": "Vanessa Saenen",  # "she told RFE/RL"
        "They are doing so by keeping t": "Vanessa Saenen",
        "We've seen people being arrest": "Vanessa Saenen",
        "I can't agree with this statem": "Vyacheslav Kalyuzhnyi",  # "he said"
        "I don't think [the HRW report]": "Vyacheslav Kalyuzhnyi",  # "Kalyuzhnyi continued"
        "Kazakhstan's government is try": "Vanessa Saenen",
        "They have amended a law in 200": "Vanessa Saenen",
        "It's unfortunately a very long": "Vanessa Saenen",
        "The September 2003 local [coun": "Vanessa Saenen",
        "There is big progress in democ": "Solomon Pasi",
    }


def test_the_pull_quote_repeats_a_quote_from_the_body(seed):
    assert Quote.objects.filter(exact__contains=seed.pull_quote).count() == 1


def test_denials_answer_the_accusations(seed):
    denial = Quote.objects.get(exact__startswith="I can't agree with this statement")
    assert denial.answers.speaker.name == "Vanessa Saenen"
    persecution = Quote.objects.get(exact__startswith="I don't think [the HRW report]")
    assert persecution.answers.speaker.name == "Vanessa Saenen"
    assert {e.name for e in persecution.about.all()} >= {
        "Mukhtabar Abliyazov",
        "Galymzhan Zhaqiyanov",
        "Sergei Duvanov",
    }
    government = Quote.objects.get(exact="denies the accusations")
    assert government.speaker.name == "Kazakh government"
    assert government.answers.speaker.name == "Human Rights Watch"


def test_quotes_carry_tags_and_speaker_affiliation(seed):
    quote = Quote.objects.with_context().get(exact__startswith="Our main concern")
    assert {"accusation", "elections"} <= set(quote.tags.names())
    affiliation = quote.affiliation()
    assert (affiliation.organization.name, affiliation.role) == (
        "Human Rights Watch",
        "spokeswoman",
    )
    assert quote.said_to.name == "RFE/RL"
    pasi = Quote.objects.with_context().get(exact__startswith="There is big progress")
    assert pasi.affiliation().role == "chairman-in-office"


def test_memberships_carry_roles_dates_and_sources(seed):
    founders = Membership.objects.filter(organization__slug="democratic-choice-of-kazakhstan")
    assert {m.person.name for m in founders} == {"Galymzhan Zhaqiyanov", "Mukhtabar Abliyazov"}
    assert {str(m.start_partial) for m in founders} == {"2001"}
    assert all(m.source_article == seed for m in founders)
    nazarbaev = Membership.objects.get(person__slug="nursultan-nazarbaev")
    assert nazarbaev.dates_display() == "24 April 1990 – March 2019"
    assert nazarbaev.source_url.startswith("https://en.wikipedia.org/")


def test_every_occurrence_of_every_name_is_a_mention(seed):
    """Each whole-word occurrence of an entity's name, alias or family name lies inside a
    mention of that entity, or inside a longer mention of another (e.g. "Kazakhstan" in
    "Democratic Choice of Kazakhstan")."""
    mentions = list(Mention.objects.all())
    forms = {}
    for entity in Entity.objects.exclude(kind="event").prefetch_related("aliases", "person"):
        names = {entity.name, *(a.name for a in entity.aliases.all())}
        if entity.kind == "person":
            names.add(entity.person.family_name)
        forms[entity.pk] = names
    checked = 0
    for part in TextPart.values:
        text = seed.text_of(part)
        for entity_id, names in forms.items():
            for name in names:
                for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                    covering = [
                        x
                        for x in mentions
                        if x.part == part and x.start <= m.start() and m.end() <= x.end
                    ]
                    assert covering, f"{name!r} at {part}:{m.start()} has no mention"
                    own = [x for x in covering if x.entity_id == entity_id]
                    longer = [x for x in covering if x.end - x.start > m.end() - m.start()]
                    assert own or longer, f"{name!r} at {part}:{m.start()} is linked elsewhere"
                    checked += 1
    assert checked > 60


def test_mentions_cover_the_headline_and_standfirst(seed):
    parts = set(Mention.objects.values_list("part", flat=True))
    assert parts == {"headline", "standfirst", "body"}


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_fixture_is_what_the_builder_makes_today():
    """fixtures/seed.json is generated; if this fails, run `make seed-fixture`."""

    def rows(data):
        for row in data:
            for stamp in ("created_at", "updated_at"):
                row["fields"].pop(stamp, None)
        return data

    build_seed()
    built = rows(json.loads(serializers.serialize("json", seed_objects())))
    committed = rows(json.loads(FIXTURE.read_text(encoding="utf-8")))
    assert built == committed
