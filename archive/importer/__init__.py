"""Import articles from text or JSON files and suggest their annotations.

`formats` reads and validates a file; `linking` finds the entities it names and `proposals`
the people and organizations the archive does not know; `quotes` finds direct quotations,
`attribution` the words that attribute them and `speakers` whom those words name;
`relative_dates` resolves "last May" against the article's date; `storing` writes all of it
as suggestions; `evaluation` scores suggestions against gold files; `importing` ties a file
to all of it, and `accepting` turns an editor's acceptance of a proposed entity into rows.
"""
