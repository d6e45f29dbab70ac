"""The one DRF permission class: every API view names the policy permission it needs."""

from rest_framework import permissions

from openjeugd.accounts import policy


class PolicyPermission(permissions.BasePermission):
    """Reads need the view's `read_perm` (or `perm`); writes need `write_perm` (or `perm`; a
    view with neither refuses writes). `action_perms[action]` overrides both for one action
    of a viewset. A tuple of permissions means any one of them."""

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        perm = self._perm(request, view)
        perms = perm if isinstance(perm, tuple) else (perm,)
        return any(p is not None and policy.has_perm(request.user, p) for p in perms)

    @staticmethod
    def _perm(request, view):
        action_perms = getattr(view, "action_perms", {})
        action = getattr(view, "action", None)
        if action in action_perms:
            return action_perms[action]
        if request.method in permissions.SAFE_METHODS:
            return getattr(view, "read_perm", None) or getattr(view, "perm", None)
        return getattr(view, "write_perm", None) or getattr(view, "perm", None)
