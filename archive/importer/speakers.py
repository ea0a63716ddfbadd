"""Who a speaker phrase names: a person named in it, a pronoun, a description, an
organization, resolved against what the article has said about its people so far.

`Article` holds one body with its entity mentions outside quotations, and a profile of each
person (gender and roles) drawn from the article's own words: "a spokeswoman", "Mr", "his
wife", "Foreign Minister", and the pronouns that follow a name in the same paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from archive.importer import text as words
from archive.importer.linking import Found, Ref
from archive.importer.quotes import find_spans, paragraphs
from archive.models import EntityKind
from archive.names import fold

SPEAKERS = (EntityKind.PERSON, EntityKind.ORGANIZATION)
# How far back (in characters) a pronoun or a description looks for whom it means; it keeps
# the work per quotation constant however long the article.
REACH = 6000
# The role word itself, so the words before it may be anything: "a market trader".
_ROLE = "|".join(sorted(words.PERSON_NOUNS, key=len, reverse=True))
# A sentence opening with a described person: "His wife", "Nazarov's lawyer", "A colleague
# of his", "One protester", "The editor".
_DESCRIBED = re.compile(
    # The words before the role may be capitalized: "A Western banker", "The Kazakh envoy".
    r"(A|An|One|Another|The|His|Her|[A-Z][\w'’-]+['’]s)\s+((?:[A-Za-z-]+\s+){0,2}?)"
    rf"({_ROLE})\b"
)
# An opening phrase before a sentence's subject: "In the southern city of Osh, ",
# "Asked about the complaints, ".
_OPENING = re.compile(
    r"(?:In|At|On|Outside|Inside|Near|Back|Asked|Speaking|After|Before|During|Later|Earlier|"
    r"Meanwhile|Elsewhere|Like|Unlike|As)\s[^,.;\"“”]{2,80},\s+"
)
_DESCRIBED_AFTER_OPENING = re.compile(
    rf"(a|an|one|another|the|his|her)\s+((?:[A-Za-z-]+\s+){{0,2}}?)({_ROLE})\b"
)
# "the ministry", "the state energy company": an institution by its noun.
_INSTITUTION = re.compile(r"\s*[Tt]he\s+(?:[a-z'’-]+\s+){0,2}?([a-z]+)\b")
# A subject the article does not name: "one protester", "a woman in the crowd", "another
# witness".
_UNNAMED = re.compile(
    r"\s*(?:a|an|one|another|some)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:protester|demonstrator|man|woman|witness|resident|voter|observer|diplomat|official|"
    r"judge|colleague|neighbou?r|supporter|opponent|member|participant|student|worker|"
    r"passer-by|bystander|doctor|officer|soldier|source|analyst|journalist|activist|banker|"
    r"trader|engineer|specialist)s?\b",
    re.I,
)
INSTITUTION_NOUNS = {
    "government",
    "ministry",
    "party",
    "court",
    "police",
    "army",
    "office",
    "embassy",
    "commission",
    "committee",
    "council",
    "parliament",
    "prosecutor's office",
}
DOCUMENTS = {"statement", "communique", "declaration", "letter", "release", "report", "document"}


@dataclass
class Person:
    gender: str | None = None
    roles: set[str] = field(default_factory=set)


class Article:
    """One body text with its entity mentions, quotation spans and what is known of people."""

    def __init__(self, text: str, found: list[Found], known_surnames=None):
        self.text = text
        self.known_surnames = known_surnames or {}
        self.spans = find_spans(text)
        self.paras = paragraphs(text)
        self.quoted = sorted((s.open_mark, (s.close_mark or s.end) + 1) for s in self.spans)
        self._quoted_starts = [s for s, _ in self.quoted]
        self.sentences = words.sentence_starts(text)
        self._by_paragraph: dict[int, list] = {}
        for span in self.spans:
            self._by_paragraph.setdefault(span.paragraph, []).append(span)
        self.found = [f for f in found if not self._in_quote(f.start)]
        self.speakers = sorted(
            (f for f in self.found if f.ref.kind in SPEAKERS), key=lambda f: f.start
        )
        self._speaker_starts = [f.start for f in self.speakers]
        self.people: dict[Ref, Person] = {}
        self._profile_people()

    def _in_quote(self, pos: int) -> bool:
        i = bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and pos < self.quoted[i][1]

    def in_paragraph(self, index: int):
        return self._by_paragraph.get(index, [])

    def between(self, lo: int, hi: int) -> list[Found]:
        """Speaker mentions starting in [lo, hi), in order."""
        starts = self._speaker_starts
        return self.speakers[bisect_left(starts, lo) : bisect_left(starts, hi)]

    def sentences_in(self, lo: int, hi: int) -> list[int]:
        """The starts of the sentences that begin in [lo, hi)."""
        return self.sentences[bisect_left(self.sentences, lo) : bisect_left(self.sentences, hi)]

    def sentence_start(self, pos: int, floor: int = 0) -> int:
        """Where the sentence holding `pos` starts, never before `floor`."""
        return max(floor, self.sentences[bisect_right(self.sentences, pos) - 1])

    # --- what the article says about its people -------------------------------------------

    def _profile_people(self) -> None:
        votes: dict[Ref, dict[str, int]] = {}
        named: set[Ref] = set()
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
            # "The OSCE chairman-in-office, Bulgarian Foreign Minister Solomon Passy": the
            # description set before the name by a comma is his role too.
            ahead = re.search(
                r"\b[Tt]he\s+((?:[\w-]+\s+){0,3}[\w-]+),\s+(?:[A-Z][\w'’-]*\s+){0,4}$",
                self.text[max(0, f.start - 100) : f.start],
            )
            if ahead:
                described += [w.lower() for w in re.findall(r"[A-Za-z]+", ahead[1])]
            for w in described:
                if w in words.ROLE_NOUNS or w in words.TITLES:
                    person.roles.add(w)
                if w in words.FEMALE_WORDS:
                    tally["f"] += 3
                if w in words.MALE_WORDS:
                    tally["m"] += 3
            if f.ref in named:
                continue  # the name's own hints count once per person, not per mention
            named.add(f.ref)
            first = f.ref.name.split()[0].lower()
            last = f.ref.name.split()[-1].lower()
            if first in words.FEMALE_NAMES:
                tally["f"] += 2
            elif first in words.MALE_NAMES:
                tally["m"] += 2
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
        person_starts = [f.start for f in persons]
        for m in re.finditer(r"\b(he|she)\b", self.text, re.I):
            if self._in_quote(m.start()):
                continue
            para_start = self.text.rfind("\n\n", 0, m.start()) + 2
            i = bisect_left(person_starts, m.start()) - 1
            last = [persons[i]] if i >= 0 and persons[i].start >= para_start else []
            # "Asked about Smith's complaints, she said": a possessive or an object is not
            # who the pronoun takes up, so it gets no vote.
            if last and (
                self.text[last[-1].end : last[-1].end + 2] in {"'s", "’s"}
                or self._object_position(last[-1])
            ):
                last = []
            if last and last[-1].ref in votes:
                gender = "m" if m[1].lower() == "he" else "f"
                votes[last[-1].ref][gender] += 1
        for ref, tally in votes.items():
            if tally["f"] != tally["m"]:
                self.people[ref].gender = "f" if tally["f"] > tally["m"] else "m"

    # --- resolving a speaker phrase -------------------------------------------------------

    def mentions_in(self, start: int, end: int, kind: str) -> list[Found]:
        return [f for f in self.between(start, end) if f.end <= end and f.ref.kind == kind]

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
            bare = re.fullmatch(r"\s*(he|she|it|they)\s*", self.text[zone[0] : zone[1]], re.I)
            if bare:
                # "Mr Orlov, she added, was …": the pronoun next to the verb is its subject.
                return self.pronoun(bare[1].lower(), at, earlier), 0.8
            in_zone = [
                f
                for f in self.mentions_in(*zone, EntityKind.PERSON)
                if not self._object_position(f, floor=zone[0])
            ]
            if in_zone:
                return in_zone[0].ref, 0.9
            by_surname = self._known_surname(*zone)
            if by_surname:
                return by_surname, 0.7
            named_after = [
                f
                for f in self.mentions_in(zone[0], end, EntityKind.PERSON)
                if not self._object_position(f, floor=zone[0])
            ]
            if _UNNAMED.match(self.text, zone[0], zone[1]) and not named_after:
                # "As police led Duvanov away, one protester shouted": nobody named; but
                # "an official at the ministry, Marat Iskakov, said" names him.
                return None, 0.5
        # "In a letter to Smith, Jones said", "Smith's lawyer said": not Smith.
        people = [
            f
            for f in self.mentions_in(start, end, EntityKind.PERSON)
            if not self._object_position(f, floor=start)
        ]
        if people:
            return people[0].ref, 0.9
        by_surname = self._known_surname(start, end)
        if by_surname:
            return by_surname, 0.7
        if subject_last and zone != (start, end):
            apposed = [
                f
                for f in self.mentions_in(zone[1], end, EntityKind.ORGANIZATION)
                if re.fullmatch(r",\s*", self.text[zone[1] : f.start])
            ]
            if apposed:
                # "The federal consumer protection service, Rospotrebnadzor, said": the
                # organization the description is set beside.
                return apposed[0].ref, 0.8
            ref, confidence = self._describe(*zone, at, earlier)
            if ref is not None:
                return ref, confidence
        return self._describe(start, end, at, earlier)

    def _known_surname(self, start: int, end: int) -> Ref | None:
        """A capitalized word no mention covers that is one known person's surname."""
        covered = [(f.start, f.end) for f in self.between(start, end)]
        for m in re.finditer(r"\b[A-Z][\w'’-]+", self.text[start:end]):
            at = start + m.start()
            if any(a <= at < b for a, b in covered):
                continue
            ref = self.known_surnames.get(fold(m[0]))
            if ref is not None:
                return ref
        return None

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
            # "In a speech to parliament in April he said": the pronoun before the verb.
            r"(?:,\s*|\s)(he|she|they|it)(?:\s+\w+ly|\s+also|\s+then|\s+later)?\s*$",
            phrase,
            re.I,
        )
        if lead:
            return self.pronoun(lead[1].lower(), at, earlier), 0.8
        # Words of the phrase outside organizations' names: "the Russian Prosecutor General's
        # Office" is an office, not a prosecutor.
        bare = phrase
        for f in self.mentions_in(start, end, EntityKind.ORGANIZATION):
            lo, hi = f.start - start, f.end - start
            bare = bare[:lo] + " " * (hi - lo) + bare[hi:]
        head = [w.lower() for w in re.findall(r"[A-Za-z']+", bare)]
        definite = bool(head) and (
            head[0] in {"the", "his", "her", "their", "its"} or head[0].endswith("'s")
        )
        roles = [w for w in head if w in words.ROLE_NOUNS]
        if roles and definite:
            who = self.by_role(roles[-1], at)
            if who:
                return who, 0.7
        if roles and definite and set(head) & words.UNNAMED_ROLES:
            return None, 0.5  # "the judge said" with no judge named: nobody named
        if definite and head[0] == "the" and (roles or any("year" in w for w in head)):
            # "the official said", "the 52-year-old said": the person just spoken of.
            gender = "f" if set(head) & words.FEMALE_WORDS else None
            gender = gender or ("m" if set(head) & words.MALE_WORDS else None)
            who = self.latest_subject(at, gender)
            if who and not self.mentions_in(start, end, EntityKind.ORGANIZATION):
                return who, 0.6
        if _UNNAMED.match(phrase) and not self.mentions_in(start, end, EntityKind.PERSON):
            return None, 0.5  # "said a woman who had come to the embassy": nobody named
        orgs = self.mentions_in(start, end, EntityKind.ORGANIZATION)
        if not roles:
            # "the union, in a letter to the ministry, said": not the ministry.
            # A possessive still speaks: "Gazprom's statement said".
            orgs = [
                f
                for f in orgs
                if self.text[f.end : f.end + 2] in {"'s", "’s"}
                or not self._object_position(f, floor=start)
            ]
        if orgs:
            return orgs[-1].ref if roles else orgs[0].ref, 0.8
        if definite and not roles:
            for noun in reversed(head):
                if noun in words.ORG_GENERIC:
                    return self.by_org_noun(noun, at), 0.7
            if set(head) & DOCUMENTS:
                issuer = self._issuer(sorted(set(head) & DOCUMENTS)[0], at, earlier)
                if issuer is not None:
                    return issuer, 0.6
                # "the statement said": the organization that issued it, named just before.
                window = self._sentence_start(at, back=3)
                issuer = self.by_org_noun("organization", at)
                named_at = [f.start for f in self.between(window, at) if f.ref == issuer]
                if issuer and named_at and named_at[-1] >= window:
                    return issuer, 0.6
        return None, 0.5

    def _issuer(self, document: str, at: int, earlier) -> Ref | None:
        """Who issued "the statement": the subject of the latest sentence of the last three
        that speaks of a statement ("In a statement read out by his spokeswoman, he …",
        "The party said in a statement that …")."""
        for start in reversed(self.sentences_in(self._sentence_start(at, back=3), at)):
            if self._in_quote(start):
                continue
            end = words.sentence_end_after(self.text, start, at)
            sentence = self.text[start:end]
            if not re.search(rf"\b{document}\b", sentence, re.I):
                continue
            opening = re.match(r"(?:In|With|Through)\b[^,.;\"“”]{2,120},\s+", sentence)
            subject_at = start + (opening.end() if opening else 0)
            lead = re.match(r"(he|she|it)\b", self.text[subject_at : subject_at + 4], re.I)
            if lead:
                return self.pronoun(lead[1].lower(), subject_at, earlier)
            institution = self.institution(subject_at, end)
            if institution:
                return institution
            named = [f for f in self.between(subject_at, end) if not self._object_position(f)]
            if named and re.fullmatch(r"(?:[Tt]he\s+)?", self.text[subject_at : named[0].start]):
                return named[0].ref
            return None
        return None

    def pronoun(
        self, pronoun: str, at: int, earlier: list[tuple[int, Ref]], depth: int = 0
    ) -> Ref | None:
        if pronoun == "they":
            return None  # a group of people as often as an organization: name no one
        if pronoun == "it":
            for f in reversed(self.between(at - REACH, at)):
                if f.ref.kind == EntityKind.ORGANIZATION:
                    return f.ref
            return None
        gender = "f" if pronoun == "she" else "m"
        candidates: list[tuple[int, bool, Ref]] = []
        objects: list[Ref] = []
        for f in self.between(at - REACH, at):
            if f.ref.kind != EntityKind.PERSON:
                continue
            if self._object_position(f):
                objects.append(f.ref)
                continue
            candidates.append((f.start, self._main_subject(f), f.ref))
        candidates += [(pos, True, ref) for pos, ref in earlier if at - REACH <= pos < at]
        window = self._sentence_start(at, back=3)
        described = self._described_subjects(window, at)
        candidates += [(pos, True, ref) for pos, ref, _ in described]
        if depth == 0:
            # "He said construction would go on, noting that X had approved … "…," he
            # said": a sentence led by the same pronoun is about the same person, who is
            # its subject rather than anyone it names.
            for start in self.sentences_in(window, at):
                lead = re.match(r"(He|She)\b", self.text[start : start + 4])
                if lead and lead[1].lower() == pronoun and not self._in_quote(start):
                    ref = self.pronoun(pronoun, start, earlier, depth=1)
                    if ref is not None:
                        candidates.append((start, True, ref))
        candidates.sort(key=lambda c: c[0])
        unnamed_gender = {pos: g for pos, _, g in described}
        fitting = [
            c
            for c in candidates
            if (c[2] is None and unnamed_gender.get(c[0]) in (None, gender))
            or (c[2] is not None and self._fits(c[2], gender))
        ]
        if not fitting:
            # "Duvanov met Saenen … "…," she said": the latest person named as an object
            # whose gender fits or is unknown ("That was the view of X"), when no subject fits.
            return next(
                (
                    r
                    for r in reversed(objects)
                    if self.people.get(r, Person()).gender in (gender, None)
                ),
                None,
            )
        # The latest sentence subject (or earlier speaker) of the last three sentences wins
        # over people named later in those sentences as objects or in passing; failing
        # one, the latest fitting person. A subject the article leaves unnamed ("A
        # colleague, who asked not to be named, said …") wins too, and names no one.
        subjects = [c for c in fitting if c[1] and c[0] >= window]
        return (subjects or [c for c in fitting if c[2] is not None] or [(0, 0, None)])[-1][2]

    def _described_subjects(self, lo: int, hi: int) -> list[tuple[int, Ref | None, str | None]]:
        """Sentences in [lo, hi) whose subject is a person described, not named: "Nazarov's
        wife said …" (the person the article gave that role), "A colleague … said …" (nobody
        named: None). Each with where it stands and the gender its words show."""
        result = []
        for start in self.sentences_in(lo, hi):
            if self._in_quote(start):
                continue
            m = _DESCRIBED.match(self.text, start, min(hi, start + 120))
            if not m:
                # "In the southern city of Osh, a market trader … said": after an opening
                # phrase set off by a comma.
                opening = _OPENING.match(self.text, start, min(hi, start + 120))
                m = opening and _DESCRIBED_AFTER_OPENING.match(
                    self.text, opening.end(), min(hi, start + 180)
                )
            if not m:  # both patterns end in a word of PERSON_NOUNS
                continue
            if re.match(r"\s*,\s*(?:[A-Z][\w'’-]+\s*)+,", self.text[m.end() : m.end() + 60]):
                continue  # "A spokesman, Marat Iskakov, said": the name is the subject
            described = {w.lower() for w in m[0].split()}
            gender = "f" if described & words.FEMALE_WORDS | {"woman"} & described else None
            gender = gender or ("m" if described & words.MALE_WORDS else None)
            if m[1].lower() in {"a", "an", "one", "another"}:
                result.append((start, None, gender))
            else:
                who = self.by_role(m[3].lower(), start)
                if who is not None:
                    result.append((start, who, gender))
        return result

    def sentence_subject(self, start: int, end: int, earlier) -> Ref | None:
        """Who a narrative sentence is about: its leading pronoun, or the first person or
        organization named in it that is not an object."""
        lead = re.match(r"\s*(he|she|it)\b", self.text[start:end], re.I)
        opening = _OPENING.match(self.text, start, end)
        if not lead and opening:
            # "Asked whether …, he shrugged."
            lead = re.match(r"(he|she)\b", self.text[opening.end() : end])
            start = opening.end() if lead else start
        if lead:
            return self.pronoun(lead[1].lower(), start, earlier)
        for f in self.between(start, end):
            if not self._object_position(f, floor=start):
                return f.ref
        return None

    def latest_subject(self, at: int, gender: str | None) -> Ref | None:
        """The person last named as a sentence's subject in the two sentences before `at`."""
        window = self._sentence_start(at, back=2)
        for f in reversed(self.between(window, at)):
            if f.ref.kind != EntityKind.PERSON:
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
        if re.fullmatch(r"\s*For\s+", clause) and self.text[f.end : f.end + 1] == ",":
            return False  # "For Temirbekova, the next step is …": the sentence's topic
        # Skip over titles: "with Kazakh President Nursultan Nazarbaev".
        for w in reversed(before):
            lw = w.lower()
            if lw in words.TITLES or (w[:1].isupper() and lw not in words.NOT_NAME):
                continue
            return lw in words.PREPOSITIONS
        return False

    def _main_subject(self, f: Found) -> bool:
        sentence = self._sentence_start(f.start)
        lead = self.text[sentence : f.start]
        if re.match(r"\W*(?:He|She)\b", lead) and re.search(r"\b(?:that|noting|adding)\s", lead):
            return False  # "He said …, noting that Transneft president X had approved …"
        for g in self.between(sentence, f.start):
            possessive = self.text[g.end : g.end + 2] in {"'s", "’s"}
            if g.ref.kind == EntityKind.PERSON and not possessive:
                return False
        return True

    def _sentence_start(self, pos: int, back: int = 1) -> int:
        i = bisect_right(self.sentences, pos) - 1
        return self.sentences[max(0, i - (back - 1))]

    def by_role(self, role: str, at: int) -> Ref | None:
        for f in reversed(self.between(at - REACH, at)):
            person = self.people.get(f.ref, Person())
            if f.ref.kind == EntityKind.PERSON and role in person.roles:
                return f.ref
        return None

    def institution(self, start: int, end: int) -> Ref | None:
        """A subject "the <noun>" at `start` ("the ministry called …", "the fund said"): the
        organization named before with that noun in its name, if any."""
        m = _INSTITUTION.match(self.text, start, end)
        if m and words.ORG_GENERIC.get(m[1]):
            return self.by_org_noun(m[1], start, strict=True)
        return None

    def by_org_noun(self, noun: str, at: int, strict: bool = False) -> Ref | None:
        """The organization "the <noun>" means: the latest named with that noun in its name
        (or just after it: "the ODIHR mission"); unless `strict`, failing that any latest
        organization where the noun may name anything ("the group")."""
        heads = words.ORG_GENERIC.get(noun)
        named_orgs = [
            f for f in self.between(at - REACH, at) if f.ref.kind == EntityKind.ORGANIZATION
        ]
        if heads:
            # By its noun, an organization is found in any position: "approved by the
            # State Property Management Agency … The agency said".
            for f in reversed(named_orgs):
                named = f.ref.name.lower().split() + self.text[f.end : f.end + 20].split()[:1]
                if any(h in named for h in heads):
                    return f.ref
        # State institutions carry their noun in their names: "the prosecutor's office said"
        # with no office named before is not the party named earlier. A company or a group
        # may be called anything ("KazMunayGas … the company said").
        if strict or (heads and noun in INSTITUTION_NOUNS):
            return None
        # Otherwise the latest one not named as an object: "she told RFE/RL": RFE/RL heard it.
        orgs = [f for f in named_orgs if not self._object_position(f)]
        return orgs[-1].ref if orgs else None
