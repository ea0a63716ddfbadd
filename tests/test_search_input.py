"""Bad input gets a clear answer, never a 500: odd queries and parameters, and arbitrary
strings thrown at the search by hypothesis on whichever engine the tests run on."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SEARCH = reverse("archive:search")


def get(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "Type a name, a word or a phrase"),
        ({"q": "   "}, "Type a name, a word or a phrase"),
        ({"q": "!!! ... ???"}, "There is nothing to search for in that query"),
        ({"q": "the of and"}, "Common words were left out: the, of, and."),
        ({"q": "-elections"}, "a search cannot consist only of exclusions"),
        ({"q": '"human rights'}, "An unmatched quotation mark was ignored."),
        ({"q": "x" * 10_000}, "Only the first 300 characters of the query were used."),
        ({"q": "Saenen\x00\x07\u200b"}, "Control and invisible characters in the query"),
        ({"q": "Saenen", "kind": "spaceship"}, "That kind of result is not one the archive has"),
        ({"q": "Saenen", "person": "999999"}, "The archive has no such person"),
        ({"q": "Saenen", "person": "'; DROP TABLE x"}, "The archive has no such person"),
        ({"q": "Saenen", "organization": "1e9"}, "The archive has no such organization"),
        ({"q": "Saenen", "tag": "no-such-tag"}, "The archive has no such tag"),
        ({"q": "Saenen", "year": "20O4"}, "A year is four digits"),
        ({"q": "Saenen", "from": "yesterday"}, "is not a date like 2004"),
        ({"q": "Saenen", "to": "2004-02-30"}, "is not a date like 2004"),
        ({"q": "Saenen", "from": "2005", "to": "2003"}, "The dates were the wrong way round"),
        ({"q": "Saenen", "sort": "random"}, "Results can be sorted by relevance or by date"),
        ({"q": "Saenen", "page": "0"}, "That page number does not exist"),
        ({"q": "Saenen", "page": "-3"}, "That page number does not exist"),
        ({"q": "Saenen", "page": "²"}, "That page number does not exist"),
        ({"q": "Saenen", "page": "99"}, "There is only one page of results; showing it."),
    ],
)
def test_bad_input_gets_a_clear_message(client, search_seed, params, message):
    html = get(client, **params).content.decode()
    assert message in html.replace("&#x27;", "'").replace("&quot;", '"')


@pytest.mark.parametrize(
    "q",
    [
        'NEAR(Saenen said) AND "',
        "title:Saenen OR body:*",
        "Saenen* ^ {title} : (",
        "'); DROP TABLE archive_searchentry; --",
        "Saenen & | ! <-> :* :ABC",
        "Saenen\\ \\\\ %s %% ?",
    ],
)
def test_engine_syntax_is_searched_as_plain_words(client, search_seed, q):
    page = get(client, q=q).context["search"]
    assert page.message == ""
    # Every one of these has the word Saenen and nothing that can match besides words.
    assert page.total >= 0


def test_the_words_of_engine_syntax_still_find_things(client, search_seed):
    assert get(client, q='Saenen* ^ {} : ( ) "" - :*').context["search"].total >= 1


QUERY_KEYS = st.sampled_from(
    ["q", "kind", "person", "organization", "tag", "year", "from", "to", "sort", "page"]
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(q=st.text(max_size=400), extra=st.dictionaries(QUERY_KEYS, st.text(max_size=40), max_size=4))
def test_arbitrary_strings_never_break_the_search(client, search_seed, q, extra):
    response = client.get(SEARCH, {**extra, "q": q})
    assert response.status_code == 200


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(alphabet=st.characters(codec="utf-8"), max_size=100))
def test_arbitrary_strings_never_break_the_autocomplete(client, search_seed, q):
    response = client.get(reverse("archive:search_names"), {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)
