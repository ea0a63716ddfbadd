"""What every model admin of the archive shares: its history, kept by django-reversion."""

from contextlib import nullcontext

import reversion
from django.contrib import messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import quote
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.shortcuts import redirect
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from reversion.utils import mute_signals

from archive import history, reverting
from archive.admin import changes as changes_
from archive.models import SearchEntry, SearchFacet, SearchName

BOOKKEEPING_MODELS = (SearchEntry, SearchFacet, SearchName)

# The admin is loaded before the archive app is ready; register now, or VersionAdmin would
# register the models itself with its own guess of what to follow.
history.register()


class HistoryAdmin(VersionAdmin):
    """Adds "History" (who changed what, when, with each version viewable and revertible)
    and "Recover deleted" to a model admin. Registration lives in archive/history.py."""

    history_latest_first = True
    object_history_template = "admin/archive/object_history.html"

    # An unchanged save is a no-op: a form posted back as it was shown (with the browser's
    # CRLF line breaks, which the text fields normalize) writes nothing, so nothing is
    # re-anchored and no version or log entry is recorded. Reverting always saves.
    def save_model(self, request, obj, form, change):
        if change and not form.has_changed() and not is_reverting(request):
            request._archive_unchanged = obj
            return
        super().save_model(request, obj, form, change)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if is_reverting(request) and hasattr(form, "reverting"):
            form.reverting = True  # a class of its own, made for this request
        return form

    def log_change(self, request, obj, message):
        if not message and getattr(request, "_archive_unchanged", None) is not None:
            request._archive_nothing_saved = obj  # nothing changed in the form or its inlines
            return None
        return super().log_change(request, obj, message)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        unchanged = getattr(request, "_archive_nothing_saved", None)
        if unchanged is not None and level == messages.SUCCESS:
            message = format_html("Nothing was changed in “{}”, so nothing was saved.", unchanged)
            level = messages.INFO
        return super().message_user(request, message, level, *args, **kwargs)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        request._archive_reverting = True
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        request._archive_reverting = True
        return super().recover_view(request, version_id, extra_context)

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        """reversion's revert screen, restoring only this object's part of the revision and
        checking every restored anchor (archive/reverting.py): every listed version can be
        reverted to, and what could not be restored exactly is said. As in reversion, the
        version is restored inside a transaction, the change form runs on it, and a preview
        (GET, with the models' signals muted) or a refused form rolls everything back."""
        quiet = nullcontext() if request.method == "POST" else mute_signals(*MODEL_SIGNALS)
        try:
            with transaction.atomic(using=version.db), quiet:
                report = reverting.revert(version)
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(version.object_id), request.path, extra_context
                    )
                    if request.method == "POST" and response.status_code == 302:
                        saved_on = localize(template_localtime(version.revision.date_created))
                        reversion.set_comment(
                            gettext("Reverted to previous version, saved on %(datetime)s")
                            % {"datetime": saved_on}
                        )
                        # The form may have re-anchored what the editor corrected on it.
                        final = reverting.check_anchors(report.annotations, version)
                        final.recovered[:0] = report.recovered
                        final.not_restored = report.not_restored
                        self._tell_what_was_not_restored(request, final)
                    elif response.status_code == 200:
                        response.template_name = template_name
                        response.render()
                        raise _Preview(response)
                    else:
                        raise RevertError(f"Could not load {version.object_repr}: not found.")
        except RevertError as error:
            messages.error(request, str(error))
            opts = self.model._meta
            return redirect(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
        except _Preview as preview:
            return preview.response
        return response

    def _tell_what_was_not_restored(self, request, report) -> None:
        lines = report.messages()
        if report.orphaned or report.not_restored:
            self.message_user(
                request,
                f"{len(report.orphaned) + len(report.not_restored)} annotation(s) could not be "
                "restored on their words (orphaned ones are listed on the article; fix their "
                "words to re-anchor them): " + "; ".join(lines),
                messages.WARNING,
            )
        elif lines:
            self.message_user(request, "; ".join(lines), messages.INFO)

    def get_deleted_objects(self, objs, request):
        """The delete confirmation without the search index's rows ("Search names: 164"):
        they are the archive's bookkeeping, rebuilt on their own, not the editor's records."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        hidden = {str(m._meta.verbose_name_plural) for m in BOOKKEEPING_MODELS} | {
            str(m._meta.verbose_name_plural).capitalize() for m in BOOKKEEPING_MODELS
        }
        prefixes = tuple(f"{capfirst(m._meta.verbose_name)}: " for m in BOOKKEEPING_MODELS)
        counts = {name: n for name, n in counts.items() if str(name) not in hidden}
        return _without(deleted, prefixes), counts, perms_needed, protected

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        actions = getattr(response, "context_data", {}).get("action_list")
        if actions:
            # The same versions, in the same order, as reversion's list (one more query).
            versions = self._reversion_order_version_queryset(
                request, Version.objects.get_for_object_reference(self.model, object_id)
            )
            versions = list(versions)
            for index, action in enumerate(actions):
                older = versions[index + 1] if index + 1 < len(versions) else None
                action["changes"] = field_changes(self.model, older, versions[index])
        return response


class _Preview(Exception):
    """Carries a rendered preview out of the transaction that is then rolled back."""

    def __init__(self, response):
        self.response = response


MODEL_SIGNALS = (pre_save, post_save, pre_delete, post_delete, m2m_changed)


def is_reverting(request) -> bool:
    """Is this request the history's revert (or recover) screen?"""
    return getattr(request, "_archive_reverting", False)


def field_changes(model, older, newer) -> list[tuple[str, str]]:
    """(field, what changed: HTML) for each field that differs between two versions: a word
    diff (archive/admin/changes.py), or the value itself for a first version."""
    try:
        after = newer.field_dict
        before = older.field_dict if older is not None else {}
    except RevertError:
        return []  # a version saved before a field was added or removed; show no diff
    opts = model._meta
    # Columns and plain many-to-many lists; not the primary key, nor the tag manager, whose
    # rows are versioned separately.
    shown = {f.name for f in opts.concrete_fields if not f.primary_key} | {
        f.name for f in opts.many_to_many if f.remote_field.through._meta.auto_created
    }
    changes = []
    for name, value in after.items():
        if name not in shown:
            continue
        if older is not None and before.get(name) == value:
            continue
        if name in {"created_at", "updated_at"}:
            continue  # always differ; the revision's date says when
        field = opts.get_field(name)
        label = str(field.verbose_name) + (" (id)" if field.is_relation else "")
        if older is None:
            changes.append((label, changes_.shown(value) or "(empty)"))
        else:
            old = "" if before.get(name) is None else str(before.get(name))
            new = "" if value is None else str(value)
            changes.append((label, changes_.word_diff(old, new)))
    return changes


def _without(nested, prefixes):
    """The admin's nested list of deleted objects without the items that start with one of
    `prefixes` (and their own nested lists)."""
    out = []
    skip_children = False
    for item in nested:
        if isinstance(item, list):
            if not skip_children:
                out.append(_without(item, prefixes))
            skip_children = False
            continue
        skip_children = str(item).startswith(prefixes)
        if not skip_children:
            out.append(item)
    return out


def selected_ids(request) -> list[str]:
    """The rows ticked on a change list, to carry through an action's intermediate form."""
    return request.POST.getlist(ACTION_CHECKBOX_NAME)
