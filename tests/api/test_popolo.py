"""Popolo JSON, validated against the rules of Popolo's published JSON schemas
(popoloproject.com/schemas/*.json, draft 03), written out here."""

import json
import re

import pytest
from jsonschema import Draft3Validator

from archive.api.popolo import date
from archive.dates import PartialDate
from archive.models import Entity, Membership
from tests.api.conftest import DRAFT_WORDS

pytestmark = pytest.mark.django_db

S = {"type": ["string", "null"]}
DATE = {"type": ["string", "null"], "pattern": "^[0-9]{4}(-[0-9]{2}){0,2}$"}
MEMBERSHIP_DATE = {
    "type": ["string", "null"],
    "pattern": "^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?Z)?)$",
}
EVENT_DATE = {
    "type": ["string", "null"],
    "pattern": "^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}T[0-9]{2}(:[0-9]{2}){0,2}"
    "(Z|[+-][0-9]{2}(:[0-9]{2})?))$",
}
LINK = {
    "type": "object",
    "properties": {"url": {"type": "string", "required": True, "format": "uri"}, "note": S},
}
LINKS = {"type": "array", "items": LINK}
IDENTIFIER = {
    "type": "object",
    "properties": {"identifier": {"type": "string", "required": True}, "scheme": S},
}
OTHER_NAME = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "required": True},
        "family_name": S,
        "given_name": S,
        "note": S,
        "start_date": DATE,
        "end_date": DATE,
    },
}
COMMON = {
    "id": S,
    "name": S,
    "other_names": {"type": "array", "items": OTHER_NAME},
    "identifiers": {"type": "array", "items": IDENTIFIER},
    "links": LINKS,
    "sources": LINKS,
}
MEMBERSHIP = {
    "type": "object",
    "properties": {
        "id": S,
        "label": S,
        "role": S,
        "person_id": S,
        "organization_id": S,
        "post_id": S,
        "on_behalf_of_id": S,
        "area_id": S,
        "start_date": MEMBERSHIP_DATE,
        "end_date": MEMBERSHIP_DATE,
        "links": LINKS,
        "sources": LINKS,
    },
}
POST = {
    "type": "object",
    "properties": {
        "id": S,
        "label": S,
        "other_label": {"type": "array"},
        "role": S,
        "organization_id": S,
        "start_date": DATE,
        "end_date": DATE,
        "links": LINKS,
        "sources": LINKS,
    },
}
PERSON = {
    "type": "object",
    "properties": {
        **COMMON,
        "family_name": S,
        "given_name": S,
        "sort_name": S,
        "summary": S,
        "biography": S,
        "birth_date": DATE,
        "death_date": DATE,
        "memberships": {"type": "array", "items": MEMBERSHIP},
    },
}
ORGANIZATION = {
    "type": "object",
    "properties": {
        **COMMON,
        "classification": S,
        "parent_id": S,
        "description": S,
        "founding_date": DATE,
        "dissolution_date": DATE,
        "memberships": {"type": "array", "items": MEMBERSHIP},
        "posts": {"type": "array", "items": POST},
    },
}
AREA = {"type": "object", "properties": {**COMMON, "classification": S, "parent_id": S}}
EVENT = {
    "type": "object",
    "properties": {
        **COMMON,
        "description": S,
        "start_date": EVENT_DATE,
        "end_date": EVENT_DATE,
        "location": S,
        "status": S,
        "classification": S,
        "organization_id": S,
        "parent_id": S,
    },
}
# Every property the objects carry is one Popolo defines for that class.
DEFINED = {
    "persons": PERSON,
    "organizations": ORGANIZATION,
    "areas": AREA,
    "events": EVENT,
    "memberships": MEMBERSHIP,
    "posts": POST,
}


def check(kind, item):
    schema = DEFINED[kind]
    errors = [e.message for e in Draft3Validator(schema).iter_errors(item)]
    assert not errors, (kind, item, errors)
    assert set(item) <= set(schema["properties"]), (kind, set(item) - set(schema["properties"]))
    for link in item.get("links", []) + item.get("sources", []):
        assert re.match(r"^https?://", link["url"])


def whole(client):
    response = client.get("/api/popolo.json")
    assert response.streaming
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(b"".join(response.streaming_content))


def test_the_whole_archive_is_valid_popolo(client, seed):
    data = whole(client)
    assert set(data) == set(DEFINED)
    for kind, items in data.items():
        for item in items:
            check(kind, item)
    assert len(data["persons"]) == Entity.objects.filter(kind="person").count()
    assert len(data["memberships"]) == Membership.objects.count()
    # Every id a membership or post names is an object of the document.
    ids = {item["id"] for items in data.values() for item in items}
    assert len(ids) == sum(len(items) for items in data.values())
    for item in data["memberships"] + data["posts"]:
        for key in ("person_id", "organization_id", "post_id", "on_behalf_of_id"):
            if key in item:
                assert item[key] in ids, (key, item)
    for item in data["organizations"] + data["areas"]:
        if "parent_id" in item:
            assert item["parent_id"] in ids
    assert data["posts"], "the seed's spokeswoman holds a post"


def test_each_entity_alone_is_valid_popolo(client, seed):
    for kind, collection in [
        ("person", "persons"),
        ("organization", "organizations"),
        ("place", "areas"),
        ("event", "events"),
    ]:
        for entity in Entity.objects.filter(kind=kind):
            response = client.get(f"/api/popolo/{collection}/{entity.pk}.json")
            assert response.status_code == 200
            check(collection, response.json())
    person = Membership.objects.first().person
    data = client.get(f"/api/popolo/persons/{person.pk}.json").json()
    assert len(data["memberships"]) == Membership.objects.filter(person=person).count()
    assert client.get(f"/api/popolo/organizations/{person.pk}.json").status_code == 404


def test_partial_dates_in_popolos_forms(client, person, organization):
    assert date(PartialDate.day(2004, 4, 6).start, "day") == "2004-04-06"
    assert date(PartialDate.month(2003, 5).start, "month") == "2003-05"
    assert date(PartialDate.year(2001).start, "year") == "2001"
    winter = PartialDate.season(2004, "winter")  # December 2004 to February 2005
    assert date(winter.start, "season") == "2004"
    assert date(winter.start, "season", end=True) == "2005"
    Membership.objects.create(
        person=person,
        organization=organization,
        role="director",
        category="leader",
        start=PartialDate.month(2003, 5).start,
        start_precision="month",
        end=winter.start,
        end_precision="season",
    )
    data = whole(client)
    found = next(m for m in data["memberships"] if m["role"] == "director")
    assert (found["start_date"], found["end_date"]) == ("2003-05", "2005")
    check("memberships", found)
    assert found["post_id"] in {p["id"] for p in data["posts"]}


def test_popolo_hides_drafts(client, hidden):
    text = json.dumps(whole(client))
    for secret in DRAFT_WORDS:
        assert secret not in text
    assert f"/api/articles/{hidden['draft'].pk}/" not in text
    assert "draft-only" not in text
