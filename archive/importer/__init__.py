"""Import articles from text or JSON files and suggest their annotations.

`formats` reads and validates a file; `linking` finds the entities it names; `quotes` finds
direct quotations and `attribution` their speakers; `relative_dates` resolves "last May"
against the article's date; `storing` writes all of it as suggestions; `evaluation` scores
suggestions against gold files.
"""
