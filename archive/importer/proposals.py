"""People and organizations the archive does not know, proposed from capitalized runs of
words with a sign of what they are: an organization word ("Ministry", "Party", "Watch"),
initials in brackets, a common noun beside the name ("the Nur Otan party"); for a person, a
title or role ("Foreign Minister", "lawyer"), a reporting verb next to it, an apposition
("…, a spokesman for…"), an age ("Seitova, 47,"), a relative ("his wife, Gulnora,"), or a
pronoun taking the name up later in the paragraph.
"""

from __future__ import annotations

import re

from archive.importer import text as words
from archive.importer.found import Found, Ref
from archive.importer.text import Token
from archive.models import EntityKind
from archive.names import fold

MONTHS_AND_DAYS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
# Capitalized words that make a run a place or a thing, not a person.
NOT_PERSON_WORDS = {
    "new",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "united",
    "european",
    "national",
    "state",
    "supreme",
    "constitutional",
    "soviet",
    "sea",
    "river",
    "lake",
    "mountains",
    "valley",
    "region",
    "province",
    "oblast",
    "district",
    "city",
    "street",
    "square",
    "republic",
    "kingdom",
    "federation",
    "island",
    "islands",
    "asia",
    "europe",
    "africa",
    "america",
    "day",
    "week",
    "year",
    "war",
    "act",
    "law",
    "code",
}
# Lower-case words inside names: "Committee to Protect Journalists", "Ahmed bin Ali".
CONNECTORS = {
    "of",
    "for",
    "and",
    "to",
    "the",
    "on",
    "in",
    "de",
    "van",
    "von",
    "der",
    "da",
    "di",
    "du",
    "le",
    "la",
    "bin",
    "ibn",
    "al",
    "el",
    "ul",
}
# Common nouns that make the capitalized words next to them an organization's name.
ORG_NOUNS = {
    "party",
    "movement",
    "bloc",
    "group",
    "ministry",
    "committee",
    "organization",
    "organisation",
    "foundation",
    "union",
    "agency",
    "alliance",
    "coalition",
    "company",
    "newspaper",
    "channel",
    "broadcaster",
    "website",
    "daily",
    "weekly",
    "network",
    "charity",
    "fund",
    "firm",
    "club",
    "team",
    "operator",
    "producer",
    "giant",
    "holding",
    "conglomerate",
    "regulator",
    "outlet",
    "station",
    "magazine",
    "paper",
    "publisher",
    "university",
    "institute",
    "council",
    "bank",
    "commission",
    "court",
    "office",
    "association",
    "watchdog",
    "service",
    "authority",
    "body",
    "monopoly",
    "directorate",
    "inspectorate",
    "department",
    "bureau",
    "mission",
    "tribunal",
    "board",
}
# Bodies named after where they are posted: "the US Embassy in Bishkek".
STATIONED = {"embassy", "consulate", "mission", "representation", "delegation"}
# "his wife, Gulnora," / "Petrova's husband Andrei": a relative named by a given name only.
# "who gave her name only as Oksana", "identified only as Marat"
# "who gave only his first name, Anatoly", "who would give only her first name, Halyna"
GIVEN_AS = re.compile(
    r"\b(?:name|named|identified|known)\s+(?:only\s+)?as\s+$|"
    r"\b(?:gave|give|gives|giving)\s+(?:only\s+)?(?:his|her)\s+(?:first\s+|given\s+)?name"
    r"(?:\s+only)?(?:\s+as|,)\s+$"
)
# "Her 13-year-old son, Bobur," too: up to two words between the owner and the relation;
# the owner may be described: "the dead man's widow, Zuhra,".
KIN = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Za-z]\w+['’]s)\s+(?:[a-z0-9-]+\s+){0,2}(?:wife|husband|son|daughter|mother|father|brother|"
    r"sister|widow|widower|neighbou?r|friend|colleague|cousin|lawyer)\s*,?\s*$"
)


def _speaker_words(text: str) -> set[str]:
    """Folded single words standing where a speaker's name stands: "says Seitova",
    "Seitova said", "Seitova, 47," — so "Dinara Seitova" earlier is taken for a person."""
    keys = set()
    for pattern in (_SPEAKER_AFTER_CUE, _SPEAKER_BEFORE_CUE, _AGED):
        for m in pattern.finditer(text):
            word = m[1]
            lowered = word.lower()
            if lowered in words.NOT_NAME or lowered in words.TITLES or lowered in words.ORG_WORDS:
                continue
            if lowered in words.PRONOUNS:
                continue
            keys.add(fold(word))
    return keys


def proposals(text: str, toks: list[Token], covered: list[bool], found: list[Found]):
    """Unknown people and organizations. A known place may stand inside an organization's
    name ("Kazakhstan Bureau for Human Rights", "Democratic Party of Tajikistan"): then the
    organization takes the words and the place mention is dropped."""
    speakers = _speaker_words(text)
    places = {
        k: f
        for f in found
        if f.ref.kind == EntityKind.PLACE
        for k, t in enumerate(toks)
        if f.start <= t.start < f.end
    }

    def free(k: int) -> bool:
        return not covered[k] or k in places

    result: list[Found] = []
    i = 0
    while i < len(toks):
        if not free(i) or not toks[i].capitalized:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and free(j) and words.joinable(text, toks[j - 1], toks[j]):
            if toks[j].capitalized:
                j += 1
            elif (
                toks[j].text == "s"
                and _role_word(toks[j - 1].text)
                and j + 1 < len(toks)
                and toks[j + 1].text.lower() in words.ORG_WORDS
                and free(j + 1)
                and words.joinable(text, toks[j], toks[j + 1])
            ):
                j += 2  # "the Prosecutor-General's Office", "the President's Office"
            elif (
                toks[j].text in {"of", "for"}
                and toks[j - 1].text.lower() in words.ORG_WORDS
                and j + 2 < len(toks)
                and toks[j + 1].text == "the"
                and toks[j + 2].capitalized
                and toks[j + 2].text.lower() not in MONTHS_AND_DAYS
                and free(j + 1)
                and free(j + 2)
                and words.joinable(text, toks[j], toks[j + 1])
                and words.joinable(text, toks[j + 1], toks[j + 2])
            ):
                j += 3  # "the Police of the Republic of Armenia"
            elif (
                toks[j].text in CONNECTORS
                and j + 1 < len(toks)
                and toks[j + 1].capitalized
                and toks[j + 1].text.lower() not in MONTHS_AND_DAYS  # "Court on Friday"
                and free(j + 1)
                and words.joinable(text, toks[j], toks[j + 1])
            ):
                j += 2
            else:
                break
        made = False
        for first, part, person_ok in _split_at_title(i, toks[i:j]):
            whole = _classify(text, toks, first, part, speakers, person_ok)
            if whole and not _two_bodies(text, toks, first, part, speakers):
                found_here = [whole]
            else:
                found_here = _coordinated(text, toks, first, part, speakers, person_ok)
            for proposal in found_here:
                if not proposal:
                    continue
                start, end, kind, name = proposal
                span = [k for k in range(first, first + len(part)) if start <= toks[k].start < end]
                inside = {id(places[k]) for k in span if k in places}
                if inside and kind != EntityKind.ORGANIZATION:
                    continue  # the place mention stands; no person is made of it
                result.append(Found(start, end, Ref(kind, fold(name), name), 0.6, "proposed"))
                found[:] = [f for f in found if id(f) not in inside]
                for k in span:
                    covered[k] = True
                made = True
        if not made and i in places:
            # Only the place: step past it.
            j = max(k for k in range(i, j) if k in places) + 1
        i = j
    result += _embassies(text, toks, covered, found)
    return _without_bare_surnames(result, found, toks, covered)


# "The US embassy in Bishkek said": a country's embassy named in lower case, with its city.
_EMBASSY = re.compile(
    r"\b((?:U\.S\.|[A-Z][A-Za-z]+)\s+embassy(?:\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?)"
)


def _embassies(text: str, toks: list[Token], covered: list[bool], found: list[Found]):
    result = []
    for m in _EMBASSY.finditer(text):
        span = [k for k, t in enumerate(toks) if m.start() <= t.start < m.end()]
        if not span or toks[span[0]].text.lower() in words.NOT_NAME:
            continue
        places = [f for f in found if m.start() <= f.start < m.end()]
        if any(
            covered[k] and not any(f.start <= toks[k].start < f.end for f in places) for k in span
        ):
            continue  # part of a longer name already found (places inside are taken over)
        found[:] = [f for f in found if f not in places]
        name = m[1]
        result.append(
            Found(
                m.start(), m.end(), Ref(EntityKind.ORGANIZATION, fold(name), name), 0.6, "proposed"
            )
        )
        for k in span:
            covered[k] = True
    return result


def _without_bare_surnames(result, found, toks, covered):
    """A one-word person whose word ends a full name named earlier is that person's surname
    (linked in pass 3), not somebody new."""
    first_full: dict[str, int] = {}
    for p in found + result:
        if p.ref.kind == EntityKind.PERSON and len(p.ref.key.split()) > 1:
            surname = p.ref.key.split()[-1]
            first_full[surname] = min(first_full.get(surname, p.start), p.start)
    token_at = {t.start: k for k, t in enumerate(toks)}
    kept = []
    for f in result:
        one_word = f.ref.kind == EntityKind.PERSON and len(f.ref.key.split()) == 1
        if one_word and first_full.get(f.ref.key, f.start) < f.start:
            if f.start in token_at:
                covered[token_at[f.start]] = False
            continue
        kept.append(f)
    return kept


def _coordinated(text, toks, first, run, speakers, person_ok) -> list:
    """The names in a run joined by "and": "Alena Shyrokava and Tsimafei Drahun were
    sentenced", "Uzbekneftegaz and China National Petroleum Corporation"."""
    pieces = _split_at_and(first, run)
    found = [_classify(text, toks, at, piece, speakers, person_ok) for at, piece in pieces]
    if any(p and p[2] == EntityKind.PERSON for p in found):
        # A name coordinated with a person's is a person's, if it can be one.
        found = [
            p or _classify(text, toks, at, piece, speakers | {piece[-1].key})
            for p, (at, piece) in zip(found, pieces, strict=True)
        ]
    return found


def _two_bodies(text, toks, first, run, speakers) -> bool:
    """An organization's name holding "and" is two names when the words after the last
    "and" name an organization by themselves ("… and China National Petroleum Corporation")
    and the words before it are a name the article uses alone."""
    pieces = _split_at_and(first, run)
    if len(pieces) < 2:
        return False
    at, tail = pieces[-1]
    tail_kind = _classify(text, toks, at, tail, speakers)
    if not (
        tail_kind
        and tail_kind[2] == EntityKind.ORGANIZATION
        and len(tail) >= 2
        and tail[-1].text.lower() in words.ORG_WORDS
    ):
        return False
    # The words before "and" stand alone elsewhere in the article: a name of their own
    # ("Uzbekneftegaz said"), unlike "National Development and Reform Commission".
    _, head = pieces[0]
    surface = text[head[0].start : head[-1].end]
    return len(re.findall(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text)) > 1


def _split_at_and(first: int, run: list[Token]) -> list[tuple[int, list[Token]]]:
    """The pieces of a run between its "and"s, each with the index of its first token."""
    pieces, at, piece = [], first, []
    for k, t in enumerate(run):
        if t.text == "and":
            pieces.append((at, piece))
            at, piece = first + k + 1, []
        else:
            piece.append(t)
    pieces.append((at, piece))
    return [(at, piece) for at, piece in pieces if piece] if len(pieces) > 1 else []


def _split_at_title(first: int, run: list[Token]) -> list[tuple[int, list[Token], bool]]:
    """ "National Bank Governor Timur Suleimenov" is an organization, then a titled person;
    what stands before a title qualifies it and is never a person."""
    if run[-1].text.lower() in words.ORG_WORDS:
        return [(first, run, True)]  # "the Russian Prosecutor General's Office"
    for k, t in enumerate(run):
        lowered = t.text.lower()
        title = lowered in words.TITLES or lowered in words.ROLE_NOUNS
        if k + 1 < len(run) and run[k + 1].text in CONNECTORS:
            continue  # "United Nations High Commissioner for Refugees": an office
        if any(t.text.lower() in words.ORG_WORDS for t in run[k + 1 :]):
            continue  # "United Nations Observer Mission in Georgia": an organization
        if k > 0 and title and len(run) - k >= 3:
            return [(first, run[:k], False), (first + k, run[k:], True)]
    return [(first, run, True)]


def _classify(
    text: str,
    toks: list[Token],
    i: int,
    run: list[Token],
    speakers: set[str],
    person_ok: bool = True,
):
    # An organization: a run holding an organization word, or one defined with initials.
    trimmed = list(run)
    while trimmed and trimmed[0].text.lower() in words.NOT_NAME:
        trimmed.pop(0)
    while trimmed and trimmed[-1].text.lower() in {"of", "for", "and", "to", "the", "on", "in"}:
        trimmed.pop()
    located = [n for n, t in enumerate(trimmed) if t.text == "in" and n > 0]
    if (
        located
        and trimmed[located[0] - 1].text.lower() not in STATIONED
        # "… Cooperation in Europe", "… in Central Asia": a region belongs to the name
        and trimmed[located[0] + 1 : located[0] + 2]
        and trimmed[located[0] + 1].text.lower() not in NOT_PERSON_WORDS
    ):
        # "the Ministry of Education and Science in Astana": where it sits, not its name.
        trimmed = trimmed[: located[0]]
    if len(trimmed) >= 2 and all(
        t.text.isalpha() and t.text.lower() not in MONTHS_AND_DAYS for t in trimmed
    ):
        acronym_after = re.match(r"\s*\(([A-Z][A-Za-z/&-]*[A-Z])\)", text[trimmed[-1].end :][:20])
        if acronym_after or any(t.text.lower() in words.ORG_WORDS for t in trimmed):
            name = text[trimmed[0].start : trimmed[-1].end]
            return trimmed[0].start, trimmed[-1].end, EntityKind.ORGANIZATION, name
    # An organization named before or after a common noun: "the Nur Otan party", "the
    # news agency Kabar".
    if trimmed and all(t.text.isalpha() and not t.all_caps for t in trimmed):
        name = text[trimmed[0].start : trimmed[-1].end]
        after = re.match(r" ([a-z]+)\b", text[trimmed[-1].end : trimmed[-1].end + 20])
        before = re.search(
            r"\b([a-z]+),? $", text[max(0, trimmed[0].start - 20) : trimmed[0].start]
        )
        # "the ministry's press office, Marat Iskakov, said": a comma after the noun sets
        # off an apposition, a person where the clause speaks of a spokesman or a head.
        clause = re.split(r"[.;:!?\"“”]", text[max(0, trimmed[0].start - 100) : trimmed[0].start])
        # A role noun, not a title's modifier: "the state energy company, Naftogaz Ukrainy,"
        # names the company.
        apposed = (
            before
            and before[0].startswith(before[1] + ",")
            and any(_role_noun(w) for w in re.findall(r"[A-Za-z]+", clause[-1]))
        )
        named = (after and after[1] in ORG_NOUNS and not _demonym(trimmed)) or (
            before
            and before[1] in ORG_NOUNS
            and len(trimmed) <= 3
            and not apposed
            # "to the court, Rakhimova said": the subject, not the court's name.
            and not (before[0].startswith(before[1] + ",") and trimmed[-1].key in speakers)
        )
        if named and not any(t.text.lower() in words.NOT_NAME for t in trimmed):
            return trimmed[0].start, trimmed[-1].end, EntityKind.ORGANIZATION, name
    # "Paris-based Reporters Without Borders": what is based somewhere is an institution.
    based = trimmed and re.search(
        r"[A-Za-z]-based\s+$", text[max(0, trimmed[0].start - 30) : trimmed[0].start]
    )
    if based and all(t.text.isalpha() for t in trimmed):
        name = text[trimmed[0].start : trimmed[-1].end]
        return trimmed[0].start, trimmed[-1].end, EntityKind.ORGANIZATION, name
    # One word whose spokesman speaks: "Gazprom spokesman Pavel Ryabov". A nationality
    # ("Kazakh spokesman") is not an institution.
    if len(trimmed) == 1 and trimmed[0].text.isalpha() and not _demonym(trimmed):
        t = trimmed[0]
        if _SPOKESMAN_AFTER.match(text, t.end) and t.text.lower() not in words.NOT_NAME:
            return t.start, t.end, EntityKind.ORGANIZATION, t.text
    # One word speaking as an institution: "the Kremlin said", "NATO said".
    if len(trimmed) == 1 and trimmed[0].text.isalpha():
        t = trimmed[0]
        before = text[max(0, t.start - 5) : t.start].lower()
        speaks = _CUE_AFTER.match(text[t.end : t.end + 160])
        institution = before.endswith("the ") or (t.all_caps and 2 <= len(t.text) <= 6)
        if speaks and institution and t.text.lower() not in words.NOT_NAME:
            return t.start, t.end, EntityKind.ORGANIZATION, t.text
    if not person_ok:
        return None
    # A person: two to four capitalized words with a sign that a person is meant; the
    # words after the last title ("Kyrgyz President Almazbek Atambayev").
    titled = [
        n
        for n, t in enumerate(run)
        if t.text.lower() in words.TITLES or t.text.lower() in words.ROLE_NOUNS
    ]
    people = run[titled[-1] + 1 :] if titled else list(run)
    # "Tom Harwell of Oklahoma": the name ends before a connecting word.
    cut = [n for n, t in enumerate(people) if t.text in {"of", "for", "and", "to", "the", "on"}]
    if cut:
        people = people[: cut[0]]
    while people and people[0].text.lower() in words.NOT_NAME:
        people.pop(0)
    if (
        len(people) == 1
        and (
            KIN.search(text[max(0, people[0].start - 40) : people[0].start])
            or GIVEN_AS.search(text[max(0, people[0].start - 40) : people[0].start])
            or re.match(r",\s*\d{1,3},", text[people[0].end : people[0].end + 8])
            or (
                _ONE_NAME_PERSON.match(text, people[0].end)
                # "a diplomat in Ashgabat, who asked not to be named": the place is not the who.
                and not re.search(
                    r"\b(?:in|at|from|of|to|near|for|with)\s+$", text[: people[0].start][-12:]
                )
            )
        )
    ):
        t = people[0]
        # "the bank, known as BTA": initials name an institution, not a person.
        if t.text.isalpha() and not t.all_caps and t.text.lower() not in words.NOT_NAME:
            return t.start, t.end, EntityKind.PERSON, t.text
    if not 2 <= len(people) <= 4 or {t.text for t in people} & {"of", "for", "and", "to", "the"}:
        return None
    if any(
        t.all_caps
        or not t.text.isalpha()
        or t.text.lower() in words.NOT_NAME
        or t.text.lower() in words.ORG_WORDS
        or t.text.lower() in NOT_PERSON_WORDS  # "United States", "Central Asia"
        for t in people
    ):
        return None
    if " " not in text[people[0].start : people[-1].end]:
        return None  # one hyphenated word: "Kyrgyz-Uzbek", "Kara-Suu"
    if people[-1].key not in speakers and not _person_signal(text, run, people):
        return None
    name = text[people[0].start : people[-1].end]
    return people[0].start, people[-1].end, EntityKind.PERSON, name


# "Oyunchimeg, who heads the monitors", "Battsetseg, a 26-year-old university student":
# people known by one name, as Mongolians often are.
_ONE_NAME_PERSON = re.compile(
    r",\s+(?:who\s|a\s+(?:[\w-]+\s+){0,3}?(?:student|pensioner|teacher|mother|father|"
    r"grandmother|grandfather|widow|farmer|nurse|doctor|miner|driver|worker|trader|"
    r"resident|housewife|veteran|survivor)\b)"
)
_SPOKESMAN_AFTER = re.compile(r" (?:spokesman|spokeswoman|spokesperson|press secretary) [A-Z]")
_DEMONYM = re.compile(r"(?:an|ish|ese|ic|i|kh|ek|ik|yz|men)$")
_CUE_AFTER = re.compile(rf"^(?:,[^.\"“”]{{0,120}}?,)?\s+(?:\w+ly\s+)?{words.CUE_RE}", re.I)
_CUE_BEFORE = re.compile(rf"\b{words.CUE_RE}\s*,?\s*$", re.I)
_SPEAKER_AFTER_CUE = re.compile(rf"\b{words.CUE_RE}\s+([A-Z][\w'’-]+)\b(?!\s+[A-Z])")
_SPEAKER_BEFORE_CUE = re.compile(
    rf"\b([A-Z][\w'’-]+)(?:,\s*\d{{1,3}},)?\s+(?:\w+ly\s+)?{words.CUE_RE}"
)
_AGED = re.compile(r"\b([A-Z][\w'’-]+),\s*\d{1,3},")
_APPOSITION = re.compile(r"^,\s+(?:a|an|the|who|his|her|its|their|[A-Z][\w/]*'s)\b")
_PREDICATE = re.compile(r"^\s+(?:is|was)\s+(?:a|an|the)\b")


def _demonym(run: list[Token]) -> bool:
    """ "Canadian", "Kazakh": a one-word nationality, not an institution's name."""
    return len(run) == 1 and bool(_DEMONYM.search(run[0].text))


def _role_noun(word: str) -> bool:
    word = word.lower()
    return word in words.ROLE_NOUNS or word.removesuffix("s") in words.ROLE_NOUNS


def _role_word(word: str) -> bool:
    """A role noun or a title word ("state", "foreign"), singular or plural."""
    word = word.lower()
    return _role_noun(word) or word in words.TITLES or word.removesuffix("s") in words.TITLES


def _person_signal(text: str, run: list[Token], people: list[Token]) -> bool:
    before = text[max(0, people[0].start - 40) : people[0].start]
    after = text[people[-1].end : people[-1].end + 160]
    # "The head of the commission, Sulaiman Imanbaev," / "Her neighbour, Bolat Seitkali,"
    clause = re.split(r"[.;:!?\"“”]", text[max(0, people[0].start - 80) : people[0].start])[-1]
    if clause.endswith(", ") and any(_role_word(w) for w in re.findall(r"[A-Za-z]+", clause)):
        return True
    # "Ayan's fellow organizer, Maks Bokaev," / "her husband, Andrei Petrov,"
    if re.search(r"\b(?:his|her|their|[A-Z][\w/]*'s)\s+(?:[a-z-]+\s+){0,2}[a-z-]+,\s$", clause):
        return True
    # "Rachel Denber, deputy director of …," / "Kimmo Kiljunen, who led …"
    m = re.match(r"^,\s+((?:[\w'-]+\s+){0,3}[\w'-]+)", after)
    if m and any(_role_word(w) for w in re.findall(r"[A-Za-z]+", m[1])):
        return True
    if len(people) < len(run) and run[0].text.lower() in words.TITLES:
        return True
    # "Ivan Maric of the Croatian Democratic Union (HDZ) said": a member of an organization.
    member_of = re.match(r"^ of (?:the )?((?:[A-Z][\w'’-]*\s?){1,6})", after)
    if member_of and any(w.lower() in words.ORG_WORDS for w in member_of[1].split()):
        return True
    # "“…” That is how Nana Kvaratskhelia describes it", "That view came from Ann Lee".
    if re.search(r"\b(?:(?:That|This) (?:is|was) how|(?:came|comes) from)\s+$", before):
        return True
    last_before = re.search(r"(\w+)\W*$", before)
    if last_before and (
        last_before[1].lower() in words.TITLES or last_before[1].lower() in words.ROLE_NOUNS
    ):
        return True
    # A sentence that opens with the name and is followed by "he" or "she" before the
    # paragraph ends: "Bolat Abilov resigned in 2007. "…," he said later."
    starts_sentence = not before.strip() or re.search(r"[.!?][\"”’)]?\s+$|\n\n$", before)
    if starts_sentence and not any(t.text.lower() in NOT_PERSON_WORDS for t in people):
        paragraph_rest = text[people[-1].end :].split("\n\n", 1)[0][:400]
        if re.search(r"\b(?:he|she)\b", paragraph_rest, re.I):
            return True
    return bool(
        _CUE_AFTER.match(after)
        or _CUE_BEFORE.search(before)
        or _APPOSITION.match(after)
        or _PREDICATE.match(after)
        or re.match(r"^\s*,?\s*(?:according to)", after) is None
        and re.search(r"according to\s*$", before)
    )
