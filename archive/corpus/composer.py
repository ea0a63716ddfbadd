"""Write one synthetic article: headline, standfirst, body, and where its names and quotes are.

Text is assembled piece by piece with a running offset, so every name and quote is recorded
at the exact characters it occupies; nothing is searched for afterwards. Each article has its
own random generator seeded from (corpus seed, article number), so an article is the same
whatever the batch size and however many articles come before it in the run.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from django.utils.text import slugify

from archive.corpus.cast import Draft
from archive.corpus.population import Cast
from archive.corpus.vocabulary import content_words, cumulative_weights, vocabulary

FIRST_DAY = dt.date(2000, 1, 1)
SPAN_DAYS = (dt.date(2024, 12, 31) - FIRST_DAY).days
DRAFT_SHARE = 0.02
SAYING = ["said", "said", "said", "added", "argued", "warned", "insisted", "stressed"]


@dataclass
class Mark:
    part: str
    start: int
    end: int
    entity: Draft


@dataclass
class QuoteMark:
    part: str
    start: int
    end: int
    speaker: Draft | None
    mode: str = "direct"
    said_to: Draft | None = None
    about: list[Draft] = field(default_factory=list)
    tags: list = field(default_factory=list)
    answers: int | None = None  # index of an earlier quote of the same article
    status: str = "confirmed"
    confidence: float | None = None


@dataclass
class ArticleDraft:
    fields: dict
    mentions: list[Mark]
    quotes: list[QuoteMark]
    author: Draft | None


class Text:
    """A part (headline, standfirst or body) being written, with the spans marked in it."""

    def __init__(self, part: str):
        self.part = part
        self.pieces: list[str] = []
        self.pos = 0
        self.mentions: list[Mark] = []

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        self.pos += len(piece)

    def name(self, entity: Draft, printed: str) -> None:
        self.mentions.append(Mark(self.part, self.pos, self.pos + len(printed), entity))
        self.add(printed)

    def span(self, piece: str) -> tuple[int, int]:
        start = self.pos
        self.add(piece)
        return start, self.pos

    @property
    def value(self) -> str:
        return "".join(self.pieces)


class Composer:
    def __init__(self, seed: str, cast: Cast):
        self.seed = seed
        self.cast = cast
        self.words = vocabulary()
        self.cum = cumulative_weights()
        self.heads, self.head_cum = content_words()

    def words_of(self, rng: random.Random, n: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=n)

    def clause(self, rng: random.Random, low: int = 5, high: int = 45) -> list[str]:
        """Words of one sentence, its length log-normal around 20 words as in news prose."""
        n = min(high, max(low, int(rng.lognormvariate(3.0, 0.35))))
        words = self.words_of(rng, n)
        words[0] = words[0].capitalize()
        if n > 10 and rng.random() < 0.6:
            k = rng.randint(3, n - 3)
            words[k] += ","
        return words

    def compose(self, index: int) -> ArticleDraft:
        rng = random.Random(f"{self.seed}:article:{index}")
        return _Article(self, rng, index).build()


class _Article:
    """State for writing one article: who is in it and how this article spells them."""

    def __init__(self, composer: Composer, rng: random.Random, index: int):
        self.c, self.rng, self.index = composer, rng, index
        cast = composer.cast
        self.people = list(
            dict.fromkeys(cast.pick(rng, "people") for _ in range(rng.randint(1, 3)))
        )
        main = self.people[0]
        self.orgs = [main.parent] + ([cast.pick(rng, "orgs")] if rng.random() < 0.5 else [])
        self.place = cast.pick(rng, "cities")
        self.event = cast.pick(rng, "events") if rng.random() < 0.3 else None
        self.cast = [*self.people, *dict.fromkeys(self.orgs), self.place]
        if self.event:
            self.cast.append(self.event)
        # Some articles spell a person the way another romanization does (Zhaqiyanov).
        self.spelling = {
            p.pk: rng.choice(p.variants) if p.variants and rng.random() < 0.2 else p.name
            for p in self.people
        }
        self.introduced: set[int] = set()

    def printed(self, entity: Draft, full: bool) -> str:
        name = self.spelling.get(entity.pk, entity.name)
        if entity.kind == "person" and not full:
            return name.rpartition(" ")[2]
        if not full and entity.kind in ("organization", "event"):
            return entity.short
        return name

    def name(self, text: Text, entity: Draft) -> None:
        """Name an entity: in full the first time in the body, short after that."""
        full = text.part != "body" or entity.pk not in self.introduced
        if text.part == "body":
            self.introduced.add(entity.pk)
        text.name(entity, self.printed(entity, full and text.part != "headline"))

    def sentence(self, text: Text, entity: Draft | None = None) -> None:
        words = self.c.clause(self.rng)
        if entity is None:
            text.add(" ".join(words) + ".")
            return
        k = self.rng.randint(0, len(words) - 1)
        if k == 0:
            self.name(text, entity)
            words[0] = words[0].lower()
            text.add(" " + " ".join(words) + ".")
            return
        text.add(" ".join(words[:k]) + " ")
        self.name(text, entity)
        text.add(" " + " ".join(words[k:]) + "." if words[k:] else ".")

    def build(self) -> ArticleDraft:
        rng = self.rng
        headline = self.headline()
        standfirst = Text("standfirst")
        self.sentence(standfirst, self.people[0] if rng.random() < 0.6 else self.orgs[0])
        body, quotes = self.body()
        published = self.published_on()
        author = self.c.cast.pick(rng, "journalists") if rng.random() < 0.6 else None
        publisher = author.parent if author else self.c.cast.pick(rng, "news_orgs")
        fields = {
            "headline": headline.value,
            "slug": f"{slugify(headline.value)[:80].strip('-')}-{self.index}",
            "standfirst": standfirst.value,
            "body": body.value,
            "published_on": published,
            "status": "draft" if rng.random() < DRAFT_SHARE else "published",
            "publisher_id": publisher.pk,
            "dateline_place_id": self.place.pk,
            "byline": f"By {author.name}" if author else "",
            "language": "en",
        }
        direct = [q for q in quotes if q.mode == "direct"]
        if direct and rng.random() < 0.15:
            fields["pull_quote"] = f'"{body.value[direct[0].start : direct[0].end]}"'
            fields["pull_quote_after"] = min(2, body.value.count("\n\n") + 1)
        mentions = headline.mentions + standfirst.mentions + body.mentions
        return ArticleDraft(fields, mentions, quotes, author)

    def headline(self) -> Text:
        rng = self.rng
        text = Text("headline")
        words = rng.choices(self.c.heads, cum_weights=self.c.head_cum, k=rng.randint(4, 8))
        roll = rng.random()
        if roll < 0.3:
            self.name(text, self.place)
            text.add(": " + " ".join(words).capitalize())
        elif roll < 0.6:
            self.name(text, self.people[0])
            text.add(" " + " ".join(words))
        else:
            text.add(" ".join(words).capitalize())
        return text

    def published_on(self) -> dt.date:
        rng = self.rng
        if self.event:
            year = min(2024, self.event.year + rng.choice((0, 0, 0, 1)))
            return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        # Archives grow: later years hold more articles than early ones.
        return FIRST_DAY + dt.timedelta(days=int(SPAN_DAYS * rng.random() ** 0.8))

    def body(self) -> tuple[Text, list[QuoteMark]]:
        rng = self.rng
        text = Text("body")
        paragraphs = rng.randint(5, 12)
        planned = rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4, 5))
        quoted = set(rng.sample(range(1, paragraphs), min(planned, paragraphs - 1)))
        quotes: list[QuoteMark] = []
        for p in range(paragraphs):
            if p:
                text.add("\n\n")
            sentences = rng.randint(1, 4)
            if p in quoted:
                quotes.append(self.quote(text, quotes))
                sentences -= 1
            for s in range(sentences):
                text.add(" " if s or p in quoted else "")
                who = None
                if p == 0 and s == 0:
                    who = self.people[0]
                elif rng.random() < 0.3:
                    who = rng.choice(self.cast)
                self.sentence(text, who)
        return text, quotes

    def quote(self, text: Text, earlier: list[QuoteMark]) -> QuoteMark:
        rng = self.rng
        by_org = rng.random() < 0.15
        speaker = self.orgs[0] if by_org else rng.choice(self.people)
        words = self.c.clause(rng, 8, 35)
        said = rng.choice(SAYING)
        mark = QuoteMark("body", 0, 0, speaker)
        form = rng.random()
        if by_org or form < 0.25:
            text.add('"')
            mark.start, mark.end = text.span(" ".join(words))
            text.add('," ')
            self.name(text, speaker)
            text.add(f" {said}.")
        elif form < 0.45:
            self.name(text, speaker)
            text.add(f' {said}: "')
            mark.start, mark.end = text.span(" ".join(words))
            text.add('."')
        elif form < 0.65:
            self.name(text, speaker)
            text.add(f", {speaker.role} of the ")
            self.name(text, speaker.parent)
            text.add(f", {said} that ")
            words[0] = words[0].lower()
            mark.start, mark.end = text.span(" ".join(words))
            text.add(".")
            mark.mode = "indirect"
        elif form < 0.8:
            outlet = self.c.cast.pick(rng, "news_orgs")
            text.add('"')
            mark.start, mark.end = text.span(" ".join(words))
            text.add('," ')
            self.name(text, speaker)
            text.add(" told ")
            self.name(text, outlet)
            text.add(".")
            mark.said_to = outlet
        else:
            text.add('"')
            mark.start, mark.end = text.span(" ".join(words))
            text.add(f'," {said} ')
            self.name(text, speaker)
            text.add(f", {speaker.role}.")
        others = [e for e in self.cast if e is not speaker]
        if others and rng.random() < 0.4:
            mark.about = list(dict.fromkeys(rng.choices(others, k=rng.randint(1, 2))))
        mark.tags = self.c.cast.pick_tags(rng, rng.choice((0, 1, 1, 2, 2, 3)))
        answerable = [i for i, q in enumerate(earlier) if q.speaker is not speaker]
        if answerable and rng.random() < 0.25:
            mark.answers = rng.choice(answerable)
        roll = rng.random()
        if roll < 0.08:
            mark.status, mark.confidence = "suggested", round(rng.uniform(0.5, 0.99), 2)
        elif roll < 0.1:
            mark.status = "rejected"
        return mark
