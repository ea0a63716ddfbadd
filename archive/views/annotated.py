"""Article text as HTML for reading: quiet quote marks, each entity linked once.

Every character of the text passes through `escape`; only the tags built here with
`format_html` are markup. Quotes are the outer layer and mentions the inner one, so a mention
inside a quote nests properly; a mention that crosses a quote's edge is split in two.
Where quotes overlap, the innermost one is drawn, so every quote keeps a fragment with its
id (`#quote-<pk>`, which the quote pages link to, in every mode).

What is drawn depends on the reader's choice (`MODES`): every annotation, the quotes only, or
none. A quote's speaker never interrupts the sentence: the quote's number follows its last
fragment as a small link to the quote's page whose name says who spoke (shown on hover and
keyboard focus), and, on wide screens, a note in the margin beside the quote's first line.
An entity is a link at its first mention in the text only; later mentions are marked, not
linked, so a sentence is not a row of links.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from archive import quoting

ALL, QUOTES, NONE = "all", "quotes", "none"
MODES = {ALL: "All", QUOTES: "Quotes only", NONE: "None"}
DEFAULT_MODE = ALL
PARAM = COOKIE = "annotations"
COOKIE_MAX_AGE = 365 * 24 * 3600
REPORTED_NOTE = SafeString('<span class="note-kind">reported speech</span>')
# The order a reader meets the parts in; quotes are numbered in it.
READING_ORDER = {"headline": 0, "standfirst": 1, "body": 2}


def asked_mode(request) -> str | None:
    """The mode in the address (`?annotations=quotes`), if it names one. Anything else is
    ignored: a mistyped link still shows the article, as the reader last chose it."""
    value = request.GET.get(PARAM, "").strip().lower()
    return value if value in MODES else None


def remembered_mode(request) -> str | None:
    value = request.COOKIES.get(COOKIE)
    return value if value in MODES else None


def reading_mode(request) -> str:
    """What this request is shown: the address's choice, else the remembered one, else all."""
    return asked_mode(request) or remembered_mode(request) or DEFAULT_MODE


def mode_to_remember(request) -> str | None:
    """The mode to store in the reader's cookie: a choice made in the address that differs
    from the remembered one."""
    asked = asked_mode(request)
    return asked if asked and asked != remembered_mode(request) else None


def cache_variant(request) -> str | None:
    """For the page cache: one cached version per mode; a request that sets the cookie is
    served live, so that the cookie is set."""
    return None if mode_to_remember(request) else reading_mode(request)


def reading_order(quotes) -> list:
    return sorted(quotes, key=lambda q: (READING_ORDER.get(q.part, 3), q.start, q.end, q.pk))


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    item: object


def _speaker_phrase(quote) -> str:
    """Who spoke, as the link on the quote's number says it (and a screen reader reads it)."""
    if quote.mode == "direct":
        return f"Quote by {quote.speaker.name}" if quote.speaker_id else "Unattributed quote"
    if quote.speaker_id:
        return f"Reported speech, not a verbatim quote, by {quote.speaker.name}"
    return "Reported speech, not a verbatim quote, unattributed"


@dataclass
class Annotator:
    """Draws the parts of one article. `numbers` maps a quote's pk to its number on the page;
    `linked` remembers which mention links each entity, across the parts and paragraphs."""

    mode: str = ALL
    numbers: dict = field(default_factory=dict)
    # entity pk -> the mention that links it (a mention split at a quote's edge keeps both
    # halves as links)
    linked: dict = field(default_factory=dict)

    def _quote_open(self, quote, first: bool, notes: bool) -> str:
        # Only the quote's first fragment carries its id, so #quote-<pk> is unique on the page.
        if self.mode == NONE:
            return format_html('<span id="{}">', quote.anchor_id) if first else ""
        label = quoting.speaker_name(quote)
        if quote.mode == "direct":
            kind, title = "quote", f"Quote: {label}"
        else:
            kind, title = "quote reported", f"Reported speech, not a verbatim quote: {label}"
        if not first:
            return format_html('<mark class="{}" title="{}">', kind, title)
        note = ""
        if notes:
            # A sighted reader's margin note; the number's link says the same to everyone.
            note = format_html(
                '<span class="margin-note" aria-hidden="true"><span class="note-number">{}'
                "</span> {}{}</span>",
                self.numbers.get(quote.pk, ""),
                label,
                "" if quote.mode == "direct" else REPORTED_NOTE,
            )
        return format_html(
            '{}<mark class="{}" id="{}" title="{}">', note, kind, quote.anchor_id, title
        )

    def _quote_close(self, quote, first: bool, last: bool) -> str:
        """Close a fragment of the quote; after its last fragment, its numbered link."""
        if self.mode == NONE:
            return SafeString("</span>") if first else ""
        if not last:
            return SafeString("</mark>")
        return format_html(
            '</mark><a class="quote-ref" href="{}"><span class="ref-number">{}</span>'
            '<span class="ref-tip"> {}</span></a>',
            quote.get_absolute_url(),
            self.numbers.get(quote.pk, "·"),
            _speaker_phrase(quote),
        )

    def _mention_open(self, mention) -> tuple[str, str]:
        """The element that opens a mention's fragment and its tag name: a link at the
        entity's first mention, a mark after it."""
        entity = mention.entity
        title = entity.description or entity.name
        if self.linked.setdefault(entity.pk, id(mention)) == id(mention):
            link = format_html(
                '<a class="mention" href="{}" title="{}">', entity.get_absolute_url(), title
            )
            return "a", link
        return "span", format_html('<span class="mention again" title="{}">', title)

    def annotate(self, text: str, offset: int, quotes, mentions, notes: bool = True) -> SafeString:
        """HTML for text[...] that starts at character `offset` of its part.

        `quotes` and `mentions` carry positions in the whole part; those outside this
        stretch of text are ignored and those reaching beyond it are clipped to it. With
        `notes`, each quote's first fragment gets a margin note.
        """
        if self.mode != ALL:
            mentions = []
        end_of_text = offset + len(text)
        quote_spans = [
            Span(max(q.start, offset), min(q.end, end_of_text), q)
            for q in quotes
            if q.start < end_of_text and q.end > offset
        ]
        mention_spans = [
            Span(max(m.start, offset), min(m.end, end_of_text), m)
            for m in mentions
            if m.start < end_of_text and m.end > offset
        ]
        cuts = {offset, end_of_text}
        for span in quote_spans + mention_spans:
            cuts.update((span.start, span.end))
        cuts = sorted(cuts)

        out: list[str] = []
        open_quote = open_mention = None
        open_first = False  # whether the open quote fragment is the quote's first
        mention_tag = "a"
        # A quote's id goes on its first fragment: the first one drawn here, unless the quote
        # began in an earlier stretch (a previous paragraph), which already carries it.
        addressed = {q.item.pk for q in quote_spans if q.item.start < offset}
        for left, right in zip(cuts, cuts[1:], strict=False):
            quote = _active(quote_spans, left, right)
            mention = _active(mention_spans, left, right)
            if open_mention is not None and (
                mention is not open_mention or quote is not open_quote
            ):
                out.append(f"</{mention_tag}>")
                open_mention = None
            if open_quote is not None and quote is not open_quote:
                last = open_quote.item.end <= left
                out.append(self._quote_close(open_quote.item, open_first, last))
                open_quote = None
            if quote is not None and open_quote is None:
                open_first = quote.item.pk not in addressed
                out.append(self._quote_open(quote.item, open_first, notes))
                addressed.add(quote.item.pk)
                open_quote = quote
            if mention is not None and open_mention is None:
                mention_tag, opening = self._mention_open(mention.item)
                out.append(opening)
                open_mention = mention
            out.append(escape(text[left - offset : right - offset]))
        if open_mention is not None:
            out.append(f"</{mention_tag}>")
        if open_quote is not None:
            last = open_quote.item.end <= end_of_text
            out.append(self._quote_close(open_quote.item, open_first, last))
        # Every piece is either escaped text or built by format_html above.
        return mark_safe("".join(out))


def _active(spans: list[Span], start: int, end: int):
    """The innermost span covering [start, end): a quote inside a quote stays visible."""
    covering = [s for s in spans if s.start <= start and end <= s.end]
    return min(covering, key=lambda s: s.end - s.start) if covering else None


def annotate(text: str, offset: int, quotes, mentions, mode: str = ALL) -> SafeString:
    """One stretch of text on its own (every entity in it linked once)."""
    numbers = {q.pk: n for n, q in enumerate(reading_order(quotes), 1)}
    return Annotator(mode, numbers).annotate(text, offset, quotes, mentions)


@dataclass
class RenderedParagraph:
    index: int
    html: SafeString
    pull_quote_after: bool = False


def article_parts(article, quotes, mentions, mode: str = ALL) -> dict:
    """The headline, standfirst and body paragraphs of `article`, annotated, with `quotes`
    in reading order and numbered. The headline gets its quotes but no mention links and no
    margin notes: a heading full of links is hard to read."""
    quotes = reading_order(quotes)
    annotator = Annotator(mode, {q.pk: n for n, q in enumerate(quotes, 1)})
    by_part: dict[str, tuple[list, list]] = {}
    for part in ("headline", "standfirst", "body"):
        by_part[part] = (
            [q for q in quotes if q.part == part],
            [m for m in mentions if m.part == part],
        )
    headline = annotator.annotate(article.headline, 0, by_part["headline"][0], [], notes=False)
    standfirst = annotator.annotate(article.standfirst, 0, *by_part["standfirst"])
    paragraphs = [
        RenderedParagraph(
            p.index,
            annotator.annotate(p.text, p.start, *by_part["body"]),
            pull_quote_after=article.pull_quote and article.pull_quote_after == p.index + 1,
        )
        for p in article.paragraphs()
    ]
    return {
        "headline_html": headline,
        "standfirst_html": standfirst,
        "paragraphs": paragraphs,
        "quotes": quotes,
        "numbers": annotator.numbers,
    }
