"""Steps 1, 2 and 9: opening a case, the request for help and its triage, the referral, and
the regie roles with their hand-overs."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openjeugd.accounts import policy
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import codes
from openjeugd.pathways.models import (
    LIFE_DOMAINS,
    Case,
    Referral,
    RegieRole,
    RequestForHelp,
    RequestOutcome,
)
from openjeugd.registry.models import Youth

from .base import bump_version, config_of, event, logged, not_before, refuse

LEGAL_REFERRERS = {"01", "02", "03", "04", "05", "08"}  # COD327 without 06 (zelfverwijzer)


@transaction.atomic
def open_case(user, *, opened_on: date, youth_id: int | None = None, new_youth: dict | None = None,
              request=None) -> Case:
    """Open a case for a youth the user may see, or for a new youth of the user's own
    municipality (new_youth: bsn, birth_date, initials, surname)."""
    policy.require(user, Perm.WORK_CASES)
    if youth_id is not None:
        youth = policy.read_youth(user, youth_id, purpose=Purpose.CASEWORK, request=request)
    else:
        youth = _register_youth(user, new_youth or {}, request)
    not_before("opened_on", timezone.localdate(), opened_on,
               _("A case cannot be opened in the future."))
    if Case.objects.filter(youth=youth, municipality=youth.municipality,
                           closed_on__isnull=True).exists():
        refuse("youth", _("This youth already has an open case in this municipality: one open "
                          "case per youth and municipality."))
    case = Case.objects.create(youth=youth, municipality=youth.municipality, opened_on=opened_on,
                               responsible=user, created_by=user)
    event(case, user, "opened", _("Case opened"))
    return logged(user, "create", case, case, request=request)


def _register_youth(user, data: dict, request) -> Youth:
    if user.municipality_id is None:
        refuse("youth", _("Only a local team of a municipality registers a new youth."))
    youth = Youth(municipality=user.municipality, **data)
    # Youth.clean: "Date of birth cannot be in the future."; BSN 11-proef by its validator.
    youth.full_clean(validate_unique=False)
    if Youth.objects.filter(bsn=youth.bsn, municipality=youth.municipality).exists():
        refuse("bsn", _("A youth with this BSN is already registered in your municipality: "
                        "open the case from that youth."))
    youth.save()
    logged(user, "create", youth, _CaseOf(youth), request=request)
    return youth


class _CaseOf:
    """Enough of a case to log the youth's creation before the case exists."""

    def __init__(self, youth):
        self.municipality = youth.municipality


@transaction.atomic
def update_case(user, *, case: Case, version: int, responsible=None, phase: str | None = None,
                closed_on: date | None = None) -> Case:
    if responsible is not None and not policy.youths_visible_to(responsible).filter(
            pk=case.youth_id).exists():
        refuse("responsible", _("The responsible professional must be allowed to see this "
                                "youth (same municipality or registered team)."))
    not_before("closed_on", closed_on, case.opened_on,
               _("A case cannot close before it was opened."))
    bump_version(case, version)
    case.responsible = responsible or case.responsible
    case.phase = Case.Phase.CLOSED if closed_on else (phase or case.phase)
    case.closed_on = closed_on
    case.save(update_fields=["responsible", "phase", "closed_on"])
    event(case, user, "updated", _("Case updated (phase %(phase)s)") % {
        "phase": case.get_phase_display()})
    return logged(user, "update", case, case)


@transaction.atomic
def record_request(user, *, case: Case, channel: str, received_on: date, question: str = "",
                   domains: dict | None = None) -> RequestForHelp:
    not_before("received_on", timezone.localdate(), received_on,
               _("A request cannot be received in the future."))
    not_before("received_on", received_on, case.opened_on,
               _("A request cannot be received before the case was opened."))
    domains = domains or {}
    unknown = set(domains) - set(LIFE_DOMAINS)
    if unknown:
        refuse("domains", _("Unknown life domain(s): %(names)s.") % {
            "names": ", ".join(sorted(unknown))})
    item = RequestForHelp(case=case, channel=channel, received_on=received_on,
                          question=question, **domains)
    item.full_clean()
    item.save()
    event(case, user, "request", _("Request for help received (%(channel)s)") % {
        "channel": item.get_channel_display()})
    return logged(user, "create", item, case)


@transaction.atomic
def triage(user, *, item: RequestForHelp, version: int, urgency: str, speed: str,
           assigned_to, triaged_on: date, outcomes: list[str]) -> RequestForHelp:
    """seed 003 "Triage is de beoordeling van de urgentie ... met welke snelheid ... welke
    professional"; outcomes may be combined (issue #10 step 1)."""
    case = item.case
    if not config_of(case).has_triage:
        refuse("item", _("This region's pathway has no triage step."))
    not_before("triaged_on", triaged_on, item.received_on,
               _("Triage cannot come before the request was received."))
    if not policy.youths_visible_to(assigned_to).filter(pk=case.youth_id).exists():
        refuse("assigned_to", _("The assigned professional must be allowed to see this youth."))
    valid = set(RequestOutcome.Outcome.values)
    if not outcomes or set(outcomes) - valid:
        refuse("outcomes", _("Choose one or more outcomes of the request."))
    if RequestOutcome.Outcome.NO_CARE in outcomes and len(set(outcomes)) > 1:
        refuse("outcomes", _("'No care needed' cannot be combined with another outcome."))
    bump_version(item, version)
    item.urgency, item.speed, item.assigned_to, item.triaged_on = (urgency, speed, assigned_to,
                                                                   triaged_on)
    item.full_clean(exclude=["case"])
    item.save(update_fields=["urgency", "speed", "assigned_to", "triaged_on"])
    item.outcomes.all().delete()
    RequestOutcome.objects.bulk_create(
        RequestOutcome(request=item, outcome=o) for o in sorted(set(outcomes)))
    if case.responsible_id != assigned_to.pk:
        Case.objects.filter(pk=case.pk).update(responsible=assigned_to)
    event(case, user, "triage", _("Triage: urgency %(urgency)s, speed %(speed)s") % {
        "urgency": item.get_urgency_display(), "speed": item.get_speed_display()})
    return logged(user, "update", item, case)


@transaction.atomic
def refer(user, *, case: Case, referrer_code: str, referrer_name: str, referred_on: date,
          target: str, product_categorie: str = "", product_code: str = "",
          reason: str = "") -> Referral:
    if referrer_code not in LEGAL_REFERRERS:
        refuse("referrer_code", _("A referral needs a legal referrer (iJw COD327: gemeente, "
                                  "huisarts, jeugdarts, GI, medisch specialist, rechter/OvJ)."))
    not_before("referred_on", referred_on, case.opened_on,
               _("A referral cannot come before the case was opened."))
    if target == Referral.Target.PRODUCT and not codes.is_valid_code("JZ020", product_categorie):
        refuse("product_categorie", _("A referral to a product names its product category "
                                      "(iJw JZ020)."))
    if target == Referral.Target.EXPERT_TEAM and not config_of(case).has_expert_team:
        refuse("target", _("This region's pathway has no expert team."))
    referral = Referral(case=case, referrer_code=referrer_code, referrer_name=referrer_name,
                        referred_on=referred_on, target=target,
                        product_categorie=product_categorie, product_code=product_code,
                        reason=reason)
    referral.full_clean()
    referral.save()
    _advance(case, Case.Phase.REFERRAL)
    event(case, user, "referral", _("Referred by %(referrer)s to %(target)s") % {
        "referrer": codes.meaning("COD327", referrer_code),
        "target": referral.get_target_display()})
    return logged(user, "create", referral, case)


_ORDER = list(Case.Phase.values)


def _advance(case: Case, phase: str) -> None:
    """Move the case forward, never back (a later step may be recorded first)."""
    if _ORDER.index(phase) > _ORDER.index(case.phase):
        Case.objects.filter(pk=case.pk).update(phase=phase)
        case.phase = phase


@transaction.atomic
def assign_regie(user, *, case: Case, kind: str, phase: str, holder_name: str,
                 valid_from: date, organisation: str = "", holder=None) -> RegieRole:
    """A new holder of a regie role; the current one hands over on the same day."""
    if holder is not None and holder.role == Role.BRIGADE_MEMBER:
        # seed 000 §6.1 "De mobiele brigade neemt de regie over de zorg niet over"
        refuse("holder", _("The mobile brigade does not take over regie (seed 000)."))
    current = RegieRole.objects.select_for_update().filter(case=case, kind=kind,
                                                           valid_to=None).first()
    if current is not None:
        not_before("valid_from", valid_from, current.valid_from,
                   _("A hand-over cannot come before the current holder started."))
        current.valid_to = valid_from
        current.save(update_fields=["valid_to"])
    role = RegieRole(case=case, kind=kind, phase=phase, holder_name=holder_name,
                     organisation=organisation, user=holder, valid_from=valid_from,
                     handed_over_from=current)
    role.full_clean(exclude=["handed_over_from"])
    try:
        with transaction.atomic():
            role.save()
    except IntegrityError as error:
        raise ValidationError({"kind": _("Someone else assigned this role at the same time.")}
                              ) from error
    text = (_("%(role)s handed over from %(old)s to %(new)s") if current else
            _("%(role)s: %(new)s")) % {"role": role.get_kind_display(),
                                        "old": current.holder_name if current else "",
                                        "new": holder_name}
    event(case, user, "regie", text)
    return logged(user, "create", role, case)
