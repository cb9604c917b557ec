"""Admin for council papers, their attachments and their path through the bodies."""

from django.contrib import admin

from districts.admin import district_filter

from .models import (
    AgendaItem,
    Attachment,
    Consultation,
    ConsultationResultChange,
    DecisionPaper,
    MeetingFolder,
    PaperRelease,
    ReleasedAttachment,
    ReleaseRequest,
    SignOff,
    SignOffRound,
    SignOffStep,
)


class ConsultationInline(admin.TabularInline):
    model = Consultation
    fields = [
        "order",
        "meeting",
        "role",
        "authoritative",
        "result",
        "votes_yes",
        "votes_no",
        "votes_abstain",
    ]
    autocomplete_fields = ["meeting"]
    # Results change through the result page only, which keeps the earlier state (issue 14).
    readonly_fields = ["result", "votes_yes", "votes_no", "votes_abstain"]
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ["order", "title", "file"]
    extra = 0


@admin.register(DecisionPaper)
class DecisionPaperAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "subject",
        "district",
        "paper_type",
        "date",
        "is_public",
        "released_at",
    ]
    list_display_links = ["reference", "subject"]
    list_filter = [district_filter(), "paper_type", "decision_kind", "is_public", "layout"]
    list_select_related = ["district"]
    search_fields = ["reference", "subject", "file_number", "department", "author_name"]
    autocomplete_fields = ["district", "concept_version", "released_by"]
    readonly_fields = ["created", "modified"]
    date_hierarchy = "date"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "district",
                    "paper_type",
                    "decision_kind",
                    "reference",
                    "date",
                    "subject",
                    "is_public",
                    "concept_version",
                ]
            },
        ),
        ("Bearbeitung", {"fields": ["department", "author_name", "file_number"]}),
        (
            "Auswirkungen",
            {
                "fields": [
                    "financial_impact",
                    "financial_note",
                    "personnel_impact",
                    "personnel_note",
                    "organisational_impact",
                    "organisational_note",
                ]
            },
        ),
        ("Beschlussvorschlag", {"fields": ["proposal", "layout"]}),
        (
            "Begründung: Anlass – Sachverhaltsdarstellung – Ausblick",
            {"fields": ["occasion", "facts", "outlook"], "classes": ["collapse"]},
        ),
        (
            "Begründung: I. Problem – V. Zuständigkeit",
            {
                "fields": [
                    "related_papers",
                    "problem",
                    "solution",
                    "alternatives",
                    "implications",
                    "implications_finance",
                    "implications_personnel",
                    "implications_it",
                    "implications_other",
                    "competence",
                ],
                "classes": ["collapse"],
            },
        ),
        ("Freigabe", {"fields": ["released_at", "released_by"]}),
        ("Verlauf", {"fields": ["created", "modified"], "classes": ["collapse"]}),
    ]
    inlines = [ConsultationInline, AttachmentInline]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["title", "paper", "order", "file"]
    list_filter = [district_filter("paper__district")]
    list_select_related = ["paper"]
    search_fields = ["title", "paper__reference", "paper__subject"]
    autocomplete_fields = ["paper"]
    readonly_fields = ["created", "modified"]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "paper", "order", "role", "authoritative", "result"]
    list_filter = [district_filter("paper__district"), "role", "result", "authoritative"]
    list_select_related = ["paper", "meeting__committee"]
    search_fields = ["paper__reference", "paper__subject", "meeting__committee__name"]
    autocomplete_fields = ["paper", "meeting"]
    # Results change through the result page only, which keeps the earlier state (issue 14).
    readonly_fields = [
        "created",
        "modified",
        "result",
        "votes_yes",
        "votes_no",
        "votes_abstain",
        "result_note",
        "without_preliminary",
        "without_preliminary_reason",
        "result_recorded_at",
        "result_recorded_by",
    ]


class ReleasedAttachmentInline(admin.TabularInline):
    """The Anlagen frozen with a release: shown, never changed."""

    model = ReleasedAttachment
    fields = ["order", "title", "file", "size", "sha256"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PaperRelease)
class PaperReleaseAdmin(admin.ModelAdmin):
    """Releases are the record of what the council received: readable, never editable."""

    list_display = ["reference", "revision", "subject", "released_at", "released_by", "size"]
    list_select_related = ["released_by"]
    search_fields = ["reference", "subject"]
    exclude = ["pdf"]
    inlines = [ReleasedAttachmentInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReleasedAttachment)
class ReleasedAttachmentAdmin(admin.ModelAdmin):
    """Anlagen as they went out with a release: readable, never editable."""

    list_display = ["title", "release", "order", "size"]
    list_filter = [district_filter("release__paper__district")]
    list_select_related = ["release"]
    search_fields = ["title", "release__reference", "release__subject"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReleaseRequest)
class ReleaseRequestAdmin(admin.ModelAdmin):
    """Clicks on "freigeben" and what became of them: readable, never editable."""

    list_display = ["paper", "revision", "status", "requested_at", "requested_by", "release"]
    list_filter = [district_filter("paper__district"), "status"]
    list_select_related = ["paper", "requested_by", "release"]
    search_fields = ["paper__reference", "paper__subject", "error"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ConsultationResultChange)
class ConsultationResultChangeAdmin(admin.ModelAdmin):
    """Earlier states of results (issue 14): a record, shown and never changed."""

    list_display = ["consultation", "result", "changed_at", "changed_by"]
    list_filter = [district_filter("consultation__paper__district")]
    list_select_related = ["consultation__paper", "consultation__meeting__committee", "changed_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SignOffStep)
class SignOffStepAdmin(admin.ModelAdmin):
    """The District's Mitzeichnung steps (issue 14); the KI-Leitung keeps them in the app."""

    list_display = ["district", "order", "function", "user", "condition"]
    list_filter = [district_filter("district")]
    list_select_related = ["district", "user"]
    autocomplete_fields = ["user"]


@admin.register(SignOffRound)
class SignOffRoundAdmin(admin.ModelAdmin):
    """Requests for Mitzeichnung and what became of them: a record, shown and never changed."""

    list_display = ["paper", "revision", "status", "requested_at", "requested_by"]
    list_filter = [district_filter("paper__district"), "status"]
    list_select_related = ["paper", "requested_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SignOff)
class SignOffAdmin(admin.ModelAdmin):
    """Who signed which state of a paper: a record, shown and never changed."""

    list_display = ["round", "function", "user", "signed_at"]
    list_filter = [district_filter("round__paper__district")]
    list_select_related = ["round__paper", "user"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    """Points of a meeting's Tagesordnung the KI ordered, renamed or added (issue 20)."""

    list_display = ["meeting", "order", "title", "paper", "is_public"]
    list_filter = [district_filter("meeting__committee__district"), "is_public"]
    list_select_related = ["meeting__committee", "paper"]
    search_fields = ["title", "paper__reference"]
    raw_id_fields = ["meeting", "paper"]


@admin.register(MeetingFolder)
class MeetingFolderAdmin(admin.ModelAdmin):
    """The Sitzungsmappen asked for; their PDFs are documents (Erzeugte Dokumente)."""

    list_display = ["meeting", "is_public"]
    list_filter = [district_filter("meeting__committee__district"), "is_public"]
    list_select_related = ["meeting__committee"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
