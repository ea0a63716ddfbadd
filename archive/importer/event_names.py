"""A short name for a dated event: the noun phrase the date belongs to, never a sentence.

The date words sit beside what happened, and the name is taken from there:

1. a noun phrase with a determiner just before the date, perhaps with a participle between
   ("the elections later this year" → "the elections"; "a letter sent last week" → "a
   letter"; "the CPJ letter of last week" → "the CPJ letter");
2. a noun phrase the date opens ("last year's elections" → "the elections"; "autumn
   parliamentary elections" → "the parliamentary elections"; "a July 2002 law" → "the July
   2002 law");
3. a named subject and a verb the archive knows the noun of ("Abliyazov was released last
   May" → "the release of Abliyazov"; "the party was founded in 2001" → "the founding of
   the party"; "Smith resigned last year" → "the resignation of Smith").

Where none of these holds ("prices rose last month"), there is no event to name and the
date is not proposed.
"""

from __future__ import annotations

import re

MAX_WORDS = 6

# Words that end a noun phrase when read backwards from the date: verbs, conjunctions,
# relative pronouns, prepositions that start another phrase.
_NOT_IN_PHRASE = {
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "said",
    "says",
    "told",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "to",
    "for",
    "with",
    "by",
    "at",
    "as",
    "than",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "there",
    "not",
    "also",
    "since",
    "after",
    "before",
    "during",
    "until",
    "about",
    "over",
    "in",
    "on",
    "from",
    "into",
    "because",
    "if",
    "when",
    "while",
    "ahead",
    "spoke",
    "met",
    "went",
    "came",
    "left",
    "took",
    "gave",
    "made",
    "got",
    "saw",
    "began",
    "wrote",
    "sent",
    "held",
    "rose",
    "fell",
    "won",
    "lost",
    "did",
    "does",
    "do",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "say",
    "added",
    "noted",
    "stated",
}
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"}
# Verbs whose event has a noun of its own (past participle or past tense → noun).
NOUNS = {
    "released": "release",
    "arrested": "arrest",
    "detained": "detention",
    "sentenced": "sentencing",
    "jailed": "jailing",
    "convicted": "conviction",
    "charged": "charging",
    "acquitted": "acquittal",
    "pardoned": "pardon",
    "elected": "election",
    "re-elected": "re-election",
    "appointed": "appointment",
    "dismissed": "dismissal",
    "fired": "dismissal",
    "resigned": "resignation",
    "founded": "founding",
    "formed": "formation",
    "established": "founding",
    "registered": "registration",
    "banned": "ban",
    "closed": "closure",
    "shut": "closure",
    "signed": "signing",
    "adopted": "adoption",
    "passed": "passage",
    "published": "publication",
    "launched": "launch",
    "opened": "opening",
    "killed": "killing",
    "murdered": "murder",
    "attacked": "attack",
    "beaten": "beating",
    "kidnapped": "kidnapping",
    "abducted": "abduction",
    "expelled": "expulsion",
    "deported": "deportation",
    "extradited": "extradition",
    "visited": "visit",
    "died": "death",
    "married": "marriage",
    "born": "birth",
    "merged": "merger",
    "sold": "sale",
    "bought": "purchase",
    "privatized": "privatization",
    "nationalized": "nationalization",
    "raided": "raid",
    "searched": "search",
    "questioned": "questioning",
    "interrogated": "interrogation",
    "tried": "trial",
    "indicted": "indictment",
    "exiled": "exile",
    "freed": "release",
    "hanged": "execution",
    "executed": "execution",
    "inaugurated": "inauguration",
    "announced": "announcement",
}
_ACTIVE_SUBJECT_FIRST = {"resigned", "died", "visited", "married", "merged"}

_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _words_before(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def _clean(name: str) -> str:
    return " ".join(name.split()).strip(" ,;:")


def _noun_phrase_before(before: str) -> str | None:
    """Rule 1: "the elections | later this year", "a letter sent | last week"."""
    words = _words_before(before)
    if not words:
        return None
    tail = before[words[-1].end() :]
    if tail.strip(" ") not in {"", ","} and not tail.strip().startswith(("’", "'")):
        return None
    i = len(words) - 1
    # An optional participle ("sent", "issued", "held") or "of" between noun and date.
    if words[i][0].lower() in {"of", "from"} or re.fullmatch(r"[a-z]+ed|sent|held", words[i][0]):
        i -= 1
    end = i
    while i >= 0 and end - i < MAX_WORDS:
        word = words[i][0]
        lower = word.lower()
        if re.fullmatch(r"[a-z]+ed", word) and i != end:
            return None  # a verb inside: "the minister resigned | last year" is a clause
        if lower in _DETERMINERS:
            if i == end:
                return None  # a determiner and nothing after it
            return _clean(before[words[i].start() : words[end].end()])
        if lower in _NOT_IN_PHRASE:
            return None
        i -= 1
    return None


def _noun_phrase_after(before: str, after: str, phrase: str) -> str | None:
    """Rule 2: "last year's elections", "autumn parliamentary elections", "a July 2002 law"."""
    possessive = re.match(r"[’']s\s+((?:[\w-]+\s+){0,3}?[\w-]+)", after)
    if possessive:
        noun = possessive[1]
        if noun.split()[-1].lower() not in _NOT_IN_PHRASE:
            return _clean(f"the {noun}")
    following = re.match(r"\s+((?:[a-z][\w-]*\s+){0,2}?(?:elections?|polls?|vote|votes))\b", after)
    if following:
        return _clean(f"the {following[1]}")
    determiner = re.search(r"\b(the|a|an)\s+$", before, re.I)
    noun = re.match(r"\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\b", after)
    if determiner and noun and noun[1].split()[-1] not in _NOT_IN_PHRASE:
        return _clean(f"the {phrase} {noun[1]}")
    return None


_SUBJECT = (
    r"(?P<subject>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*|"
    r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
)
_NOMINALIZE = re.compile(
    _SUBJECT + r",?\s+(?:(?:was|were|has been|had been|have been|got|is|are)\s+)?"
    r"(?:(?:first|also|later|again|reportedly|briefly|finally)\s+)?(?P<verb>[a-z-]+)"
    r"(?:\s+(?:from|in|on|at)\s+(?:[A-Za-z][\w-]*\s+){0,3}?)?\s*$"
)


def _nominalized(before: str) -> str | None:
    """Rule 3: "Abliyazov was released | last May" → "the release of Abliyazov"."""
    m = _NOMINALIZE.search(before)
    if not m or m["verb"] not in NOUNS:
        return None
    words = m["subject"].split()
    while len(words) > 1 and words[-1] in {
        "was",
        "were",
        "has",
        "had",
        "have",
        "been",
        "is",
        "are",
        "got",
    }:
        words.pop()
    subject = " ".join(words)
    first = words[0]
    if first in {"He", "She", "It", "They", "We", "I", "You", "The", "This", "That"} and (
        len(subject.split()) == 1
    ):
        return None  # a pronoun: the event would be nobody's
    if first in {"The", "His", "Her", "Their", "Its"}:
        subject = first.lower() + subject[len(first) :]
    return _clean(f"the {NOUNS[m['verb']]} of {subject}")


def event_name(sentence: str, start: int, end: int) -> str | None:
    """The short name of the event dated by sentence[start:end], or None if none is named."""
    before, after, phrase = sentence[:start], sentence[end:], sentence[start:end]
    for name in (
        _noun_phrase_before(before),
        _noun_phrase_after(before, after, phrase),
        _nominalized(before),
    ):
        if name and len(name.split()) <= MAX_WORDS + 2:
            return name[:1].lower() + name[1:] if name.split()[0] in {"The", "A", "An"} else name
    return None
