"""Read-only admin for the message archive: state is derived from messages, never edited here.

Findings can carry a BSN in their reference, so lists, opening and history are logged like the
pages (AccessLoggedAdminMixin).
"""

from django.contrib import admin

from openjeugd.accounts.admin_audit import AccessLoggedAdminMixin
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw.models import Finding, Message

_FIELDS = ["direction", "code", "afzender", "ontvanger", "identificatie", "dagtekening",
           "status", "received_at", "processed_at", "answer_due", "answered_at", "filename",
           "in_reply_to", "municipality", "provider"]


class ReadOnlyAdmin(AccessLoggedAdminMixin, admin.ModelAdmin):
    audit_list_purpose = audit_read_purpose = Purpose.MESSAGE_ADMIN

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class FindingInline(admin.TabularInline):
    model = Finding
    fields = ["level", "ref", "retourcode", "rule", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "direction", "status", "received_at", "answer_due"]
    list_filter = ["direction", "status", "code"]
    search_fields = ["=identificatie", "=afzender", "=ontvanger"]
    fields = _FIELDS
    readonly_fields = _FIELDS
    inlines = [FindingInline]
    list_select_related = ["municipality", "provider"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("raw")
