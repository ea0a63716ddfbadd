"""Invented people, organizations, places and events, with the aliases an archive collects.

Family names are built to have the spellings that transliteration produces (Zhakiyanov and
Zhakianov, Nazarbayev and Nazarbaev, Passy and Pasi); `spelling_variants` derives those
variants and keeps only the ones that `archive.names.fold` maps to the same key as the
canonical spelling, so every alias is one the search's folding must join.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from django.utils.text import slugify

from archive.names import fold


def _words(text: str) -> list[str]:
    """A word list written as running text, which reads better than a list literal."""
    return text.split()


GIVEN_NAMES = _words("""
Aigul Bolat Galymzhan Yerlan Nurlan Dariga Sergei Yevgeny Olga Marat Asel Timur Zhanna Amina
Ruslan Saule Askar Gulnara Daniyar Aliya Kairat Madina Yermek Dinara Rustam Lyudmila Viktor
Irina Oleg Natalya Azamat Ainur Bakhyt Zhanar Murat Aizhan Serik Gulmira Yuri Tatyana Dmitry
Svetlana Talgat Aidos Kuanysh Akmaral Rakhat Bibigul Petr Valentina Nikolai Alexei Elena
Mikhail Anna Claire Thomas Vanessa Pieter Martin Sophie Jonas Ingrid Paolo Lucia Mateus
Helena Tomas Agnieszka Andras Kristina Lars Eva Jan Miriam David Rachel Omar Leila Farid
""")

# Stems carry the sounds transliteration spells in several ways (y, q/k, kh, doubled letters).
_STEM_ONSETS = _words("Zh Kh Q K B T S N M D Zh Ab Al Ar Er Es Ys Tu Ka Sa Ba Ta Na Ma Du Pa")
_STEM_MIDDLES = [
    "akiy",
    "aqiy",
    "ar",
    "aly",
    "ely",
    "ub",
    "ass",
    "ull",
    "ash",
    "ymb",
    "urs",
    "elt",
    "ayk",
    "abl",
    "ekb",
    "uly",
    "iyas",
    "ayb",
    "azh",
    "ush",
    "ork",
    "ibr",
    "emb",
    "aqs",
    "oll",
]
_SUFFIXES = [
    "anov",
    "ayev",
    "iyev",
    "ov",
    "ev",
    "yazov",
    "bekov",
    "enko",
    "uzhnyi",
    "skyi",
    "uly",
    "y",
    "in",
    "ova",
    "ayeva",
    "ina",
    "anova",
    "ekova",
    "yuk",
    "ych",
]

COUNTRY_STEMS = _words("""
Ardavia Belostan Karamyr Zhetysia Tauland Osmaria Velikor Syrdaria Ulmestan Qostania Norvalia
Estrevia Baltoria Kemeria
""")

_TOPIC_TEXT = """
Press Freedom; Human Rights; Fair Elections; Open Government; Rural Development; Energy;
Justice; Foreign Affairs; Internal Affairs; Education; Health; Finance; Culture; Agriculture;
Transport; Emergencies; Labour; Youth; Environment; Minority Rights; Free Speech;
Economic Reform; Anti-Corruption; Legal Aid; Independent Media; Civil Liberties
"""
TOPICS = [topic.strip() for topic in _TOPIC_TEXT.split(";")]

EVENT_KINDS = [
    ("election", "parliamentary election"),
    ("election", "presidential election"),
    ("election", "local elections"),
    ("arrest", "arrest of opposition leaders"),
    ("release", "prisoner release"),
    ("legislation", "media law"),
    ("legislation", "election law amendments"),
    ("press_conference", "news conference"),
    ("meeting", "donor conference"),
    ("monitoring", "election monitoring mission"),
    ("founding", "founding congress"),
    ("letter", "open letter"),
    ("other", "pipeline dispute"),
    ("other", "border talks"),
]

ROLES = {
    "spokesperson": ["spokesman", "spokeswoman", "press secretary"],
    "leader": ["chairman", "leader", "director", "co-chair"],
    "officeholder": ["minister", "deputy minister", "governor", "ambassador", "prosecutor"],
    "staff": ["researcher", "analyst", "correspondent", "lawyer", "adviser"],
    "member": ["member", "deputy", "activist"],
    "founder": ["founder", "co-founder"],
}

LATIN_TO_CYRILLIC = [
    ("shch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ye", "е"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("y", "ы"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("q", "қ"),
    ("h", "һ"),
]

# Spelling changes that romanization systems disagree on.
_VARIANT_RULES = [
    (re.compile(r"(?<=[aeiou])y(?=[aeiou])"), ""),  # Nazarbayev -> Nazarbaev
    (re.compile(r"(?<=i)(?=[aeou])"), "y"),  # Zhakianov -> Zhakiyanov
    (re.compile(r"q"), "k"),  # Zhaqiyanov -> Zhakiyanov
    (re.compile(r"k(?=[aiou])"), "q"),
    (re.compile(r"y(?![aeiou])"), "i"),  # Passy -> Passi, Kalyuzhnyi -> Kaliuzhnyi
    (re.compile(r"(?<=[^aeiou])y(?=[aeiou])"), "i"),  # Ablyazov -> Abliazov
    (re.compile(r"([bdlmnprst])\1"), r"\1"),  # Passi -> Pasi
    (re.compile(r"(?<=[aeiou])s(?=[aeiouy]|$)"), "ss"),  # Pasi -> Passi
    (re.compile(r"kh"), "h"),
]


def spelling_variants(name: str, limit: int = 3) -> list[str]:
    """Other romanizations of `name` that fold to the same key, most distinct first."""
    key = fold(name)
    found: list[str] = []
    frontier = [name]
    for _ in range(2):  # variants of variants, e.g. Zhaqiyanov -> Zhakiyanov -> Zhakianov
        next_frontier = []
        for spelling in frontier:
            lower = spelling.lower()
            for pattern, replacement in _VARIANT_RULES:
                changed = pattern.sub(replacement, lower, count=1)
                variant = _recase(name, changed)
                new = changed != lower and variant not in found and variant != name
                if new and fold(variant) == key:
                    found.append(variant)
                    next_frontier.append(variant)
        frontier = next_frontier
    return found[:limit]


def _recase(original: str, lower: str) -> str:
    """Give `lower` the capitals of `original` word by word (name variants keep initials)."""
    return " ".join(w[:1].upper() + w[1:] for w in lower.split(" ")) if original else lower


def cyrillic(name: str) -> str | None:
    """A Russian-style Cyrillic spelling of a Latin name, if it folds back to the same key."""
    words = []
    for word in name.lower().split():
        out, i = [], 0
        while i < len(word):
            for latin, cyr in LATIN_TO_CYRILLIC:
                if word.startswith(latin, i):
                    out.append(cyr)
                    i += len(latin)
                    break
            else:
                return None
        text = "".join(out)
        words.append(text[:1].upper() + text[1:])
    spelled = " ".join(words)
    return spelled if fold(spelled) == fold(name) else None


@dataclass(eq=False)  # identity: drafts go in sets and dict keys
class Draft:
    """One entity before it is saved: what the generator needs to write text about it."""

    kind: str
    name: str
    slug: str
    short: str  # how later mentions name it: a family name, an abbreviation
    aliases: list[tuple[str, str, str]] = field(default_factory=list)  # name, kind, language
    fields: dict = field(default_factory=dict)
    pk: int | None = None
    parent: Draft | None = None  # a city's country, a person's organization, a reporter's outlet
    role: str = ""  # how articles describe a person: "spokesman of the Centre for Justice"
    year: int = 0  # an event's year

    @property
    def variants(self) -> list[str]:
        """Alias spellings that articles may print instead of the name."""
        return [a for a, kind, lang in self.aliases if kind == "transliteration" and lang == ""]


class Namer:
    """Unique names and slugs per kind, stable for a seed."""

    def __init__(self, rng: random.Random, taken_slugs: dict[str, set[str]]):
        self.rng = rng
        self.taken = taken_slugs

    def slug(self, kind: str, name: str) -> str:
        base = slugify(name)[:180] or kind
        slug, n = base, 1
        taken = self.taken.setdefault(kind, set())
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        return slug

    def _stem(self) -> str:
        onset, middle = self.rng.choice(_STEM_ONSETS), self.rng.choice(_STEM_MIDDLES)
        if onset[-1] in "aeiou" and middle[0] in "aeiou":
            middle = middle[1:]  # "Ba" + "ayk" would read Baayk
        return onset + middle

    def family_name(self) -> str:
        stem = self._stem()
        return stem[:1].upper() + (stem[1:] + self.rng.choice(_SUFFIXES)).lower()

    def country(self, index: int) -> str:
        stem = COUNTRY_STEMS[index % len(COUNTRY_STEMS)]
        return stem if index < len(COUNTRY_STEMS) else f"{stem} {index // len(COUNTRY_STEMS) + 1}"

    def place_name(self) -> str:
        stem = self._stem()
        ending = self.rng.choice(
            ["a", "ty", "obe", "sk", "bad", "kent", "ograd", "au", "tau", "ar"]
        )
        return stem[:1].upper() + (stem[1:] + ending).lower()


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())
