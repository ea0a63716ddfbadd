"""Finding quotation spans: marks of every kind, paragraphs, nesting."""

from archive.importer.quotes import find_spans


def words(text):
    return [text[s.start : s.end] for s in find_spans(text)]


def test_straight_and_curly_double_marks():
    text = 'He said "one two three." She said “four five six.” They said „seven eight“'
    assert words(text)[:2] == ["one two three.", "four five six."]


def test_trailing_comma_belongs_to_the_sentence_not_the_quote():
    assert words('"We will win," he said.') == ["We will win"]


def test_single_marks_inside_double_are_part_of_the_quote():
    text = "\"He told me, 'Go home,' and left,\" she said."
    assert words(text) == ["He told me, 'Go home,' and left"]


def test_apostrophes_do_not_open_or_close_quotes():
    text = "Kazakhstan’s government says it won’t comment. ‘We don’t know,’ he said."
    assert words(text) == ["We don’t know"]


def test_quote_running_over_paragraphs_is_one_group_in_two_spans():
    text = '"First paragraph of the quote.\n\n"Second paragraph," he said.\n\nNarrative.'
    spans = find_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "First paragraph of the quote.",
        "Second paragraph",
    ]
    assert spans[0].group == spans[1].group
    assert spans[0].close_mark is None and spans[1].continued


def test_unclosed_quote_ends_with_its_paragraph_when_the_next_does_not_reopen():
    text = '"An unclosed quote here.\n\nNarrative goes on "and a new one" later.'
    spans = find_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["An unclosed quote here.", "and a new one"]
    assert spans[0].group != spans[1].group


def test_offsets_point_into_the_text():
    text = 'Intro.\n\nShe said: "Exactly these words."'
    (span,) = find_spans(text)
    assert text[span.open_mark] == '"' and text[span.close_mark] == '"'
    assert span.paragraph == 1
