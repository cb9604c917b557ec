"""Admin for the Integrationskonzept: Schwerpunkte, Handlungsfelder, versions, work periods."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from districts.admin import district_filter

from .models import (
    Concept,
    ConceptSection,
    ConceptVersion,
    FieldOfAction,
    FocusArea,
    MunicipalAgreement,
    TargetGroup,
    WorkPeriod,
    WorkPriority,
)


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    """The two mandatory Schwerpunkte come from a data migration: edit, never add or delete."""

    list_display = ["name", "code", "order"]
    search_fields = ["name", "description"]
    fields = ["code", "name", "description", "order"]
    readonly_fields = ["code"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FieldOfAction)
class FieldOfActionAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "is_cross_cutting", "order"]
    list_filter = [district_filter(), "is_cross_cutting"]
    list_select_related = ["district"]
    search_fields = ["name", "description", "district__name"]
    autocomplete_fields = ["district"]
    readonly_fields = ["created", "modified"]


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "district"]
    list_filter = [district_filter()]
    list_select_related = ["district"]
    search_fields = ["name", "description", "district__name"]
    autocomplete_fields = ["district"]
    readonly_fields = ["created", "modified"]


class ConceptVersionInline(admin.TabularInline):
    model = ConceptVersion
    fields = ["number", "title", "status", "decided_on", "submitted_on", "deadline"]
    extra = 0
    show_change_link = True


@admin.register(Concept)
class ConceptAdmin(admin.ModelAdmin):
    list_display = ["title", "district"]
    list_filter = [district_filter()]
    list_select_related = ["district"]
    ordering = ["district__name"]
    search_fields = ["title", "district__name"]
    autocomplete_fields = ["district"]
    readonly_fields = ["created", "modified"]
    inlines = [ConceptVersionInline]


class ConceptSectionInline(admin.StackedInline):
    model = ConceptSection
    fields = ["order", "title", "body"]
    extra = 0
    show_change_link = True


@admin.register(ConceptVersion)
class ConceptVersionAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "number",
        "concept",
        "status",
        "decided_on",
        "submitted_on",
        "deadline",
    ]
    list_filter = [district_filter("concept__district"), "status"]
    list_select_related = ["concept__district"]
    search_fields = ["title", "concept__title", "concept__district__name"]
    autocomplete_fields = ["concept", "fields_of_action"]
    # Set by the release of a Vorlage (papers), not by hand.
    readonly_fields = ["presented_to_council_on", "presented_publicly", "created", "modified"]
    inlines = [ConceptSectionInline]


@admin.register(ConceptSection)
class ConceptSectionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "order", "version", "district"]
    list_filter = [district_filter("version__concept__district"), "version__status"]
    list_select_related = ["version__concept__district"]
    search_fields = ["title", "body", "version__title"]
    autocomplete_fields = ["version"]
    readonly_fields = ["created", "modified"]

    @admin.display(description="Kreis", ordering="version__concept__district__name")
    def district(self, obj: ConceptSection):
        return obj.version.concept.district


@admin.register(MunicipalAgreement)
class MunicipalAgreementAdmin(SimpleHistoryAdmin):
    """Issue 18: a municipality's Einvernehmen with a Fassung (entered in the app)."""

    list_display = ["municipality", "decision", "body", "decided_on", "version", "on_paper"]
    list_filter = [district_filter("version__concept__district"), "decision", "on_paper"]
    list_select_related = ["municipality", "version"]
    search_fields = ["municipality__name", "body", "notes", "version__title"]
    autocomplete_fields = ["version", "municipality"]
    readonly_fields = ["created", "modified", "entered_by"]


class WorkPriorityInline(admin.TabularInline):
    model = WorkPriority
    fields = ["focus_area", "title", "order"]
    extra = 0
    show_change_link = True


@admin.register(WorkPeriod)
class WorkPeriodAdmin(admin.ModelAdmin):
    list_display = ["label", "district", "kind", "start", "end"]
    list_filter = [district_filter(), "kind"]
    list_select_related = ["district"]
    search_fields = ["district__name", "priorities__title"]
    autocomplete_fields = ["district"]
    readonly_fields = ["created", "modified"]
    inlines = [WorkPriorityInline]

    @admin.display(description="Zeitraum", ordering="start")
    def label(self, obj: WorkPeriod) -> str:
        return obj.label


@admin.register(WorkPriority)
class WorkPriorityAdmin(admin.ModelAdmin):
    list_display = ["title", "work_period", "district", "focus_area", "order"]
    list_filter = [district_filter("work_period__district"), "focus_area"]
    list_select_related = ["work_period__district", "focus_area"]
    search_fields = ["title", "description", "work_period__district__name"]
    autocomplete_fields = ["work_period"]
    readonly_fields = ["created", "modified"]

    @admin.display(description="Kreis", ordering="work_period__district__name")
    def district(self, obj: WorkPriority):
        return obj.work_period.district
