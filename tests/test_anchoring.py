"""Tests for archive.anchoring: finding annotations again after article corrections."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from archive.anchoring import (
    CONTEXT_CHARS,
    Anchor,
    AnchorLost,
    Match,
    Method,
    describe,
    describe_exact,
    locate,
    relocate,
)

ARTICLE = (
    "KYIV — The defence minsiter said on Tuesday that talks with the delegation had stalled, "
    "according to a statement seen by reporters. Human Rights Watch (HRW) urged both sides to "
    "protect civilians. In Lviv, the minister said the talks would resume; in Odesa, the "
    "minister said the talks were over. Officials declined to comment further."
)


def span_of(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def test_unchanged_text_is_found_by_position() -> None:
    anchor = describe_exact(ARTICLE, "according to a statement")
    start, end = span_of(ARTICLE, "according to a statement")
    assert locate(ARTICLE, anchor) == Match(start, end, Method.POSITION, 1.0)


def test_edit_before_span_shifts_offsets_and_is_found_by_quote() -> None:
    anchor = describe_exact(ARTICLE, "urged both sides")
    new = ARTICLE.replace("seen by reporters", "obtained by Reuters and other agencies")
    start, end = span_of(new, "urged both sides")
    assert start != anchor.start
    assert locate(new, anchor) == Match(start, end, Method.QUOTE, 1.0)


def test_edit_right_after_span_keeps_position() -> None:
    anchor = describe_exact(ARTICLE, "Human Rights Watch")
    new = ARTICLE.replace("(HRW) urged", "urged")  # destroys the anchor's suffix
    assert locate(new, anchor) == Match(anchor.start, anchor.end, Method.POSITION, 1.0)


def test_edit_far_after_span_keeps_position() -> None:
    anchor = describe_exact(ARTICLE, "The defence minsiter said")
    new = ARTICLE.replace("declined to comment further", "did not respond")
    assert locate(new, anchor) == Match(anchor.start, anchor.end, Method.POSITION, 1.0)


def test_corrected_word_inside_span_is_found_fuzzily() -> None:
    anchor = describe_exact(ARTICLE, "The defence minsiter said on Tuesday")
    new = ARTICLE.replace("minsiter", "minister")
    found = locate(new, anchor)
    assert (found.start, found.end) == span_of(new, "The defence minister said on Tuesday")
    assert found.method is Method.FUZZY
    assert 0.75 <= found.score < 1.0


def test_longer_correction_inside_span_covers_the_whole_new_phrase() -> None:
    anchor = describe_exact(ARTICLE, "talks with the delegation had stalled")
    new = ARTICLE.replace("the delegation", "the Russian delegation").replace("KYIV", "KYIV (AP)")
    found = locate(new, anchor)
    assert (found.start, found.end) == span_of(new, "talks with the Russian delegation had stalled")
    assert found.method is Method.FUZZY


@pytest.mark.parametrize(
    "correction",
    [
        ("Later, Zelensky", "Later, Zelenskyy"),  # the exact name survives only elsewhere
        ("Zelensky", "Zelenskyy"),  # "Zelensky" survives only inside the corrected words
        ("Later, Zelensky told", "Later, President Volodymyr Zelenskyy said"),
    ],
)
def test_corrected_name_is_not_confused_with_another_mention(correction: tuple[str, str]) -> None:
    text = "President Zelensky met the envoy in Kyiv. Later, Zelensky told reporters so."
    anchor = describe_exact(text, "Zelensky", occurrence=1)
    new = text.replace(*correction)
    found = locate(new, anchor)
    assert (found.start, found.end) == span_of(new, "Zelenskyy", new.count("Zelenskyy") - 1)
    assert found.method is Method.FUZZY


def test_duplicate_phrase_with_positions_still_right() -> None:
    anchor = describe_exact(ARTICLE, "the minister said", occurrence=1)
    start, end = span_of(ARTICLE, "the minister said", occurrence=1)
    assert locate(ARTICLE, anchor) == Match(start, end, Method.POSITION, 1.0)
    new = ARTICLE.replace("declined to comment", "said nothing")  # after both occurrences
    assert locate(new, anchor) == Match(start, end, Method.POSITION, 1.0)


def test_duplicate_phrase_where_old_position_now_holds_the_other_occurrence() -> None:
    phrase = "the minister said"
    anchor = describe_exact(ARTICLE, phrase, occurrence=1)
    first, _ = span_of(ARTICLE, phrase)
    # Insert exactly enough text that the first occurrence moves onto the stored offsets.
    filler = ("Editor's note: this story has been updated. " * 5)[: anchor.start - first]
    new = filler + ARTICLE
    assert new[anchor.start : anchor.end] == phrase
    start, end = span_of(new, phrase, occurrence=1)
    assert locate(new, anchor) == Match(start, end, Method.QUOTE, 1.0)


def test_duplicate_phrase_after_shift_uses_context() -> None:
    anchor = describe_exact(ARTICLE, "the minister said", occurrence=0)
    new = ARTICLE.replace("KYIV — ", "")
    start, end = span_of(new, "the minister said", occurrence=0)
    assert locate(new, anchor) == Match(start, end, Method.QUOTE, 1.0)


def test_deleted_span_is_lost_with_a_message_naming_the_phrase() -> None:
    phrase = "Human Rights Watch (HRW) urged both sides to protect civilians. "
    anchor = describe_exact(ARTICLE, phrase)
    with pytest.raises(AnchorLost, match="Could not find") as lost:
        locate(ARTICLE.replace(phrase, ""), anchor)
    assert phrase in str(lost.value)
    assert "below 0.75" in str(lost.value)


def test_short_name_corrected_beyond_recognition_is_lost() -> None:
    anchor = describe_exact(ARTICLE, "HRW")
    with pytest.raises(AnchorLost, match='"HRW"'):
        locate(ARTICLE.replace("(HRW)", "(HRV)"), anchor)


def test_short_name_found_by_context_among_duplicates() -> None:
    text = "HRW said so. Later, HRW said no. Finally HRW said yes."
    anchor = describe_exact(text, "HRW", occurrence=1)
    new = "Update: " + text.replace("Finally", "At last")
    assert locate(new, anchor) == Match(*span_of(new, "HRW", 1), Method.QUOTE, 1.0)


def test_anchor_at_start_of_text() -> None:
    anchor = describe(ARTICLE, 0, 4)
    assert (anchor.exact, anchor.prefix) == ("KYIV", "")
    assert locate(ARTICLE, anchor) == Match(0, 4, Method.POSITION, 1.0)
    new = ARTICLE.replace("The defence", "Defence")
    assert locate(new, anchor) == Match(0, 4, Method.POSITION, 1.0)
    found = locate("KIYV — The defence" + ARTICLE[18:], describe(ARTICLE, 0, 18))
    assert (found.start, found.end, found.method) == (0, 18, Method.FUZZY)


def test_anchor_at_end_of_text() -> None:
    n = len(ARTICLE)
    anchor = describe(ARTICLE, n - 8, n)
    assert (anchor.exact, anchor.suffix) == ("further.", "")
    assert locate(ARTICLE, anchor) == Match(n - 8, n, Method.POSITION, 1.0)
    new = "Updated. " + ARTICLE
    assert locate(new, anchor) == Match(n + 1, n + 9, Method.QUOTE, 1.0)
    phrase = "declined to comment further."
    fixed = ARTICLE.replace(phrase, "declined to comment furthr.")
    found = locate(fixed, describe_exact(ARTICLE, phrase))
    assert (found.start, found.end, found.method) == (n - len(phrase), n - 1, Method.FUZZY)


def test_unicode_text_with_correction() -> None:
    text = "Він сказав: «Переговори зірвано…» — і пішов. “We’re done,” he added…"
    anchor = describe_exact(text, "«Переговори зірвано…»")
    new = "Оновлено. " + text.replace("зірвано", "зірвані")
    found = locate(new, anchor)
    assert (found.start, found.end, found.method) == (
        *span_of(new, "«Переговори зірвані…»"),
        Method.FUZZY,
    )
    quote = describe_exact(text, "“We’re done,”")
    assert locate(new, quote) == Match(*span_of(new, "“We’re done,”"), Method.QUOTE, 1.0)


def test_empty_text_and_quote_longer_than_text_are_lost() -> None:
    anchor = describe_exact(ARTICLE, "The defence minsiter said")
    with pytest.raises(AnchorLost):
        locate("", anchor)
    with pytest.raises(AnchorLost):
        locate("KYIV", anchor)


@pytest.mark.parametrize(("start", "end"), [(5, 5), (6, 5), (-1, 3), (0, len(ARTICLE) + 1)])
def test_describe_rejects_bad_offsets(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="invalid span"):
        describe(ARTICLE, start, end)


def test_describe_builds_selectors() -> None:
    anchor = describe(ARTICLE, 100, 110, context=5)
    assert anchor == Anchor(ARTICLE[100:110], ARTICLE[95:100], ARTICLE[110:115], 100, 110)
    assert len(describe(ARTICLE, 100, 110).prefix) == CONTEXT_CHARS


def test_describe_exact_errors_name_the_phrase() -> None:
    with pytest.raises(ValueError, match='"Kharkiv"'):
        describe_exact(ARTICLE, "Kharkiv")
    with pytest.raises(ValueError, match='"the minister said"'):
        describe_exact(ARTICLE, "the minister said", occurrence=2)
    with pytest.raises(ValueError, match="empty phrase"):
        describe_exact(ARTICLE, "")


def test_relocate_returns_fresh_selectors() -> None:
    anchor = describe_exact(ARTICLE, "The defence minsiter said")
    new = "KYIV (Reuters) — " + ARTICLE[7:].replace("minsiter", "minister")
    fresh = relocate(new, anchor)
    start, end = span_of(new, "The defence minister said")
    assert fresh == describe(new, start, end)
    assert fresh.prefix == "KYIV (Reuters) — "
    assert anchor.prefix == "KYIV — "
    assert locate(new, fresh) == Match(start, end, Method.POSITION, 1.0)


def test_large_text_is_searched_in_full() -> None:
    # ~100 KB of distinct filler with the article in the middle; correctness only, not timing.
    filler = [f"Paragraph {i} reports item {i * 7919 % 10007} of the ledger. " for i in range(2200)]
    big = "".join(filler[:1100]) + ARTICLE + " " + "".join(filler[1100:])
    assert len(big) > 100_000
    anchor = describe_exact(big, "The defence minsiter said on Tuesday")
    new = big.replace("Paragraph 10 ", "Paragraph ten, updated, ").replace("minsiter", "minister")
    found = locate(new, anchor)
    assert (found.start, found.end) == span_of(new, "The defence minister said on Tuesday")
    with pytest.raises(AnchorLost):
        locate(new.replace("The defence minister said on Tuesday", "Officials said"), anchor)


def test_method_values_serialise_as_strings() -> None:
    assert [str(m) for m in Method] == ["position", "quote", "fuzzy"]


# Small alphabet so that repeated substrings (the hard case for anchoring) are common.
texts = st.text(alphabet="ab c.’…жд\n", min_size=1, max_size=120)
varied_texts = st.text(alphabet="abcdefgh ijk.’…жд\n", min_size=1, max_size=120)


@st.composite
def text_and_span(draw: st.DrawFn, texts: st.SearchStrategy[str] = texts) -> tuple[str, int, int]:
    text = draw(texts)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


def occurs_once(text: str, needle: str) -> bool:
    first = text.find(needle)
    return first >= 0 and text.find(needle, first + 1) < 0


def cuts_word(text: str, pos: int) -> bool:
    return 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()


@given(text_and_span())
def test_property_describe_then_locate_round_trips(case: tuple[str, int, int]) -> None:
    text, start, end = case
    assert locate(text, describe(text, start, end)) == Match(start, end, Method.POSITION, 1.0)


@given(text_and_span(varied_texts), st.data())
def test_property_insertion_before_unique_quote_shifts_span(
    case: tuple[str, int, int], data: st.DataObject
) -> None:
    text, start, end = case
    at = data.draw(st.integers(0, start), label="at")
    inserted = data.draw(texts, label="inserted")
    new = text[:at] + inserted + text[at:]
    assume(occurs_once(new, text[start:end]))
    # Text glued onto the quote's first word ("x" + "abc") makes a different word: not an
    # insertion "before" the quote, and rightly re-matched approximately as "xabc".
    assume(cuts_word(new, start + len(inserted)) == cuts_word(text, start))
    found = locate(new, describe(text, start, end))
    assert (found.start, found.end) == (start + len(inserted), end + len(inserted))


@given(text_and_span(), st.data())
def test_property_insertion_before_context_disambiguates_duplicates(
    case: tuple[str, int, int], data: st.DataObject
) -> None:
    text, start, end = case
    anchor = describe(text, start, end)
    # Insert before the prefix, so the context is intact; the quote itself may repeat.
    at = data.draw(st.integers(0, start - len(anchor.prefix)), label="at")
    inserted = data.draw(varied_texts, label="inserted")
    new = text[:at] + inserted + text[at:]
    assume(occurs_once(new, anchor.prefix + anchor.exact + anchor.suffix))
    assume(cuts_word(new, start + len(inserted)) == cuts_word(text, start))  # see above
    found = locate(new, anchor)
    assert (found.start, found.end) == (start + len(inserted), end + len(inserted))
    assert found.method is Method.QUOTE
