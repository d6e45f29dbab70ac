"""Steps 10 and 11: outflow and aftercare, measurements."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openjeugd.pathways.models import Case, Measurement, OutflowPlan

from .base import bump_version, event, logged, not_before, refuse
from .cases import _advance
from .expert_team import register


def outflow_plan(case: Case) -> OutflowPlan:
    plan, _created = OutflowPlan.objects.get_or_create(case=case)
    return plan


@transaction.atomic
def plan_outflow(user, *, case: Case, version: int, planned_outflow_on: date | None,
                 follow_up_place: str = "", follow_up_arranged_on: date | None = None,
                 toekomstplan_on: date | None = None, mdo_informed_on: date | None = None,
                 outflowed_on: date | None = None) -> OutflowPlan:
    plan = outflow_plan(case)
    first_stay = case.placements.order_by("started_on").first()
    if first_stay is not None:
        not_before("planned_outflow_on", planned_outflow_on, first_stay.started_on,
                   _("The planned outflow cannot come before the placement started."))
    if follow_up_arranged_on and not follow_up_place.strip():
        refuse("follow_up_place", _("Name the follow-up place that was arranged."))
    not_before("follow_up_arranged_on", timezone.localdate(), follow_up_arranged_on,
               _("A follow-up place cannot be arranged in the future."))
    bump_version(plan, version)
    plan.planned_outflow_on, plan.follow_up_place = planned_outflow_on, follow_up_place.strip()
    plan.follow_up_arranged_on, plan.toekomstplan_on = follow_up_arranged_on, toekomstplan_on
    plan.mdo_informed_on, plan.outflowed_on = mdo_informed_on, outflowed_on
    plan.save(update_fields=["planned_outflow_on", "follow_up_place", "follow_up_arranged_on",
                             "toekomstplan_on", "mdo_informed_on", "outflowed_on"])
    _advance(case, Case.Phase.OUTFLOW)
    event(case, user, "outflow", _("Outflow plan updated"))
    return logged(user, "update", plan, case)


@transaction.atomic
def register_without_follow_up(user, *, case: Case, registered_on: date) -> OutflowPlan:
    """seed 000 §8 "Is er geen passend aanbod voor een individueel kind, dan wordt er een
    aanmelding gedaan bij het RET"."""
    plan = outflow_plan(case)
    if plan.follow_up_arranged_on:
        refuse("case", _("A follow-up place has been arranged: no new registration needed."))
    plan.new_registration = register(user, case=case, registered_on=registered_on,
                                      for_outflow=True)
    plan.save(update_fields=["new_registration"])
    return plan


@transaction.atomic
def record_measurement(user, *, case: Case, moment: str, informant: str, measured_on: date,
                       tevredenheid: int | None = None,
                       doelrealisatie: str = "") -> Measurement:
    """CBS protocol §4.3 (rapportcijfer 1–10), §4.4 (codes 01–04), §4.5 (type informant)."""
    if tevredenheid is not None and not 1 <= tevredenheid <= 10:
        refuse("tevredenheid", _("Satisfaction is a report mark from 1 to 10 (CBS §4.3)."))
    if doelrealisatie and doelrealisatie not in Measurement.Doelrealisatie.values:
        refuse("doelrealisatie", _("Goal realisation is one of the codes 01–04 (CBS §4.4)."))
    if tevredenheid is None and not doelrealisatie:
        refuse("tevredenheid", _("A measurement has a satisfaction mark or a goal "
                                 "realisation code."))
    not_before("measured_on", timezone.localdate(), measured_on,
               _("A measurement cannot be in the future."))
    not_before("measured_on", measured_on, case.opened_on,
               _("A measurement cannot come before the case was opened."))
    try:
        with transaction.atomic():
            item = Measurement.objects.create(
                case=case, moment=moment, informant=informant, measured_on=measured_on,
                tevredenheid=tevredenheid, doelrealisatie=doelrealisatie)
    except IntegrityError:
        refuse("moment", _("This moment has already been measured by this informant (CBS: "
                           "one measurement by the youth and one by a parent)."))
    event(case, user, "measurement", _("Measurement %(moment)s recorded") % {
        "moment": item.get_moment_display()})
    return logged(user, "create", item, case)
