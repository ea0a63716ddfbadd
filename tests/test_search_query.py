"""The query language: parsed into a tree of plain tokens, whatever the user types."""

import pytest

from archive.search.backends import postgres, sqlite
from archive.search.query import MAX_QUERY_CHARS, AnyOf, Words, parse


def test_words_are_all_required():
    query = parse("Zhakiyanov elections")
    assert query.must == [Words(("zhakiyanov",)), Words(("elections",))]
    assert query.must_not == []


def test_phrase_exclusion_and_or():
    query = parse('"human rights watch" -parliamentary harassment OR intimidation')
    assert query.must == [
        Words(("human", "rights", "watch")),
        AnyOf((Words(("harassment",)), Words(("intimidation",)))),
    ]
    assert query.must_not == [Words(("parliamentary",))]


def test_a_word_that_splits_is_a_phrase_of_its_parts():
    assert parse("RFE/RL").must == [Words(("rfe", "rl"))]


def test_folded_keys_of_a_word():
    assert Words(("zhaqiyanov",)).folded == ("zhakianov",)
    assert Words(("nazarbayev",)).folded == ("nazarbaev",)


def test_stopwords_are_dropped_with_a_notice():
    query = parse("the elections of 2004")
    assert query.must == [Words(("elections",)), Words(("2004",))]
    assert "Common words were left out: the, of." in query.notices


def test_an_or_beside_a_stopword_joins_nothing():
    assert parse("the OR elections").must == [Words(("elections",))]
    assert parse("-fraud the OR elections").must_not == [Words(("fraud",))]


def test_stopwords_only_leave_nothing_to_search():
    query = parse("the of and")
    assert query.is_empty


@pytest.mark.parametrize(
    ("raw", "notice"),
    [
        ('"unbalanced phrase', "An unmatched quotation mark was ignored."),
        ("OR elections", "OR needs a word on each side; a stray OR was ignored."),
        ("elections OR", "OR needs a word on each side; a stray OR was ignored."),
        ("elections OR -fraud", "A minus sign inside an OR was ignored."),
        ("elec\x00tions\x1b", "Control and invisible characters in the query were ignored."),
    ],
)
def test_odd_input_is_ignored_with_a_notice(raw, notice):
    assert notice in parse(raw).notices


def test_engine_syntax_in_the_query_is_only_text():
    query = parse('NEAR(a b) title:x "* AND ^ OR" {body}: \'); DROP TABLE x; --')
    tokens = query.tokens()
    assert all(t.isalnum() for t in tokens)
    assert "near" in tokens and "drop" in tokens


def test_long_queries_are_cut_short():
    query = parse("word " * 5000)
    assert f"Only the first {MAX_QUERY_CHARS} characters of the query were used." in query.notices
    assert len(query.must) <= 12


def test_fts5_expression_quotes_every_token():
    expression = sqlite.compile_match(parse('Zhakiyanov -"state ombudsman" vote OR poll'))
    assert expression == (
        '(({title lead body} : "zhakiyanov" OR folded : "zhakianov") AND '
        '(({title lead body} : "vote" OR folded : "vote") OR '
        '({title lead body} : "poll" OR folded : "pol")))'
        ' NOT ({title lead body} : "state ombudsman" OR folded : "state ombudsman")'
    )


def test_tsquery_has_the_same_shape():
    sql, params = postgres.compile_tsquery(parse('Zhakiyanov -"state ombudsman"'))
    assert sql == (
        "(((to_tsquery('english', %s) || to_tsquery('simple', %s))) && "
        "!!(to_tsquery('english', %s) || to_tsquery('simple', %s)))"
    )
    assert params == [
        "zhakiyanov:ABC",
        "zhakianov:D",
        "state:ABC <-> ombudsman:ABC",
        "state:D <-> ombudsman:D",
    ]
