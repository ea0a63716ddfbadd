"""Build the seed archive from the article text and `spec.py`.

`python manage.py build_seed_fixture` runs this against an empty database and writes
fixtures/seed.json; tests run it too, to check that the committed fixture is up to date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from archive import anchoring
from archive.dates import PartialDate
from archive.models import (
    Alias,
    Article,
    ArticleContributor,
    ArticleStatus,
    Entity,
    EntitySource,
    Event,
    EventParticipant,
    Identifier,
    Membership,
    Mention,
    Organization,
    Person,
    Place,
    Quote,
    TextPart,
)
from archive.seed import spec

SEED_DIR = Path(settings.BASE_DIR) / "fixtures" / "seed"
FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "seed.json"


@dataclass
class SeedText:
    headline: str
    standfirst: str
    body: str
    pull_quote: str
    pull_quote_after: int


def parse_seed_text(raw: str) -> SeedText:
    """Split the received text into headline, standfirst, body paragraphs and pull quote."""
    blocks = [b.strip() for b in raw.replace("\r\n", "\n").split("\n\n") if b.strip()]
    blocks = [b for b in blocks if b not in spec.FURNITURE]
    headline, standfirst, *rest = blocks
    paragraphs: list[str] = []
    pull_quote_after = None
    for block in rest:
        for line in block.split("\n"):
            if line == spec.PULL_QUOTE:
                pull_quote_after = len(paragraphs)
            else:
                paragraphs.append(line)
    if pull_quote_after is None:
        raise ValueError("The pull quote named in spec.py is not in the seed text.")
    return SeedText(
        headline, standfirst, "\n\n".join(paragraphs), spec.PULL_QUOTE.strip('"'), pull_quote_after
    )


def _partial(text: str | None) -> tuple[dt.date | None, str]:
    if text is None:
        return None, ""
    value = PartialDate.parse(text)
    return value.start, value.precision


def _entity(model, slug, name, **fields):
    obj = model(slug=slug, name=name, **fields)
    obj.full_clean()
    obj.save()
    return obj


def _aliases(entity: Entity, aliases) -> None:
    for name, kind in aliases:
        alias = Alias(entity=entity, name=name, kind=kind)
        alias.full_clean()
        alias.save()


def name_spans(text: str, forms: dict[str, list[str]], taken: list[tuple[int, int]]):
    """Every whole-word occurrence of every form, longest first, never overlapping `taken`."""
    candidates = []
    for slug, names in forms.items():
        for name in names:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                candidates.append((m.end() - m.start(), m.start(), m.end(), slug))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    chosen = []
    for _, start, end, slug in candidates:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, slug))
    return sorted(chosen)


@transaction.atomic
def build_seed(raw: str | None = None) -> Article:
    if raw is None:
        raw = (SEED_DIR / spec.SOURCE_FILE).read_text(encoding="utf-8")
    text = parse_seed_text(raw)
    entities: dict[str, Entity] = {}

    for slug, name, kind, located_in, lat, lon, wikidata, aliases in spec.PLACES:
        place = _entity(
            Place,
            slug,
            name,
            place_kind=kind,
            located_in=entities.get(located_in),
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lon)),
            description=spec.PLACE_DESCRIPTIONS[slug],
        )
        Identifier.objects.create(entity=place, scheme="wikidata", value=wikidata)
        _aliases(place, aliases)
        entities[slug] = place

    for slug, name, kind, parent, based_in, description, aliases in spec.ORGANIZATIONS:
        org = _entity(
            Organization,
            slug,
            name,
            org_kind=kind,
            parent=entities.get(parent),
            based_in=entities.get(based_in),
            description=description,
        )
        if slug in spec.ORG_IDS:
            Identifier.objects.create(entity=org, scheme="wikidata", value=spec.ORG_IDS[slug])
        _aliases(org, aliases)
        entities[slug] = org

    for slug, name, sort_name, given, family, description, aliases in spec.PEOPLE:
        person = _entity(
            Person,
            slug,
            name,
            sort_name=sort_name,
            given_name=given,
            family_name=family,
            description=description,
        )
        _aliases(person, aliases)
        entities[slug] = person

    for slug, name, kind, start, end, place, participants, description in spec.EVENTS:
        start_date, start_precision = _partial(start)
        end_date, end_precision = _partial(end)
        event = _entity(
            Event,
            slug,
            name,
            event_kind=kind,
            start=start_date,
            start_precision=start_precision,
            end=end_date,
            end_precision=end_precision,
            location=entities.get(place),
            description=description,
        )
        for who, role in participants:
            EventParticipant.objects.create(event=event, entity=entities[who], role=role)
        entities[slug] = event

    article = Article(
        headline=text.headline,
        slug=spec.ARTICLE["slug"],
        standfirst=text.standfirst,
        body=text.body,
        pull_quote=text.pull_quote,
        pull_quote_after=text.pull_quote_after,
        published_on=dt.date.fromisoformat(spec.ARTICLE["published_on"]),
        dateline_place=entities[spec.ARTICLE["dateline_place"]],
        publisher=entities[spec.ARTICLE["publisher"]],
        source_url=spec.ARTICLE["source_url"],
        language=spec.ARTICLE["language"],
        status=ArticleStatus.PUBLISHED,
    )
    article.full_clean()
    article.save()
    for slug, role in spec.ARTICLE["contributors"]:
        ArticleContributor.objects.create(article=article, entity=entities[slug], role=role)
    for entity in entities.values():
        EntitySource.objects.create(entity=entity, article=article)

    for person, org, role, category, start, end, source_url in spec.MEMBERSHIPS:
        start_date, start_precision = _partial(start)
        end_date, end_precision = _partial(end)
        membership = Membership(
            person=entities[person],
            organization=entities[org],
            role=role,
            category=category,
            start=start_date,
            start_precision=start_precision,
            end=end_date,
            end_precision=end_precision,
            source_article=None if source_url else article,
            source_url=source_url or "",
        )
        membership.full_clean()
        membership.save()

    quotes: dict[str, Quote] = {}
    for item in spec.QUOTES:
        quote = Quote(
            article=article,
            part=item.get("part", TextPart.BODY),
            speaker=entities[item["speaker"]],
            said_to=entities.get(item.get("said_to")),
            answers=quotes.get(item.get("answers")),
            mode=item.get("mode", "direct"),
        )
        quote.anchor_to(item["exact"], item.get("occurrence", 0))
        quote.full_clean()
        quote.save()
        quote.about.set([entities[slug] for slug in item.get("about", [])])
        quote.tags.add(*item["tags"])
        quotes[item["key"]] = quote

    for part in TextPart.values:
        part_text = article.text_of(part)
        taken: list[tuple[int, int]] = []
        for slug, phrases in spec.EVENT_PHRASES.items():
            for phrase_part, phrase, occurrence in phrases:
                if phrase_part == part:
                    anchor = anchoring.describe_exact(part_text, phrase, occurrence)
                    taken.append((anchor.start, anchor.end))
                    _mention(article, part, anchor, entities[slug])
        for start, end, slug in name_spans(part_text, spec.NAME_FORMS, taken):
            _mention(article, part, anchoring.describe(part_text, start, end), entities[slug])
    return article


def _mention(article: Article, part: str, anchor: anchoring.Anchor, entity: Entity) -> Mention:
    mention = Mention(article=article, part=part, entity=entity)
    mention.set_anchor(anchor)
    mention.full_clean()
    mention.save()
    return mention


def seed_objects() -> list:
    """Every row the seed consists of, parents before children, for serialization."""
    from taggit.models import Tag

    from archive.models import TaggedQuote

    order = [
        Tag,
        Entity,
        Place,
        Organization,
        Person,
        Event,
        Alias,
        Identifier,
        EventParticipant,
        Article,
        ArticleContributor,
        EntitySource,
        Membership,
        Quote,
        TaggedQuote,
        Mention,
    ]
    objects = []
    for model in order:
        objects.extend(model.objects.order_by("pk"))
    return objects
