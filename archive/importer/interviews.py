"""Interview transcripts: paragraphs of the form `Name: answer` without quotation marks.

Broadcasters and papers print question-and-answer interviews as labelled paragraphs:

    RFE/RL: What did the witnesses tell you?

    Holmqvist: We interviewed more than 50 of them. …

An answer labelled with a person the article names is that person's direct speech; a
question labelled with the interviewer's outlet, the interviewer or "Q" is not anybody's
quotation here. Only articles with at least two labelled paragraphs count as transcripts, so
a lone "Warning: …" or "Prague:" line is never taken for speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.importer.linking import Found, Ref
from archive.importer.quotes import MARKS, paragraphs
from archive.models import EntityKind
from archive.names import fold

# One to four capitalized words (initials and hyphens allowed), then a colon and the answer.
_LABELLED = re.compile(r"^([A-Z][\w'’./-]*(?: [A-Z][\w'’./-]*){0,3}):[ \t]+(\S)")
MIN_LABELLED = 2


@dataclass
class Answer:
    start: int
    end: int
    paragraph: int
    speaker: Ref
    label: str


def answers(
    text: str,
    found: list[Found],
    known_surnames: dict[str, Ref | None] | None = None,
    interviewers: set[Ref] | None = None,
) -> list[Answer]:
    """The answers of an interview transcript in `text`, each with the person who gave it."""
    labelled = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        m = _LABELLED.match(text[p_start:p_end])
        if m:
            labelled.append((index, p_start, p_end, m))
    if len(labelled) < MIN_LABELLED:
        return []
    known_surnames = known_surnames or {}
    people_by_word = _people_by_word(found)
    interviewee = _interviewee(text, found, labelled[0][1], interviewers or set())
    result = []
    for index, p_start, p_end, m in labelled:
        label_end = p_start + m.end(1)
        if m[1] in {"A", "Answer"}:
            # "Q: … / A: …": the answers are the interviewee's, the person the introduction
            # names first (who is not the interviewer).
            speaker = interviewee
        else:
            speaker = _label_person(text, found, p_start, label_end, people_by_word, known_surnames)
        if speaker is None or speaker in (interviewers or set()):
            continue  # a question ("RFE/RL:", "Q:") or a label that names no one
        start = p_start + m.start(2)
        end = p_end
        while end > start and text[end - 1].isspace():
            end -= 1
        if text[start] in MARKS:
            continue  # a quoted answer: the quotation finder has it already
        result.append(Answer(start, end, index, speaker, m[1]))
    return result


def _interviewee(text, found, transcript_start, interviewers) -> Ref | None:
    for f in found:
        if f.start >= transcript_start:
            break
        if f.ref.kind == EntityKind.PERSON and f.ref not in interviewers:
            return f.ref
    return None


def _people_by_word(found: list[Found]) -> dict[str, Ref]:
    """Each word of a person's name that belongs to one person only, folded."""
    owners: dict[str, set[Ref]] = {}
    for f in found:
        if f.ref.kind == EntityKind.PERSON:
            for word in f.ref.name.split():
                owners.setdefault(fold(word), set()).add(f.ref)
    return {word: next(iter(refs)) for word, refs in owners.items() if len(refs) == 1}


def _label_person(text, found, start, end, people_by_word, known_surnames) -> Ref | None:
    for f in found:
        if f.start >= start and f.end <= end:
            return f.ref if f.ref.kind == EntityKind.PERSON else None
    words = text[start:end].split()
    # "Holmqvist:" after "Karin Holmqvist" was introduced: the person whose surname it is.
    ref = people_by_word.get(fold(words[-1])) or known_surnames.get(fold(words[-1]))
    return ref if ref is not None and ref.kind == EntityKind.PERSON else None


def interviewer_refs(text: str, found: list[Found]) -> set[Ref]:
    """People introduced as putting the questions: "She spoke with RFE/RL correspondent Jan
    Novak", "interviewed by Jane Smith"; their labelled lines are questions."""
    result = set()
    for f in found:
        if f.ref.kind != EntityKind.PERSON:
            continue
        before = text[max(0, f.start - 80) : f.start]
        if re.search(
            # "spoke with RFE/RL correspondent Jan Novak", but not "EurasiaNet spoke with
            # Farrukh Nazarov", who answers.
            r"\b(?:spoke|talked|speaking|talking)\s+(?:to|with)\b[^.;:?!\n]{0,40}"
            r"\b(?:correspondent|reporter|journalist|editor|host|presenter)\s+$|"
            r"\binterviewed\s+by\b[^.;:?!\n]{0,40}$|"
            r"\b(?:interviewer|correspondent|reporter)\s*,?\s*$",
            before,
        ):
            result.add(f.ref)
    return result
