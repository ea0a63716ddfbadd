"""Write an article's suggested annotations, leaving every editor's decision alone.

Quotes and mentions are stored with status "suggested" and a confidence. A span an editor
has confirmed or rejected blocks any suggestion overlapping it (a rejected suggestion does not
come back); suggestions the extractor no longer makes are removed; running it again on the
same text and entities changes nothing. Unknown people, organizations and dated events become
`EntitySuggestion` rows, which no public page reads.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, transaction

from archive import anchoring
from archive.importer.attribution import attribute
from archive.importer.event_names import event_name
from archive.importer.linking import EntityIndex, Found, link
from archive.importer.relative_dates import find_dates
from archive.importer.text import sentence_end_after, sentence_starts
from archive.models import (
    Article,
    EntitySuggestion,
    Mention,
    Quote,
    ReviewStatus,
    SuggestedKind,
    TextPart,
)
from archive.names import fold

SUGGESTED = ReviewStatus.SUGGESTED


@dataclass
class Suggested:
    quotes: int = 0
    mentions: int = 0
    people: int = 0
    organizations: int = 0
    places: int = 0
    events: int = 0
    speakers: dict = field(default_factory=dict)

    def summary(self) -> str:
        return (
            f"{self.quotes} quotes, {self.mentions} mentions, {self.people} new people, "
            f"{self.organizations} new organizations, {self.places} new places, "
            f"{self.events} dated events suggested"
        )


def _overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def suggest(
    article: Article,
    index: EntityIndex | None = None,
    using: str = DEFAULT_DB_ALIAS,
    header: dict[str, str] | None = None,
) -> Suggested:
    """Suggest the article's mentions, quotes, new entities and events, in one transaction.

    `header` holds the names the file's header gave that the archive does not know
    ({"dateline": "Almaty", "publisher": "RFE/RL"}); they are proposed as a place and an
    organization, and accepting one fills that field of the article."""
    index = index or EntityIndex.from_database(using)
    with transaction.atomic(using=using):
        result = Suggested()
        proposals: dict[tuple[str, str], dict] = {}
        found_by_part = {
            TextPart.HEADLINE: link(article.headline, index, propose=False),
            TextPart.BODY: link(article.body, index),
        }
        for part, found in found_by_part.items():
            _store_mentions(article, part, found, using, result)
            for f in found:
                if f.ref.proposed:
                    item = proposals.setdefault(
                        (f.ref.kind, f.ref.key),
                        {"name": f.ref.name, "part": part, "spans": [], "quotes": []},
                    )
                    if item["part"] == part:
                        item["spans"].append([f.start, f.end])
        for field, name in (header or {}).items():
            kind = SuggestedKind.PLACE if field == "dateline" else SuggestedKind.ORGANIZATION
            item = proposals.setdefault(
                (kind, fold(name)),
                {"name": name, "part": TextPart.BODY, "spans": [], "quotes": []},
            )
            item["header"] = field
        attributed = attribute(article.body, found_by_part[TextPart.BODY], index.by_surname)
        kept = _store_quotes(article, attributed, using, result)
        for quote, speaker in kept:
            if speaker is not None and speaker.proposed:
                proposals.setdefault(
                    (speaker.kind, speaker.key),
                    {"name": speaker.name, "part": TextPart.BODY, "spans": [], "quotes": []},
                )["quotes"].append(quote)
        _store_proposals(article, proposals, using, result)
        _store_events(article, using, result)
    return result


def _store_mentions(article, part: str, found: list[Found], using, result) -> None:
    text = article.text_of(part)
    existing = list(Mention.objects.using(using).filter(article=article, part=part))
    decided = [(m.start, m.end) for m in existing if m.status != SUGGESTED]
    by_key = {(m.start, m.end, m.entity_id): m for m in existing if m.status == SUGGESTED}
    keep = set()
    for f in found:
        if f.ref.proposed or _overlaps(f.start, f.end, decided):
            continue
        key = (f.start, f.end, f.ref.entity_id)
        keep.add(key)
        mention = by_key.get(key)
        if mention is None:
            mention = Mention(article=article, part=part, entity_id=f.ref.entity_id)
            mention.set_anchor(anchoring.describe(text, f.start, f.end))
            mention.status, mention.confidence = SUGGESTED, f.confidence
            mention.save(using=using)
        elif mention.confidence != f.confidence:
            mention.confidence = f.confidence
            mention.save(using=using, update_fields=["confidence", "updated_at"])
        result.mentions += 1
    stale = [m.pk for key, m in by_key.items() if key not in keep]
    Mention.objects.using(using).filter(pk__in=stale).delete()


def _store_quotes(article, attributed, using, result):
    text = article.body
    existing = list(Quote.objects.using(using).filter(article=article, part=TextPart.BODY))
    decided = [(q.start, q.end) for q in existing if q.status != SUGGESTED]
    by_span = {(q.start, q.end): q for q in existing if q.status == SUGGESTED}
    kept = []
    for a in attributed:
        start, end = a.span.start, a.span.end
        if _overlaps(start, end, decided):
            continue
        speaker_id = a.speaker.entity_id if a.speaker is not None else None
        quote = by_span.pop((start, end), None)
        if quote is None:
            quote = Quote(article=article, part=TextPart.BODY, status=SUGGESTED)
            quote.set_anchor(anchoring.describe(text, start, end))
        changed = (quote.speaker_id, quote.confidence) != (speaker_id, a.confidence)
        if quote.pk is None or changed:
            quote.speaker_id, quote.confidence = speaker_id, a.confidence
            quote.save(using=using)
        kept.append((quote, a.speaker))
        result.quotes += 1
        name = a.speaker.name if a.speaker else None
        result.speakers[name] = result.speakers.get(name, 0) + 1
    Quote.objects.using(using).filter(pk__in=[q.pk for q in by_span.values()]).delete()
    return kept


def _store_proposals(article, proposals, using, result) -> None:
    existing = {
        (s.kind, s.key): s
        for s in EntitySuggestion.objects.using(using).filter(
            article=article,
            kind__in=[SuggestedKind.PERSON, SuggestedKind.ORGANIZATION, SuggestedKind.PLACE],
        )
    }
    for (kind, key), item in proposals.items():
        suggestion = existing.pop((kind, key), None)
        if suggestion is not None and suggestion.status != SUGGESTED:
            continue  # an editor accepted or rejected it already
        if suggestion is None:
            suggestion = EntitySuggestion(article=article, kind=kind, key=key[:300])
        suggestion.name = item["name"][:300]
        suggestion.part = item["part"]
        suggestion.spans = sorted(item["spans"])
        suggestion.header_field = item.get("header", "")
        mentioned = len(item["spans"]) + 2 * len(item["quotes"])
        # A header field names the place or publisher outright.
        floor = 0.9 if suggestion.header_field else 0.4
        suggestion.confidence = round(max(floor, min(0.9, 0.4 + 0.1 * mentioned)), 2)
        suggestion.save(using=using)
        suggestion.quotes.set(q for q in item["quotes"])
        if kind == SuggestedKind.PERSON:
            result.people += 1
        elif kind == SuggestedKind.PLACE:
            result.places += 1
        else:
            result.organizations += 1
    stale = [s.pk for s in existing.values() if s.status == SUGGESTED]
    EntitySuggestion.objects.using(using).filter(pk__in=stale).delete()


def _store_events(article, using, result) -> None:
    text = article.body
    existing = {
        s.key: s
        for s in EntitySuggestion.objects.using(using).filter(
            article=article, kind=SuggestedKind.EVENT
        )
    }
    starts = sentence_starts(text)
    for phrase in find_dates(text, article.published):
        begins = phrase.begins
        if (
            begins.precision == "day"
            and article.published_precision == "day"
            and begins.start == article.published_on
            and phrase.phrase.lower() != "today"
        ):
            continue  # the dateline: the article's own date is no event
        start = starts[bisect_right(starts, phrase.start) - 1]
        end = sentence_end_after(text, phrase.end)
        name = event_name(text[start:end], phrase.start - start, phrase.end - start)
        if name is None:
            continue  # a date with no event named beside it ("prices rose last month")
        key = f"{phrase.start}:{phrase.end}:{begins.edtf()}"
        suggestion = existing.pop(key, None)
        if suggestion is not None and suggestion.status != SUGGESTED:
            continue
        if suggestion is None:
            suggestion = EntitySuggestion(article=article, kind=SuggestedKind.EVENT, key=key)
        suggestion.name = name[:300]
        suggestion.phrase = phrase.phrase[:200]
        suggestion.spans = [[phrase.start, phrase.end]]
        suggestion.date_start, suggestion.date_start_precision = begins.start, begins.precision
        if phrase.ends is not None:
            suggestion.date_end = phrase.ends.start
            suggestion.date_end_precision = phrase.ends.precision
        relative = not any(ch.isdigit() for ch in phrase.phrase)
        suggestion.confidence = 0.7 if relative else 0.8
        suggestion.save(using=using)
        result.events += 1
    stale = [s.pk for s in existing.values() if s.status == SUGGESTED]
    EntitySuggestion.objects.using(using).filter(pk__in=stale).delete()
