"""Admin for Districts, their municipalities, staffing plan and the Land's requirements."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import District, LandRequirements, Municipality, RequirementSet, StaffPost


class DistrictListFilter(admin.RelatedFieldListFilter):
    """Filter by the District a row belongs to, titled "Kreis" whatever path leads there."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = "Kreis"


def district_filter(path: str = "district") -> tuple[str, type[DistrictListFilter]]:
    """A ``list_filter`` entry filtering by the District reached through ``path``."""
    return (path, DistrictListFilter)


class MunicipalityInline(admin.TabularInline):
    model = Municipality
    fields = ["name", "slug", "ags"]
    extra = 0
    show_change_link = True


class StaffPostInline(admin.TabularInline):
    model = StaffPost
    fields = [
        "title",
        "holder",
        "profession",
        "fte",
        "employer",
        "employer_name",
        "funding",
        "is_head",
        "is_deputy",
    ]
    extra = 0


class LandRequirementsInline(admin.StackedInline):
    model = LandRequirements
    can_delete = False
    max_num = 1
    min_num = 0
    extra = 0


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "official_key", "slug", "paper_layout"]
    list_filter = ["kind", "paper_layout"]
    search_fields = ["name", "official_key", "slug"]
    readonly_fields = ["created", "modified"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "official_key", "slug", "logo"]}),
        (
            "Vorlagen",
            {"fields": ["paper_layout", "paper_number_pattern", "office_number"]},
        ),
        ("Verlauf", {"fields": ["created", "modified"], "classes": ["collapse"]}),
    ]
    inlines = [LandRequirementsInline, MunicipalityInline, StaffPostInline]

    def get_inline_instances(self, request, obj=None):
        instances = super().get_inline_instances(request, obj)
        if obj is None:
            # A new District gets its LandRequirements from a signal; an inline form on the add
            # page would try to create a second one.
            instances = [i for i in instances if not isinstance(i, LandRequirementsInline)]
        return instances


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "ags", "slug"]
    list_filter = [district_filter()]
    list_select_related = ["district"]
    search_fields = ["name", "ags", "slug", "district__name"]
    autocomplete_fields = ["district"]
    readonly_fields = ["created", "modified"]


@admin.register(LandRequirements)
class LandRequirementsAdmin(admin.ModelAdmin):
    list_display = ["district", "submission_deadline"]
    list_select_related = ["district"]
    search_fields = ["district__name", "district__official_key"]
    autocomplete_fields = ["district"]
    readonly_fields = ["former_values", "created", "modified"]


@admin.register(RequirementSet)
class RequirementSetAdmin(SimpleHistoryAdmin):
    list_display = ["name", "variant", "valid_from", "valid_until"]
    list_filter = ["variant"]
    search_fields = ["name", "source"]
    readonly_fields = ["created", "modified"]


@admin.register(StaffPost)
class StaffPostAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "district",
        "holder",
        "profession",
        "fte",
        "employer",
        "funding",
        "is_head",
        "is_deputy",
    ]
    list_filter = [district_filter(), "profession", "employer", "funding", "is_head", "is_deputy"]
    list_select_related = ["district"]
    search_fields = ["title", "holder", "district__name"]
    autocomplete_fields = ["district"]
    readonly_fields = ["created", "modified"]
