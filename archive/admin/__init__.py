"""The editors' workbench, split by feature:

- entities: people, organizations, places, events, memberships; merging duplicates
- quotes: quotes and mentions, their filters and bulk actions
- review: the queue of machine suggestions (under Quotes, /admin/archive/quote/review/)
- articles and annotate: articles with annotations inline; the annotate screen
- tags: rename and merge
- base: history (django-reversion) for every model admin
- autocomplete: the admin's searches show a description beside each name
"""

from archive.admin import (  # noqa: F401 (registers the admins)
    articles,
    autocomplete,
    entities,
    quotes,
    tags,
)
from archive.importer import admin as importer_admin  # noqa: F401 (upload form, proposals)
