"""Read-only admin for the message archive: state is derived from messages, never edited here.

Findings can carry a BSN in their reference, so opening a message is logged like the page.
"""

from django.contrib import admin

from openjeugd.accounts import audit
from openjeugd.ijw.models import Finding, Message

_FIELDS = ["direction", "code", "afzender", "ontvanger", "identificatie", "dagtekening",
           "status", "received_at", "processed_at", "answer_due", "answered_at", "filename",
           "in_reply_to", "municipality", "provider"]


class ReadOnlyAdmin(admin.ModelAdmin):
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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        audit.record(request.user, "read", "ijw.Message", object_id,
                     purpose="iJw message (admin)", request=request)
        return super().change_view(request, object_id, form_url, extra_context)
