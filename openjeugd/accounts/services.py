"""Writes to user accounts by a regional administrator.

Every function: keyword-only arguments, the actor's region checked, the model's clean(), one
transaction, an access-log record, and the object back. The actor can only ever work on users
of its own region, never on superusers or staff, and never create them.
"""

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from openjeugd.accounts import audit
from openjeugd.accounts.models import User
from openjeugd.accounts.roles import SCOPE_OF_ROLE, Role, ScopeKind

PURPOSE = "user administration"
PROFILE_FIELDS = {"first_name", "last_name", "email"}
SCOPE_FIELDS = {"role", "municipality", "provider"}


def create_user(*, actor, username: str, role: str, first_name: str = "", last_name: str = "",
                email: str = "", municipality=None, provider=None, request=None) -> User:
    """A new user of the actor's region, without a usable password: the actor hands over a
    one-time set-password link (see `issue_set_password_link`)."""
    _require_region(actor)
    user = User(username=username, first_name=first_name, last_name=last_name, email=email,
                role=role, region_id=actor.region_id)
    _set_scope(actor, user, role=role, municipality=municipality, provider=provider)
    user.set_unusable_password()
    return _save(actor, user, "create", request=request)


def update_user(*, actor, user: User, request=None, **changes) -> User:
    """Change name, e-mail, role or scope of a user of the actor's region."""
    _require_managed(actor, user)
    unknown = set(changes) - PROFILE_FIELDS - SCOPE_FIELDS
    if unknown:
        raise TypeError(f"Cannot change {', '.join(sorted(unknown))} of a user.")
    # The actor is a regional admin of this region; its scope is the region, so only the
    # role could change, and giving it up could leave the region without an administrator.
    if user.pk == actor.pk and changes.get("role", user.role) != user.role:
        raise ValidationError({"role": _("You cannot change your own role.")})
    for name in PROFILE_FIELDS & changes.keys():
        setattr(user, name, changes[name])
    if changes.keys() & SCOPE_FIELDS:
        _set_scope(actor, user, role=changes.get("role", user.role),
                   municipality=changes.get("municipality", user.municipality),
                   provider=changes.get("provider", user.provider))
    return _save(actor, user, "update", request=request)


def set_active(*, actor, user: User, active: bool, request=None) -> User:
    """Deactivate (the user can no longer log in) or reactivate; never oneself."""
    _require_managed(actor, user)
    if user.pk == actor.pk and not active:
        raise ValidationError({"is_active": _("You cannot deactivate yourself.")})
    user.is_active = active
    return _save(actor, user, "update", request=request,
                 purpose=f"{PURPOSE}: {'reactivate' if active else 'deactivate'}")


def issue_set_password_link(*, actor, user: User, request=None) -> str:
    """Make the current password unusable and return a one-time link (a path) to set a new
    one. The token is bound to the password hash, so it stops working once used, once a
    newer link is issued, or after PASSWORD_RESET_TIMEOUT."""
    _require_managed(actor, user)
    if not user.is_active:
        raise ValidationError({"is_active": _("Reactivate the user before resetting the "
                                              "password.")})
    user.set_unusable_password()
    _save(actor, user, "update", request=request, purpose=f"{PURPOSE}: password reset link")
    return reverse("accounts:set-password", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user)})


def set_password(*, user: User, password: str, request=None) -> User:
    """The user sets a new password through a one-time link (validated by the form)."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        audit.record_object(user, "update", user, purpose=f"{PURPOSE}: password set via link",
                           request=request)
    return user


# --- helpers ----------------------------------------------------------------------------------

def _require_region(actor) -> None:
    if getattr(actor, "region_id", None) is None or actor.role != Role.REGIONAL_ADMIN:
        raise PermissionDenied("Only a regional administrator manages users.")


def _require_managed(actor, user: User) -> None:
    _require_region(actor)
    if user.region_id != actor.region_id or user.is_superuser or user.is_staff:
        raise PermissionDenied("This user is not managed from your region.")


def _set_scope(actor, user: User, *, role: str, municipality, provider) -> None:
    """Bind the user to the scope its role needs, within the actor's region only; the scope
    fields the role does not use are cleared, so a stale one can never widen access."""
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the roles.")})
    kind = SCOPE_OF_ROLE[role]
    user.role = role
    user.municipality = municipality if kind == ScopeKind.MUNICIPALITY else None
    user.provider = provider if kind == ScopeKind.PROVIDER else None
    if user.municipality is not None and user.municipality.region_id != actor.region_id:
        raise ValidationError({"municipality": _(
            "%(municipality)s is not a municipality of your region.")
            % {"municipality": user.municipality}})
    if user.provider is not None and not user.provider.regions.filter(
            pk=actor.region_id).exists():
        raise ValidationError({"provider": _(
            "%(provider)s is not registered for your region.") % {"provider": user.provider}})


def _save(actor, user: User, action: str, *, request=None, purpose: str = PURPOSE) -> User:
    with transaction.atomic():
        user.full_clean()
        user.save()
        audit.record_object(actor, action, user, purpose=purpose, request=request)
    return user
