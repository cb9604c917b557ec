"""Admin for the measures catalogue: measures, indicators (Kennzahlen) and measured values."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from districts.admin import district_filter

from .models import Indicator, LandIndicator, Measure, Measurement, MeasurementImport


class IndicatorInline(admin.TabularInline):
    model = Indicator
    fields = [
        "name",
        "unit",
        "baseline",
        "baseline_date",
        "target",
        "target_date",
        "direction",
        "land_indicator",
    ]
    extra = 0
    show_change_link = True


@admin.register(Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "district",
        "focus_area",
        "field_of_action",
        "status",
        "lead_actor",
        "start",
        "end",
        "is_archived",
    ]
    list_filter = [district_filter(), "status", "focus_area", "is_archived"]
    list_select_related = ["district", "focus_area", "field_of_action", "lead_actor"]
    search_fields = ["title", "goal", "effect", "district__name"]
    autocomplete_fields = [
        "district",
        "field_of_action",
        "work_priorities",
        "target_groups",
        "municipalities",
        "lead_actor",
        "partner_actors",
        "concept_versions",
    ]
    readonly_fields = ["created", "modified"]
    fieldsets = [
        (None, {"fields": ["district", "title", "status", "is_archived"]}),
        (
            "Einordnung",
            {
                "fields": [
                    "focus_area",
                    "field_of_action",
                    "work_priorities",
                    "target_groups",
                    "concept_versions",
                ]
            },
        ),
        ("Inhalt", {"fields": ["goal", "effect", "start", "end"]}),
        ("Beteiligte", {"fields": ["municipalities", "lead_actor", "partner_actors"]}),
        ("Verlauf", {"fields": ["created", "modified"], "classes": ["collapse"]}),
    ]
    inlines = [IndicatorInline]


class MeasurementInline(admin.TabularInline):
    model = Measurement
    fields = ["date", "value", "period_label", "municipality", "source"]
    autocomplete_fields = ["municipality"]
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "measure",
        "district",
        "unit",
        "baseline",
        "target",
        "direction",
        "land_indicator",
    ]
    list_filter = [district_filter("measure__district"), "direction", "measure__focus_area"]
    list_select_related = ["measure__district", "land_indicator"]
    search_fields = ["name", "land_indicator__key", "measure__title"]
    autocomplete_fields = ["measure", "land_indicator"]
    readonly_fields = ["latest_value", "latest_date", "created", "modified"]
    inlines = [MeasurementInline]

    @admin.display(description="Kreis", ordering="measure__district__name")
    def district(self, obj: Indicator):
        return obj.measure.district


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "value", "date", "period_label", "municipality", "district"]
    list_filter = [district_filter("indicator__measure__district")]
    list_select_related = ["indicator__measure__district", "municipality"]
    search_fields = ["indicator__name", "indicator__measure__title", "period_label", "source"]
    autocomplete_fields = ["indicator", "municipality"]
    readonly_fields = ["created", "modified"]
    date_hierarchy = "date"

    @admin.display(description="Kreis", ordering="indicator__measure__district__name")
    def district(self, obj: Measurement):
        return obj.indicator.measure.district


@admin.register(MeasurementImport)
class MeasurementImportAdmin(admin.ModelAdmin):
    """Uploaded measurement files and their outcome (issue 16); written by the import only."""

    list_display = ["file_name", "district", "status", "row_count", "created_by", "created"]
    list_filter = [district_filter("district"), "status"]
    list_select_related = ["district", "created_by"]
    search_fields = ["file_name"]
    exclude = ["content"]
    readonly_fields = [
        "district",
        "created_by",
        "file_name",
        "row_count",
        "status",
        "progress",
        "step",
        "task_id",
        "heartbeat_at",
        "finished_at",
        "created_count",
        "updated_count",
        "unchanged_count",
        "import_seconds",
        "errors",
        "created",
        "modified",
    ]


@admin.register(LandIndicator)
class LandIndicatorAdmin(SimpleHistoryAdmin):
    """The Land's catalogue (issue 17); the Land edits it under /land/kennzahlen/."""

    list_display = ["key", "name", "unit", "direction", "aggregation"]
    list_filter = ["direction", "aggregation"]
    search_fields = ["key", "name"]
    readonly_fields = ["created", "modified"]
