"""Step 8 (seed 004): one support profile × intensity per family, switches asked by the
hoofdaannemer and decided by the regisseur, every step logged on the case."""

from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from openjeugd.pathways import deadlines
from openjeugd.pathways.models import Case, Intensity, ProfileSwitchRequest, SupportProfile

from .base import config_of, event, logged, must_act_as_provider, not_before, refuse


def _check_acuut(case: Case, intensity: str, valid_from: date, valid_to: date | None) -> None:
    if intensity != Intensity.ACUUT:
        return
    limit = config_of(case).acuut_max_days
    # seed 004 "Tijdens de periode waarin spoedeisende hulp wordt geboden - maximaal 14 dagen"
    if valid_to is None or deadlines.acuut_days(valid_from, valid_to) > limit:
        refuse("valid_to", _("Acuut lasts at most %(days)s days (seed 004): give an end date "
                             "within them.") % {"days": limit})


@transaction.atomic
def assign_profile(user, *, case: Case, profile: int, intensity: str, hoofdaannemer,
                   valid_from: date, valid_to: date | None = None,
                   stacking_consent_by: str = "") -> SupportProfile:
    """seed 004 "één ondersteuningsprofiel ... en dus één tarief per gezin"; a second current
    profile (stapeling) only "mits afgestemd met de regisseur"."""
    if not config_of(case).profile_model:
        refuse("profile", _("This region's pathway does not work with support profiles."))
    if not 1 <= int(profile) <= 10:
        refuse("profile", _("A support profile is a number from 1 to 10."))
    not_before("valid_to", valid_to, valid_from, _("A stop cannot come before the start."))
    _check_acuut(case, intensity, valid_from, valid_to)
    current = SupportProfile.objects.select_for_update().filter(case=case, valid_to=None)
    if current.exists() and not stacking_consent_by.strip():
        refuse("stacking_consent_by", _("One profile per family (seed 004): a second profile "
                                        "needs the regisseur's consent."))
    item = SupportProfile.objects.create(
        case=case, profile=profile, intensity=intensity, hoofdaannemer=hoofdaannemer,
        valid_from=valid_from, valid_to=valid_to, stacking_consent_by=stacking_consent_by.strip())
    event(case, user, "profile", _("Profile %(profile)s / %(intensity)s, hoofdaannemer "
                                   "%(provider)s") % {
        "profile": profile, "intensity": item.get_intensity_display(), "provider": hoofdaannemer})
    return logged(user, "create", item, case)


@transaction.atomic
def request_switch(user, *, current: SupportProfile, requested_on: date, profile: int,
                   intensity: str, evidence: str) -> ProfileSwitchRequest:
    """seed 004 "Wanneer er voor de hoofdaannemer aantoonbaar gemaakte redenen zijn ...
    De bewijslast in deze ligt bij de aanbieder." Only the hoofdaannemer's staff ask."""
    must_act_as_provider(user, current.hoofdaannemer)
    if current.valid_to is not None:
        refuse("current", _("This profile has ended; there is nothing to switch."))
    if not evidence.strip():
        refuse("evidence", _("The hoofdaannemer gives the evidence for a switch (seed 004)."))
    if (int(profile), intensity) == (current.profile, current.intensity):
        refuse("profile", _("The requested combination equals the current one."))
    if current.switch_requests.filter(status=ProfileSwitchRequest.Status.REQUESTED).exists():
        refuse("current", _("A switch request for this profile is already waiting."))
    switch = ProfileSwitchRequest.objects.create(
        current=current, requested_by=current.hoofdaannemer, requested_on=requested_on,
        profile=profile, intensity=intensity, evidence=evidence.strip())
    event(current.case, user, "profile_switch", _("Switch to profile %(p)s / %(i)s requested by "
                                                  "%(provider)s") % {
        "p": profile, "i": switch.get_intensity_display(), "provider": current.hoofdaannemer})
    return logged(user, "create", switch, current.case)


@transaction.atomic
def decide_switch(user, *, switch: ProfileSwitchRequest, approve: bool, decided_on: date,
                  reason: str = "", acuut_to: date | None = None) -> ProfileSwitchRequest:
    """The regisseur approves or refuses ("na toestemming van de regisseur"). An approval ends
    the current profile the day before and starts the requested one."""
    switch = ProfileSwitchRequest.objects.select_for_update().get(pk=switch.pk)
    current, case = switch.current, switch.current.case
    if switch.status != ProfileSwitchRequest.Status.REQUESTED:
        refuse("switch", _("This request has already been decided."))
    not_before("decided_on", decided_on, switch.requested_on,
               _("A decision cannot come before the request."))
    if not approve and not reason.strip():
        refuse("reason", _("Give the reason of a refusal."))
    if approve:
        not_before("decided_on", decided_on - timedelta(days=1), current.valid_from,
                   _("A switch needs at least one day of the current profile."))
        _check_acuut(case, switch.intensity, decided_on, acuut_to)
        current.valid_to = decided_on - timedelta(days=1)
        current.save(update_fields=["valid_to"])
        switch.result = SupportProfile.objects.create(
            case=case, profile=switch.profile, intensity=switch.intensity,
            hoofdaannemer=current.hoofdaannemer, valid_from=decided_on, valid_to=acuut_to)
    switch.status = (ProfileSwitchRequest.Status.APPROVED if approve
                     else ProfileSwitchRequest.Status.REFUSED)
    switch.decided_on, switch.decided_by, switch.decision_reason = decided_on, user, reason
    switch.save(update_fields=["status", "decided_on", "decided_by", "decision_reason",
                               "result"])
    event(case, user, "profile_switch", (_("Switch approved by the regisseur") if approve
                                         else _("Switch refused by the regisseur: %(reason)s")
                                         % {"reason": reason}))
    return logged(user, "update", switch, case)
