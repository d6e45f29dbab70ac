"""A ModelAdmin mixin that logs what the admin shows and changes of personal-data models.

Lists count as a read of every object on the page (one insert), opening, history and the
delete confirmation as a read of the object, saves and deletes as writes.
"""

from django.contrib.admin.utils import unquote

from openjeugd.accounts import audit
from openjeugd.accounts.purposes import Purpose


class AccessLoggedAdminMixin:
    audit_list_purpose = Purpose.REGISTRY_ADMIN
    audit_read_purpose = Purpose.REGISTRY_ADMIN
    audit_write_purpose = Purpose.REGISTRY_ADMIN
    audit_reads = True  # False for models without personal data: only the writes are logged

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if self.audit_reads and changelist is not None:
            if changelist.query:  # the search words may be a BSN: only their count is logged
                audit.record(request.user, "search", self.model._meta.label, None,
                             purpose=self.audit_list_purpose, request=request,
                             hits=changelist.result_count)
            audit.record_many(request.user, "read", changelist.result_list,
                              purpose=self.audit_list_purpose, request=request)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            self._log_read(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._log_read(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        if request.method == "GET":  # the confirmation page shows the object and its relations
            self._log_read(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record_object(request.user, "update" if change else "create", obj,
                           purpose=self.audit_write_purpose, request=request)

    def delete_model(self, request, obj):
        audit.record_object(request.user, "delete", obj, purpose=self.audit_write_purpose,
                           request=request)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        audit.record_many(request.user, "delete", queryset, purpose=self.audit_write_purpose,
                          request=request)
        super().delete_queryset(request, queryset)

    def _log_read(self, request, object_id) -> None:
        if not self.audit_reads:
            return
        obj = self.get_object(request, unquote(object_id))
        owner = audit.owner_region_of(obj) if obj is not None else None
        audit.record(request.user, "read", self.model._meta.label, unquote(object_id),
                     purpose=self.audit_read_purpose, request=request,
                     object_repr=audit.describe(obj) if obj is not None else "",
                     owner_region_id=owner)
