"""The archive's way out: a read-only JSON API and the formats researchers use.

- `links`: page and API addresses built from prefixes computed once (no reverse() per row);
- `paging`: keyset (cursor) pages on indexed columns, with signed cursors;
- `filters`: django-filter sets for the lists, strict about unknown parameters;
- `rows`: flat functions that turn `.values()` rows into JSON objects, a fixed number of
  queries per page whatever its length;
- `schema`: the OpenAPI description of the answers (drf-spectacular);
- `base`, `views`, `root`, `urls`: the Django REST framework views under /api/;
- `conditional`, `errors`: ETag/Last-Modified with 304s, and 400s that name the parameter.

Only what the public pages show leaves through here: published articles, and confirmed,
anchored quotes and mentions of published articles (`Quote.objects.public()`).
"""
