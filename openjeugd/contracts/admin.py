"""Admin for the contract data (no personal data: writes are logged, reads are not)."""

from django.contrib import admin

from openjeugd.accounts.admin_audit import AccessLoggedAdminMixin
from openjeugd.contracts import models as m


class AuditedAdmin(AccessLoggedAdminMixin, admin.ModelAdmin):
    audit_reads = False


class LotInline(admin.TabularInline):
    model = m.Lot
    extra = 0


class PartnerInline(admin.TabularInline):
    model = m.ContractPartner
    extra = 0
    # Awards go through services.award_contract, which checks the award rules.
    readonly_fields = ["lot", "provider", "partnership", "start_date", "end_date"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ExtensionInline(admin.TabularInline):
    model = m.ContractExtension
    extra = 0


@admin.register(m.Contract)
class ContractAdmin(AuditedAdmin):
    list_display = ["reference", "name", "region", "procedure", "status", "start_date",
                    "initial_end_date"]
    list_filter = ["region", "status", "procedure"]
    search_fields = ["reference", "name"]
    inlines = [LotInline, PartnerInline, ExtensionInline]


@admin.register(m.Product)
class ProductAdmin(AuditedAdmin):
    list_display = ["product_categorie", "product_code", "name", "eenheid",
                    "uitvoeringsvariant", "funding_model", "cbs_hulpvorm", "region"]
    list_filter = ["region", "funding_model", "uitvoeringsvariant"]
    search_fields = ["product_code", "name"]


@admin.register(m.Tariff)
class TariffAdmin(AuditedAdmin):
    """Read-only: tariffs are written by services.set_tariff / index_tariffs, which refuse
    overlapping periods and a unit other than the product's."""

    list_display = ["product", "contract", "provider", "valid_from", "valid_until", "amount"]
    list_filter = ["contract__region", "contract"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(m.Ceiling)
class CeilingAdmin(AuditedAdmin):
    list_display = ["__str__", "region", "year", "level", "amount", "ventiel",
                    "efficiency_discount", "planned_beds"]
    list_filter = ["region", "year", "level"]

    def has_add_permission(self, request):
        return False  # services.set_ceiling refuses a budget below what is committed

    def has_change_permission(self, request, obj=None):
        return False


class RuleInline(admin.TabularInline):
    model = m.ConversionRule
    extra = 0


@admin.register(m.ConversionTable)
class ConversionTableAdmin(AuditedAdmin):
    list_display = ["name", "region", "effective_date"]
    inlines = [RuleInline]


class ShareInline(admin.TabularInline):
    model = m.CostShare
    extra = 0


@admin.register(m.CostSharingKey)
class CostSharingKeyAdmin(AuditedAdmin):
    list_display = ["name", "owner", "year", "basis", "amount"]
    inlines = [ShareInline]


for model in (m.TaskArea, m.AwardRule, m.PrefinancingInstalment, m.Settlement,
              m.LearningContribution, m.ConversionRun):
    admin.site.register(model, AuditedAdmin)
