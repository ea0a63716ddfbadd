"""Bad input gets a 400 with a JSON body naming the parameter: {"errors": {name: [messages]}}."""

from __future__ import annotations

from rest_framework import exceptions, status
from rest_framework.views import exception_handler


class BadParameter(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = {name: [str(m) for m in messages] for name, messages in errors.items()}
        names = ", ".join(sorted(self.errors))
        super().__init__(f"Bad parameter: {names}.")


def handler(exc, context):
    """DRF's handler, with the parameters' errors under "errors" and throttling explained."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, BadParameter):
        response.data = {"detail": str(exc.detail), "errors": exc.errors}
    elif isinstance(exc, exceptions.Throttled):
        wait = exc.wait
        response.data = {
            "detail": "Too many requests from this address. "
            + (f"Try again in {int(wait + 0.999)} seconds. " if wait is not None else "")
            + "For the whole archive, use the dumps (export_archive) instead of paging.",
        }
    return response
