"""The gold files the extractor is evaluated on are well formed: every gold quote and name
stands in its article's body, and every speaker is a gold person or organization."""

import importlib.util
from pathlib import Path

import pytest

HELDOUT = Path(__file__).resolve().parent.parent / "fixtures" / "gold" / "heldout"
spec = importlib.util.spec_from_file_location("check_gold", HELDOUT / "check_gold.py")
check_gold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_gold)

FILES = sorted(HELDOUT.glob("*.json"))


def test_there_is_a_held_out_set():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_gold_file_is_consistent(path):
    article, errors = check_gold.check(str(path), {})
    assert errors == []
    assert article["gold"]["quotes"]
