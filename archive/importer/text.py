"""Words, sentences and the vocabulary of news reporting that every extractor shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.names import fold

_WORD = re.compile(r"[^\W_]+")
# Between two words of one name: a space, a hyphen, a slash (RFE/RL) or an apostrophe (the
# 's of a possessive inside an alias such as "Kazakhstan's government").
_NAME_GAP = re.compile(r"^(?: |-|/|'|’|\u00a0)$|^(?:'|’) $")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    key: str

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()

    @property
    def all_caps(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


def tokens(text: str) -> list[Token]:
    """The words of `text` with their offsets and folding keys (`archive.names.fold`, the
    key search uses)."""
    return [Token(m[0], m.start(), m.end(), fold(m[0])) for m in _WORD.finditer(text)]


def joinable(text: str, left: Token, right: Token) -> bool:
    """Whether two neighbouring words may belong to one name."""
    gap = text[left.end : right.start]
    if gap in {".", ". "} and len(left.text) == 1 and left.text.isupper():
        return True  # initials: "U.S. Embassy", "J. K. Rowling"
    return bool(_NAME_GAP.match(gap))


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _ordered(words: str) -> list[str]:
    return words.split()


# Reporting verbs, every form a news sentence uses them in. "according to" is handled apart.
CUE_LEMMAS = _ordered(
    """
say tell add continue ask stress note explain warn insist write declare reply answer argue
claim state recall remark observe admit acknowledge announce comment emphasize emphasise
complain concede urge suggest tweet post conclude maintain counter respond predict agree
caution reiterate confirm deny vow pledge promise joke lament shout wonder whisper exclaim
testify allege charge contend hint reveal disclose muse quip sigh assert report recount
underline underscore point retort boast plead demand protest scoff chant
"""
)
_IRREGULAR = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "writes", "written", "writing"],
}


def _forms(lemma: str) -> list[str]:
    if lemma in _IRREGULAR:
        return [lemma, *_IRREGULAR[lemma]]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("sh", "ch", "s", "x")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    if lemma in {"admit", "quip"}:
        return [lemma, lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


# Base forms only where they are reporting verbs more often than nouns ("they say" but
# "the report", "a demand", "the note").
BASE_FORMS = {"say", "tell", "add", "ask", "insist", "argue", "warn", "explain", "agree", "write"}
CUE_WORDS = {
    form for lemma in CUE_LEMMAS for form in _forms(lemma) if form != lemma or lemma in BASE_FORMS
}
# Forms that are nouns at least as often as verbs ("the states", "his comments").
CUE_WORDS -= _vocabulary(
    """
points pointing posting reporting charging stating noting states comments reports answers
charges replies promises pledges vows jokes demands protests posts tweets hints sighs
counters remarks laments shouts whispers wonders quips muses cautions recounts underlines
"""
)
# "went on" only as a whole: `"…," he went on, "…"`.
CUE_RE = (
    "(?:went on|goes on|" + "|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r")\b(?: out\b)?"
)

PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s"}

# Words that start a capitalized run but are not part of a name.
NOT_NAME = _vocabulary(
    """
the a an in on at but and however also he she they it we i this that these those among as
after before when while if meanwhile still yet so for with without according last next
earlier later since during under over many some most both other such his her their its our
your my mr mrs ms miss dr sir prof monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december one
two three four five six seven eight nine ten there here what who why how where then thus now
today yesterday tomorrow asked speaking despite although though because whether even all any
each every no not only instead outside inside read more said says
"""
)
TITLES = _vocabulary(
    """
mr mrs ms miss dr sir prof president minister premier chancellor senator governor mayor
general gen col colonel judge ambassador secretary chairman chairwoman chief king queen
prince princess sheikh pope bishop father imam rabbi commissioner deputy speaker lieutenant
captain major sergeant officer professor spokesman spokeswoman foreign prime interior
defence defense finance justice vice acting former opposition leader state affairs councilman
councilwoman councillor councilor alderman assemblyman assemblywoman congressman congresswoman
coach sen rep gov lt capt adm sgt supt det insp amb
"""
)
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m"}

ROLE_NOUNS = _vocabulary(
    """
minister president spokesman spokeswoman spokesperson official ombudsman chairman chairwoman
chair director head leader secretary ambassador lawyer attorney prosecutor judge governor
mayor senator general commander analyst expert researcher journalist editor correspondent
activist deputy lawmaker legislator member founder chief officer manager executive professor
economist candidate premier king queen wife husband son daughter mother father brother
sister widow campaigner adviser advisor aide envoy diplomat representative coordinator
commissioner inspector witness resident doctor author writer blogger chancellor defendant
businessman businesswoman politician colleague chairperson mp monitor observer dissident
critic neighbour neighbor friend relative cousin driller worker farmer teacher student
protester opponent supporter tycoon banker trader engineer specialist entrepreneur investor
akim hakim hokim
"""
)
# Words for a person a sentence may open with ("A guard who was released …"): the roles,
# and people described by what they are rather than a post.
PERSON_NOUNS = ROLE_NOUNS | _vocabulary(
    """
man woman guard inmate prisoner pensioner miner nurse villager passenger driver shopkeeper
vendor mother father herder refugee survivor victim
"""
)
# Roles an article gives to someone it often leaves unnamed ("the judge said", "a witness
# said"): a description with one of these names nobody unless the article gave the role to
# a named person before.
UNNAMED_ROLES = _vocabulary(
    """
judge witness resident doctor colleague neighbour neighbor friend relative protester
diplomat driver passenger worker farmer teacher student soldier officer guard
"""
)
FEMALE_WORDS = _vocabulary(
    """
spokeswoman chairwoman businesswoman congresswoman wife mother daughter sister widow queen
princess actress woman girl grandmother aunt niece mrs ms miss madam
"""
)
MALE_WORDS = _vocabulary(
    """
spokesman chairman businessman congressman husband father son brother widower king prince
actor man boy grandfather uncle nephew mr sir
"""
)
# First names are a weak hint; the article's own words (spokeswoman, Mr, she) outweigh them.
FEMALE_NAMES = _vocabulary(
    """
mary anna maria elena olga natalia natalya irina tatiana tatyana svetlana ekaterina
yekaterina galina lyudmila nadezhda marina larisa alla karlygash gulnara aigul dinara saule
zhanna sarah emma jane susan linda karen lisa laura julia sophie marie catherine ann anne
elizabeth helen rachel rebecca hannah jennifer jessica amanda angela hillary condoleezza
nancy margaret theresa angela ursula vanessa fatima aisha leila layla nadia yulia yuliya
oksana kristina victoria natasha amina
"""
)
MALE_NAMES = _vocabulary(
    """
john james robert michael william david richard joseph thomas charles george paul mark peter
andrew sergei sergey vladimir dmitry dmitri alexander aleksandr nikolai ivan mikhail yuri
igor oleg viktor boris nursultan galymzhan mukhtar mukhtabar vyacheslav solomon kassym kasym
askar bulat yerlan serik ermek kairat nurlan marat ruslan timur ahmed mohammed muhammad ali
hassan omar ibrahim abdul rustam anvar islam kenneth kofi ban jean francois emmanuel angelo
luca nikita ilya joshua
"""
)
NEUTRAL_A_NAMES = {
    "nikita",
    "ilya",
    "luca",
    "joshua",
    "musa",
    "isa",
    "mustafa",
    "akira",
    "sasha",
    "andrea",
    "kosta",
    "costa",
    "yahya",
    "zhakiyanov",
    # Men's names ending in -a: Georgian, Ukrainian and Russian (with diminutives).
    "kakha",
    "nika",
    "luka",
    "ilia",
    "gela",
    "gia",
    "zura",
    "mykola",
    "foma",
    "kuzma",
    "savva",
    "danila",
    "gavrila",
    "misha",
    "grisha",
    "vanya",
    "petya",
    "kolya",
    "tolya",
    "yura",
    "zhora",
    "vova",
    "dima",
    "vitya",
    "slava",
    "zhenya",
    "valya",
}

ORG_WORDS = _vocabulary(
    """
ministry party committee union council commission watch agency organization organisation
association foundation institute court office bank service front movement center centre
group international corporation company university police army parliament assembly
federation league coalition bureau department alliance network society fund program
programme government cabinet administration authority embassy senate congress secretariat
tribunal academy inc ltd corp news radio television times post press journal channel
broadcasting holdings directorate inspectorate nations mission sa llc jsc ojsc cjsc plc gmbh
"""
)
ORG_GENERIC = {
    "party": ["party", "movement", "front", "bloc"],
    "ministry": ["ministry", "department"],
    "government": ["government", "cabinet", "administration"],
    "group": None,
    "organization": None,
    "organisation": None,
    "watchdog": None,
    "company": ["company", "corporation", "inc", "ltd", "corp", "bank"],
    "committee": ["committee"],
    "agency": ["agency"],
    "embassy": ["embassy"],
    "office": ["office"],
    "commission": ["commission"],
    "union": ["union"],
    "council": ["council"],
    "court": ["court", "tribunal"],
    "movement": ["movement", "party"],
    "foundation": ["foundation"],
    "alliance": ["alliance", "coalition"],
    "coalition": ["coalition", "alliance"],
    "bank": ["bank"],
    "institute": ["institute"],
    "campaign": None,
    "network": ["network"],
    "association": ["association"],
    "federation": ["federation"],
    "army": ["army"],
    "police": ["police"],
    "parliament": ["parliament", "assembly"],
    "prosecutor's office": ["prosecutor", "prosecutors", "office"],
    "fund": ["fund"],
    "mission": ["mission"],
    "bureau": ["bureau"],
    "board": ["board"],
    "authority": ["authority"],
    "centre": ["centre", "center"],
    "center": ["center", "centre"],
    "firm": ["company", "corporation", "inc", "ltd", "corp", "firm", "group"],
    "service": ["service"],
}
# Family names written first (Chinese, Korean, Vietnamese): "Zhang Wenlong … Zhang said".
SURNAME_FIRST = _vocabulary(
    """
wang li zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang
song zheng xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang
cai jia ding wei xue ye yan pan du dai xia zhong tian ren fan fang shi yao tan liao zou xiong
jin hao kong bai cui kang mao qiu qin gu hou shao meng long wan duan lei qian tang yin yi
kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang ahn song hong
nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly
"""
)
# What ends a company's name and may be left off later: "Westhaven Gold Corp." / "Westhaven Gold".
CORPORATE_SUFFIXES = _vocabulary(
    """
corp corporation inc ltd co plc llc sa ag gmbh jsc ojsc cjsc holdings holding group company
"""
)
PREPOSITIONS = _vocabulary(
    """
to with of for about against by from on at in into onto upon toward towards than like after
before between among including meeting met visited criticized criticised accused urged
called blamed told tells telling
"""
)
GENERIC_SPEAKERS = _vocabulary(
    """
police officials official authorities analysts analyst witnesses witness observers critics
residents diplomats diplomat sources source experts expert supporters opponents protesters
people someone somebody reports report statement others many some
"""
)


_STOP_BEFORE = re.compile(r"[.!?…](?:[\"”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\n")


def sentence_starts(text: str) -> list[int]:
    """Where every sentence of `text` starts, in order (0 first); paragraphs end sentences."""
    starts = [0]
    for m in _STOP_BEFORE.finditer(text):
        if not _is_abbreviation(text, m.start()):
            starts.append(m.end())
    return starts


def sentence_end_after(text: str, pos: int, ceiling: int | None = None) -> int:
    """The offset just past the sentence holding `pos` ends (its stop included)."""
    ceiling = len(text) if ceiling is None else ceiling
    for m in re.finditer(r"[.!?…](?=[\"”’)\]]*(?:\s|$))", text[pos:ceiling]):
        if not _is_abbreviation(text, pos + m.start()):
            return pos + m.end()
    return ceiling


_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "col",
    "lt",
    "sgt",
    "jr",
    "sr",
    "prof",
    "rep",
    "sen",
    "gov",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.n",
    "u.k",
    "e.g",
    "i.e",
}


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if not m:
        return False
    word = m[1].lower()
    # A single capital letter is an initial ("J. Smith").
    return word in _ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())
