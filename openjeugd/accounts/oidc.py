"""Optional municipal single sign-on (mozilla-django-oidc), see docs/oidc.md.

The identity provider only proves *who* someone is. Accounts, roles and scopes remain the
regional admin's: a login is matched to one existing, active account and never creates one.
"""

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class MatchingOIDCBackend(OIDCAuthenticationBackend):
    def _match(self, claims) -> tuple[str, str]:
        field, claim = settings.OIDC_MATCH_FIELD, settings.OIDC_MATCH_CLAIM
        return field, str(claims.get(claim) or "").strip()

    def verify_claims(self, claims):
        return bool(self._match(claims)[1])

    def describe_user_by_claims(self, claims):
        field, value = self._match(claims)
        return f"{field} {value}"

    def filter_users_by_claims(self, claims):
        field, value = self._match(claims)
        if not value:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(**{f"{field}__iexact": value, "is_active": True})

    def create_user(self, claims):
        # Belt and braces next to OIDC_CREATE_USER=False: nobody gets a role by logging in.
        return None

    def update_user(self, user, claims):
        # Name, role and scope are managed in Open Jeugd, not copied from the identity provider.
        return user
