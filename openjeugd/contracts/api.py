"""The contract screens through the API (/api/contracts/): the same selectors for reads, the
same forms and services for writes, so a refusal names the same field and rule as on screen.
Amounts are strings with two decimals (a JSON number would pass through a float)."""

from django import forms as django_forms
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from openjeugd.accounts.drf import PolicyPermission
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.contracts import budget, conversion, exports, services
from openjeugd.contracts import selectors_screens as screens
from openjeugd.contracts.forms import (
    AwardForm,
    CeilingForm,
    ContractForm,
    ConversionForm,
    ExtendForm,
    IndexForm,
    TariffForm,
)
from openjeugd.contracts.selectors_screens import get_in
from openjeugd.core.forms import saved

YEAR = OpenApiParameter("year", int, description="Calendar year (default: this year).")


def _money():
    return serializers.DecimalField(max_digits=14, decimal_places=2)


# --- request bodies: documented from the forms that validate them ---------------------------------

_FIELD_TYPES = {
    django_forms.DateField: lambda f: serializers.DateField(required=f.required),
    django_forms.DecimalField: lambda f: serializers.DecimalField(
        max_digits=f.max_digits, decimal_places=f.decimal_places, required=f.required),
    django_forms.IntegerField: lambda f: serializers.IntegerField(required=f.required),
    django_forms.ModelChoiceField: lambda f: serializers.IntegerField(
        required=f.required, help_text="id"),
    django_forms.ChoiceField: lambda f: serializers.ChoiceField(
        choices=[c for c, _label in f.choices if c], required=f.required),
}


def body_of(form_class, name: str):
    """An inline serializer for the schema with one field per form field."""
    fields = {}
    for field_name, field in form_class.base_fields.items():
        make = next((m for t, m in _FIELD_TYPES.items() if isinstance(field, t)),
                    lambda f: serializers.CharField(required=f.required))
        fields[field_name] = make(field)
    return inline_serializer(name, fields)


class _Request:
    """What core.forms.saved needs of a request: the method."""
    method = "POST"


def _write(request, form, write, render, created=True):
    obj = saved(_Request, form, write)
    if obj is None:
        return Response(form.errors.get_json_data(), status=status.HTTP_400_BAD_REQUEST)
    return Response(render(obj), status=status.HTTP_201_CREATED if created else 200)


class ContractsAPIView(APIView):
    permission_classes = [PolicyPermission]
    read_perm = Perm.VIEW_CONTRACTS
    write_perm = Perm.MANAGE_CONTRACTS


# --- output --------------------------------------------------------------------------------------

class ContractPartnerSerializer(serializers.Serializer):
    provider = serializers.CharField(source="provider.agb_code", default=None)
    partnership = serializers.CharField(source="partnership.name", default=None)
    lot = serializers.IntegerField(source="lot.number", default=None)
    start_date = serializers.DateField()
    end_date = serializers.DateField(allow_null=True)


class TariffSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    product = serializers.CharField(source="product.__str__")
    provider = serializers.CharField(source="provider.agb_code", default=None)
    eenheid = serializers.CharField()
    amount = _money()
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(allow_null=True)
    indexed_from = serializers.IntegerField(source="indexed_from_id", allow_null=True)
    index_percentage = serializers.DecimalField(max_digits=6, decimal_places=3,
                                                allow_null=True)


class ContractSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    name = serializers.CharField()
    procedure = serializers.CharField()
    status = serializers.CharField()
    task_area = serializers.CharField(source="task_area.name", default=None)
    parent = serializers.IntegerField(source="parent_id", allow_null=True)
    start_date = serializers.DateField()
    initial_end_date = serializers.DateField()
    extension_options = serializers.IntegerField()
    extension_months = serializers.IntegerField()


class ContractDetailSerializer(ContractSerializer):
    current_end = serializers.DateField()
    extensions = serializers.ListField(child=serializers.DictField())
    lots = serializers.ListField(child=serializers.DictField())
    partners = ContractPartnerSerializer(many=True)
    award_rules = serializers.ListField(child=serializers.DictField())
    tariffs = TariffSerializer(many=True)
    ceilings = serializers.ListField(child=serializers.DictField(),
                                     help_text="The ceilings of its lots this year.")


def contract_detail(contract) -> dict:
    view = screens.contract_view(contract)
    return {
        **ContractSerializer(contract).data, "current_end": view.current_end,
        "extensions": [{"number": e.number, "new_end_date": e.new_end_date,
                        "decided_on": e.decided_on} for e in view.extensions],
        "lots": [{"number": lot.number, "name": lot.name,
                  "municipalities": [m.code for m in lot.municipalities.all()]}
                 for lot in view.lots],
        "partners": ContractPartnerSerializer(view.partners, many=True).data,
        "award_rules": [{"kind": r.kind, "max_partners": r.max_partners, "source": r.source,
                         "lots": [lot.number for lot in r.lots.all()]}
                        for r in view.award_rules],
        "tariffs": TariffSerializer([t for rows in view.tariffs.values() for t in rows],
                                    many=True).data,
        "ceilings": CeilingRowSerializer(
            screens.contract_ceilings(contract, screens.year_from(None)), many=True).data,
    }


class CeilingRowSerializer(serializers.Serializer):
    ceiling = serializers.IntegerField(source="ceiling_id")
    level = serializers.CharField()
    target = serializers.CharField()
    budget = _money()
    committed = _money()
    spent = _money()
    forecast = _money()
    status = serializers.CharField()
    unpriced = serializers.IntegerField()
    planned_beds = serializers.IntegerField(
        allow_null=True, help_text="Planned residential beds (region and segment ceilings).")


class CeilingOverviewSerializer(serializers.Serializer):
    region = serializers.CharField()
    year = serializers.IntegerField()
    as_of = serializers.DateField()
    rows = CeilingRowSerializer(many=True)


class CeilingShareSerializer(serializers.Serializer):
    key = serializers.CharField()
    committed = _money()
    spent = _money()
    forecast = _money()


class CeilingDetailSerializer(serializers.Serializer):
    figures = CeilingRowSerializer()
    per_municipality = CeilingShareSerializer(many=True)
    per_provider = CeilingShareSerializer(many=True)


class CeilingDrilldownSerializer(serializers.Serializer):
    line_count = serializers.IntegerField()
    toewijzing_count = serializers.IntegerField()
    may_see_clients = serializers.BooleanField()
    lines = serializers.ListField(child=serializers.DictField())
    toewijzingen = serializers.ListField(child=serializers.DictField())


class ConversionReportSerializer(serializers.Serializer):
    run = serializers.IntegerField()
    table = serializers.CharField()
    on_date = serializers.DateField()
    converted = serializers.IntegerField()
    split = serializers.IntegerField()
    no_rule = serializers.IntegerField()
    volume = serializers.DictField(child=serializers.CharField())


def row_data(ceiling) -> dict:
    return CeilingRowSerializer(screens.row_of(budget.ceiling_figures(ceiling))).data


def report_of(run) -> dict:
    counts = conversion.report(run)
    return {"run": run.pk, "table": run.table.name, "on_date": run.on_date,
            **{k: counts[k] for k in ("converted", "split", "no_rule")},
            "volume": {code: str(v) for code, v in counts["volume"].items()}}


# --- contracts -----------------------------------------------------------------------------------

class ContractListView(ContractsAPIView):
    @extend_schema(responses=ContractSerializer(many=True))
    def get(self, request):
        return Response(ContractSerializer(screens.contracts_of(request.user), many=True).data)

    @extend_schema(request=body_of(ContractForm, "ContractCreate"),
                   responses={201: ContractDetailSerializer})
    def post(self, request):
        region = request.user.region
        form = ContractForm(request.data, region=region)
        return _write(request, form, lambda data: services.create_contract(
            user=request.user, region=region, **data), contract_detail)


class ContractDetailView(ContractsAPIView):
    @extend_schema(responses=ContractDetailSerializer)
    def get(self, request, pk):
        return Response(contract_detail(get_in(screens.contracts_of(request.user), pk)))


class ContractExtendView(ContractsAPIView):
    @extend_schema(request=body_of(ExtendForm, "ContractExtend"),
                   responses={201: ContractDetailSerializer})
    def post(self, request, pk):
        contract = get_in(screens.contracts_of(request.user), pk)
        return _write(request, ExtendForm(request.data), lambda data: services.extend_contract(
            user=request.user, contract=contract, **data), lambda e: contract_detail(contract))


class ContractAwardView(ContractsAPIView):
    @extend_schema(request=body_of(AwardForm, "ContractAward"),
                   responses={201: ContractDetailSerializer})
    def post(self, request, pk):
        contract = get_in(screens.contracts_of(request.user), pk)
        form = AwardForm(request.data, contract=contract)
        return _write(request, form, lambda data: services.award_contract(
            user=request.user, contract=contract, **data), lambda a: contract_detail(contract))


class TariffCreateView(ContractsAPIView):
    @extend_schema(request=body_of(TariffForm, "TariffCreate"), responses={201: TariffSerializer})
    def post(self, request, pk):
        contract = get_in(screens.contracts_of(request.user), pk)
        form = TariffForm(request.data, contract=contract,
                          providers=screens.partners_for_choice(contract))
        return _write(request, form, lambda data: services.set_tariff(
            user=request.user, contract=contract, **{**data, "eenheid": data["eenheid"] or None}),
            lambda tariff: TariffSerializer(tariff).data)


class TariffIndexView(ContractsAPIView):
    @extend_schema(request=body_of(IndexForm, "TariffIndex"),
                   responses={201: TariffSerializer(many=True)})
    def post(self, request, pk):
        contract = get_in(screens.contracts_of(request.user), pk)
        return _write(request, IndexForm(request.data), lambda data: services.index_tariffs(
            user=request.user, contract=contract, **data),
            lambda tariffs: TariffSerializer(tariffs, many=True).data)


# --- ceilings ------------------------------------------------------------------------------------

class CeilingOverviewView(ContractsAPIView):
    """Every ceiling of your region for a year: budget, committed, spent, forecast, status
    (the figures of the screen and the exports)."""

    @extend_schema(parameters=[YEAR], responses=CeilingOverviewSerializer,
                   operation_id="contracts_ceiling_overview")
    def get(self, request):
        overview = screens.ceiling_overview(request.user.region,
                                            screens.year_from(request.query_params.get("year")))
        return Response(CeilingOverviewSerializer({**vars(overview),
                                            "region": str(overview.region or "")}).data)

    @extend_schema(request=body_of(CeilingForm, "CeilingSet"),
                   responses={201: CeilingRowSerializer})
    def post(self, request):
        region = request.user.region
        form = CeilingForm(request.data, region=region)
        return _write(request, form, lambda data: services.set_ceiling(
            user=request.user, region=region, **form.service_kwargs()),
            lambda ceiling: row_data(ceiling))


class CeilingDetailView(ContractsAPIView):
    @extend_schema(responses=CeilingDetailSerializer)
    def get(self, request, pk):
        ceiling = get_in(screens.ceilings_of(request.user), pk)
        parts = screens.breakdown(ceiling)
        return Response(CeilingDetailSerializer({
            "figures": screens.row_of(budget.ceiling_figures(ceiling)),
            "per_municipality": parts["municipality"], "per_provider": parts["provider"]}).data)


class CeilingDrilldownView(ContractsAPIView):
    """Counts for every reader; the lines and toewijzingen of youths in your scope only with
    youth access (each youth shown is logged)."""

    @extend_schema(responses=CeilingDrilldownSerializer)
    def get(self, request, pk):
        ceiling = get_in(screens.ceilings_of(request.user), pk)
        behind = screens.drilldown(request.user, ceiling,
                                   purpose=Purpose.CEILING_DRILLDOWN_API, request=request)
        return Response(CeilingDrilldownSerializer({
            **vars(behind),
            "lines": [{"id": line.pk, "youth": line.youth_id, "provider": line.provider.agb_code,
                       "product": f"{line.product_categorie}{line.product_code}",
                       "begindatum": line.begindatum, "einddatum": line.einddatum,
                       "toegekend": str(line.toegekend)} for line in behind.lines],
            "toewijzingen": [{"id": t.pk, "youth": t.youth_id, "provider": t.provider.agb_code,
                              "toewijzing_nummer": t.toewijzing_nummer,
                              "product": f"{t.product_categorie}{t.product_code}",
                              "ingangsdatum": t.ingangsdatum, "einddatum": t.einddatum,
                              "volume": t.volume} for t in behind.toewijzingen]}).data)


class CeilingExportView(ContractsAPIView):
    """The ceiling overview as a file, the same as the screen's download."""

    kind = ""

    @extend_schema(parameters=[YEAR], responses={(200, "application/octet-stream"): bytes})
    def get(self, request):
        overview = screens.ceiling_overview(request.user.region,
                                            screens.year_from(request.query_params.get("year")))
        return exports.response(overview, self.kind)


# --- conversion tables ---------------------------------------------------------------------------

class ConversionTableListView(ContractsAPIView):
    @extend_schema(responses=inline_serializer("ConversionTable", {
        "id": serializers.IntegerField(), "name": serializers.CharField(),
        "effective_date": serializers.DateField()}, many=True))
    def get(self, request):
        return Response([{"id": t.pk, "name": t.name, "effective_date": t.effective_date}
                         for t in screens.conversion_tables_of(request.user)])


class ConversionApplyView(ContractsAPIView):
    @extend_schema(request=body_of(ConversionForm, "ConversionApply"),
                   responses={201: ConversionReportSerializer})
    def post(self, request, pk):
        table = get_in(screens.conversion_tables_of(request.user), pk)
        return _write(request, ConversionForm(request.data),
                      lambda data: conversion.apply_conversion(user=request.user, table=table,
                                                               **data),
                      lambda run: ConversionReportSerializer(report_of(run)).data)


class ConversionRunView(ContractsAPIView):
    @extend_schema(responses=ConversionReportSerializer)
    def get(self, request, pk):
        run = get_in(screens.conversion_runs_of(request.user), pk)
        return Response(ConversionReportSerializer(report_of(run)).data)


urlpatterns = [
    path("contracts/", ContractListView.as_view(), name="api-contracts"),
    path("contracts/<int:pk>/", ContractDetailView.as_view(), name="api-contract"),
    path("contracts/<int:pk>/extend/", ContractExtendView.as_view(), name="api-contract-extend"),
    path("contracts/<int:pk>/award/", ContractAwardView.as_view(), name="api-contract-award"),
    path("contracts/<int:pk>/tariffs/", TariffCreateView.as_view(), name="api-tariff-create"),
    path("contracts/<int:pk>/tariffs/index/", TariffIndexView.as_view(),
         name="api-tariff-index"),
    path("ceilings/", CeilingOverviewView.as_view(), name="api-ceilings"),
    path("ceilings/export.xlsx", CeilingExportView.as_view(kind="xlsx"),
         name="api-ceilings-xlsx"),
    path("ceilings/export.pdf", CeilingExportView.as_view(kind="pdf"), name="api-ceilings-pdf"),
    path("ceilings/<int:pk>/", CeilingDetailView.as_view(), name="api-ceiling"),
    path("ceilings/<int:pk>/drilldown/", CeilingDrilldownView.as_view(),
         name="api-ceiling-drilldown"),
    path("conversion-tables/", ConversionTableListView.as_view(), name="api-conversion-tables"),
    path("conversion-tables/<int:pk>/apply/", ConversionApplyView.as_view(),
         name="api-conversion-apply"),
    path("conversion-runs/<int:pk>/", ConversionRunView.as_view(), name="api-conversion-run"),
]
