"""How the site prints a quote: the one place that decides about quotation marks.

Only a direct quote (the speaker's own words, in quotation marks in the article) is ever
printed inside quotation marks. Reported speech (the reporter's paraphrase) is printed
without them and labelled "reported speech", in HTML and in plain text (page titles, Open
Graph, feeds, JSON-LD, the API). Templates use the tags in archive_tags, which call these
functions; tests/test_quote_rendering.py walks every page and feed that prints a quote.

The cue is the sentence that attributes a quote ("…,” she told RFE/RL."): the article's
own words around the quote, with the quote itself elided, so a reader can check the
attribution without opening the article. It is cut from two short windows of the article
text that QuoteQuerySet.with_context() reads in SQL (`cue_before`, `cue_after`), so showing
it costs no query and never loads a whole article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from archive.importer.text import sentence_end_after, sentence_starts

OPEN, CLOSE = "“", "”"
REPORTED = "reported speech"
# How much article text either side of a quote the cue is cut from (characters).
CUE_WINDOW = 240
# The longest stretch of the cue shown on either side of the elided quote.
CUE_SIDE = 160


def is_direct(quote) -> bool:
    return quote.mode == "direct"


def words(quote, limit: int | None = None) -> str:
    """The quote's words, shortened to `limit` words, without any marks."""
    text = " ".join(quote.exact.split())
    return Truncator(text).words(limit, truncate="…") if limit else text


def quoted_text(quote, limit: int | None = None) -> str:
    """Plain text: “words” for a direct quote; for reported speech the words after the
    label, never in quotation marks."""
    if is_direct(quote):
        return f"{OPEN}{words(quote, limit)}{CLOSE}"
    return f"({REPORTED}) {words(quote, limit)}"


def speaker_name(quote) -> str:
    return quote.speaker.name if quote.speaker_id else "Unattributed"


def line(quote, limit: int | None = None) -> str:
    """Plain text naming the speaker: `Ann Smith: “words”` or
    `Ann Smith (reported speech): words`: for titles, og:title, feeds and JSON-LD names."""
    if is_direct(quote):
        return f"{speaker_name(quote)}: {quoted_text(quote, limit)}"
    return f"{speaker_name(quote)} ({REPORTED}): {words(quote, limit)}"


def words_html(text, direct: bool) -> SafeString:
    """`text` (escaped here unless already safe HTML, e.g. a search highlight) as a quote's
    words: in quotation marks if direct; with a visible "Reported speech" label and no
    marks if not."""
    if direct:
        return format_html('<span class="q q-direct">{}{}{}</span>', OPEN, text, CLOSE)
    return format_html(
        '<span class="q q-reported"><span class="q-label">Reported speech</span> {}</span>', text
    )


def html(quote, limit: int | None = None) -> SafeString:
    """The quote's words as HTML (words_html)."""
    return words_html(words(quote, limit), is_direct(quote))


def html_line(quote, limit: int | None = None) -> SafeString:
    """Speaker and words, as in the article's quote list and "Answers" links."""
    return format_html("{}: {}", speaker_name(quote), html(quote, limit))


# --- the cue ------------------------------------------------------------------------------

# A sentence ends at . ! or ? (with any closing marks) before white space, or at a new line.
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’)\]]*\s*$")
_NOTHING = re.compile(r"^[\s\"“”‘’'.,:;—–()\[\]…-]*$")


@dataclass(frozen=True)
class Cue:
    before: str
    after: str

    def text(self) -> str:
        return f"{self.before}[…]{self.after}"


def _clip_left(text: str) -> str:
    if len(text) <= CUE_SIDE:
        return text
    cut = text[-CUE_SIDE:]
    return "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut


def _clip_right(text: str) -> str:
    if len(text) <= CUE_SIDE:
        return text
    cut = text[:CUE_SIDE]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"


def cue(quote) -> Cue | None:
    """The attributing sentence around `quote`, from the windows with_context() read, or
    None when the sentence holds nothing but the quote (a quote running on from an earlier
    paragraph)."""
    before = getattr(quote, "cue_before", None)
    after = getattr(quote, "cue_after", None)
    if before is None or after is None:
        return None
    # The sentence's start: after the last sentence end before the quote. If the window
    # holds none and was cut short, the sentence began earlier.
    # Sentences as the importer splits them (abbreviations such as "Mr." end none).
    starts = sentence_starts(before)
    if len(starts) > 1:
        left = before[starts[-1] :]
    elif quote.start > len(before):
        left = "…" + before[before.find(" ") + 1 :] if " " in before else before
    else:
        left = before
    # The sentence's end: if the quote's own words end a sentence and only closing marks
    # follow, the quote ends it; otherwise at the first sentence end after the quote.
    closing = re.match(r"[\"”’)\]]*(?=\s|$)", after)
    if _ENDS_SENTENCE.search(quote.exact) and closing:
        right = after[: closing.end()]
    else:
        paragraph = after.find("\n")
        ceiling = len(after) if paragraph < 0 else paragraph
        end = sentence_end_after(after, 0, ceiling)
        if end < len(after) or after[end - 1 : end] in {".", "!", "?", "…"}:
            end += re.match(r"[\"”’)\]]*", after[end:]).end()  # its closing marks
            right = after[:end]
        else:
            right = after + "…"
    left, right = left.lstrip(), right.rstrip()
    if _NOTHING.match(left) and _NOTHING.match(right):
        return None
    return Cue(_clip_left(left), _clip_right(right))


def cue_html(quote) -> SafeString:
    found = cue(quote)
    if found is None:
        return SafeString("")
    return format_html(
        '<p class="cue"><span class="cue-label">Attributed in the article:</span> '
        '<span class="cue-text">{}<span class="cue-gap" title="the quote">[…]</span>{}</span></p>',
        found.before,
        found.after,
    )


# --- the pull quote -----------------------------------------------------------------------


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[\"“”‘’'.,;:!?()\[\]—–-]", " ", text).lower().split())


def pull_quote_source(pull_quote: str, quotes):
    """The quote a pull quote repeats: the article's quote whose words hold the pull quote's
    (or are held by them), preferring direct quotes; None if no quote matches."""
    wanted = _fold(pull_quote)
    if not wanted:
        return None
    found = [
        q
        for q in quotes
        if wanted in _fold(q.exact) or (len(_fold(q.exact)) >= 20 and _fold(q.exact) in wanted)
    ]
    found.sort(key=lambda q: (not is_direct(q), q.part != "body", q.start))
    return found[0] if found else None


def pull_quote_words(pull_quote: str) -> str:
    """The pull quote's words without the marks an importer or editor put around them."""
    return pull_quote.strip().strip("\"“”'‘’").strip()


@dataclass(frozen=True)
class PullQuote:
    html: SafeString
    source: object  # the Quote it repeats, or None


def pull_quote(article, quotes) -> PullQuote | None:
    """The article's pull quote with the quote it repeats: in quotation marks only when
    that is a direct quote (an unmatched pull quote is shown without marks)."""
    if not article.pull_quote:
        return None
    source = pull_quote_source(article.pull_quote, quotes)
    direct = source is not None and is_direct(source)
    return PullQuote(words_html(pull_quote_words(article.pull_quote), direct), source)
