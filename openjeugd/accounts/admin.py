from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts.admin_audit import AccessLoggedAdminMixin
from openjeugd.accounts.models import AccessLogEntry, User
from openjeugd.accounts.purposes import Purpose


@admin.register(User)
class UserAdmin(AccessLoggedAdminMixin, BaseUserAdmin):
    """Staff accounts are personal data too: lists, views and changes are logged."""

    audit_list_purpose = audit_read_purpose = audit_write_purpose = Purpose.USER_ADMIN
    list_display = ["username", "get_full_name", "role", "region", "municipality", "provider",
                    "is_active"]
    list_filter = ["role", "region", "is_active"]
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Role and scope"), {"fields": ["role", "region", "municipality", "provider"]}),
    )


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, even for superusers."""

    list_display = ["seq", "at", "username", "action", "object_type", "object_id", "purpose",
                    "hits", "region", "owner_region"]
    list_filter = ["action", "object_type"]
    search_fields = ["username", "object_id", "purpose"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
