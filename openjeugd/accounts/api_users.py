"""/api/accounts/users/: the regional user administration through the API.

Same service and same scope as the screens: users outside the admin's region, superusers and
staff answer 404; scope objects outside the region answer 400 naming the field.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from openjeugd.accounts import policy, selectors_users, services
from openjeugd.accounts.drf import PolicyPermission
from openjeugd.accounts.models import User
from openjeugd.accounts.roles import Role
from openjeugd.registry.models import Municipality, Provider


class UserSerializer(serializers.ModelSerializer):
    # Any municipality or provider is accepted here; the service refuses those outside the
    # admin's region with a message naming the field.
    role = serializers.ChoiceField(choices=Role.choices)
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    municipality = serializers.SlugRelatedField(
        slug_field="code", queryset=Municipality.objects.all(), required=False, allow_null=True)
    provider = serializers.SlugRelatedField(
        slug_field="agb_code", queryset=Provider.objects.all(), required=False, allow_null=True)

    class Meta:
        model = User
        fields = ["id", "username", "first_name", "last_name", "email", "role", "region",
                  "municipality", "provider", "is_active", "last_login"]
        read_only_fields = ["id", "region", "is_active", "last_login"]


class UserUpdateSerializer(UserSerializer):
    class Meta(UserSerializer.Meta):
        read_only_fields = UserSerializer.Meta.read_only_fields + ["username"]


def _as_api_error(error: DjangoValidationError) -> ValidationError:
    return ValidationError(error.message_dict if hasattr(error, "error_dict")
                           else {"non_field_errors": error.messages})


class UserViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin,
                  viewsets.ReadOnlyModelViewSet):
    """Users of your region (?role=, ?active=true|false); create, PATCH, deactivate,
    reactivate and reset-password (answers a one-time set-password link)."""

    permission_classes = [PolicyPermission]
    perm = policy.Perm.MANAGE_USERS
    http_method_names = ["get", "post", "patch", "head", "options"]
    lookup_value_regex = r"\d+"

    def get_serializer_class(self):
        return UserUpdateSerializer if self.action == "partial_update" else UserSerializer

    def get_queryset(self):
        params = self.request.query_params
        active = {"true": True, "false": False}.get(params.get("active", "").lower())
        return selectors_users.search_users(self.request.user, role=params.get("role", ""),
                                            active=active)

    def perform_create(self, serializer):
        try:
            serializer.instance = services.create_user(
                actor=self.request.user, request=self.request, **serializer.validated_data)
        except DjangoValidationError as error:
            raise _as_api_error(error) from error

    def perform_update(self, serializer):
        try:
            services.update_user(actor=self.request.user, user=serializer.instance,
                                 request=self.request, **serializer.validated_data)
        except DjangoValidationError as error:
            raise _as_api_error(error) from error

    def _set_active(self, request, active: bool):
        try:
            user = services.set_active(actor=request.user, user=self.get_object(),
                                       active=active, request=request)
        except DjangoValidationError as error:
            raise _as_api_error(error) from error
        return Response(UserSerializer(user).data)

    @action(detail=True, methods=["post"])
    def deactivate(self, request, pk=None):
        return self._set_active(request, False)

    @action(detail=True, methods=["post"])
    def reactivate(self, request, pk=None):
        return self._set_active(request, True)

    @action(detail=True, methods=["post"], url_path="reset-password")
    def reset_password(self, request, pk=None):
        try:
            path = services.issue_set_password_link(actor=request.user, user=self.get_object(),
                                                    request=request)
        except DjangoValidationError as error:
            raise _as_api_error(error) from error
        response = Response({"set_password_link": request.build_absolute_uri(path)},
                            status=status.HTTP_201_CREATED)
        response["Cache-Control"] = "no-store"
        return response


router = SimpleRouter()
router.register("users", UserViewSet, basename="api-user")
urlpatterns = router.urls
