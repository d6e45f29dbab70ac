"""Django's admin on a site that also asks for a verified second factor."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class VerifiedAdminSite(admin.AdminSite):
    """The admin only for staff who passed two-factor authentication in this session.

    The two-factor middleware already sends such users to the token page; this is the second
    lock, in case a route is ever exempted from the middleware by mistake.
    """

    def has_permission(self, request):
        is_verified = getattr(request.user, "is_verified", None)
        return super().has_permission(request) and bool(is_verified and is_verified())


class AdminConfig(DjangoAdminConfig):
    default_site = "openjeugd.core.admin_site.VerifiedAdminSite"
