import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.names import fold, fold_words


@pytest.mark.parametrize(
    "spellings",
    [
        ["Zhaqiyanov", "Zhakiyanov", "Zhakianov", "ZHAKIYANOV"],
        ["Nazarbaev", "Nazarbayev", "Назарбаев"],
        ["Abliyazov", "Ablyazov", "Abliazov", "Аблязов"],
        ["Pasi", "Passy", "Паси"],
        ["Kalyuzhnyi", "Kaliuzhnyi", "Калюжный"],
        ["Sergei Duvanov", "Sergey Duvanov", "Сергей Дуванов"],
        ["Galymzhan Zhakiyanov", "Ғалымжан Жақиянов"],
        ["Mukhtar", "Muhtar"],
        ["Saénen", "Saenen"],
    ],
)
def test_spellings_of_one_name_share_a_key(spellings):
    keys = {fold(s) for s in spellings}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("a", "b"),
    [("Saenen", "Duvanov"), ("Pasi", "Paris"), ("Almaty", "Astana"), ("Zhaqiyanov", "Abliyazov")],
)
def test_different_names_keep_different_keys(a, b):
    assert fold(a) != fold(b)


def test_words_are_split_on_punctuation_and_possessives():
    assert fold_words("Zhaqiyanov's release, RFE/RL") == ["zhakianov", "s", "release", "rfe", "rl"]
    assert fold("  New York-based ") == "nev iork based"


@given(st.text())
def test_folding_never_fails_and_is_idempotent(text):
    key = fold(text)
    assert fold(key) == key
    assert key == key.strip()
