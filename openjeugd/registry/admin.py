"""Admin for every registry model. Saves are audited; youth records are logged when read."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts.admin_audit import AccessLoggedAdminMixin
from openjeugd.accounts.purposes import Purpose
from openjeugd.registry.models import (
    CertifiedInstitution,
    Division,
    Facility,
    Municipality,
    Partnership,
    PartnershipMember,
    Provider,
    Region,
    Team,
    Youth,
)


class AuditedAdmin(AccessLoggedAdminMixin, admin.ModelAdmin):
    """Registry data without personal data: saves and deletes are logged, views are not."""

    audit_reads = False


class MunicipalityInline(admin.TabularInline):
    model = Municipality
    fields = ["code", "name", "province", "active"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # municipalities come from the CBS division (load_municipalities)


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MunicipalityInline]


@admin.register(Municipality)
class MunicipalityAdmin(AuditedAdmin):
    list_display = ["code", "name", "province", "region", "population_total",
                    "population_0_17", "population_source", "population_is_estimate", "active"]
    list_filter = ["region", "province", "active", "population_is_estimate"]
    search_fields = ["code", "name"]
    list_select_related = ["region"]
    fieldsets = [
        (None, {"fields": ["code", "name", "province", "region", "active"]}),
        (_("Population"), {"fields": ["population_total", "population_0_17",
                                      "population_source", "population_is_estimate"]}),
    ]
    # The division itself is maintained by load_municipalities; here only population changes.
    readonly_fields = ["code", "name", "province", "region", "active"]

    def has_add_permission(self, request):
        return False


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "loaded_at", "created", "updated", "deactivated"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Provider)
class ProviderAdmin(AuditedAdmin):
    list_display = ["name", "agb_code", "kvk_number"]
    list_filter = ["regions"]
    search_fields = ["name", "agb_code", "kvk_number"]
    filter_horizontal = ["regions"]


@admin.register(CertifiedInstitution)
class CertifiedInstitutionAdmin(AuditedAdmin):
    list_display = ["name", "agb_code"]
    list_filter = ["regions"]
    search_fields = ["name", "agb_code"]
    filter_horizontal = ["regions"]


class PartnershipMemberInline(admin.TabularInline):
    model = PartnershipMember
    extra = 1
    autocomplete_fields = ["provider"]


@admin.register(Partnership)
class PartnershipAdmin(AuditedAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name", "members__provider__name"]
    inlines = [PartnershipMemberInline]


@admin.register(Facility)
class FacilityAdmin(AuditedAdmin):
    list_display = ["name", "provider", "kind", "municipality", "places", "group_size",
                    "age_min", "age_max"]
    list_filter = ["kind", "municipality__region"]
    search_fields = ["name", "provider__name", "provider__agb_code", "municipality__name"]
    list_select_related = ["provider", "municipality"]
    autocomplete_fields = ["provider", "municipality"]


@admin.register(Team)
class TeamAdmin(AuditedAdmin):
    list_display = ["name", "kind", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "municipalities__name"]
    filter_horizontal = ["municipalities"]


@admin.register(Youth)
class YouthAdmin(AuditedAdmin):
    """No BSN in lists (it would end up in screenshots and browser history); searchable by
    exact BSN only. Lists, records, history and delete confirmations are logged as reads."""

    audit_reads = True
    audit_list_purpose = Purpose.YOUTH_LIST_ADMIN
    audit_read_purpose = Purpose.YOUTH_RECORD_ADMIN

    list_display = ["__str__", "birth_date", "municipality"]
    list_filter = ["municipality__region"]
    search_fields = ["=bsn", "surname"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]
