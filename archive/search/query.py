"""The search box's little language, parsed into a safe tree.

    word word      both words (AND)
    "a phrase"     the words next to each other, in order
    -word          without the word (also -"a phrase")
    a OR b         either (OR binds tighter than AND: `a OR b c` is `(a OR b) AND c`)

User text never reaches an engine's query syntax: it is cut into tokens of letters and
digits here, and the backends quote every token when they compile the tree to FTS5 MATCH or
to a PostgreSQL tsquery. Anything else (punctuation, unbalanced quotes, control characters,
operators in odd places) is dropped, with a notice saying what was ignored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from archive.names import fold_words
from archive.search.stopwords import STOPWORDS

MAX_QUERY_CHARS = 300
MAX_ITEMS = 12
QUOTE_MARKS = '"“”„«»'
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Words:
    """A word, or several in order (a phrase, or a word like RFE/RL that splits in two)."""

    tokens: tuple[str, ...]

    @property
    def folded(self) -> tuple[str, ...]:
        """The transliteration-folding keys of the tokens (archive.names.fold)."""
        return tuple(fold_words(" ".join(self.tokens)))


@dataclass(frozen=True)
class AnyOf:
    """One of several alternatives (`a OR b`)."""

    options: tuple[Words, ...]


@dataclass
class Query:
    must: list[Words | AnyOf] = field(default_factory=list)
    must_not: list[Words] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.must

    def positive_words(self) -> list[Words]:
        out = []
        for item in self.must:
            out.extend(item.options if isinstance(item, AnyOf) else [item])
        return out

    def tokens(self) -> list[str]:
        return [t for words in self.positive_words() for t in words.tokens]


def _clean(raw: str, notices: list[str]) -> str:
    cleaned = "".join(
        " " if unicodedata.category(c) in {"Cc", "Cf", "Cs", "Co", "Cn"} else c for c in raw
    )
    if cleaned.strip() != raw.strip():
        notices.append("Control and invisible characters in the query were ignored.")
    if len(cleaned) > MAX_QUERY_CHARS:
        cleaned = cleaned[:MAX_QUERY_CHARS]
        notices.append(f"Only the first {MAX_QUERY_CHARS} characters of the query were used.")
    return cleaned


def _lex(text: str, notices: list[str]):
    """Yield (negated, is_phrase, raw_text) items and the string "OR"."""
    pos, n = 0, len(text)
    while pos < n:
        if text[pos].isspace():
            pos += 1
            continue
        negated = text[pos] == "-" and pos + 1 < n and not text[pos + 1].isspace()
        if negated:
            pos += 1
        if text[pos] in QUOTE_MARKS:
            close = next((i for i in range(pos + 1, n) if text[i] in QUOTE_MARKS), None)
            if close is None:
                notices.append("An unmatched quotation mark was ignored.")
                pos += 1
                continue
            yield (negated, True, text[pos + 1 : close])
            pos = close + 1
            continue
        end = pos
        while end < n and not text[end].isspace() and text[end] not in QUOTE_MARKS:
            end += 1
        chunk = text[pos:end]
        pos = end
        if chunk == "OR" and not negated:
            yield "OR"
        else:
            yield (negated, False, chunk)


def parse(raw: str) -> Query:
    query = Query()
    notices = query.notices
    text = _clean(raw or "", notices)
    items: list = []  # Words/negated pairs and "OR" markers
    dropped_stopwords: list[str] = []
    for lexed in _lex(text, notices):
        if lexed == "OR":
            items.append("OR")
            continue
        negated, is_phrase, chunk = lexed
        tokens = tuple(t.casefold() for t in _TOKEN.findall(chunk))
        if not tokens:
            continue
        if all(t in STOPWORDS for t in tokens):
            dropped_stopwords.extend(tokens)
            items.append(None)  # keeps an OR next to it from joining other words
            continue
        if not is_phrase:
            # A word that splits (RFE/RL, co-operation) is searched as a phrase of its parts;
            # its stopwords go only when it is not a phrase the user quoted.
            tokens = tuple(t for t in tokens if t not in STOPWORDS) if len(tokens) > 1 else tokens
        items.append((negated, Words(tokens)))
    if dropped_stopwords:
        words = ", ".join(dict.fromkeys(dropped_stopwords))
        notices.append(f"Common words were left out: {words}.")

    groups: list[list[tuple[bool, Words]]] = []
    joining = False
    stray_or = False
    for item in items:
        if item is None:
            if joining:
                joining = False
            groups.append([])
            continue
        if item == "OR":
            if groups and not joining:
                joining = True
            else:
                stray_or = True
            continue
        if joining:
            groups[-1].append(item)
            joining = False
        else:
            groups.append([item])
    if joining:
        stray_or = True
    if stray_or:
        notices.append("OR needs a word on each side; a stray OR was ignored.")

    groups = [group for group in groups if group]
    negation_in_or = False
    for group in groups[:MAX_ITEMS]:
        if len(group) == 1:
            negated, words = group[0]
            (query.must_not if negated else query.must).append(words)
            continue
        negation_in_or = negation_in_or or any(negated for negated, _ in group)
        options = tuple(dict.fromkeys(words for _, words in group))
        query.must.append(AnyOf(options) if len(options) > 1 else options[0])
    if negation_in_or:
        notices.append("A minus sign inside an OR was ignored.")
    if len(groups) > MAX_ITEMS:
        notices.append(f"Only the first {MAX_ITEMS} search terms were used.")
    return query
