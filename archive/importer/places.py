"""Places the archive does not know, proposed from three signs news copy gives:

- the dateline: "DUSHANBE, Tajikistan (AP) --", "KIEV, Dec 3 (Reuters) -", "Prague, 24 August
  2004 (RFE/RL) --"; the agency in its brackets is proposed as an organization;
- the names of countries and continents (a fixed list: the world's states change rarely);
- one or two capitalized words after "in", "from", "near", "outside" or "the city of" that
  nothing else claimed and that are not a month, a title or a nationality adjective
  ("in Osh", "from Ternopil", but not "in March", "in Chinese").
"""

from __future__ import annotations

import re

from archive.importer import text as words
from archive.importer.found import Found, Ref
from archive.importer.text import Token
from archive.models import EntityKind
from archive.names import fold

COUNTRIES = [
    fold(name)
    for name in """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahrain|Bangladesh|Belarus|Belgium|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Bulgaria|
Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Costa Rica|
Croatia|Cuba|Cyprus|Czech Republic|Denmark|Djibouti|Ecuador|Egypt|El Salvador|Eritrea|
Estonia|Ethiopia|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|
Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|
Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Liberia|Libya|
Liechtenstein|Lithuania|Luxembourg|Macedonia|Madagascar|Malawi|Malaysia|Mali|Malta|
Mauritania|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|
Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|Norway|Oman|Pakistan|
Palestine|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
Saudi Arabia|Senegal|Serbia|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|
South Korea|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|
Thailand|Togo|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|
United Kingdom|United States|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|
Africa|Asia|Europe|North America|South America|Central Asia|Caucasus|Middle East|Siberia|
Crimea|Chechnya|Transdniester|Abkhazia|South Ossetia|Nagorno-Karabakh
""".replace("\n", "").split("|")
]
_COUNTRY_KEYS = set(COUNTRIES)
_LONGEST = max(len(k.split()) for k in COUNTRIES)

_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+)?),\s+"
    r"(?:[^()\n]{0,30}\s)?\((?P<agency>[A-Z][\w/&.-]{1,20}|[A-Z][a-z]+ [A-Z][a-z]+)\)\s*[-–—]"
)
_BEFORE_PLACE = re.compile(
    r"\b(?:in|from|near|outside|across|the (?:city|town|village|region|province) of)\s+$"
)
# Adjectives of nationality and language end so: "in Chinese", "from European".
_ADJECTIVE = re.compile(r"(?:ese|ian|ean|ish|ic|style)$", re.I)
_MONTHS_DAYS = words.NOT_NAME
# Languages and adjectives that follow "in" without the endings above: "in Kazakh", "in
# Soviet times".
_NOT_PLACES_WORDS = """
Kazakh Uzbek Tajik Kyrgyz Turkmen Azeri Tatar Farsi Dari Pashto Urdu Hindi Dutch French
Greek Latin Hebrew Czech Thai Swahili Arabic Soviet Western Eastern Northern Southern Communist
Islamic Muslim Christian Catholic Orthodox Parliament Congress Court Government Internet
"""
NOT_PLACES = {fold(w) for w in _NOT_PLACES_WORDS.split()}


def place_proposals(
    text: str, toks: list[Token], covered: list[bool], found: list[Found], surnames=()
) -> list[Found]:
    """Unknown places and the dateline's agency; marks the words they take as covered.

    A word of a person's name found in the article, or a known person's surname, is never a
    place: "a letter from Ablyazov" after "Mukhtar Ablyazov"."""
    people = {fold(w) for f in found if f.ref.kind == EntityKind.PERSON for w in f.ref.name.split()}
    people |= set(surnames)
    result: list[Found] = []
    result += _dateline(text, toks, covered)
    i = 0
    while i < len(toks):
        if covered[i] or not toks[i].capitalized:
            i += 1
            continue
        n = _country_at(text, toks, i, covered)
        if n:
            _take(result, text, toks, covered, i, n, EntityKind.PLACE)
            i += n
            continue
        n = _after_preposition(text, toks, i, covered)
        if n and not any(t.key in people for t in toks[i : i + n]):
            _take(result, text, toks, covered, i, n, EntityKind.PLACE)
            i += n
            continue
        i += 1
    return result


def _take(result, text, toks, covered, i, n, kind, confidence=0.6):
    name = text[toks[i].start : toks[i + n - 1].end]
    result.append(
        Found(
            toks[i].start, toks[i + n - 1].end, Ref(kind, fold(name), name), confidence, "proposed"
        )
    )
    covered[i : i + n] = [True] * n


def _country_at(text, toks, i, covered) -> int:
    for n in range(min(_LONGEST, len(toks) - i), 0, -1):
        run = toks[i : i + n]
        if any(covered[i + k] for k in range(n)) or not all(t.capitalized for t in run):
            continue
        if not all(words.joinable(text, run[k], run[k + 1]) for k in range(n - 1)):
            continue
        if " ".join(t.key for t in run) in _COUNTRY_KEYS:
            after = text[run[-1].end : run[-1].end + 2]
            if re.match(r"-[a-z]", after):
                return 0  # "Europe-wide"
            return n
    return 0


def _after_preposition(text, toks, i, covered) -> int:
    if not _BEFORE_PLACE.search(text[max(0, toks[i].start - 30) : toks[i].start]):
        return 0
    n = 1
    if (
        i + 1 < len(toks)
        and not covered[i + 1]
        and toks[i + 1].capitalized
        and text[toks[i].end : toks[i + 1].start] in {" ", "-"}
    ):
        n = 2
    run = toks[i : i + n]
    for t in run:
        lowered = t.text.lower()
        if (
            lowered in _MONTHS_DAYS
            or lowered in words.TITLES
            or lowered in words.ROLE_NOUNS
            or lowered in words.ORG_WORDS
            or _ADJECTIVE.search(t.text)
            or t.key in NOT_PLACES
            or t.all_caps
            or not t.text.isalpha()
        ):
            return 0
    after = text[run[-1].end : run[-1].end + 3]
    if re.match(r"-[a-z]", after):
        return 0  # "Soviet-style"
    if re.match(r"\s[A-Z]", after):
        return 0  # a longer name ("in Human Rights Watch"): not ours to cut
    return n


def _dateline(text, toks, covered) -> list[Found]:
    """The city opening the body's dateline and the agency in its brackets. A country after
    the city ("DUSHANBE, Tajikistan (AP)") is found by the list of countries."""
    m = _DATELINE.match(text)
    if not m:
        return []
    result: list[Found] = []
    by_start = {t.start: k for k, t in enumerate(toks)}
    for group, kind in (("city", EntityKind.PLACE), ("agency", EntityKind.ORGANIZATION)):
        i = by_start.get(m.start(group))
        n = len(words.tokens(m[group]))
        if i is None or any(covered[i : i + n]) or m[group].lower() in _MONTHS_DAYS:
            continue
        name = m[group].title() if kind == EntityKind.PLACE and m[group].isupper() else m[group]
        ref = Ref(kind, fold(name), name)
        result.append(Found(m.start(group), m.end(group), ref, 0.7, "proposed"))
        covered[i : i + n] = [True] * n
    return result
