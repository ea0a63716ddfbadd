"""What every model admin of the archive shares: its history, kept by django-reversion."""

from reversion.admin import VersionAdmin

from archive import history

# The admin is loaded before the archive app is ready; register now, or VersionAdmin would
# register the models itself with its own guess of what to follow.
history.register()


class HistoryAdmin(VersionAdmin):
    """Adds "History" (who changed what, when, with each version viewable and revertible)
    and "Recover deleted" to a model admin. Registration lives in archive/history.py."""

    history_latest_first = True


def selected_ids(request) -> list[str]:
    """The rows ticked on a change list, to carry through an action's intermediate form."""
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    return request.POST.getlist(ACTION_CHECKBOX_NAME)
