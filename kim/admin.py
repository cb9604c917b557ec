from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    CaseFigures,
    CaseTopic,
    Finding,
    FundingRate,
    Post,
    PostChange,
    Seat,
    TopicCount,
)


@admin.register(FundingRate)
class FundingRateAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "amount", "valid_from", "valid_until"]
    list_filter = ["kind"]
    search_fields = ["source"]
    readonly_fields = ["created", "modified"]


@admin.register(Post)
class PostAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "district", "kind", "fte", "state", "municipality", "funded"]
    list_filter = ["kind", "state", "funded", "district"]
    readonly_fields = ["created", "modified"]


@admin.register(PostChange)
class PostChangeAdmin(SimpleHistoryAdmin):
    list_display = ["decision", "district", "kind", "fte_before", "fte_after", "effective_on"]
    list_filter = ["kind", "district"]
    readonly_fields = ["created", "modified"]


@admin.register(CaseTopic)
class CaseTopicAdmin(admin.ModelAdmin):
    list_display = ["name", "district", "order"]
    list_filter = ["district"]


class TopicCountInline(admin.TabularInline):
    model = TopicCount
    extra = 0


@admin.register(CaseFigures)
class CaseFiguresAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "district", "opened", "active", "closed"]
    list_filter = ["year", "quarter", "district"]
    inlines = [TopicCountInline]


@admin.register(TopicCount)
class TopicCountAdmin(admin.ModelAdmin):
    list_display = ["figures", "topic", "count"]


@admin.register(Seat)
class SeatAdmin(admin.ModelAdmin):
    list_display = ["actor", "committee", "rechtskreis", "district"]
    list_filter = ["rechtskreis", "district"]
    readonly_fields = ["created", "modified"]


@admin.register(Finding)
class FindingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "district", "state", "municipality", "reported_on"]
    list_filter = ["state", "district"]
    search_fields = ["title", "description"]
    readonly_fields = ["created", "modified"]
