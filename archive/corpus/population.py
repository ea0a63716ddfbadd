"""Create the invented people, organizations, places, events and tags of a synthetic corpus.

Entities are few next to articles (about 10,000 for 100,000 articles), so they are saved one
by one: multi-table inheritance rules out bulk_create for Person, Organization, Place and
Event. Their aliases, memberships and event roles go in with bulk_create.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from taggit.models import Tag

from archive.corpus import cast
from archive.corpus.cast import Draft, Namer
from archive.corpus.vocabulary import zipf_cumulative
from archive.models import (
    Alias,
    Entity,
    Event,
    EventParticipant,
    Membership,
    Organization,
    Person,
    Place,
)


def _items(text: str) -> list[str]:
    """A list written as running text, items separated by semicolons."""
    return [" ".join(item.split()) for item in text.split(";")]


TAGS = _items("""
human rights; elections; press freedom; corruption; opposition; economy; energy; courts;
prisons; protests; censorship; foreign policy; security; media; parliament; reform; denial;
accusation; religion; minorities; health; education; oil and gas; border; refugees; labour;
pensions; agriculture; environment; constitution; referendum; internet; libel; police;
military; banking; privatisation; land; water; language; youth; veterans; migration; hunger
strike; monitoring
""")

_PARTY_ADJECTIVES = _items("""
Democratic; People's; National; Civic; Agrarian; Republican; Social Democratic; Green; Liberal;
United; Patriotic; Renewed
""")
_PARTY_NOUNS = _items("""
Party; Choice; Movement; Union; Alliance; Front; Forum
""")
_NGO_FORMS = _items("""
Bureau for {topic}; Committee for {topic}; Centre for {topic}; {topic} Watch; {topic}
Foundation; Institute for {topic}; Coalition for {topic}
""")
_NEWS_FORMS = _items("""
{city} Daily; {country} Radio; {country} Press Agency; The {city} Herald; {city} Television;
{country} Weekly; {city} Courier; Free {country} Service
""")


@dataclass
class Cast:
    """Everything articles are written about, most prominent first in each list."""

    countries: list[Draft] = field(default_factory=list)
    cities: list[Draft] = field(default_factory=list)
    orgs: list[Draft] = field(default_factory=list)
    news_orgs: list[Draft] = field(default_factory=list)
    people: list[Draft] = field(default_factory=list)
    journalists: list[Draft] = field(default_factory=list)
    events: list[Draft] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    weights: dict[str, list[float]] = field(default_factory=dict)

    def pick(self, rng: random.Random, group: str) -> Draft:
        """A Zipf draw: the first entities of a group are named far more often than the last."""
        items = getattr(self, group)
        if group not in self.weights:
            self.weights[group] = zipf_cumulative(len(items), exponent=1.0)
        return rng.choices(items, cum_weights=self.weights[group])[0]

    def pick_tags(self, rng: random.Random, k: int) -> list[Tag]:
        if "tags" not in self.weights:
            self.weights["tags"] = zipf_cumulative(len(self.tags), exponent=1.0)
        chosen = rng.choices(self.tags, cum_weights=self.weights["tags"], k=k)
        return list(dict.fromkeys(chosen))

    @property
    def entity_count(self) -> int:
        groups = (self.countries, self.cities, self.orgs, self.news_orgs, self.people)
        return sum(len(g) for g in groups) + len(self.journalists) + len(self.events)


def sizes(articles: int) -> dict[str, int]:
    """How many entities of each kind an archive of `articles` articles gets."""
    return {
        "countries": 6 + min(8, articles // 10_000),
        "cities": min(300, 15 + articles // 400),
        "news_orgs": min(30, 4 + articles // 4_000),
        "orgs": min(1_000, 12 + articles // 100),
        "people": min(7_000, 40 + articles // 15),
        "journalists": min(60, 4 + articles // 2_000),
        "events": min(1_300, 8 + articles // 80),
    }


def _partial(rng: random.Random, year: int) -> tuple[dt.date, str]:
    """A random partial date in `year`, at a random precision, stored as its first day."""
    precision = rng.choice(("year", "year", "month", "month", "season", "day"))
    if precision == "year":
        return dt.date(year, 1, 1), precision
    if precision == "season":
        return dt.date(year, rng.choice((3, 6, 9, 12)), 1), precision
    month = rng.randint(1, 12)
    if precision == "month":
        return dt.date(year, month, 1), precision
    return dt.date(year, month, rng.randint(1, 28)), precision


def _aliases(draft: Draft) -> list[Alias]:
    return [
        Alias(entity_id=draft.pk, name=name, kind=kind, language=language)
        for name, kind, language in dict.fromkeys(draft.aliases)
        if name != draft.name
    ]


def _save(model, draft: Draft, **fields) -> Draft:
    obj = model.objects.create(name=draft.name, slug=draft.slug, **draft.fields, **fields)
    draft.pk = obj.pk
    return draft


class Populator:
    def __init__(self, seed: str, articles: int):
        self.rng = random.Random(f"{seed}:cast")
        taken = {
            kind: set(Entity.objects.filter(kind=kind).values_list("slug", flat=True))
            for kind in ("person", "organization", "place", "event")
        }
        self.namer = Namer(self.rng, taken)
        self.sizes = sizes(articles)
        self.cast = Cast()
        self.aliases: list[Alias] = []
        self.names: set[str] = set()

    def unique_name(self, make) -> str:
        for _ in range(20):
            name = make()
            if name not in self.names:
                break
        else:
            name = f"{name} {len(self.names)}"
        self.names.add(name)
        return name

    def run(self) -> Cast:
        self.places()
        self.organizations()
        self.people()
        self.events()
        Alias.objects.bulk_create(self.aliases, batch_size=2_000)
        self.cast.tags = [
            Tag.objects.get_or_create(name=name, defaults={"slug": name.replace(" ", "-")})[0]
            for name in TAGS
        ]
        return self.cast

    def _variant_aliases(self, draft: Draft, words: str) -> None:
        """Transliteration variants of the last word of `words`, and a Cyrillic spelling."""
        head, _, last = words.rpartition(" ")
        for variant in cast.spelling_variants(last):
            full = f"{head} {variant}".strip()
            draft.aliases.append((full, "transliteration", ""))
        spelled = cast.cyrillic(words)
        if spelled:
            draft.aliases.append((spelled, "transliteration", "ru"))

    def places(self) -> None:
        rng, namer = self.rng, self.namer
        for index in range(self.sizes["countries"]):
            name = self.unique_name(lambda index=index: namer.country(index))
            draft = Draft(
                "place", name, namer.slug("place", name), name, fields={"place_kind": "country"}
            )
            draft.aliases.append((f"Republic of {name}", "former", ""))
            self.cast.countries.append(_save(Place, draft))
            self.aliases.extend(_aliases(draft))
        for _ in range(self.sizes["cities"]):
            name = self.unique_name(namer.place_name)
            country = rng.choice(self.cast.countries)
            draft = Draft("place", name, namer.slug("place", name), name)
            draft.fields = {
                "place_kind": "city",
                "located_in_id": country.pk,
                "latitude": round(rng.uniform(36, 55), 5),
                "longitude": round(rng.uniform(45, 87), 5),
                "description": f"city in {country.name}",
            }
            draft.parent = country
            self._variant_aliases(draft, name)
            self.cast.cities.append(_save(Place, draft))
            self.aliases.extend(_aliases(draft))

    def _org(self, name: str, org_kind: str, **fields) -> Draft:
        short = cast.initials(name)
        draft = Draft("organization", name, self.namer.slug("organization", name), name)
        draft.fields = {"org_kind": org_kind, **fields}
        if len(short) >= 3:
            draft.aliases.append((short, "abbreviation", ""))
            draft.short = short
        _save(Organization, draft)
        self.aliases.extend(_aliases(draft))
        return draft

    def organizations(self) -> None:
        rng = self.rng
        governments = {}
        for country in self.cast.countries:
            capital = next((c for c in self.cast.cities if c.parent is country), None)
            governments[country.pk] = self._org(
                f"Government of {country.name}",
                "government",
                based_in_id=capital.pk if capital else None,
                description=f"the national government of {country.name}",
            )
            self.names.add(governments[country.pk].name)
            self.cast.orgs.append(governments[country.pk])
        for _ in range(self.sizes["news_orgs"]):
            city = rng.choice(self.cast.cities)
            name = self.unique_name(
                lambda city=city: rng.choice(_NEWS_FORMS).format(
                    city=city.name, country=city.parent.name
                )
            )
            self.cast.news_orgs.append(
                self._org(name, "news", based_in_id=city.pk, description="news organization")
            )
        while len(self.cast.orgs) < self.sizes["orgs"]:
            country = rng.choice(self.cast.countries)
            topic = rng.choice(cast.TOPICS)
            roll = rng.random()
            if roll < 0.35:
                name = self.unique_name(lambda t=topic, c=country: f"{c.name} Ministry of {t}")
                org = self._org(
                    name,
                    "government_body",
                    parent_id=governments[country.pk].pk,
                    description=f"government body of {country.name}",
                )
            elif roll < 0.6:
                name = self.unique_name(
                    lambda c=country: (
                        f"{rng.choice(_PARTY_ADJECTIVES)} {rng.choice(_PARTY_NOUNS)} of {c.name}"
                    )
                )
                org = self._org(name, "party", description=f"political party in {country.name}")
            else:
                name = self.unique_name(
                    lambda t=topic, c=country: (
                        rng.choice(_NGO_FORMS).format(topic=t)
                        + (f" {c.name}" if rng.random() < 0.5 else "")
                    )
                )
                org = self._org(name, "ngo", description="non-governmental organization")
            self.cast.orgs.append(org)

    def _person(self, given: str) -> Draft:
        name = self.unique_name(lambda: f"{given} {self.namer.family_name()}")
        family = name.split(" ", 1)[1]
        draft = Draft("person", name, self.namer.slug("person", name), family)
        draft.fields = {
            "given_name": given,
            "family_name": family,
            "sort_name": f"{family}, {given}",
        }
        self._variant_aliases(draft, name)
        return draft

    def people(self) -> None:
        rng = self.rng
        memberships: list[Membership] = []
        for _ in range(self.sizes["journalists"]):
            draft = self._person(rng.choice(cast.GIVEN_NAMES))
            outlet = rng.choice(self.cast.news_orgs)
            draft.fields["description"] = f"correspondent for {outlet.name}"
            draft.parent = outlet
            draft.role = "correspondent"
            self.cast.journalists.append(_save(Person, draft))
            self.aliases.extend(_aliases(draft))
            memberships.append(self._membership(draft, outlet, "staff", "correspondent"))
        for _ in range(self.sizes["people"]):
            draft = self._person(rng.choice(cast.GIVEN_NAMES))
            org = self.cast.pick(rng, "orgs")
            category = rng.choice(list(cast.ROLES))
            role = rng.choice(cast.ROLES[category])
            draft.fields["description"] = f"{role}, {org.name}"
            draft.role = role
            draft.parent = org
            self.cast.people.append(_save(Person, draft))
            self.aliases.extend(_aliases(draft))
            memberships.append(self._membership(draft, org, category, role))
            if rng.random() < 0.3:
                other = self.cast.pick(rng, "orgs")
                if other is not org:
                    memberships.append(self._membership(draft, other, "member", "member"))
        Membership.objects.bulk_create(memberships, batch_size=2_000)

    def _membership(self, person: Draft, org: Draft, category: str, role: str) -> Membership:
        rng = self.rng
        start_year = rng.randint(1992, 2020)
        start, start_precision = _partial(rng, start_year)
        end, end_precision = None, ""
        if rng.random() < 0.4:
            end, end_precision = _partial(rng, min(2024, start_year + rng.randint(1, 10)))
        return Membership(
            person_id=person.pk,
            organization_id=org.pk,
            role=role,
            category=category,
            start=start,
            start_precision=start_precision,
            end=end,
            end_precision=end_precision,
        )

    def events(self) -> None:
        rng = self.rng
        roles: list[EventParticipant] = []
        for _ in range(self.sizes["events"]):
            event_kind, label = rng.choice(cast.EVENT_KINDS)
            city = self.cast.pick(rng, "cities")
            year = rng.randint(2000, 2024)
            name = self.unique_name(
                lambda y=year, c=city, lb=label: (
                    f"{y} {c.name} {lb}" if rng.random() < 0.5 else f"{y} {c.parent.name} {lb}"
                )
            )
            start, precision = _partial(rng, year)
            draft = Draft("event", name, self.namer.slug("event", name), f"the {label}")
            draft.fields = {
                "event_kind": event_kind,
                "location_id": city.pk,
                "start": start,
                "start_precision": precision,
                "description": f"{label} in {city.name}, {year}",
            }
            draft.year = year
            self.cast.events.append(_save(Event, draft))
            chosen = {}
            for _ in range(rng.randint(1, 3)):
                who = self.cast.pick(rng, "people" if rng.random() < 0.7 else "orgs")
                chosen[who.pk] = rng.choice(("speaker", "organizer", "candidate", "observer"))
            roles.extend(
                EventParticipant(event_id=draft.pk, entity_id=pk, role=role)
                for pk, role in chosen.items()
            )
        EventParticipant.objects.bulk_create(roles, batch_size=2_000)
