"""The transliteration-folding key: one spelling for the many ways a name is romanized.

Search and the importer both match names on this key, so that Zhaqiyanov, Zhakiyanov and
Zhakianov; Nazarbaev and Nazarbayev; Abliyazov, Ablyazov and Abliazov; Pasi and Passy;
Kalyuzhnyi and Kaliuzhnyi meet. The rules, applied in order to each word:

1. Unicode compatibility decomposition; accents and other combining marks are dropped;
   letters are case-folded.
2. Cyrillic (Russian and Kazakh letters) is romanized letter by letter (ж → zh, қ → k, …).
3. Anything that is not a letter or digit separates words.
4. Spellings of one sound are made one: q → k, x → ks, w → v, ph → f, kh → h.
5. A y between two vowels is dropped (Nazarbayev → nazarbaev, Zhakiyanov → zhakianov).
6. Every other y is i (Ablyazov → abliazov, Passy → passi, Sergey → sergei).
7. A doubled letter is written once (Passi → pasi, Kalyuzhnyi → kaliuzhnii → kaliuzhni).

The key is for matching only: it over-merges a little (it cannot tell "Kasym" from "Qasim"
apart either), which is what a search for a transliterated name wants.
"""

from __future__ import annotations

import re
import unicodedata

CYRILLIC = dict(
    zip(
        "абвгдезийклмнопрстуфыэъьәғқңөұүһі",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "y",
            "e",
            "",
            "",
            "a",
            "g",
            "k",
            "n",
            "o",
            "u",
            "u",
            "h",
            "i",
        ],
        strict=True,
    )
)
CYRILLIC.update(
    {
        "ё": "yo",
        "ж": "zh",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ю": "yu",
        "я": "ya",
    }
)

VOWELS = "aeiou"
_SPLIT = re.compile(r"[^0-9a-z]+")
_SOUNDS = [("ph", "f"), ("kh", "h"), ("q", "k"), ("x", "ks"), ("w", "v")]
_Y_BETWEEN_VOWELS = re.compile(rf"(?<=[{VOWELS}])y(?=[{VOWELS}])")
_DOUBLED = re.compile(r"([a-z])\1+")


def _romanize(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Decomposition splits й into и + breve; recompose Cyrillic before dropping marks.
    decomposed = unicodedata.normalize("NFKC", decomposed)
    out = []
    for char in decomposed:
        if char in CYRILLIC:
            out.append(CYRILLIC[char])
        else:
            out.extend(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
    return "".join(out)


def fold_word(word: str) -> str:
    for spelling, sound in _SOUNDS:
        word = word.replace(spelling, sound)
    word = _Y_BETWEEN_VOWELS.sub("", word)
    word = word.replace("y", "i")
    return _DOUBLED.sub(r"\1", word)


def fold_words(text: str) -> list[str]:
    """The folded key of every word in `text`, in order."""
    return [fold_word(w) for w in _SPLIT.split(_romanize(text)) if w]


def fold(text: str) -> str:
    """The folding key of a name or phrase: its folded words joined by single spaces."""
    return " ".join(fold_words(text))


# Words that belong to the family name when they come before it ("Ludwig van Beethoven"),
# and endings that follow it ("Martin Luther King Jr.").
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le"}
_PARTICLES |= {"al", "el", "bin", "ibn", "ben", "ter", "ten", "zu", "dos", "das", "st."}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def split_person_name(name: str) -> tuple[str, str]:
    """(given, family) of a name written given name first: "Vanessa Saenen" -> ("Vanessa",
    "Saenen"); particles stay with the family name ("Ludwig van Beethoven" -> ("Ludwig",
    "van Beethoven")). A single word is a family name with no given name."""
    words = name.split()
    suffix = []
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        suffix.insert(0, words.pop())
    if len(words) <= 1:
        return "", " ".join(words + suffix)
    first_family = len(words) - 1
    while first_family > 1 and words[first_family - 1].lower() in _PARTICLES:
        first_family -= 1
    given = " ".join(words[:first_family])
    family = " ".join(words[first_family:] + suffix)
    return given, family


def person_sort_name(name: str, given: str = "", family: str = "") -> str:
    """How a person sorts in the A-Z index: family name first ("Saenen, Vanessa"). The
    recorded given and family names win over the split of `name`."""
    if not family:
        given, family = split_person_name(name)
    return f"{family}, {given}" if given else family
