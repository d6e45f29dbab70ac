"""Read-only registry API; PATCH of population figures for CHANGE_REGISTRY.

Youth endpoints read through accounts.policy, exactly like the web pages, so every youth
shown is in the access log.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter

from openjeugd.accounts import policy
from openjeugd.accounts.drf import PolicyPermission
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.registry import selectors, selectors_region, services
from openjeugd.registry.models import (
    CertifiedInstitution,
    Facility,
    Municipality,
    Partnership,
    PartnershipMember,
    Provider,
    Region,
    Team,
    Youth,
)


def id_param(params, name: str) -> int | None:
    """A numeric id filter from the query string; anything else is a 400 naming the field."""
    value = params.get(name, "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        raise ValidationError({name: [f"Expected a numeric id, got {value[:20]!r}."]})
    return int(value)


class RegistryViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [PolicyPermission]
    read_perm = Perm.VIEW_REGISTRY


# --- serializers ------------------------------------------------------------------------------

class RegionSerializer(serializers.ModelSerializer):
    municipality_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Region
        fields = ["id", "name", "slug", "municipality_count"]


class MunicipalitySerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Municipality
        fields = ["id", "code", "name", "province", "region", "active", "population_total",
                  "population_0_17", "population_source", "population_is_estimate"]
        read_only_fields = ["id", "code", "name", "province", "region", "active"]


class FacilitySerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)
    provider = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)

    class Meta:
        model = Facility
        fields = ["id", "name", "provider", "kind", "kind_display", "municipality", "places",
                  "group_size", "age_min", "age_max"]


class MemberSerializer(serializers.ModelSerializer):
    provider = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)
    provider_name = serializers.CharField(source="provider.name", read_only=True)

    class Meta:
        model = PartnershipMember
        fields = ["provider", "provider_name", "role"]


class PartnershipSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    members = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = Partnership
        fields = ["id", "name", "region", "members"]


class ProviderSerializer(serializers.ModelSerializer):
    regions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    facilities = FacilitySerializer(many=True, read_only=True)
    partnerships = serializers.SerializerMethodField()

    class Meta:
        model = Provider
        fields = ["id", "name", "agb_code", "kvk_number", "regions", "facilities",
                  "partnerships"]

    def get_partnerships(self, provider) -> list[dict]:
        return [{"id": m.partnership_id, "name": m.partnership.name, "role": m.role}
                for m in provider.memberships.all()]


class CertifiedInstitutionSerializer(serializers.ModelSerializer):
    regions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = CertifiedInstitution
        fields = ["id", "name", "agb_code", "regions"]


class TeamSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    municipalities = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Team
        fields = ["id", "name", "kind", "region", "municipalities"]


class YouthSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Youth
        fields = ["id", "bsn", "birth_date", "geslacht", "initials", "surname", "municipality"]


# --- viewsets ---------------------------------------------------------------------------------

class RegionViewSet(RegistryViewSet):
    serializer_class = RegionSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.regions()


class MunicipalityViewSet(mixins.UpdateModelMixin, RegistryViewSet):
    """Municipalities (?region=<slug>, ?active=false); PATCH changes population figures only."""

    serializer_class = MunicipalitySerializer
    write_perm = Perm.CHANGE_REGISTRY
    lookup_field = "code"
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        if self.request.method not in permissions.SAFE_METHODS:
            # Writes only within the own region; another region's municipality is 404.
            return selectors_region.municipalities_of(self.request.user)
        active = self.request.query_params.get("active", "true").lower() != "false"
        found = selectors.municipalities(active=active)
        if slug := self.request.query_params.get("region"):
            found = found.filter(region__slug=slug)
        return found

    def perform_update(self, serializer):
        municipality = serializer.instance
        figures = {name: serializer.validated_data.get(name, getattr(municipality, name))
                   for name in ("population_total", "population_0_17", "population_source",
                                "population_is_estimate")}
        try:
            services.update_population(user=self.request.user, municipality=municipality,
                                       request=self.request, **figures)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error


class ProviderViewSet(RegistryViewSet):
    serializer_class = ProviderSerializer

    def get_queryset(self):
        return selectors.providers_with_details()


class PartnershipViewSet(RegistryViewSet):
    serializer_class = PartnershipSerializer

    def get_queryset(self):
        return Partnership.objects.select_related("region").prefetch_related(
            "members__provider")


class FacilityViewSet(RegistryViewSet):
    """Facilities, optionally ?kind=<type> and ?provider=<id>."""

    serializer_class = FacilitySerializer

    def get_queryset(self):
        params = self.request.query_params
        return selectors.facilities(kind=params.get("kind", ""),
                                    provider_id=id_param(params, "provider"))


class CertifiedInstitutionViewSet(RegistryViewSet):
    serializer_class = CertifiedInstitutionSerializer
    queryset = CertifiedInstitution.objects.prefetch_related("regions")


class TeamViewSet(RegistryViewSet):
    """Teams, optionally ?kind= and ?region=<slug>."""

    serializer_class = TeamSerializer

    def get_queryset(self):
        found = selectors.teams(kind=self.request.query_params.get("kind", ""))
        if slug := self.request.query_params.get("region"):
            found = found.filter(region__slug=slug)
        return found


class YouthSearchSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=100, allow_blank=True,
                              help_text="A BSN or (part of) a surname.")


class YouthViewSet(RegistryViewSet):
    """Youths in your scope; every youth returned is logged as read. Search with POST
    `search/` so that no BSN ever appears in a URL (and in web-server logs)."""

    serializer_class = YouthSerializer
    read_perm = Perm.VIEW_YOUTH
    action_perms = {"search": Perm.VIEW_YOUTH}
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if "q" in self.request.query_params:
            raise ValidationError({"q": ["Search with POST /api/registry/youths/search/ so "
                                         "that no BSN lands in a URL."]})
        return selectors.youths_for(self.request.user)

    @extend_schema(request=YouthSearchSerializer, responses=YouthSerializer(many=True))
    @action(detail=False, methods=["post"])
    def search(self, request):
        query = YouthSearchSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        shown, hits = selectors.search_youths(request.user, query.validated_data["q"],
                                              request=request)
        return Response({"hits": hits,
                         "results": self.get_serializer(shown, many=True).data})

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        policy.log_youth_list(request.user, page, purpose=Purpose.YOUTH_LIST_API, request=request)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_object(self):
        # read_youth checks the scope and logs the read, or the refusal.
        return policy.read_youth(self.request.user, self.kwargs["pk"],
                                 purpose=Purpose.YOUTH_RECORD_API, request=self.request)


router = DefaultRouter()
router.register("regions", RegionViewSet, basename="api-region")
router.register("municipalities", MunicipalityViewSet, basename="api-municipality")
router.register("providers", ProviderViewSet, basename="api-provider")
router.register("partnerships", PartnershipViewSet, basename="api-partnership")
router.register("facilities", FacilityViewSet, basename="api-facility")
router.register("certified-institutions", CertifiedInstitutionViewSet,
                basename="api-certified-institution")
router.register("teams", TeamViewSet, basename="api-team")
router.register("youths", YouthViewSet, basename="api-youth")
urlpatterns = router.urls
