"""Admin for actors, their offers and contact persons, committees, meetings and participation."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from districts.admin import district_filter

from .models import (
    Actor,
    ActorType,
    Committee,
    CommitteeReader,
    ContactPerson,
    GlossaryEntry,
    Meeting,
    Offer,
    ParticipationEvent,
)


@admin.register(ActorType)
class ActorTypeAdmin(admin.ModelAdmin):
    # Deleting a type that actors use is refused by on_delete=PROTECT.
    list_display = ["name", "code", "is_mandatory", "order"]
    list_filter = ["is_mandatory"]
    search_fields = ["name", "code"]
    readonly_fields = ["created", "modified"]


class OfferInline(admin.StackedInline):
    model = Offer
    fields = ["title", "description", "target_groups", "municipalities", "is_published"]
    autocomplete_fields = ["target_groups", "municipalities"]
    extra = 0
    show_change_link = True


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    fields = ["name", "function", "email", "phone", "consents_to_publication", "consent_date"]
    extra = 0


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "district", "type", "municipality", "is_published"]
    list_filter = [district_filter(), "type", "is_published"]
    list_select_related = ["district", "type", "municipality"]
    search_fields = ["name", "description", "address", "district__name"]
    autocomplete_fields = ["district", "municipality", "fields_of_action", "target_groups"]
    readonly_fields = ["created", "modified"]
    inlines = [OfferInline, ContactPersonInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "actor", "district", "is_published"]
    list_filter = [district_filter("actor__district"), "is_published"]
    list_select_related = ["actor__district"]
    search_fields = ["title", "description", "actor__name"]
    autocomplete_fields = ["actor", "target_groups", "municipalities"]
    readonly_fields = ["created", "modified"]

    @admin.display(description="Kreis", ordering="actor__district__name")
    def district(self, obj: Offer):
        return obj.actor.district


@admin.register(ContactPerson)
class ContactPersonAdmin(admin.ModelAdmin):
    list_display = ["name", "function", "actor", "district", "email", "consents_to_publication"]
    list_filter = [district_filter("actor__district"), "consents_to_publication"]
    list_select_related = ["actor__district"]
    search_fields = ["name", "function", "email", "actor__name"]
    autocomplete_fields = ["actor"]
    readonly_fields = ["created", "modified"]

    @admin.display(description="Kreis", ordering="actor__district__name")
    def district(self, obj: ContactPerson):
        return obj.actor.district


@admin.register(GlossaryEntry)
class GlossaryEntryAdmin(admin.ModelAdmin):
    list_display = ["term", "district", "is_abbreviation"]
    list_filter = [district_filter(), "is_abbreviation"]
    list_select_related = ["district"]
    search_fields = ["term", "explanation"]
    autocomplete_fields = ["district"]
    readonly_fields = ["created", "modified"]


class MeetingInline(admin.TabularInline):
    model = Meeting
    fields = ["start", "location", "is_public", "cancelled"]
    extra = 0
    show_change_link = True


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "kind", "focus_area", "path_position"]
    list_filter = [district_filter(), "kind", "focus_area"]
    list_select_related = ["district", "focus_area"]
    search_fields = ["name", "district__name"]
    autocomplete_fields = ["district", "members"]
    readonly_fields = ["created", "modified"]
    inlines = [MeetingInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "committee", "start", "location", "is_public", "cancelled"]
    list_filter = [district_filter("committee__district"), "is_public", "cancelled"]
    list_select_related = ["committee"]
    search_fields = ["committee__name", "location"]
    autocomplete_fields = ["committee"]
    readonly_fields = ["created", "modified"]
    date_hierarchy = "start"


@admin.register(ParticipationEvent)
class ParticipationEventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "district",
        "kind",
        "date",
        "field_of_action",
        "participants",
        "institutions",
    ]
    list_filter = [district_filter(), "kind"]
    list_select_related = ["district", "field_of_action"]
    search_fields = ["title", "notes", "field_of_action__name"]
    autocomplete_fields = ["district", "field_of_action", "actors"]
    readonly_fields = ["created", "modified"]
    date_hierarchy = "date"


@admin.register(CommitteeReader)
class CommitteeReaderAdmin(admin.ModelAdmin):
    list_display = ["user", "committee", "district", "notify"]
    list_filter = [district_filter("committee__district"), "notify"]
    list_select_related = ["user", "committee__district"]
    search_fields = ["user__username", "user__last_name", "user__email", "committee__name"]
    autocomplete_fields = ["committee", "user"]
    readonly_fields = ["created", "modified"]

    @admin.display(description="Kreis", ordering="committee__district__name")
    def district(self, obj: CommitteeReader):
        return obj.committee.district
