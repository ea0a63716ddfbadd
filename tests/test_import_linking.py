"""Entity linking: names, aliases, folded spellings, possessives, initials, proposals."""

import pytest

from archive.importer.linking import EntityIndex, link


@pytest.fixture
def index(seed):
    return EntityIndex.from_database()


def linked(text, index):
    return [(text[f.start : f.end], f.ref.name, f.how) for f in link(text, index)]


def test_folded_spellings_find_the_canonical_entity(index):
    text = "Galymzhan Zhakiyanov met Mukhtar Ablyazov and Solomon Passy."
    names = [(surface, name) for surface, name, _ in linked(text, index)]
    assert names == [
        ("Galymzhan Zhakiyanov", "Galymzhan Zhaqiyanov"),
        ("Mukhtar Ablyazov", "Mukhtabar Abliyazov"),
        ("Solomon Passy", "Solomon Pasi"),
    ]


def test_a_spelling_no_alias_records_is_found_by_its_folded_key(index):
    # "Kaliuzhnyy" is in no alias list; it folds to the same key as Kalyuzhnyi.
    (found,) = linked("Vyacheslav Kaliuzhnyy spoke.", index)
    assert found == ("Vyacheslav Kaliuzhnyy", "Vyacheslav Kalyuzhnyi", "variant")


def test_possessive_and_based_forms(index):
    text = "The New York-based group criticised Kazakhstan's government."
    assert [(s, n) for s, n, _ in linked(text, index)] == [
        ("New York", "New York"),
        ("Kazakhstan's government", "Kazakh government"),
    ]


def test_acronym_alias_and_generated_initials(index):
    text = "HRW and the CPJ wrote to the OSCE."
    assert [n for _, n, _ in linked(text, index)] == [
        "Human Rights Watch",
        "Committee to Protect Journalists",
        "Organization for Security and Cooperation in Europe",
    ]


def test_surname_links_only_after_a_full_mention(index):
    text = "Saenen spoke first. Then Vanessa Saenen spoke, and Saenen left."
    found = linked(text, index)
    assert [(s, h) for s, _, h in found] == [("Vanessa Saenen", "name"), ("Saenen", "surname")]


def test_initials_defined_in_brackets_link_later(index):
    text = "The Kazakhstan Bureau for Human Rights (KBHR) said so. KBHR also said more."
    found = linked(text, index)
    assert [(s, n) for s, n, _ in found] == [
        ("Kazakhstan Bureau for Human Rights", "Kazakhstan Bureau for Human Rights"),
        ("KBHR", "Kazakhstan Bureau for Human Rights"),
        ("KBHR", "Kazakhstan Bureau for Human Rights"),
    ]
    assert all(f.ref.proposed for f in link(text, index))


def test_unknown_people_need_a_sign_that_a_person_is_meant(index):
    text = (
        "Central Asia is large. Amirzhan Kosanov, a leader of the party, spoke. "
        '"No," said Dossym Satpayev. Foreign Minister Kassym-Jomart Tokayev agreed.'
    )
    people = [(s, f.ref.kind) for s, f in ((text[f.start : f.end], f) for f in link(text, index))]
    assert ("Amirzhan Kosanov", "person") in people
    assert ("Dossym Satpayev", "person") in people
    assert ("Kassym-Jomart Tokayev", "person") in people
    # Not a person; since places are proposed too, a place.
    assert [kind for surface, kind in people if surface == "Central Asia"] == ["place"]


def test_headline_case_proposes_nothing(index):
    found = link("Report Accuses Government Of Harassing Opposition", index, propose=False)
    assert found == []


def test_speaker_named_by_a_known_surname_alone(index):
    from archive.importer.attribution import attribute

    text = (
        "Human Rights Watch was less generous. "
        '"Progress on paper is not progress," the HRW\'s Saenen insisted. '
        '"Reform is slow," said Kalyuzhnyi.'
    )
    result = attribute(text, link(text, index), index.by_surname)
    assert [a.speaker.name for a in result] == ["Vanessa Saenen", "Vyacheslav Kalyuzhnyi"]
    # Without the archive's surnames the article alone does not name them.
    assert [a.speaker for a in attribute(text, link(text, index))][0].name != "Vanessa Saenen"


def test_unknown_places_from_dateline_country_names_and_prepositions():
    index = EntityIndex()
    text = (
        "OSKEMEN, Kazakhstan (AP) -- Workers in Ridder walked out on Monday, a strike that "
        "spread from Zyryanovsk to the Chinese border. Talks in March failed, the union said "
        "in English, in Russian and in Kazakh."
    )
    found = {(text[f.start : f.end], f.ref.kind, f.ref.name) for f in link(text, index)}
    assert ("OSKEMEN", "place", "Oskemen") in found
    assert ("AP", "organization", "AP") in found
    assert ("Kazakhstan", "place", "Kazakhstan") in found
    assert ("Ridder", "place", "Ridder") in found
    assert ("Zyryanovsk", "place", "Zyryanovsk") in found
    surfaces = {surface for surface, _, _ in found}
    # A month, a nationality adjective and languages after "in" are not places.
    assert not surfaces & {"March", "Chinese", "English", "Russian", "Kazakh", "Monday"}


def test_a_surname_after_from_is_the_person_not_a_place():
    text = (
        "Mukhtar Ablyazov, a banker, founded the movement. Supporters read a letter from "
        "Ablyazov in Zhanaozen."
    )
    found = [(text[f.start : f.end], f.ref.kind) for f in link(text, EntityIndex())]
    assert found[-2:] == [("Ablyazov", "person"), ("Zhanaozen", "place")]


def test_place_proposals_are_stored_and_accepted_as_places(article):
    from archive.importer.accepting import accept
    from archive.importer.storing import suggest
    from archive.models import EntitySuggestion, Mention, Place

    article.body = "Workers in Ridder walked out on Monday."
    article.save()
    result = suggest(article)
    assert result.places == 1
    suggestion = EntitySuggestion.objects.get(article=article, kind="place")
    assert suggestion.name == "Ridder"
    place = accept(suggestion)
    assert isinstance(place, Place) and place.name == "Ridder"
    assert Mention.objects.filter(article=article, entity=place).count() == 1


def test_accepting_an_organization_records_the_other_names_the_article_gives_it(article):
    from archive.importer.accepting import accept, other_names
    from archive.importer.storing import suggest
    from archive.models import AliasKind, EntitySuggestion

    article.body = (
        "The National Integrity Directorate (NID) charged the former minister. "
        '"The evidence is consistent," the NID said in a statement.'
    )
    article.save()
    suggest(article)
    suggestion = EntitySuggestion.objects.get(article=article, kind="organization")
    assert suggestion.name == "National Integrity Directorate"
    assert other_names(suggestion, article.body) == {"NID": AliasKind.ABBREVIATION}
    organization = accept(suggestion)
    assert list(organization.aliases.values_list("name", "kind")) == [
        ("NID", AliasKind.ABBREVIATION)
    ]
    # The quotation the initials speak is the organization's once it is accepted.
    assert [q.exact for q in organization.quotes_spoken.all()] == ["The evidence is consistent"]
