"""Article text as HTML: mentions become links, quotes become highlighted spans.

Every character of the text passes through `escape`; only the tags built here with
`format_html` are markup. Quotes are the outer layer and mentions the inner one, so a mention
inside a quote nests properly; a mention that crosses a quote's edge is split in two links.
Where quotes overlap, the innermost one is drawn, so every quote keeps a fragment with its
id; the speaker follows a quote's last fragment.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from archive import quoting


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    item: object


def _quote_open(quote, first: bool) -> str:
    # Only the quote's first fragment carries its id, so #quote-<pk> is unique on the page.
    # Reported speech is marked apart: the reporter's words, not the speaker's.
    label = quoting.speaker_name(quote)
    if quote.mode == "direct":
        kind, title = "quote", f"Quote: {label}"
    else:
        kind, title = "quote reported", f"Reported speech, not a verbatim quote: {label}"
    if first:
        return format_html('<mark class="{}" id="{}" title="{}">', kind, quote.anchor_id, title)
    return format_html('<mark class="{}" title="{}">', kind, title)


def _quote_close(quote, last: bool) -> str:
    """Close a fragment of the quote; after its last fragment, say who said it."""
    if not last:
        return SafeString("</mark>")
    if quote.speaker_id:
        speaker = format_html(
            '<a href="{}">{}</a>', quote.speaker.get_absolute_url(), quote.speaker.name
        )
    else:
        speaker = "unattributed"
    return format_html(
        '</mark><span class="quote-attr">({}, <a href="{}" aria-label="{}">quote</a>)</span>',
        speaker,
        quote.get_absolute_url(),
        f"Permalink of this quote{' by ' + quote.speaker.name if quote.speaker_id else ''}",
    )


def _mention_open(mention) -> str:
    return format_html(
        '<a class="mention" href="{}" title="{}">',
        mention.entity.get_absolute_url(),
        mention.entity.description or mention.entity.name,
    )


def _active(spans: list[Span], start: int, end: int):
    """The innermost span covering [start, end): a quote inside a quote stays visible."""
    covering = [s for s in spans if s.start <= start and end <= s.end]
    return min(covering, key=lambda s: s.end - s.start) if covering else None


def annotate(text: str, offset: int, quotes, mentions) -> SafeString:
    """HTML for text[...] that starts at character `offset` of its part.

    `quotes` and `mentions` carry positions in the whole part; those outside this stretch of
    text are ignored and those reaching beyond it are clipped to it.
    """
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
    # A quote's id goes on its first fragment: the first one drawn here, unless the quote
    # began in an earlier stretch (a previous paragraph), which already carries it.
    addressed = {q.item.pk for q in quote_spans if q.item.start < offset}
    for left, right in zip(cuts, cuts[1:], strict=False):
        quote = _active(quote_spans, left, right)
        mention = _active(mention_spans, left, right)
        if open_mention is not None and (mention is not open_mention or quote is not open_quote):
            out.append("</a>")
            open_mention = None
        if open_quote is not None and quote is not open_quote:
            out.append(_quote_close(open_quote.item, last=open_quote.item.end <= left))
            open_quote = None
        if quote is not None and open_quote is None:
            out.append(_quote_open(quote.item, first=quote.item.pk not in addressed))
            addressed.add(quote.item.pk)
            open_quote = quote
        if mention is not None and open_mention is None:
            out.append(_mention_open(mention.item))
            open_mention = mention
        out.append(escape(text[left - offset : right - offset]))
    if open_mention is not None:
        out.append("</a>")
    if open_quote is not None:
        out.append(_quote_close(open_quote.item, last=open_quote.item.end <= end_of_text))
    # Every piece is either escaped text or built by format_html above.
    return mark_safe("".join(out))


@dataclass
class RenderedParagraph:
    index: int
    html: SafeString
    pull_quote_after: bool = False


def article_parts(article, quotes, mentions) -> dict:
    """The headline, standfirst and body paragraphs of `article`, annotated. The headline
    gets its quotes but no mention links: a heading full of links is hard to read."""
    by_part: dict[str, tuple[list, list]] = {}
    for part in ("headline", "standfirst", "body"):
        by_part[part] = (
            [q for q in quotes if q.part == part],
            [m for m in mentions if m.part == part],
        )
    paragraphs = [
        RenderedParagraph(
            p.index,
            annotate(p.text, p.start, *by_part["body"]),
            pull_quote_after=article.pull_quote and article.pull_quote_after == p.index + 1,
        )
        for p in article.paragraphs()
    ]
    return {
        "headline_html": annotate(article.headline, 0, by_part["headline"][0], []),
        "standfirst_html": annotate(article.standfirst, 0, *by_part["standfirst"]),
        "paragraphs": paragraphs,
    }
