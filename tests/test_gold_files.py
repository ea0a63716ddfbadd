"""The gold files the extractor is evaluated on are well formed: every gold quote and name
stands in its article's body, and every speaker is a gold person or organization."""

import importlib.util
import inspect
import json
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent.parent / "fixtures" / "gold"
SETS = ["heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"]


def checker(name):
    """Each held-out set ships the script its writer checked it with: `check(path, seen)`
    returns (article, errors); the fourth set's `check_file(path, seen)` (problems, stats), the
    fifth's `check_file(path, problems, urls)`."""
    spec = importlib.util.spec_from_file_location(f"check_{name}", GOLD / name / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if hasattr(module, "check"):
        return module.check

    def check(path, seen):
        if "problems" in inspect.signature(module.check_file).parameters:
            problems = []  # the fifth set's check_file(path, problems, urls)
            module.check_file(path, problems, {})
        else:
            problems, _ = module.check_file(path, seen)
        with open(path, encoding="utf-8") as fh:
            return json.load(fh), problems

    return check


FILES = [(name, path) for name in SETS for path in sorted((GOLD / name).glob("*.json"))]


@pytest.mark.parametrize("name", SETS)
def test_each_held_out_set_has_a_dozen_articles(name):
    assert len(list((GOLD / name).glob("*.json"))) >= 10


@pytest.mark.parametrize(("name", "path"), FILES, ids=[f"{n}/{p.name}" for n, p in FILES])
def test_gold_file_is_consistent(name, path):
    article, errors = checker(name)(str(path), {})
    assert errors == []
    assert article["gold"]["quotes"]
