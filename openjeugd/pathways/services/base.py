from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import Http404
from django.utils.translation import gettext as _

from openjeugd.accounts import audit, policy
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.pathways.models import Case, CaseEvent, PathwayConfig


class Conflict(ValidationError):
    """Someone else saved the object after this user read it (optimistic locking)."""


def cases_visible_to(user):
    """Cases of the youths the policy lets this user see (local team of the municipality, the
    RET or brigade for youths registered with them, a provider for its current clients)."""
    return Case.objects.filter(youth__in=policy.youths_visible_to(user))


def case_for(user, case_id, *, purpose=Purpose.CASEWORK, request=None, write=True) -> Case:
    """The case in the user's scope (404 otherwise, logged as denied); writes need WORK_CASES."""
    policy.require(user, Perm.WORK_CASES if write else Perm.VIEW_YOUTH)
    found = (cases_visible_to(user).select_related("youth", "municipality")
             .filter(pk=case_id).first() if str(case_id).isdigit() else None)
    if found is None:
        audit.record(user, "denied", "pathways.Case", case_id, purpose=purpose, request=request)
        raise Http404(_("No such case in your scope."))
    if not write:
        audit.record_object(user, "read", found, purpose=purpose, request=request)
        audit.record(user, "read", "registry.Youth", found.youth_id, purpose=purpose,
                     request=request, owner_region_id=found.municipality.region_id)
    return found


def logged(user, action: str, obj, case: Case, *, purpose=Purpose.CASEWORK, request=None):
    """Access-log entry for a write of a case's object; the case's region owns it."""
    audit.record_object(user, action, obj, purpose=purpose, request=request,
                        owner_region_id=case.municipality.region_id)
    return obj


def event(case: Case, user, kind: str, text: str) -> CaseEvent:
    actor = user if getattr(user, "is_authenticated", False) else None
    return CaseEvent.objects.create(case=case, actor=actor, kind=kind, text=str(text)[:500])


def bump_version(obj, expected: int) -> None:
    """Claim the next version with one conditional UPDATE: 0 rows means another save came
    first. The row stays locked until the transaction ends, so nobody overwrites in between."""
    if expected is None:
        raise ValidationError({"version": _("The version you edited is required.")})
    claimed = type(obj).objects.filter(pk=obj.pk, version=expected).update(
        version=F("version") + 1)
    if not claimed:
        raise Conflict({"version": _(
            "Someone else saved this %(what)s after you opened it. Reload the page to see "
            "their changes, then make yours again.") % {"what": obj._meta.verbose_name}})
    obj.version = expected + 1


def config_of(case: Case) -> PathwayConfig:
    """The region's pathway; a region without one gets the defaults (all common steps)."""
    region_id = case.municipality.region_id
    return (PathwayConfig.objects.filter(region_id=region_id).first()
            or PathwayConfig(region_id=region_id))


def refuse(field: str, message: str):
    raise ValidationError({field: message})


def must_act_as_provider(user, provider) -> None:
    if policy.provider_agb(user) != provider.agb_code:
        raise PermissionDenied(_("Only staff of %(provider)s may do this.") % {
            "provider": provider})


def not_before(field: str, later, earlier, rule: str) -> None:
    """A date that must not lie before another ("a stop before a start")."""
    if later is not None and earlier is not None and later < earlier:
        refuse(field, rule)
