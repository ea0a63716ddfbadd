"""ETag and Last-Modified for every API answer, and conditional GET (304).

The ETag is a hash of the body, so it changes exactly when the answer does. Last-Modified is
the newest `updated_at` of the archive's articles, quotes, mentions and entities: one query
of four MAX()es over indexed columns (migration 0011), with no write on any save. A deletion
leaves no timestamp, so a client that revalidates with only If-Modified-Since may keep a page
that lost a row until the next edit; clients that send If-None-Match (browsers and caches do,
when they have an ETag) always get the current answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db import connection
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date

TABLES = ("archive_article", "archive_quote", "archive_mention", "archive_entity")


def _aware(value) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite hands raw queries text
        value = parse_datetime(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


def archive_modified() -> dt.datetime | None:
    """When anything public could last have changed: one query."""
    sql = "SELECT " + ", ".join(f"(SELECT MAX(updated_at) FROM {t})" for t in TABLES)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        values = [_aware(v) for v in cursor.fetchone()]
    values = [v for v in values if v is not None]
    return max(values) if values else None


def etag_for(content: bytes) -> str:
    return quote_etag(hashlib.blake2b(content, digest_size=16).hexdigest())


def conditional(request, response, last_modified: dt.datetime | None):
    """Set ETag and Last-Modified on a rendered 200 and answer 304 when the client's copy is
    current."""
    etag = etag_for(response.content)
    response["ETag"] = etag
    timestamp = None
    if last_modified is not None:
        timestamp = int(last_modified.timestamp())
        response["Last-Modified"] = http_date(timestamp)
    return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)
