"""The whole-archive export in its four formats, and the JSON Lines dump read back into an
empty archive giving the same public pages (on the seed and on a generated corpus)."""

import csv
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from taggit.models import Tag

from archive.models import (
    Alias,
    Article,
    ArticleContributor,
    Entity,
    EntityRedirect,
    EntitySource,
    EventParticipant,
    Identifier,
    Membership,
    Mention,
    Quote,
    TaggedQuote,
)
from tests.api.conftest import DRAFT_WORDS, HIDDEN_ANNOTATIONS

pytestmark = pytest.mark.django_db


def export(fmt, out):
    call_command(
        "export_archive",
        f"--format={fmt}",
        str(out),
        "--no-progress",
        "--site-url=http://testserver",
        stdout=StringIO(),
    )


def wipe():
    for model in [
        Mention,
        TaggedQuote,
        Quote,
        ArticleContributor,
        EntitySource,
        Membership,
        EventParticipant,
        Alias,
        Identifier,
        EntityRedirect,
        Article,
        Tag,
    ]:
        model.objects.all().delete()
    Entity.objects.all().delete()
    assert not Entity.objects.exists()


def public_addresses():
    paths = [
        "/",
        "/articles/",
        "/people/",
        "/organizations/",
        "/places/",
        "/events/",
        "/timeline/",
        "/tags/",
        "/search/?q=elections",
        "/search/?q=Saenen&kind=quote",
        "/feeds/articles.atom",
        "/api/quotes/?page_size=100",
        "/api/articles/",
        "/api/people/?page_size=100",
        "/api/memberships/",
        "/api/popolo.json",
        "/api/quotes.csv",
    ]
    paths += [a.get_absolute_url() for a in Article.objects.published()]
    paths += [e.get_absolute_url() for e in Entity.objects.all()]
    paths += [q.get_absolute_url() for q in Quote.objects.public()]
    # The tags the tag index lists (a tag no public quote carries has no public life).
    paths += [f"/tags/{t.slug}/" for t in Quote.objects.public().tag_counts()]
    paths += [
        f"/api/articles/{pk}/annotations/"
        for pk in Article.objects.published().values_list("pk", flat=True)
    ]
    return paths


def snapshot(client, paths):
    out = {}
    for path in paths:
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        # The CSP nonce is new on every response; it is not part of what the page shows.
        out[path] = (response.status_code, re.sub(rb'nonce="[^"]*"', b"", body))
    return out


def round_trip(client, tmp_path):
    paths = public_addresses()
    before = snapshot(client, paths)
    dump = tmp_path / "archive.jsonl"
    export("jsonl", dump)
    wipe()
    assert client.get(paths[-1]).status_code == 404
    call_command("import_archive", str(dump), "--no-progress", stdout=StringIO(), stderr=StringIO())
    after = snapshot(client, paths)
    differing = [p for p in paths if before[p] != after[p]]
    assert not differing, differing[:5]
    assert all(status == 200 for status, _ in after.values())
    return dump


def test_the_seed_comes_back_with_the_same_public_pages(client, search_seed, tmp_path):
    round_trip(client, tmp_path)


def test_a_generated_corpus_comes_back_with_the_same_public_pages(client, db, tmp_path):
    call_command(
        "generate_corpus",
        "--articles=12",
        "--seed=dump",
        "--workers=0",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert Quote.objects.public().count() > 12
    round_trip(client, tmp_path)


def test_importing_into_a_non_empty_archive_or_a_broken_dump_writes_nothing(seed, tmp_path):
    dump = tmp_path / "archive.jsonl"
    export("jsonl", dump)
    with pytest.raises(CommandError, match="not empty"):
        call_command("import_archive", str(dump), "--no-progress", "--skip-index")
    wipe()
    lines = dump.read_text(encoding="utf-8").splitlines()
    broken = list(lines)
    index = next(i for i, line in enumerate(lines) if '"archive.quote"' in line)
    record = json.loads(lines[index])
    record["fields"]["start"] += 1  # the positions no longer point at the words
    broken[index] = json.dumps(record)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(broken) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="positions do not point"):
        call_command("import_archive", str(bad), "--no-progress", "--skip-index")
    assert not Article.objects.exists() and not Entity.objects.exists()
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_text(lines[0] + "\n{not json\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 2"):
        call_command("import_archive", str(garbage), "--no-progress", "--skip-index")
    assert not Tag.objects.exists()


def test_exports_leave_out_what_the_pages_hide(hidden, tmp_path):
    for fmt, name in [
        ("jsonl", "a.jsonl"),
        ("popolo", "p.json"),
        ("annotations", "w.json"),
        ("csv", "csv"),
    ]:
        export(fmt, tmp_path / name)
    text = "\n".join(
        path.read_text(encoding="utf-8") for path in tmp_path.rglob("*") if path.is_file()
    )
    for secret in DRAFT_WORDS + ["secrettag"]:
        assert secret not in text
    annotations = json.loads((tmp_path / "w.json").read_text(encoding="utf-8"))
    words = [a["target"]["selector"][0]["exact"] for a in annotations["first"]["items"]]
    for secret in HIDDEN_ANNOTATIONS:
        assert not any(secret in w for w in words)
    assert (
        annotations["total"]
        == len(words)
        == (Quote.objects.public().count() + Mention.objects.public().count())
    )
    reply = hidden["reply"]
    record = next(
        json.loads(line)
        for line in (tmp_path / "a.jsonl").read_text().splitlines()
        if f'"archive.quote","pk": {reply.pk},' in line.replace(", ", ",")
    )
    assert record["fields"]["answers"] is None


def test_csv_and_popolo_exports(seed, tmp_path):
    export("csv", tmp_path / "out")
    with open(tmp_path / "out" / "quotes.csv", encoding="utf-8", newline="") as stream:
        text = stream.read()
    assert not text.startswith("\ufeff")
    assert len(list(csv.DictReader(StringIO(text)))) == Quote.objects.public().count()
    assert {p.name for p in (tmp_path / "out").iterdir()} == {
        "quotes.csv",
        "people.csv",
        "organizations.csv",
        "places.csv",
        "events.csv",
    }
    export("popolo", tmp_path / "popolo.json")
    data = json.loads((tmp_path / "popolo.json").read_text(encoding="utf-8"))
    assert len(data["persons"]) == Entity.objects.filter(kind="person").count()
