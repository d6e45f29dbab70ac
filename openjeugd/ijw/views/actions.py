"""Screens for the actions of services.actions: assign, change and answer (municipality);
request an assignment or a change, start, stop and declare (provider)."""

from datetime import timedelta

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from openjeugd.accounts import policy
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw import clock, selectors
from openjeugd.ijw.forms import actions as forms
from openjeugd.ijw.models import Start, Toewijzing, Verzoek
from openjeugd.ijw.services import actions

from .acting import act


def _youth(request, pk, purpose):
    return policy.read_youth(request.user, pk, purpose=purpose, request=request)


def _record(request, model, pk, purpose):
    """A toewijzing, start or verzoek in the user's scope whose youth the user may see; any
    other answers 404, as if it did not exist."""
    record = get_object_or_404(policy.in_scope(model.objects.all(), request.user), pk=pk)
    _youth(request, record.youth_id, purpose)
    return record


def _timeline(youth_id) -> str:
    return reverse("ijw:youth-timeline", args=[youth_id])


@requires(Perm.EXCHANGE_MESSAGES)
def assign(request, pk):
    youth = _youth(request, pk, Purpose.TOEWIJZING)
    actions.require_municipality_sender(request.user, youth.municipality)
    form = forms.AssignForm(request.POST or None,
                            providers=selectors.providers_for_assignment(youth.municipality))

    def fields(data):
        return {"youth_id": youth.pk, **data}

    return act(request, form, title=_("Assign care (JW301)"), about=str(youth),
               back=_timeline(youth.pk),
               preview=lambda data: actions.preview_assign(request.user, **fields(data)),
               send=lambda data: actions.assign(request.user, **fields(data)))


@requires(Perm.EXCHANGE_MESSAGES)
def change(request, pk):
    toewijzing = _record(request, Toewijzing, pk, Purpose.TOEWIJZING_CHANGE)
    actions.require_municipality_sender(request.user, toewijzing.municipality,
                                        toewijzing.provider)
    return act(request, forms.ChangeForm(request.POST or None),
               title=_("Change, extend, shorten or withdraw an assignment (JW301)"),
               about=_describe(toewijzing), back=_timeline(toewijzing.youth_id),
               preview=lambda data: actions.preview_change(request.user, toewijzing, **data),
               send=lambda data: actions.change(request.user, toewijzing, **data))


@requires(Perm.EXCHANGE_MESSAGES)
def answer(request, pk):
    verzoek = _record(request, Verzoek, pk, Purpose.VERZOEK_ANSWER)
    actions.require_municipality_sender(request.user, verzoek.municipality, verzoek.provider)
    about = _("Request %(ref)s of %(provider)s") % {"ref": verzoek.referentie_aanbieder,
                                                    "provider": verzoek.provider.name}
    return act(request, forms.AnswerForm(request.POST or None),
               title=_("Answer a request (JW319)"), about=about,
               back=_timeline(verzoek.youth_id),
               preview=lambda data: actions.preview_answer_verzoek(request.user, verzoek,
                                                                   **data),
               send=lambda data: actions.answer_verzoek(request.user, verzoek, **data))


@requires(Perm.EXCHANGE_MESSAGES)
def request_toewijzing(request, pk):
    youth = _youth(request, pk, Purpose.MESSAGE_SEND)
    actions.require_provider_sender(request.user, request.user.provider, youth.municipality)

    def fields(data):
        return {"youth": youth, "municipality": youth.municipality, **data}

    return act(request, forms.RequestForm(request.POST or None),
               title=_("Request an assignment (JW315)"), about=str(youth),
               back=_timeline(youth.pk),
               preview=lambda data: actions.preview_request_toewijzing(request.user,
                                                                       **fields(data)),
               send=lambda data: actions.request_toewijzing(request.user, **fields(data)))


@requires(Perm.EXCHANGE_MESSAGES)
def request_change(request, pk):
    youth = _youth(request, pk, Purpose.MESSAGE_SEND)
    actions.require_provider_sender(request.user, request.user.provider, youth.municipality)
    form = forms.RequestChangeForm(
        request.POST or None, first_possible=clock.today() + timedelta(days=1),
        toewijzingen=actions.current_toewijzingen(request.user.provider, youth))

    def fields(data):
        return {"youth": youth, "municipality": youth.municipality,
                **form.request_fields(data)}

    return act(request, form, title=_("Request a change (JW317)"), about=str(youth),
               back=_timeline(youth.pk),
               preview=lambda data: actions.preview_request_change(request.user,
                                                                   **fields(data)),
               send=lambda data: actions.request_change(request.user, **fields(data)))


@requires(Perm.EXCHANGE_MESSAGES)
def start(request, pk):
    toewijzing = _record(request, Toewijzing, pk, Purpose.MESSAGE_SEND)
    actions.require_provider_sender(request.user, toewijzing.provider, toewijzing.municipality)
    return act(request, forms.StartForm(request.POST or None),
               title=_("Report the start of care (JW305)"), about=_describe(toewijzing),
               back=_timeline(toewijzing.youth_id),
               preview=lambda data: actions.preview_start(request.user, toewijzing, **data),
               send=lambda data: actions.report_start(request.user, toewijzing, **data))


@requires(Perm.EXCHANGE_MESSAGES)
def stop(request, pk):
    started = _record(request, Start, pk, Purpose.MESSAGE_SEND)
    actions.require_provider_sender(request.user, started.provider, started.municipality)
    about = _("Care started on %(date)s, %(toewijzing)s") % {
        "date": started.begindatum.isoformat(), "toewijzing": _describe(started.toewijzing)}
    return act(request, forms.StopForm(request.POST or None, start=started),
               title=_("Report the end of care (JW307)"), about=about,
               back=_timeline(started.youth_id),
               preview=lambda data: actions.preview_stop(request.user, started, **data),
               send=lambda data: actions.report_stop(request.user, started, **data))


@requires(Perm.EXCHANGE_MESSAGES)
def declare(request, pk):
    toewijzing = _record(request, Toewijzing, pk, Purpose.MESSAGE_SEND)
    actions.require_provider_sender(request.user, toewijzing.provider, toewijzing.municipality)

    def fields(data):
        line = {"toewijzing": toewijzing, "referentie": data["referentie"],
                "volume": data["volume"], "tarief": data["tarief"]}
        return {"municipality": toewijzing.municipality,
                "period": forms.DeclareForm.period_of(data["maand"]), "lines": [line]}

    return act(request, forms.DeclareForm(request.POST or None),
               title=_("Declare care (JW323)"), about=_describe(toewijzing),
               back=_timeline(toewijzing.youth_id),
               preview=lambda data: actions.preview_declare(request.user, **fields(data)),
               send=lambda data: actions.declare(request.user, **fields(data)))


def _describe(toewijzing) -> str:
    if toewijzing is None:
        return ""
    return _("Assignment %(nr)s of %(youth)s at %(provider)s, product %(product)s") % {
        "nr": toewijzing.toewijzing_nummer, "youth": toewijzing.youth,
        "provider": toewijzing.provider.name,
        "product": f"{toewijzing.product_categorie}/{toewijzing.product_code or '–'}"}
