from django.contrib import admin

from .models import FeedbackMessage


@admin.register(FeedbackMessage)
class FeedbackMessageAdmin(admin.ModelAdmin):
    list_display = ["created", "district", "page", "handled"]
    list_filter = ["handled", "district"]
    search_fields = ["message", "page"]
