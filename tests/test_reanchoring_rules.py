"""What "found" means when an article's text is edited (archive/reanchoring.py): an
annotation stays on exactly its words or is orphaned; it is never moved to other words."""

import pytest

from archive import anchoring
from archive.reanchoring import TextDiff, follow

OLD = (
    "Among those imprisoned were Galymzhan Zhaqiyanov and Mukhtabar Abliyazov. "
    "Abliyazov was released last May. The group is calling for his release.\n\n"
    "Also imprisoned and then released last year was Sergei Duvanov, a journalist."
)


def _after(old, new, words, occurrence=0):
    anchor = anchoring.describe_exact(old, words, occurrence)
    found = follow(TextDiff(old, new), new, anchor)
    if found is None:
        return None
    assert new[found.start : found.end] == words == found.exact
    return found


def test_an_edit_before_or_after_keeps_the_words_at_their_new_place():
    new = "Prague. " + OLD.replace("a journalist", "an opposition journalist")
    found = _after(OLD, new, "released last May")
    assert found.start == new.index("released last May")
    assert found.prefix == new[found.start - 32 : found.start]
    assert _after(OLD, new, "Sergei Duvanov").start == new.index("Sergei Duvanov")


def test_an_edit_touching_the_words_orphans_them():
    # The mention that moved onto "released last" in "...released last year" (issue 10, 4).
    assert (
        _after(OLD, OLD.replace("released last May", "released in May"), "released last May")
        is None
    )
    assert _after(OLD, OLD.replace("last May", "last spring"), "released last May") is None
    # A word glued to the annotation's end or start changes that word.
    assert _after(OLD, OLD.replace("Duvanov,", "Duvanovs,"), "Sergei Duvanov") is None
    assert _after(OLD, OLD.replace("Sergei", "XSergei"), "Sergei Duvanov") is None


def test_an_edit_across_the_annotation_boundary_orphans_it():
    new = OLD.replace("released last May. The group", "released. The whole group")
    assert _after(OLD, new, "released last May") is None
    assert _after(OLD, new, "The group is calling") is None


def test_an_edit_right_around_keeps_it():
    new = OLD.replace(
        "Abliyazov was released last May.", "Abliyazov, it said, was released last May!"
    )
    found = _after(OLD, new, "released last May")
    assert found is not None and found.start == new.index("released last May")


def test_deleting_the_sentence_orphans_its_words_even_if_they_occur_elsewhere():
    new = OLD.replace("Abliyazov was released last May. ", "")
    assert _after(OLD, new, "released last") is None
    assert _after(OLD, new, "Abliyazov", occurrence=1) is None
    # The other "released last" and "Abliyazov" keep their own annotations.
    assert _after(OLD, new, "released last", occurrence=1).start == new.index("released last year")
    assert _after(OLD, new, "Abliyazov").start == new.index("Abliyazov")


def test_identical_sentences_side_by_side_orphan_both_when_one_is_deleted():
    old = "Intro. HRW said so. HRW said so more. End."
    new = "Intro. HRW said so more. End."
    # Deleting "HRW said so. " or "said so. HRW " gives the same text: which survived is unknown.
    assert _after(old, new, "HRW", 0) is None
    assert _after(old, new, "HRW", 1) is None
    assert _after(old, new, "End.") is not None


def test_words_whose_neighbours_were_all_rewritten_stay_only_if_unique():
    old = "Saenen of HRW told us. Later HRW spoke again."
    new = "Jones from HRW said it. Later HRW spoke again."
    assert _after(old, new, "HRW", 0) is None  # occurs twice, nothing beside it confirms it
    assert _after(old, new, "HRW", 1) is not None  # "Later" and "spoke" are unchanged
    old, new = "Saenen of HRW told us.", "Jones from HRW said it."
    assert _after(old, new, "HRW").start == new.index("HRW")  # unique in both


def test_whitespace_and_punctuation_inside_count_as_changes():
    assert _after(OLD, OLD.replace("last May", "last  May"), "released last May") is None
    assert _after(OLD, OLD.replace("Sergei Duvanov", "Sergei-Duvanov"), "Sergei Duvanov") is None


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace("Among", "Among all"),
        lambda t: t.replace("journalist.", "journalist and critic."),
        lambda t: t.replace("\n\n", "\n\nA new paragraph.\n\n"),
        lambda t: t.replace("The group is calling for his release.", ""),
        lambda t: "New lead. " + t,
    ],
)
def test_every_annotation_is_on_its_own_words_or_orphaned(edit):
    new = edit(OLD)
    diff = TextDiff(OLD, new)
    for words in ["Galymzhan Zhaqiyanov", "Abliyazov", "released last", "Sergei Duvanov", "The"]:
        for occurrence in range(len(anchoring._occurrences(OLD, words))):
            anchor = anchoring.describe_exact(OLD, words, occurrence)
            found = follow(diff, new, anchor)
            if found is not None:
                assert new[found.start : found.end] == words
