"""Search over articles, quotes, people, organizations, places and events.

- `query`: the box's syntax parsed into a safe tree;
- `backends`: that tree compiled to SQLite FTS5 or PostgreSQL text search, with facets,
  ranking, snippets and near-name lookup;
- `indexing` and `signals`: the index rows and how they follow the data;
- `params` and `service`: one search request, from query string to page.
"""
