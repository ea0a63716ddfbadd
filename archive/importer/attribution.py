"""Who said each quotation: cue verbs before or after it, pronouns, descriptions, and the
speakers of neighbouring quotations.

The order of evidence, strongest first:

1. a reporting verb next to the quotation in its own sentence: `"…," Saenen said.`,
   `"…," said John Smith, a spokesman for X.`, `Kalyuzhnyi continued: "…"`,
   `"…," according to the ministry.`, `"Part one," he said, "part two."`;
2. the subject of the sentence a partial quotation stands in: `Smith described it as "…"`;
3. a pull quote repeating words quoted elsewhere takes that quotation's speaker;
4. a quotation with none of these takes the speaker of the quotation before it in the same
   paragraph, or, opening a paragraph, of the quotation that ended the paragraph before, or
   the speaker a paragraph ending in a colon introduces.

A speaker phrase is resolved to a person named in it, then a pronoun (the most recent fitting
person or organization outside quotations, by gender where the article shows it), then an
organization named in it, then a description ("the minister", "his wife", "the party") matched
to the roles the article gave earlier. Plural or unnamed sources ("officials said") give no
speaker. Quotations nobody is said to say that look like titles or scare quotes are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.importer import text as words
from archive.importer.linking import Found, Ref
from archive.importer.quotes import Span, find_spans, paragraphs
from archive.models import EntityKind

SPEAKERS = (EntityKind.PERSON, EntityKind.ORGANIZATION)
NOT_SPEECH_BEFORE = re.compile(
    r"(?:so-called|titled|entitled|headlined|named|nicknamed|dubbed|known as|the term|"
    r"the word|the words|the phrase|the slogan|labell?ed|branded|book|film|report|song|"
    r"program|programme|show|article|newspaper|magazine|campaign)\s*$",
    re.I,
)
CLAUSE = r"[^\"“”„«»]"
DOCUMENTS = {"statement", "communique", "declaration", "letter", "release", "report", "document"}
OBJECT_OF = {"for", "of", "on", "under", "with", "by", "into", "against", "from", "the", "a"}


@dataclass
class Attributed:
    span: Span
    speaker: Ref | None
    confidence: float
    how: str  # cue-after, cue-before, subject, pull-quote, paragraph, none


@dataclass
class Person:
    gender: str | None = None
    roles: set[str] = field(default_factory=set)


class Article:
    """One body text with its entity mentions, quotation spans and what is known of people."""

    def __init__(self, text: str, found: list[Found]):
        self.text = text
        self.spans = find_spans(text)
        self.paras = paragraphs(text)
        self.quoted = [(s.open_mark, (s.close_mark or s.end) + 1) for s in self.spans]
        self.found = [f for f in found if not self._in_quote(f.start)]
        self.speakers = [f for f in self.found if f.ref.kind in SPEAKERS]
        self.people: dict[Ref, Person] = {}
        self._profile_people()

    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    # --- what the article says about its people -------------------------------------------

    def _profile_people(self) -> None:
        votes: dict[Ref, dict[str, int]] = {}
        for f in self.speakers:
            if f.ref.kind != EntityKind.PERSON:
                continue
            person = self.people.setdefault(f.ref, Person())
            tally = votes.setdefault(f.ref, {"m": 0, "f": 0})
            before = self.text[max(0, f.start - 60) : f.start]
            before = re.split(r"[.;:!?\"“”]", before)[-1]
            after = self.text[f.end : f.end + 140]
            described = []
            described += [w.lower() for w in re.findall(r"[A-Za-z]+", before)[-3:]]
            m = re.match(
                r"^,\s+(?:a|an|the|his|her|its|their|[A-Z][\w/]*'s)\s+([^,.;\"“”]{1,90})", after
            ) or re.match(r"^\s+(?:is|was)\s+(?:a|an|the)\s+([^,.;\"“”]{1,90})", after)
            if m:
                described += [w.lower() for w in re.findall(r"[A-Za-z]+", m[1])]
            for w in described:
                if w in words.ROLE_NOUNS or w in words.TITLES:
                    person.roles.add(w)
                if w in words.FEMALE_WORDS:
                    tally["f"] += 3
                if w in words.MALE_WORDS:
                    tally["m"] += 3
            first = f.ref.name.split()[0].lower()
            last = f.ref.name.split()[-1].lower()
            if first in words.FEMALE_NAMES:
                tally["f"] += 1
            elif first in words.MALE_NAMES:
                tally["m"] += 1
            elif (
                len(f.ref.name.split()) > 1
                and first.endswith("a")
                and first not in words.NEUTRAL_A_NAMES
            ):
                tally["f"] += 1
            if re.search(r"(?:ova|eva|ina|skaya|aya)$", last):
                tally["f"] += 1
            elif re.search(r"(?:ov|ev|in|sky|skiy|iy|yi)$", last):
                tally["m"] += 1
        # Pronouns outside quotations vote for the last person named before them in the
        # same paragraph: "Enver Solomon … says … "…," he says."
        persons = [f for f in self.speakers if f.ref.kind == EntityKind.PERSON]
        for m in re.finditer(r"\b(he|him|his|she|her|hers)\b", self.text, re.I):
            if self._in_quote(m.start()):
                continue
            para_start = self.text.rfind("\n\n", 0, m.start()) + 2
            last = [f for f in persons if para_start <= f.start < m.start()]
            if last and last[-1].ref in votes:
                gender = "m" if m[1].lower() in {"he", "him", "his"} else "f"
                votes[last[-1].ref][gender] += 1
        for ref, tally in votes.items():
            if tally["f"] != tally["m"]:
                self.people[ref].gender = "f" if tally["f"] > tally["m"] else "m"

    # --- resolving a speaker phrase -------------------------------------------------------

    def mentions_in(self, start: int, end: int, kind: str) -> list[Found]:
        return [
            f for f in self.speakers if start <= f.start and f.end <= end and f.ref.kind == kind
        ]

    def resolve(
        self, start: int, end: int, at: int, earlier: list[tuple[int, Ref]], subject_last=True
    ):
        """The entity a speaker phrase text[start:end] names, and how sure that is.

        Before a verb the subject stands last, after any comma-set clause ("Asked whether
        Smith would go, Jones replied") unless the phrase ends in an insertion ("Jones, who
        met Smith, said"); after an inverted verb ("said Jones, a friend of Smith") first."""
        phrase = self.text[start:end]
        quoted_as = re.search(r"\bquoted\s+(?!by\b)(.{1,60}?)\s+as\s*$", phrase)
        if quoted_as:
            # "Interfax quoted him as saying": the one quoted, not the quoting outlet.
            object_pronoun = {"him": "he", "her": "she"}.get(quoted_as[1].strip().lower())
            if object_pronoun:
                return self.pronoun(object_pronoun, at, earlier), 0.8
            return self.resolve(start + quoted_as.start(1), start + quoted_as.end(1), at, earlier)
        zone = (start, end)
        if subject_last:
            stripped = phrase.rstrip()
            if stripped.endswith(",") and "," in stripped[:-1]:
                zone = (start, start + stripped.index(","))
            elif "," in stripped:
                zone = (start + stripped.rindex(",") + 1, end)
            else:
                zone = (start, end)
            in_zone = [
                f
                for f in self.mentions_in(*zone, EntityKind.PERSON)
                if not self._object_position(f, floor=zone[0])
            ]
            if in_zone:
                return in_zone[0].ref, 0.9
        # "In a letter to Smith, Jones said", "Smith's lawyer said": not Smith.
        people = [
            f
            for f in self.mentions_in(start, end, EntityKind.PERSON)
            if not self._object_position(f, floor=start)
        ]
        if people:
            return people[0].ref, 0.9
        if subject_last and zone != (start, end):
            ref, confidence = self._describe(*zone, at, earlier)
            if ref is not None:
                return ref, confidence
        return self._describe(start, end, at, earlier)

    def _describe(self, start: int, end: int, at: int, earlier) -> tuple[Ref | None, float]:
        """A speaker phrase without a person's name: a pronoun, a description, an
        organization."""
        phrase = self.text[start:end]
        lead = re.match(
            r"\s*(?:(?:and|but|so|yet|then|also|later|earlier|now|however),?\s+)*"
            r"(?:\w+ly\s+)?(he|she|they|it)\b",
            phrase,
            re.I,
        ) or re.search(
            r",\s*(he|she|they|it)(?:\s+\w+ly|\s+also|\s+then|\s+later)?\s*$", phrase, re.I
        )
        if lead:
            return self.pronoun(lead[1].lower(), at, earlier), 0.8
        head = [w.lower() for w in re.findall(r"[A-Za-z']+", phrase)]
        definite = bool(head) and (
            head[0] in {"the", "his", "her", "their", "its"} or head[0].endswith("'s")
        )
        roles = [w for w in head if w in words.ROLE_NOUNS]
        if roles and definite:
            who = self.by_role(roles[-1], at)
            if who:
                return who, 0.7
        if definite and head[0] == "the" and (roles or any("year" in w for w in head)):
            # "the official said", "the 52-year-old said": the person just spoken of.
            gender = "f" if set(head) & words.FEMALE_WORDS else None
            gender = gender or ("m" if set(head) & words.MALE_WORDS else None)
            who = self.latest_subject(at, gender)
            if who and not self.mentions_in(start, end, EntityKind.ORGANIZATION):
                return who, 0.6
        orgs = self.mentions_in(start, end, EntityKind.ORGANIZATION)
        if orgs:
            return orgs[-1].ref if roles else orgs[0].ref, 0.8
        if definite and not roles:
            for noun in reversed(head):
                if noun in words.ORG_GENERIC:
                    return self.by_org_noun(noun, at), 0.7
            if set(head) & DOCUMENTS:
                # "the statement said": the organization that issued it, named just before.
                window = self._sentence_start(at, back=3)
                issuer = self.by_org_noun("organization", at)
                named_at = [f.start for f in self.speakers if f.ref == issuer]
                if issuer and named_at and named_at[-1] >= window:
                    return issuer, 0.6
        return None, 0.5

    def pronoun(self, pronoun: str, at: int, earlier: list[tuple[int, Ref]]) -> Ref | None:
        if pronoun == "they":
            return None  # a group of people as often as an organization: name no one
        if pronoun == "it":
            for f in reversed(self.speakers):
                if f.start < at and f.ref.kind == EntityKind.ORGANIZATION:
                    return f.ref
            return None
        gender = "f" if pronoun == "she" else "m"
        candidates: list[tuple[int, bool, Ref]] = []
        for f in self.speakers:
            if f.start >= at or f.ref.kind != EntityKind.PERSON:
                continue
            if self._object_position(f):
                continue
            candidates.append((f.start, self._main_subject(f), f.ref))
        candidates += [(pos, True, ref) for pos, ref in earlier if pos < at]
        candidates.sort(key=lambda c: c[0])
        fitting = [c for c in candidates if self._fits(c[2], gender)]
        if not fitting:
            return None
        # Prefer the latest subject of a sentence, unless an object was named after it in
        # the same sentence... the latest subject wins within the last three sentences.
        window = self._sentence_start(at, back=3)
        subjects = [c for c in fitting if c[1] and c[0] >= window]
        return (subjects or fitting)[-1][2]

    def sentence_subject(self, start: int, end: int, earlier) -> Ref | None:
        """Who a narrative sentence is about: its leading pronoun, or the first person or
        organization named in it that is not an object."""
        lead = re.match(r"\s*(he|she|it)\b", self.text[start:end], re.I)
        if lead:
            return self.pronoun(lead[1].lower(), start, earlier)
        for f in self.speakers:
            if start <= f.start < end and not self._object_position(f, floor=start):
                return f.ref
        return None

    def latest_subject(self, at: int, gender: str | None) -> Ref | None:
        """The person last named as a sentence's subject in the two sentences before `at`."""
        window = self._sentence_start(at, back=2)
        for f in reversed(self.speakers):
            if not window <= f.start < at or f.ref.kind != EntityKind.PERSON:
                continue
            fits = gender is None or self._fits(f.ref, gender)
            if fits and self._main_subject(f) and not self._object_position(f):
                return f.ref
        return None

    def _fits(self, ref: Ref, gender: str) -> bool:
        if ref.kind != EntityKind.PERSON:
            return False
        known = self.people.get(ref, Person()).gender
        return known is None or known == gender

    def _object_position(self, f: Found, floor: int = 0) -> bool:
        clause = re.split(r"[.;:!?\"“”,]\s", self.text[max(floor, f.start - 40) : f.start])[-1]
        before = re.findall(r"[A-Za-z]+", clause)
        if self.text[f.end : f.end + 2] in {"'s", "’s"}:
            return True
        if not before:
            return False
        # Skip over titles: "with Kazakh President Nursultan Nazarbaev".
        for w in reversed(before):
            lw = w.lower()
            if lw in words.TITLES or (w[:1].isupper() and lw not in words.NOT_NAME):
                continue
            return lw in words.PREPOSITIONS
        return False

    def _main_subject(self, f: Found) -> bool:
        start = self._sentence_start(f.start)
        for g in self.speakers:
            possessive = self.text[g.end : g.end + 2] in {"'s", "’s"}
            if start <= g.start < f.start and g.ref.kind == EntityKind.PERSON and not possessive:
                return False
        return True

    def _sentence_start(self, pos: int, back: int = 1) -> int:
        start = words.sentence_end_before(self.text, pos)
        for _ in range(back - 1):
            if start == 0:
                break
            start = words.sentence_end_before(self.text, start - 1)
        return start

    def by_role(self, role: str, at: int) -> Ref | None:
        for f in reversed(self.speakers):
            person = self.people.get(f.ref, Person())
            if f.start < at and f.ref.kind == EntityKind.PERSON and role in person.roles:
                return f.ref
        return None

    def by_org_noun(self, noun: str, at: int) -> Ref | None:
        heads = words.ORG_GENERIC.get(noun)
        orgs = [
            f
            for f in self.speakers
            if f.start < at
            and f.ref.kind == EntityKind.ORGANIZATION
            and not self._object_position(f)  # "she told RFE/RL": RFE/RL heard it
        ]
        if heads:
            for f in reversed(orgs):
                named = f.ref.name.lower().split() + self.text[f.end : f.end + 20].split()[:1]
                if any(h in named for h in heads):
                    return f.ref
            if noun in {"government", "ministry", "party", "court", "police", "army"}:
                return None
        return orgs[-1].ref if orgs else None


CUE = words.CUE_RE


def attribute(text: str, found: list[Found]) -> list[Attributed]:
    """Every quotation in `text` that is speech, with its speaker or None."""
    art = Article(text, found)
    groups: dict[int, list[Span]] = {}
    for span in art.spans:
        groups.setdefault(span.group, []).append(span)
    results: dict[int, tuple[Ref | None, float, str]] = {}
    earlier: list[tuple[int, Ref]] = []
    for gid in sorted(groups):
        spans = groups[gid]
        best = None
        for span in spans:
            best = _direct(art, span, earlier)
            if best:
                break
        if best is None and not spans[0].continued:
            best = _subject(art, spans[0], earlier)
        if best:
            results[gid] = best
            if best[0] is not None:
                earlier.append((spans[-1].close_mark or spans[-1].end, best[0]))
    _pull_quotes(art, groups, results)
    _neighbours(art, groups, results)
    out = []
    for gid in sorted(groups):
        speaker, confidence, how = results.get(gid, (None, 0.4, "none"))
        spans = groups[gid]
        if not _is_speech(art, spans, how):
            continue
        out.extend(Attributed(s, speaker, confidence, how) for s in spans)
    return out


def _region_after(art: Article, span: Span) -> tuple[int, int]:
    start = span.close_mark + 1
    p_end = art.paras[span.paragraph][1]
    nxt = [s.open_mark for s in art.spans if s.paragraph == span.paragraph and s.open_mark > start]
    end = min(nxt) if nxt else p_end
    return start, min(end, words.sentence_end_after(art.text, start, p_end))


def _region_before(art: Article, span: Span) -> tuple[int, int]:
    p_start = art.paras[span.paragraph][0]
    prev = [
        (s.close_mark or s.end) + 1
        for s in art.spans
        if s.paragraph == span.paragraph and s.open_mark < span.open_mark
    ]
    floor = max(prev) if prev else p_start
    return words.sentence_end_before(art.text, span.open_mark, floor), span.open_mark


_INVERTED = re.compile(rf"^\s*,?\s*(?:\w+ly\s+)?{CUE}\s+(?!that\b|to\b)({CLAUSE}{{1,160}})", re.I)
_ACCORDING_AFTER = re.compile(rf"^\s*,?\s*according to\s+({CLAUSE}{{1,120}})", re.I)
_NORMAL = re.compile(
    rf"^\s*,?\s*({CLAUSE}{{1,160}}?)\s+(?:also\s+|then\s+|later\s+|\w+ly\s+)?{CUE}", re.I
)
_CUE_ANYWHERE = re.compile(rf"\b{CUE}", re.I)
_TRAILER = re.compile(r"^[^\"“”„«».!?]{0,140}?\s*[:,]?\s*(?:that\s+)?$")
_PASSIVE = {"being", "been", "was", "were", "is", "are", "be"}


def _cue_before(before: str) -> tuple[int, int, int] | None:
    """The reporting verb nearest before a quotation and the phrases that may name its
    subject: (start of the clause since the previous verb, start of the region, verb)."""
    cues = list(_CUE_ANYWHERE.finditer(before))
    if not cues or not _TRAILER.match(before[cues[-1].end() :]):
        return None
    last = cues[-1]
    since = cues[-2].end() if len(cues) > 1 else 0
    return since, 0, last.start()


_ACCORDING_BEFORE = re.compile(r"according to\s+([^\"“”]{1,120}?)\s*[:,]?\s*$", re.I)
_AS_SAID = re.compile(
    rf"\b(?:as\s+({CLAUSE}{{1,80}}?)\s+(?:put it|{CUE})|in\s+(his|her|its)\s+(?:own\s+)?words)"
    r"\s*,\s*$",
    re.I,
)


def _direct(art: Article, span: Span, earlier):
    text = art.text
    ends_clause = span.close_mark is not None and (
        text[span.close_mark - 1] in ",?!…—-" or text[span.close_mark + 1 :].lstrip()[:1] == ","
    )
    if ends_clause:
        start, end = _region_after(art, span)
        after = text[start:end]
        for pattern, how in ((_ACCORDING_AFTER, "cue-after"), (_INVERTED, "cue-after")):
            m = pattern.match(after)
            if m and m[1].strip():
                phrase_start = start + m.start(1)
                ref, conf = art.resolve(
                    phrase_start, start + m.end(1), span.open_mark, earlier, subject_last=False
                )
                return ref, conf, how
        m = _NORMAL.match(after)
        if m and len(m[1].split()) <= 12:
            ref, conf = art.resolve(start + m.start(1), start + m.end(1), start, earlier)
            return ref, conf, "cue-after"
    start, end = _region_before(art, span)
    before = text[start:end]
    for pattern in (_ACCORDING_BEFORE, _AS_SAID):
        m = pattern.search(before)
        if m:
            group = 1 if m[1] else 2
            if group == 2:  # "In her words, …": the person the pronoun points to
                pronoun = (
                    "she" if m[2].lower() == "her" else "he" if m[2].lower() == "his" else "it"
                )
                return art.pronoun(pronoun, start + m.start(), earlier), 0.7, "cue-before"
            ref, conf = art.resolve(start + m.start(1), start + m.end(1), start, earlier)
            return ref, conf, "cue-before"
    cue = _cue_before(before)
    if cue:
        since, region, verb = cue
        words_before = before[since:verb].split()
        if words_before and words_before[-1].lower() in _PASSIVE:
            return None, 0.5, "cue-before"  # "being told:": the words name no speaker
        ref, conf = art.resolve(start + since, start + verb, start + since, earlier)
        if ref is None and since > region:
            ref, conf = art.resolve(start + region, start + verb, start + region, earlier)
        after_quote = any(
            s.paragraph == span.paragraph and s.close_mark is not None and s.close_mark + 1 == start
            for s in art.spans
        )
        if ref is None and after_quote:
            # `said it was "concerned" and urged them to "respect …"`: the same speaker.
            return None
        return ref, conf, "cue-before"
    return None


def _subject(art: Article, span: Span, earlier):
    """A partial quotation inside a sentence: its speaker is the sentence's subject."""
    start, end = _region_before(art, span)
    before = art.text[start:end]
    if len(before.split()) < 2:
        return None
    if before.split()[-1].lower() in OBJECT_OF:
        return None  # sentenced for "inciting social discord": a charge's name, not speech
    # The clause the quotation stands in: "a declaration that critics called "…"".
    boundary = list(re.finditer(r"\b(?:that|which|who|whom|while|whereas)\b|[,;]", before))
    if boundary:
        clause_start = start + boundary[-1].end()
        clause = art.text[clause_start:end]
        named = [
            f
            for f in art.speakers
            if clause_start <= f.start < end and not art._object_position(f, clause_start)
        ]
        if named:
            return named[0].ref, 0.6, "subject"
        lead = re.match(r"\s*(he|she|they|it)\b", clause, re.I)
        if lead:
            return art.pronoun(lead[1].lower(), clause_start, earlier), 0.6, "subject"
        if set(re.findall(r"[a-z]+", clause.lower())) & words.GENERIC_SPEAKERS:
            return None, 0.5, "subject"
    lead = re.match(r"\s*(he|she|they|it)\b", before, re.I)
    if lead:
        return art.pronoun(lead[1].lower(), start, earlier), 0.6, "subject"
    first = [f for f in art.speakers if start <= f.start < end]
    if first and not art._object_position(first[0]):
        return first[0].ref, 0.6, "subject"
    return None


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _pull_quotes(art: Article, groups, results) -> None:
    for gid, spans in groups.items():
        if gid in results and results[gid][0] is not None:
            continue
        mine = _words_of(" ".join(art.text[s.start : s.end] for s in spans))
        if len(mine.split()) < 5:
            continue
        for other, other_spans in groups.items():
            if other == gid or other not in results or results[other][0] is None:
                continue
            theirs = _words_of(" ".join(art.text[s.start : s.end] for s in other_spans))
            if mine in theirs or theirs in mine:
                results[gid] = (results[other][0], 0.7, "pull-quote")
                break


def _neighbours(art: Article, groups, results) -> None:
    order = sorted(groups)
    for n, gid in enumerate(order):
        if gid in results:
            continue
        first = groups[gid][0]
        same_para = [
            g for g in order[:n] if groups[g][-1].paragraph == first.paragraph and g in results
        ]
        if same_para:
            speaker = results[same_para[-1]][0]
            results[gid] = (speaker, 0.7, "paragraph")
            continue
        later_same = [
            g
            for g in order[n + 1 :]
            if groups[g][0].paragraph == first.paragraph
            and g in results
            and results[g][2].startswith("cue")
        ]
        if later_same:
            results[gid] = (results[later_same[0]][0], 0.7, "paragraph")
            continue
        p_start = art.paras[first.paragraph][0]
        if art.text[p_start : first.open_mark].strip():
            # A quotation opening a sentence after narrative: "He was blunt. "…""; the
            # sentence before names the speaker. Inside a sentence, nobody is named.
            sentence = words.sentence_end_before(art.text, first.open_mark, p_start)
            if sentence == first.open_mark or not art.text[sentence : first.open_mark].strip():
                before = words.sentence_end_before(art.text, max(p_start, sentence - 1), p_start)
                ref = art.sentence_subject(before, sentence, earlier_of(results, groups, gid))
                if ref is not None:
                    results[gid] = (ref, 0.55, "paragraph")
            continue
        last = groups[gid][-1]
        if last.paragraph + 1 < len(art.paras):
            n_start, n_end = art.paras[last.paragraph + 1]
            back = _POINTS_BACK.match(art.text[n_start:n_end])
            if back:
                # "“…” / With those words, Minister X opened the ceremony."
                sentence_end = words.sentence_end_after(art.text, n_start, n_end)
                named = [
                    f
                    for f in art.speakers
                    if n_start + back.end() <= f.start < sentence_end
                    and not art._object_position(f)
                ]
                if named:
                    results[gid] = (named[0].ref, 0.6, "paragraph")
                    continue
        if first.paragraph == 0:
            continue
        prev_start, prev_end = art.paras[first.paragraph - 1]
        previous = art.text[prev_start:prev_end].rstrip()
        ended_quote = [
            g
            for g in order[:n]
            if groups[g][-1].paragraph == first.paragraph - 1
            and g in results
            and (groups[g][-1].close_mark or groups[g][-1].end) >= prev_end - 40
        ]
        if ended_quote and results[ended_quote[-1]][0] is not None:
            results[gid] = (results[ended_quote[-1]][0], 0.65, "paragraph")
        elif previous.endswith(":"):
            cue = _cue_before(previous)
            if cue:
                since, _, verb = cue
                ref, conf = art.resolve(
                    prev_start + since, prev_start + verb, prev_start + since, []
                )
                results[gid] = (ref, min(conf, 0.7), "paragraph")
            else:
                # "Bokaev put it this way:" with no reporting verb: its subject.
                last = words.sentence_end_before(
                    art.text, prev_start + len(previous) - 1, prev_start
                )
                ref = art.sentence_subject(last, prev_start + len(previous), [])
                results[gid] = (ref, 0.55, "paragraph")


def earlier_of(results, groups, gid) -> list[tuple[int, Ref]]:
    """Speakers of the quotations before `gid`, where their quotations end."""
    return [
        ((groups[g][-1].close_mark or groups[g][-1].end), results[g][0])
        for g in sorted(results)
        if g < gid and results[g][0] is not None
    ]


_POINTS_BACK = re.compile(
    r"(?:With (?:these|those) words|(?:That|This) (?:is|was) how|So (?:said|says)|"
    r"(?:Those|These) (?:were|are) the words of|(?:That|This) (?:is|was) the (?:message|view) "
    r"(?:of|from))\b,?",
)


def _is_speech(art: Article, spans: list[Span], how: str) -> bool:
    quoted = " ".join(art.text[s.start : s.end] for s in spans)
    n_words = len(quoted.split())
    first = spans[0]
    p_start = art.paras[first.paragraph][0]
    before = art.text[max(p_start, first.open_mark - 40) : first.open_mark]
    if NOT_SPEECH_BEFORE.search(before):
        return False
    quoted_first = quoted.lstrip("'‘ ")[:1]
    if re.search(r"\bcalled\s*$", before, re.I) and not quoted_first.islower():
        return False  # a name: a group called "Free Word"
    direct = how.startswith("cue") or how in {"pull-quote", "paragraph"}
    if direct:
        return n_words >= 1
    if n_words < (2 if how == "subject" else 3):
        return False  # a scare quote: one word nobody is said to have said
    content = [w for w in re.findall(r"[A-Za-z][\w'’-]*", quoted) if len(w) > 3]
    capitalized = content and sum(w[0].isupper() for w in content) / len(content) > 0.6
    if capitalized and not re.search(r"[.!?]$", quoted):
        return False  # a title
    if how == "subject":
        return True
    # Nobody is said to say it: a quotation of five words or more (a law's words, an
    # unattributed remark) is still a quotation; shorter ones are scare quotes.
    return n_words >= 5
