"""Admin for priority rounds with the municipalities, their options and the answers."""

from django.contrib import admin

from districts.admin import district_filter

from .models import (
    DraftReview,
    PriorityAdoption,
    PriorityRound,
    ReviewComment,
    ReviewInvitation,
    RoundOption,
    Submission,
    SubmissionChoice,
)


class RoundOptionInline(admin.TabularInline):
    model = RoundOption
    fields = ["order", "focus_area", "field_of_action", "title", "description"]
    autocomplete_fields = ["field_of_action"]
    extra = 0
    show_change_link = True


class PriorityAdoptionInline(admin.TabularInline):
    model = PriorityAdoption
    fields = ["priority", "adopted_at", "adopted_by"]
    autocomplete_fields = ["priority", "adopted_by"]
    extra = 0


@admin.register(PriorityRound)
class PriorityRoundAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "district",
        "work_period",
        "status",
        "voting_rule",
        "opens_on",
        "closes_on",
    ]
    list_filter = [district_filter(), "status", "voting_rule"]
    list_select_related = ["district", "work_period"]
    search_fields = ["title", "instructions", "district__name"]
    autocomplete_fields = ["district", "work_period", "adopted_by"]
    readonly_fields = ["created", "modified"]
    date_hierarchy = "opens_on"
    inlines = [RoundOptionInline, PriorityAdoptionInline]


@admin.register(RoundOption)
class RoundOptionAdmin(admin.ModelAdmin):
    list_display = ["title", "round", "focus_area", "field_of_action", "order"]
    list_filter = [district_filter("round__district"), "focus_area"]
    list_select_related = ["round", "focus_area", "field_of_action"]
    search_fields = ["title", "description", "round__title"]
    autocomplete_fields = ["round", "field_of_action"]
    readonly_fields = ["created", "modified"]


@admin.register(PriorityAdoption)
class PriorityAdoptionAdmin(admin.ModelAdmin):
    list_display = ["priority", "round", "adopted_at", "adopted_by"]
    list_filter = [district_filter("round__district")]
    list_select_related = ["priority__work_period", "round", "adopted_by"]
    search_fields = ["priority__title", "round__title"]
    autocomplete_fields = ["priority", "round", "adopted_by"]


class SubmissionChoiceInline(admin.TabularInline):
    model = SubmissionChoice
    fields = ["option", "rank", "points", "comment"]
    autocomplete_fields = ["option"]
    extra = 0


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "round",
        "municipality",
        "submitted_by",
        "on_paper",
        "committee_name",
        "committee_date",
    ]
    list_filter = [district_filter("round__district"), "on_paper"]
    list_select_related = ["round", "municipality", "submitted_by"]
    search_fields = ["municipality__name", "round__title", "comment", "committee_name"]
    autocomplete_fields = ["round", "municipality", "submitted_by"]
    readonly_fields = ["created", "modified"]
    inlines = [SubmissionChoiceInline]


@admin.register(SubmissionChoice)
class SubmissionChoiceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "submission", "option", "rank", "points"]
    list_filter = [district_filter("submission__round__district")]
    list_select_related = ["option", "submission__round", "submission__municipality"]
    ordering = ["submission__round", "submission__municipality__name", "option__order"]
    search_fields = [
        "option__title",
        "submission__municipality__name",
        "submission__round__title",
        "comment",
    ]
    autocomplete_fields = ["submission", "option"]


class ReviewCommentInline(admin.TabularInline):
    model = ReviewComment
    fields = ["section_title", "paragraph", "organisation", "text", "decision", "reason"]
    readonly_fields = ["section_title", "paragraph", "organisation", "text"]
    extra = 0
    show_change_link = True


@admin.register(DraftReview)
class DraftReviewAdmin(admin.ModelAdmin):
    """Issue 18: a Beteiligung on a draft (opened and weighed in the app)."""

    list_display = ["title", "version", "opens_on", "closes_on", "comments_visible"]
    list_filter = [district_filter("version__concept__district")]
    list_select_related = ["version"]
    search_fields = ["title", "version__title"]
    autocomplete_fields = ["version"]
    filter_horizontal = ["sections"]
    readonly_fields = ["created", "modified", "created_by"]
    inlines = [ReviewCommentInline]


@admin.register(ReviewInvitation)
class ReviewInvitationAdmin(admin.ModelAdmin):
    """External participants of a Beteiligung; personal data (name, e-mail)."""

    list_display = ["name", "organisation", "review", "revoked_at"]
    list_filter = [district_filter("review__version__concept__district")]
    list_select_related = ["review"]
    search_fields = ["name", "email", "organisation"]
    autocomplete_fields = ["review"]
    readonly_fields = ["created", "modified", "invited_by", "contact"]


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):
    list_display = ["organisation", "section_title", "paragraph", "decision", "review"]
    list_filter = [district_filter("review__version__concept__district"), "decision"]
    list_select_related = ["review"]
    search_fields = ["organisation", "text", "reason", "section_title"]
    autocomplete_fields = ["review"]
    readonly_fields = ["created", "modified", "author", "decided_by", "section"]
