"""Request-wide protections that are not a page's business."""

from django.conf import settings
from django.db import OperationalError, connection
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.http import HttpResponse

QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement stopped by statement_timeout


@receiver(connection_created)
def _forget_timeout(sender, connection, **kwargs):
    connection.archive_statement_timeout = None


class ReaderStatementTimeout:
    """PostgreSQL: a reader's (anonymous) query may run ANON_STATEMENT_TIMEOUT_MS at most;
    editors' requests (imports, merges) have none. A query stopped by the limit answers 503
    with Retry-After, so under load a slow page gives way instead of queueing everyone behind
    it. The setting is sent only when a connection's current one differs, so a worker serving
    readers sends it once per connection, not once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.ANON_STATEMENT_TIMEOUT_MS
        if limit and connection.vendor == "postgresql":
            wanted = 0 if request.user.is_authenticated else limit
            if getattr(connection, "archive_statement_timeout", None) != wanted:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT set_config('statement_timeout', %s, false)", [f"{wanted}ms"]
                    )
                connection.archive_statement_timeout = wanted
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            isinstance(exception, OperationalError)
            and getattr(exception.__cause__, "sqlstate", None) == QUERY_CANCELED
        ):
            response = HttpResponse(
                "The archive is busy and this page took too long. Please try again shortly.\n",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = "30"
            return response
        return None
