"""Links to the world outside the archive are http(s) only.

Three lines of defence: the models' validators (forms, `full_clean`, `load_archive`), CHECK
constraints in the database (the shell, `loaddata`, raw SQL), and `safe_url` at render time,
which every template and the JSON-LD use, so a value that got past both still prints as text
or not at all, never as a `javascript:` or `data:` link.
"""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q

SCHEMES = ("http", "https")

_url_validator = URLValidator(schemes=list(SCHEMES))
# Browsers drop tabs and newlines inside a URL and ignore leading spaces and control
# characters, so "java\tscript:" is javascript: to them.
_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def validate_http_url(value: str) -> None:
    """The model validator: a well-formed absolute http:// or https:// address."""
    if not value:
        return
    if _IGNORED.search(value) or urlsplit(value).scheme.lower() not in SCHEMES:
        raise ValidationError(
            "Only http:// and https:// addresses can be stored.", code="unsafe_scheme"
        )
    _url_validator(value)


def is_http_url(value) -> bool:
    if not isinstance(value, str) or not value:
        return False
    try:
        validate_http_url(value)
    except ValidationError:
        return False
    return True


def safe_url(value) -> str:
    """The value if it is an http(s) address, else "" (callers then print no link)."""
    return value if is_http_url(value) else ""


def http_url_condition(field: str, blank: bool = True) -> Q:
    """The CHECK constraint's condition: empty, or starting with http:// or https://. The
    database cannot run URLValidator; this keeps out every other scheme."""
    condition = Q(**{f"{field}__istartswith": "http://"}) | Q(
        **{f"{field}__istartswith": "https://"}
    )
    if blank:
        condition |= Q(**{field: ""})
    return condition
