from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import FundingRate, Post, PostChange


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
