"""People, organizations, places and events; merging duplicates."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from archive import models
from archive.admin.base import HistoryAdmin, selected_ids
from archive.duplicates import likely_duplicates
from archive.merging import MergeError, check_merge, merge_entities


class AliasInline(admin.TabularInline):
    model = models.Alias
    extra = 0


class IdentifierInline(admin.TabularInline):
    model = models.Identifier
    extra = 0


class SourceInline(admin.TabularInline):
    model = models.EntitySource
    extra = 0
    autocomplete_fields = ["article"]


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=models.Entity.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="The record that remains. The others become its aliases and redirects.",
    )

    def __init__(self, *args, entities, **kwargs):
        super().__init__(*args, **kwargs)
        self.entities = list(entities)
        # What each record carries, to help choose the survivor (one query for all).
        self.fields["survivor"].queryset = models.Entity.objects.filter(
            pk__in=[e.pk for e in self.entities]
        ).annotate(
            n_quotes=Count("quotes_spoken", distinct=True),
            n_mentions=Count("mentions", distinct=True),
            n_aliases=Count("aliases", distinct=True),
        )
        self.fields["survivor"].label_from_instance = self.describe

    @staticmethod
    def describe(entity) -> str:
        what = f"{entity.n_quotes} quotes, {entity.n_mentions} mentions, {entity.n_aliases} aliases"
        about = f", {entity.description}" if entity.description else ""
        return f"{entity.name} ({entity.get_kind_display()}{about}; {what})"

    def clean(self):
        data = super().clean()
        survivor = data.get("survivor")
        if survivor is not None:
            try:
                check_merge(survivor, self.duplicates())
            except MergeError as error:
                raise forms.ValidationError(str(error)) from None
        return data

    def duplicates(self):
        survivor = self.cleaned_data["survivor"]
        return [e for e in self.entities if e.pk != survivor.pk]


@admin.action(description="Merge selected duplicates into one…", permissions=["change", "delete"])
def merge_selected(modeladmin, request, queryset):
    entities = list(queryset.order_by("name"))
    if len(entities) < 2:
        modeladmin.message_user(
            request, "Select at least two records to merge.", level=messages.ERROR
        )
        return None
    form = MergeForm(request.POST if "apply" in request.POST else None, entities=entities)
    if form.is_bound and form.is_valid():
        report = merge_entities(form.cleaned_data["survivor"], form.duplicates(), user=request.user)
        modeladmin.message_user(request, report.summary(), level=messages.SUCCESS)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Merge duplicates",
        "opts": modeladmin.model._meta,
        "form": form,
        "entities": entities,
        "selected": selected_ids(request),
        "action": "merge_selected",
    }
    return TemplateResponse(request, "admin/archive/merge_entities.html", context)


class EntityForm(forms.ModelForm):
    """Checks the address is free within the kind: the (kind, slug) constraint involves a
    field the form does not show, so the model form's own check would skip it."""

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        kind = self._meta.model.KIND
        taken = models.Entity.objects.filter(kind=kind, slug=slug).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                f"Another {kind} already has the address …/{slug}/; choose another slug."
            )
        return slug


class EntityAdmin(HistoryAdmin):
    form = EntityForm
    list_display = ["name", "description", "slug"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, IdentifierInline, SourceInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        names_changed = not change or "name" in form.changed_data
        names_changed |= any(
            formset.model is models.Alias and formset.has_changed() for formset in formsets
        )
        if names_changed:
            warn_of_duplicates(request, self, form.instance)


def warn_of_duplicates(request, model_admin, entity) -> None:
    """A warning naming every entity of the same kind whose name or alias is this one's (by
    the folded key), with a link and the way to merge them."""
    names = [entity.name, *entity.aliases.values_list("name", flat=True)]
    for other in likely_duplicates(entity.kind, names, exclude_pk=entity.pk):
        url = reverse(f"admin:archive_{other.kind}_change", args=[other.pk])
        about = other.description or "no description"
        model_admin.message_user(
            request,
            format_html(
                'Possible duplicate: <a href="{}">{}</a> ({}) is also called so. If they are '
                "the same {}, select both in the list and use “Merge selected duplicates into "
                "one…”; if not, a description tells them apart.",
                url,
                other.name,
                about,
                other.get_kind_display(),
            ),
            messages.WARNING,
        )


@admin.register(models.Entity)
class AnyEntityAdmin(HistoryAdmin):
    """Lets autocomplete widgets offer every kind of entity at once."""

    list_display = ["name", "kind", "description"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]
    actions = [merge_selected]

    def has_add_permission(self, request):
        # Entities are added as a person, organization, place or event.
        return False


@admin.register(models.Person)
class PersonAdmin(EntityAdmin):
    actions = [merge_selected]


@admin.register(models.Organization)
class OrganizationAdmin(EntityAdmin):
    list_display = ["name", "org_kind", "parent"]
    list_filter = ["org_kind"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent", "based_in"]
    actions = [merge_selected]


@admin.register(models.Place)
class PlaceAdmin(EntityAdmin):
    list_display = ["name", "place_kind", "located_in"]
    list_filter = ["place_kind"]
    list_select_related = ["located_in"]
    autocomplete_fields = ["located_in"]


class ParticipantInline(admin.TabularInline):
    model = models.EventParticipant
    fk_name = "event"
    extra = 0
    autocomplete_fields = ["entity"]


@admin.register(models.Event)
class EventAdmin(EntityAdmin):
    list_display = ["name", "event_kind", "start", "start_precision", "location"]
    list_filter = ["event_kind"]
    list_select_related = ["location"]
    autocomplete_fields = ["location"]
    inlines = [AliasInline, IdentifierInline, SourceInline, ParticipantInline]


@admin.register(models.Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ["person", "role", "organization", "start", "end"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "organization__name", "role"]
    autocomplete_fields = ["person", "organization", "on_behalf_of", "source_article"]


@admin.register(models.Alias)
class AliasAdmin(HistoryAdmin):
    list_display = ["name", "entity", "kind"]
    list_select_related = ["entity"]
    search_fields = ["name", "entity__name"]
    autocomplete_fields = ["entity"]


@admin.register(models.EntityRedirect)
class EntityRedirectAdmin(HistoryAdmin):
    list_display = ["old_slug", "kind", "entity", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["entity"]
    search_fields = ["old_slug", "entity__name"]
    autocomplete_fields = ["entity"]


admin.site.register(models.Identifier, HistoryAdmin)
admin.site.register(models.EntitySource, HistoryAdmin)
admin.site.register(models.EventParticipant, HistoryAdmin)
admin.site.register(models.ArticleContributor, HistoryAdmin)
