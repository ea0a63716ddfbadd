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

A speaker phrase is resolved (`speakers.py`) to a person named in it, then a pronoun (the
most recent fitting person outside quotations, by gender where the article shows it), then an
organization named in it, then a description ("the minister", "his wife", "the party")
matched to the roles the article gave earlier. Plural or unnamed sources ("officials said")
give no speaker. Short quotations nobody is said to say, titles and scare quotes, are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.importer import interviews
from archive.importer import text as words
from archive.importer.linking import Found, Ref
from archive.importer.quotes import Span
from archive.importer.speakers import Article

NOT_SPEECH_BEFORE = re.compile(
    r"(?:so-called|titled|entitled|headlined|named|nicknamed|dubbed|known as|the term|"
    r"the word|the words|the phrase|the slogan|labell?ed|branded|book|film|report|song|"
    r"program|programme|show|article|newspaper|magazine|campaign|"
    # Written words carried, not spoken: placards reading "…", a banner saying "…".
    r"(?:placards?|banners?|signs?|posters?|slogans?|t-shirts?|graffiti|leaflets?)"
    r"\s+(?:reading|that read|which read|saying|with the words|bearing))\s*[:,]?\s*$",
    re.I,
)
CLAUSE = r"[^\"“”„«»]"
# Verbs after which "of"/"for" + quotation is still someone's words: accused him of "…".
ACCUSING = re.compile(
    r"\b(?:accus|criticiz|criticis|prais|blam|describ|warn|condemn|denounc|thank|credit)\w*\b",
    re.I,
)
OBJECT_OF = {"for", "of", "on", "under", "with", "by", "into", "against", "from", "the", "a"}


@dataclass
class Attributed:
    span: Span
    speaker: Ref | None
    confidence: float
    how: str  # cue-after, cue-before, subject, pull-quote, paragraph, interview, none


CUE = words.CUE_RE


def attribute(
    text: str, found: list[Found], known_surnames: dict[str, Ref | None] | None = None
) -> list[Attributed]:
    """Every quotation in `text` that is speech, with its speaker or None.

    `known_surnames` lets a speaker phrase name a known person by surname alone ("the
    HRW's Saenen insisted") even where the article never gives the full name."""
    art = Article(text, found, known_surnames or {})
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
    rejected_end = None
    for gid in sorted(groups):
        speaker, confidence, how = results.get(gid, (None, 0.4, "none"))
        spans = groups[gid]
        joined = rejected_end is not None and re.fullmatch(
            r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[rejected_end : spans[0].open_mark]
        )
        # `placards reading "Free Duvanov" and "Journalism is not a crime"`: a quotation
        # listed with one that is not speech is not speech either.
        if joined or not _is_speech(art, spans, how):
            last = spans[-1]
            rejected_end = last.close_mark + 1 if last.close_mark is not None else None
            continue
        rejected_end = None
        out.extend(Attributed(s, speaker, confidence, how) for s in spans)
    return _with_interview_answers(text, found, known_surnames or {}, out)


def _with_interview_answers(text, found, known_surnames, out: list[Attributed]):
    """Add the answers of an interview transcript; quotation marks inside an answer quote
    within it and are part of the answer, not quotations of their own."""
    given = interviews.answers(
        text, found, known_surnames, interviews.interviewer_refs(text, found)
    )
    if not given:
        return out
    inside = [(a.start, a.end) for a in given]
    kept = [a for a in out if not any(lo <= a.span.start < hi for lo, hi in inside)]
    kept += [
        Attributed(
            Span(a.start, a.end, a.start, None, a.paragraph, -1), a.speaker, 0.8, "interview"
        )
        for a in given
    ]
    return sorted(kept, key=lambda a: a.span.start)


def _region_after(art: Article, span: Span) -> tuple[int, int]:
    start = span.close_mark + 1
    p_end = art.paras[span.paragraph][1]
    nxt = [s.open_mark for s in art.in_paragraph(span.paragraph) if s.open_mark > start]
    end = min(nxt) if nxt else p_end
    return start, min(end, words.sentence_end_after(art.text, start, p_end))


def _region_before(art: Article, span: Span) -> tuple[int, int]:
    p_start = art.paras[span.paragraph][0]
    prev = [
        (s.close_mark or s.end) + 1
        for s in art.in_paragraph(span.paragraph)
        if s.open_mark < span.open_mark
    ]
    floor = max(prev) if prev else p_start
    return art.sentence_start(span.open_mark, floor), span.open_mark


_INVERTED = re.compile(
    rf"^\s*[,—–]?\s*(?:\w+ly\s+)?{CUE}\s+(?!that\b|to\b)({CLAUSE}{{1,160}})", re.I
)
_ACCORDING_AFTER = re.compile(rf"^\s*[,—–]?\s*according to\s+({CLAUSE}{{1,120}})", re.I)
_NORMAL = re.compile(
    rf"^\s*[,—–]?\s*({CLAUSE}{{1,160}}?)\s+(?:also\s+|then\s+|later\s+|\w+ly\s+)?{CUE}", re.I
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


_A_COPY = re.compile(r"\s*(?:a|the)\s+(?:copy|text|draft)\s+of\b", re.I)


def _direct(art: Article, span: Span, earlier):
    text = art.text
    ends_clause = span.close_mark is not None and (
        text[span.close_mark - 1] in ",?!…—-"
        or text[span.close_mark + 1 :].lstrip()[:1] in {",", "—", "–"}
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
                if ref is None and how == "cue-after" and _A_COPY.match(m[1]):
                    # "…," according to a copy of the letter seen by VOA": the letter's
                    # writer, the subject of the sentence, said it.
                    break
                return ref, conf, how
        m = _NORMAL.match(after)
        if (
            m
            and m[1].split()[-1].lower() in _PASSIVE
            and not re.match(r"\s*quoted", after[m.end(1) :])
        ):
            m = None  # "…", and that Ms Lomidze had been told so": she heard it, not said it
        # `said … a "revolution," and warned that …`: a second verb of the same subject,
        # who stands before the quotation.
        continuing = m and m[1].strip().lower() in {"and", "but", "or", "and then", "then"}
        # A name with its apposition may run longer: "Oleg Ryabov, a spokesman for the
        # Prosecutor General's Office in the Southern Federal District, told Interfax".
        named_first = m and re.match(r"\s*,?\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3},\s", m[1])
        if m and len(m[1].split()) <= (20 if named_first else 12) and not continuing:
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


# "Earlier this week it described the law as "…"": a pronoun subject after a time phrase.
_TIME_THEN_PRONOUN = re.compile(
    r"\s*(?:Earlier|Later|Last|This|Yesterday|Today|Now|Then|Meanwhile|On|In)\b"
    r"(?:\s+[\w-]+){0,2}?,?\s+(he|she|it)\b"
)


def _subject(art: Article, span: Span, earlier):
    """A partial quotation inside a sentence: its speaker is the sentence's subject."""
    start, end = _region_before(art, span)
    before = art.text[start:end]
    if len(before.split()) < 2:
        return None
    if before.split()[-1].lower() in OBJECT_OF and not ACCUSING.search(before):
        return None  # sentenced for "inciting social discord": a charge's name, not speech
    # The clause the quotation stands in: "a declaration that critics called "…"".
    boundary = list(re.finditer(r"\b(?:that|which|who|whom|while|whereas)\b|[,;]", before))
    if boundary:
        clause_start = start + boundary[-1].end()
        clause = art.text[clause_start:end]
        named = [
            f for f in art.between(clause_start, end) if not art._object_position(f, clause_start)
        ]
        alone = (
            named
            and re.fullmatch(r"\s*(?:the\s+)?", art.text[clause_start : named[0].start], re.I)
            and not art.text[named[0].end : end].strip()
        )
        if alone and boundary[-1][0] == "that":
            # "gave assurances that Magomadov "will not be …"": the quotation is the clause's
            # predicate, said by the sentence's subject, not by the one it is about.
            main = [f for f in art.between(start, clause_start) if not art._object_position(f)]
            if main:
                return main[0].ref, 0.6, "subject"
        if named:
            return named[0].ref, 0.6, "subject"
        # "a goal he described as "…"": the clause's own pronoun subject.
        lead = re.match(r"\s*(he|she|they|it)\b", clause, re.I) or re.search(
            r"\b(he|she)\b", clause, re.I
        )
        if lead:
            return art.pronoun(lead[1].lower(), clause_start, earlier), 0.6, "subject"
        if re.match(r"\s*(?:and|but)\s+(?:\w+ly\s+)?[a-z]+(?:s|ed)\s", clause):
            # "He says …"within weeks", and accuses the judges of having "…"": the same
            # subject goes on; the quotation before in the sentence decides.
            return None
        institution = art.institution(clause_start, end)
        if institution:
            return institution, 0.6, "subject"
        if set(re.findall(r"[a-z]+", clause.lower())) & words.GENERIC_SPEAKERS:
            return None, 0.5, "subject"
    lead = re.match(r"\s*(he|she|they|it)\b", before, re.I) or _TIME_THEN_PRONOUN.match(before)
    if lead:
        return art.pronoun(lead[1].lower(), start, earlier), 0.6, "subject"
    first = [f for f in art.between(start, end) if not art._object_position(f)]
    if first:
        return first[0].ref, 0.6, "subject"
    return None


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _pull_quotes(art: Article, groups, results) -> None:
    attributed = {
        gid: _words_of(" ".join(art.text[s.start : s.end] for s in spans))
        for gid, spans in groups.items()
        if gid in results and results[gid][0] is not None
    }
    for gid, spans in groups.items():
        if gid in attributed:
            continue
        mine = _words_of(" ".join(art.text[s.start : s.end] for s in spans))
        if len(mine.split()) < 5:
            continue
        for other, theirs in attributed.items():
            if mine in theirs or theirs in mine:
                results[gid] = (results[other][0], 0.7, "pull-quote")
                break


def _neighbours(art: Article, groups, results) -> None:
    order = sorted(groups)
    ending_in: dict[int, list[int]] = {}
    starting_in: dict[int, list[int]] = {}
    for gid in order:
        ending_in.setdefault(groups[gid][-1].paragraph, []).append(gid)
        starting_in.setdefault(groups[gid][0].paragraph, []).append(gid)
    for gid in order:
        if gid in results:
            continue
        first = groups[gid][0]
        sentence = art.sentence_start(first.open_mark, art.paras[first.paragraph][0])
        if art.text[sentence : first.open_mark].strip():
            # Inside a sentence only the same sentence can attribute it: `said it was
            # "concerned" and urged them to "respect due process"`.
            same_sentence = [
                g
                for g in ending_in.get(first.paragraph, [])
                if g < gid
                and g in results
                and results[g][0] is not None
                and groups[g][-1].close_mark is not None
                and sentence <= groups[g][-1].close_mark < first.open_mark
            ]
            if same_sentence:
                results[gid] = (results[same_sentence[-1]][0], 0.6, "paragraph")
            continue
        named = _named_right_after(art, groups[gid][-1])
        if named is not None:
            # "“…” That was the view of Ulrike Hahn, …": the sentence after names the speaker,
            # which outweighs any guess from the quotations around it.
            results[gid] = (named, 0.6, "paragraph")
            continue
        same_para = [g for g in ending_in.get(first.paragraph, []) if g < gid and g in results]
        if same_para:
            speaker = results[same_para[-1]][0]
            results[gid] = (speaker, 0.7, "paragraph")
            continue
        later_same = [
            g
            for g in starting_in.get(first.paragraph, [])
            if g > gid and g in results and results[g][2].startswith("cue")
        ]
        if later_same:
            results[gid] = (results[later_same[0]][0], 0.7, "paragraph")
            continue
        p_start = art.paras[first.paragraph][0]
        if art.text[p_start : first.open_mark].strip():
            # A quotation opening a sentence after narrative: "He was blunt. "…""; the
            # sentence before names the speaker. Inside a sentence, nobody is named.
            sentence = art.sentence_start(first.open_mark, p_start)
            if sentence == first.open_mark or not art.text[sentence : first.open_mark].strip():
                before = art.sentence_start(max(p_start, sentence - 1), p_start)
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
                    for f in art.between(n_start + back.end(), sentence_end)
                    if not art._object_position(f)
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
            for g in ending_in.get(first.paragraph - 1, [])
            if g < gid
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
                last = art.sentence_start(prev_start + len(previous) - 1, prev_start)
                ref = art.sentence_subject(last, prev_start + len(previous), [])
                results[gid] = (ref, 0.55, "paragraph")
        elif not ending_in.get(first.paragraph - 1) and not starting_in.get(first.paragraph - 1):
            # "Shahin Rustamov … said self-censorship had become the norm. / "Every
            # journalist …": a paragraph of reported speech introduces the quotation after it.
            last = art.sentence_start(prev_start + len(previous) - 1, prev_start)
            if _CUE_ANYWHERE.search(art.text, last, prev_start + len(previous)):
                ref = art.sentence_subject(last, prev_start + len(previous), [])
                if ref is not None:
                    results[gid] = (ref, 0.55, "paragraph")


def earlier_of(results, groups, gid) -> list[tuple[int, Ref]]:
    """Speakers of the quotations before `gid`, where their quotations end."""
    return [
        ((groups[g][-1].close_mark or groups[g][-1].end), results[g][0])
        for g in sorted(results)[-50:]
        if g < gid and results[g][0] is not None
    ]


_POINTS_BACK = re.compile(
    r"(?:With (?:these|those) words|(?:That|This) (?:is|was) how|So (?:said|says)|"
    r"(?:Those|These) (?:were|are) the words of|(?:That|This) (?:is|was) the (?:message|view) "
    r"(?:of|from))\b,?",
)
# A sentence right after a quotation, in its paragraph, that hands it to someone: "That was
# the assessment of X", "Those were the words of X", "The statement came from X".
_HANDED_BACK = re.compile(
    r"\s*(?:(?:That|This|Those|These) (?:is|was|were|are) the (?:words?|views?|assessment|"
    r"verdict|message|opinion|judg(?:e)?ment|conclusion|warning|argument) (?:of|from)|"
    r"The (?:statement|question|words|remarks?|comments?|warning|criticism|appeal|message) "
    r"(?:came|comes) from|"
    r"(?:That|This) (?:assessment|view|verdict|warning|judg(?:e)?ment|comment|complaint) "
    r"(?:came|comes) from|"
    # "“…” The words are those of Irena Kazlauskiene, the mayor."
    r"(?:The|Those|These) (?:words|remarks) (?:are|were) (?:those )?of|"
    # "“…” That was how Yelena Grigoryeva put it."
    r"(?:That|This) (?:is|was) how)\s",
)


def _named_right_after(art: Article, last: Span) -> Ref | None:
    if last.close_mark is None:
        return None
    p_end = art.paras[last.paragraph][1]
    start = last.close_mark + 1
    if not art.text[start:p_end].strip() and last.paragraph + 1 < len(art.paras):
        # The quotation ends its paragraph: the next one may open by handing it back.
        start, p_end = art.paras[last.paragraph + 1]
    m = _HANDED_BACK.match(art.text, start, p_end)
    if not m:
        return None
    end = words.sentence_end_after(art.text, m.end(), p_end)
    # The name right after "of"/"from" is the speaker, though it stands as an object.
    named = art.between(m.end(), end)
    return named[0].ref if named else None


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
    last_word = re.findall(r"[A-Za-z]+", before)[-1:]
    if last_word and last_word[0].lower() in OBJECT_OF and not ACCUSING.search(before):
        return False  # convicted of "insulting the president": a charge's words, not speech
    # Nobody is said to say it: a quotation of five words or more (a law's words, an
    # unattributed remark) is still a quotation; shorter ones are scare quotes.
    return n_words >= 5
