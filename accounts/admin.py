"""Admin for users and their memberships in Districts."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from districts.admin import district_filter

from .models import Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    fields = ["district", "role", "municipality", "is_active"]
    autocomplete_fields = ["district", "municipality"]
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "is_land",
        "is_staff",
        "is_active",
    ]
    list_filter = ["is_land", *BaseUserAdmin.list_filter]
    fieldsets = [
        *BaseUserAdmin.fieldsets[:2],
        (
            BaseUserAdmin.fieldsets[2][0],
            {
                "fields": [
                    "is_active",
                    "is_land",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        *BaseUserAdmin.fieldsets[3:],
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        ("Landesebene", {"classes": ["wide"], "fields": ["is_land"]}),
    ]
    inlines = [MembershipInline]

    def get_inline_instances(self, request, obj=None):
        # The add page only asks for name and password; memberships follow on the change page.
        if obj is None:
            return []
        return super().get_inline_instances(request, obj)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "district", "role", "municipality", "is_active"]
    list_filter = [district_filter(), "role", "is_active"]
    list_select_related = ["user", "district", "municipality"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "user__email",
        "district__name",
        "municipality__name",
    ]
    autocomplete_fields = ["user", "district", "municipality"]
    readonly_fields = ["created", "modified"]
