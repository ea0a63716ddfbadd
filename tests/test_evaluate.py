"""The evaluation's arithmetic on a tiny hand-made case, and the command end to end."""

import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from archive.importer.evaluation import Counts, place_quotes, score_article
from archive.models import Article, EntitySuggestion, Mention, Person, Quote, ReviewStatus

GOLD_DIR = Path(settings.BASE_DIR) / "fixtures" / "gold"
BODY = (
    '"Alpha beta gamma," Ann Lee said. "Delta epsilon."\n\n'
    '"Zeta eta theta," Bob Ray said.\n\n'
    '"Iota kappa," someone said.'
)


def suggest(article, words, speaker=None, proposed=None, end_trim=0):
    quote = Quote(article=article, status=ReviewStatus.SUGGESTED, confidence=0.5)
    quote.anchor_to(words)
    quote.end -= end_trim
    quote.exact = article.body[quote.start : quote.end]
    quote.speaker = speaker
    quote.save()
    if proposed:
        proposed.quotes.add(quote)
    return quote


@pytest.fixture
def tiny(db):
    ann = Person.objects.create(name="Ann Lee", slug="ann-lee")
    Person.objects.create(name="Bob Ray", slug="bob-ray")
    article = Article.objects.create(
        headline="Tiny", slug="tiny", body=BODY, published_on=dt.date(2004, 4, 6)
    )
    bob = EntitySuggestion.objects.create(
        article=article, kind="person", name="Bob Ray", key="bob rai", confidence=0.5
    )
    # Four suggestions: exact and right; overlapping only and wrong speaker; exact with
    # a proposed speaker of the same folded name; and one that matches no gold quote.
    suggest(article, "Alpha beta gamma", speaker=ann)
    suggest(article, "Delta epsilon.", speaker=ann, end_trim=5)
    suggest(article, "Zeta eta theta", proposed=bob)
    suggest(article, "Iota kappa", speaker=ann)
    Mention.objects.create(
        article=article, entity=ann, exact="Ann Lee", start=20, end=27, status="suggested"
    )
    gold = {
        "people": [
            {"name": "Ann Lee", "variants_in_text": ["Ann Lee"]},
            {"name": "Bob Ray", "variants_in_text": ["Bob Ray"]},
            {"name": "Cy Young", "variants_in_text": []},
        ],
        "quotes": [
            {"text": "Alpha beta gamma", "speaker": "Ann Lee"},
            {"text": "Delta epsilon.", "speaker": "Bob Ray"},
            {"text": "Zeta eta theta", "speaker": "Bob Ray"},
            {"text": "Not in the text", "speaker": None},
        ],
    }
    return article, gold


def test_arithmetic_on_a_tiny_gold_file(tiny):
    article, gold = tiny
    counts = score_article(article, gold)
    assert (counts.suggested, counts.gold) == (4, 4)
    assert counts.unplaced == ["Not in the text"]
    figures = counts.figures()
    # Exact: "Alpha…" and "Zeta…" (2 of 4 suggested, 2 of 4 gold).
    assert figures["exact precision"] == 0.5 and figures["exact recall"] == 0.5
    # Overlap: those two plus the trimmed "Delta…" (3 of 4 both ways).
    assert figures["overlap precision"] == 0.75 and figures["overlap recall"] == 0.75
    assert figures["overlap F1"] == pytest.approx(0.75)
    # Speakers over the 3 overlap-matched gold quotes: Ann right, Ann-for-Bob wrong,
    # proposed Bob Ray right by folded name.
    assert counts.speakers_judged == 3 and counts.speakers_right == 2
    # Entities: suggested Ann (linked) and Bob (proposed), both right; gold Cy missed.
    assert figures["entity precision"] == 1.0
    assert figures["entity recall"] == pytest.approx(2 / 3)


def test_null_gold_speaker_is_right_only_when_none_is_suggested(tiny):
    article, gold = tiny
    gold["quotes"] = [{"text": "Iota kappa", "speaker": None}]
    assert score_article(article, gold).speakers_right == 0
    article.quotes.filter(exact="Iota kappa").update(speaker=None)
    assert score_article(article, gold).speakers_right == 1


def test_repeated_gold_words_take_successive_occurrences():
    placed, unplaced = place_quotes("x a b x a b", [{"text": "a b"}, {"text": "a b"}])
    assert [p[:2] for p in placed] == [(2, 5), (8, 11)] and unplaced == []


def test_totals_add_up():
    a, b = Counts(suggested=2, gold=3, overlap_suggested_hits=2), Counts(suggested=1, gold=1)
    a.add(b)
    assert (a.suggested, a.gold, a.overlap_suggested_hits) == (3, 4, 2)


def evaluate(*paths):
    out = StringIO()
    call_command("evaluate_annotations", *[str(p) for p in paths], stdout=out, stderr=StringIO())
    return out.getvalue()


def total(output, name):
    line = [line for line in output.splitlines() if line.startswith("TOTAL")][0]
    return float(line.split(f"{name} ")[1].split(",")[0])


@pytest.mark.django_db(transaction=True)
def test_command_on_the_seed_gold_file_meets_the_target():
    """The seed is development data: the extractor was tuned on it."""
    output = evaluate(GOLD_DIR / "seed.json")
    assert total(output, "overlap F1") >= 0.9
    assert total(output, "speaker accuracy") >= 0.9


@pytest.mark.django_db(transaction=True)
def test_command_on_the_development_texts():
    output = evaluate(*sorted((GOLD_DIR / "dev").glob("*.json")))
    assert total(output, "overlap F1") >= 0.9
    assert total(output, "speaker accuracy") >= 0.9


@pytest.mark.django_db(transaction=True)
def test_command_on_the_first_held_out_set_now_development_data():
    """Written by someone else as a held-out test, then used to find general rules; kept
    here so those rules do not regress."""
    output = evaluate(*sorted((GOLD_DIR / "heldout").glob("*.json")))
    assert total(output, "overlap F1") >= 0.9
    assert total(output, "speaker accuracy") >= 0.9


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "name", ["heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"]
)
def test_command_on_the_later_held_out_sets(name):
    """Each was scored once at first sight (the fourth to the seventh keep that output in
    `first-sight.txt`); the second to the sixth were then studied and are development data,
    the seventh is not. Kept so that no rule written later undoes what these sets showed."""
    output = evaluate(*sorted((GOLD_DIR / name).glob("*.json")))
    assert total(output, "overlap F1") >= 0.9
    assert total(output, "speaker accuracy") >= 0.9


@pytest.mark.django_db(transaction=True)
def test_command_skips_files_without_gold_and_fails_when_none_scored(tmp_path):
    path = tmp_path / "plain.json"
    path.write_text(json.dumps({"headline": "H", "published": "2004-04-06", "body": "B."}))
    with pytest.raises(CommandError, match="No gold file"):
        evaluate(path)


@pytest.mark.django_db(transaction=True)
def test_command_ignores_what_the_default_database_holds(seed):
    # The seed article (same headline, date and slug) is in the default database; the
    # scratch database must neither see it nor be blocked by it.
    output = evaluate(GOLD_DIR / "seed.json")
    assert "SKIPPED" not in output
    assert total(output, "overlap F1") >= 0.9


def test_gold_words_are_found_whatever_their_spacing():
    body = "She said: “One two three.\n\n“Four five.”"
    placed, _ = place_quotes(body, [{"text": "One  two\nthree.\n\n“Four five."}])
    assert [p[:2] for p in placed] == [(11, 38)]


def test_seed_text_in_an_archive_knowing_only_its_people_and_organizations(seed):
    """The issue's acceptance check; the seed is development data."""
    from archive.importer.evaluation import read_gold
    from archive.importer.importing import import_path
    from archive.models import Entity

    Article.objects.all().delete()
    Entity.objects.filter(kind__in=["place", "event"]).delete()
    outcome = import_path(GOLD_DIR / "seed.json")
    assert outcome.created
    figures = score_article(outcome.article, read_gold("seed.json", outcome.extra)).figures()
    assert figures["overlap F1"] >= 0.9
    assert figures["speaker accuracy"] >= 0.9


@pytest.mark.django_db(transaction=True)
def test_a_gold_speaker_named_by_initials_matches_the_proposal_they_will_alias(tmp_path):
    """Accepting the proposal records the initials the article defined as an alias, so a gold
    name given as the initials resolves to it; a different organization still does not."""
    body = (
        "The National Integrity Directorate (NID) charged the former minister on Monday.\n\n"
        '"The evidence is consistent and overwhelming," the NID said in a statement.'
    )
    article = {"headline": "Minister charged", "published": "2006-05-02", "body": body}
    scores = []
    for speaker in ("NID", "National Integrity Directorate", "Integrity Watch"):
        path = tmp_path / f"{len(scores)}.json"
        quote = {"text": "The evidence is consistent and overwhelming", "speaker": speaker}
        gold = {"people": [], "organizations": [], "places": [], "quotes": [quote]}
        path.write_text(json.dumps({**article, "gold": gold}))
        scores.append(total(evaluate(path), "speaker accuracy"))
    assert scores == [1.0, 1.0, 0.0]
