"""A plain registration of every model; the editors' workbench builds on it."""

from django.contrib import admin

from archive import models


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


class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "slug"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, IdentifierInline, SourceInline]


@admin.register(models.Entity)
class AnyEntityAdmin(admin.ModelAdmin):
    """Lets autocomplete widgets offer every kind of entity at once."""

    list_display = ["name", "kind", "description"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name"]

    def has_add_permission(self, request):
        # Entities are added as a person, organization, place or event.
        return False


@admin.register(models.Person)
class PersonAdmin(EntityAdmin):
    pass


@admin.register(models.Organization)
class OrganizationAdmin(EntityAdmin):
    list_display = ["name", "org_kind", "parent"]
    list_filter = ["org_kind"]
    autocomplete_fields = ["parent", "based_in"]


@admin.register(models.Place)
class PlaceAdmin(EntityAdmin):
    list_display = ["name", "place_kind", "located_in"]
    list_filter = ["place_kind"]
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
    autocomplete_fields = ["location"]
    inlines = [AliasInline, IdentifierInline, SourceInline, ParticipantInline]


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "organization", "start", "end"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "organization__name", "role"]
    autocomplete_fields = ["person", "organization", "on_behalf_of", "source_article"]


class ContributorInline(admin.TabularInline):
    model = models.ArticleContributor
    extra = 0
    autocomplete_fields = ["entity"]


@admin.register(models.Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "published_on", "publisher", "status"]
    list_filter = ["status", "published_on"]
    list_select_related = ["publisher"]
    search_fields = ["headline"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["dateline_place", "publisher"]
    inlines = [ContributorInline]


@admin.register(models.Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "article", "mode", "status"]
    list_filter = ["status", "mode"]
    list_select_related = ["speaker", "article"]
    search_fields = ["exact", "speaker__name"]
    autocomplete_fields = ["article", "speaker", "said_to", "about", "answers"]


@admin.register(models.Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["exact", "entity", "article", "part", "status"]
    list_filter = ["status", "part"]
    list_select_related = ["entity", "article"]
    search_fields = ["exact", "entity__name"]
    autocomplete_fields = ["article", "entity"]


@admin.register(models.Alias)
class AliasAdmin(admin.ModelAdmin):
    list_display = ["name", "entity", "kind"]
    list_select_related = ["entity"]
    search_fields = ["name", "entity__name"]
    autocomplete_fields = ["entity"]


admin.site.register(models.Identifier)
admin.site.register(models.EntitySource)
admin.site.register(models.EventParticipant)
admin.site.register(models.ArticleContributor)

import archive.importer.admin  # noqa: E402,F401  the importer's upload form and proposals
