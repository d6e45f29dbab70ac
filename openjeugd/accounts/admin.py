from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts.models import AccessLogEntry, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "get_full_name", "role", "region", "municipality", "provider",
                    "is_active"]
    list_filter = ["role", "region", "is_active"]
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Role and scope"), {"fields": ["role", "region", "municipality", "provider"]}),
    )


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, even for superusers."""

    list_display = ["at", "username", "action", "object_type", "object_id", "purpose"]
    list_filter = ["action", "object_type"]
    search_fields = ["username", "object_id", "purpose"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
