"""schema.org descriptions of each page's main thing, as dicts for the `jsonld` filter."""

from archive import quoting
from archive.dates import iso_publication_date
from archive.links import safe_url
from archive.site import absolute

CONTEXT = "https://schema.org"


def _ref(entity) -> dict:
    kind = {"person": "Person", "organization": "Organization", "place": "Place"}.get(
        entity.kind, "Event"
    )
    return {"@type": kind, "name": entity.name, "url": absolute(entity.get_absolute_url())}


def _same_as(entity) -> list[str]:
    # Identifier.url is the canonical https address, or "" for a malformed value.
    return [i.url for i in entity.identifiers.all() if i.url]


def _base(entity, schema_type: str) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": schema_type,
        "@id": absolute(entity.get_absolute_url()),
        "name": entity.name,
        "url": absolute(entity.get_absolute_url()),
    }
    if entity.description:
        data["description"] = entity.description
    aliases = [a.name for a in entity.aliases.all()]
    if aliases:
        data["alternateName"] = aliases
    same_as = _same_as(entity)
    if same_as:
        data["sameAs"] = same_as
    return data


def person(person, memberships) -> dict:
    data = _base(person, "Person")
    if person.given_name:
        data["givenName"] = person.given_name
    if person.family_name:
        data["familyName"] = person.family_name
    orgs = {m.organization_id: m.organization for m in memberships}
    if orgs:
        data["affiliation"] = [_ref(o) for o in orgs.values()]
    return data


def organization(org, members) -> dict:
    data = _base(org, "Organization")
    if org.parent_id:
        data["parentOrganization"] = _ref(org.parent)
    if org.based_in_id:
        data["location"] = _ref(org.based_in)
    if members:
        data["member"] = [
            {"@type": "OrganizationRole", "roleName": m.role, "member": _ref(m.person)}
            for m in members
        ]
    return data


def place(place) -> dict:
    data = _base(place, "Place")
    if place.latitude is not None and place.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    if place.located_in_id:
        data["containedInPlace"] = _ref(place.located_in)
    return data


def event(event, participants) -> dict:
    data = _base(event, "Event")
    # ISO 8601-2 (EDTF) keeps the precision: "2001" or "2004-23", never an invented day.
    if event.start_partial:
        data["startDate"] = event.start_partial.edtf()
    if event.end_partial:
        data["endDate"] = event.end_partial.edtf()
    if event.location_id:
        data["location"] = _ref(event.location)
    people = [_ref(p.entity) for p in participants]
    if people:
        data["about"] = people
    return data


def quotation(quote) -> dict:
    """A direct quote is a schema.org Quotation by its speaker. Reported speech is not: it
    is the reporter's paraphrase, so it is a CreativeWork of the genre "reported speech"
    that mentions the speaker, and its name says so (archive.quoting.line)."""
    direct = quoting.is_direct(quote)
    data = {
        "@context": CONTEXT,
        "@type": "Quotation" if direct else "CreativeWork",
        "@id": absolute(quote.get_absolute_url()),
        "url": absolute(quote.get_absolute_url()),
        "name": quoting.line(quote),
        "text": quoting.words(quote),
        "isPartOf": {
            "@type": "NewsArticle",
            "headline": quote.article.headline,
            "url": absolute(quote.article.get_absolute_url()),
            **_date_published(quote.article),
        },
    }
    if not direct:
        data["genre"] = quoting.REPORTED
        if quote.speaker_id:
            data["mentions"] = [_ref(quote.speaker)]
    elif quote.speaker_id:
        data["spokenByCharacter"] = _ref(quote.speaker)
        data["creator"] = _ref(quote.speaker)
    about = [_ref(e) for e in quote.about.all()]
    if about:
        data["about"] = about
    tags = sorted(t.name for t in quote.tags.all())
    if tags:
        data["keywords"] = tags
    return data


def _date_published(article) -> dict:
    """datePublished at the article's precision ("2002", "2002-05"); none when unknown."""
    value = iso_publication_date(article.published_on, article.published_precision)
    return {"datePublished": value} if value else {}


def news_article(article, entities) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": absolute(article.get_absolute_url()),
        "url": absolute(article.get_absolute_url()),
        "headline": article.headline,
        **_date_published(article),
        "inLanguage": article.language,
    }
    if article.standfirst:
        data["description"] = article.standfirst
    if article.publisher_id:
        data["publisher"] = _ref(article.publisher)
    if article.dateline_place_id:
        data["locationCreated"] = _ref(article.dateline_place)
    if safe_url(article.source_url):
        data["isBasedOn"] = article.source_url
    if entities:
        data["mentions"] = [_ref(e) for e in entities]
    return data


def collection(name: str, path: str) -> dict:
    """Index pages: a CollectionPage naming what it lists."""
    return {"@context": CONTEXT, "@type": "CollectionPage", "name": name, "url": absolute(path)}
