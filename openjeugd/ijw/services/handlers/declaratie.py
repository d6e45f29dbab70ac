"""JW323 declarations: every prestatie checked against its toewijzing, answered with JW325."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from openjeugd.ijw import codec
from openjeugd.ijw.models import Declaratie, Prestatie, Toewijzing
from openjeugd.ijw.services import numbering, parties
from openjeugd.ijw.volume import allowed_volume

VERWIJDERD = "13"  # JZ002: toewijzing sent by mistake, treated as never sent


def handle_jw323(ctx, parsed) -> None:
    declaratie = None
    if parties.resolve(ctx) and not ctx.rejected_whole and _number_is_new(ctx, parsed):
        declaratie = _store(ctx, parsed)
    _answer(ctx, parsed, declaratie)


def _number_is_new(ctx, parsed) -> bool:
    # TR333: DeclaratieNummer is unique per provider.
    taken = Declaratie.objects.filter(
        provider=ctx.message.provider,
        declaratie_nummer=parsed.declaratie.declaratie_nummer).exists()
    if taken:
        _reject_number(ctx, parsed)
    return not taken


def _reject_number(ctx, parsed) -> None:
    # IV087: 9333 goes on the DeclaratieAntwoord, not on the header.
    ctx.reject(level="declaratie", ref="declaratie", retourcode="9333", rule="TR333",
               text=_("Declaration number %(nr)s was used before.") %
               {"nr": parsed.declaratie.declaratie_nummer})


def _store(ctx, parsed) -> Declaratie | None:
    head = parsed.declaratie
    try:
        # A concurrent JW323 with the same number can pass the check above before either is
        # stored; the unique constraint then refuses the later one here, as TR333 would.
        with transaction.atomic():
            declaratie = Declaratie.objects.create(
                municipality=ctx.message.municipality, provider=ctx.message.provider,
                declaratie_nummer=head.declaratie_nummer,
                periode_begin=head.declaratie_periode.begindatum,
                periode_eind=head.declaratie_periode.einddatum,
                totaal_ingediend=head.totaal_ingediend_bedrag, message=ctx.message,
            )
    except IntegrityError:
        _reject_number(ctx, parsed)
        return None
    for client in head.clienten:
        youth = parties.known_youth(ctx, client.bsn)
        if youth is None:
            continue
        for prestatie in client.prestaties:
            _store_prestatie(ctx, declaratie, youth, prestatie)
    granted = declaratie.prestaties.aggregate(total=Sum("toegekend"))["total"] or Decimal("0")
    declaratie.totaal_toegekend = granted
    declaratie.save(update_fields=["totaal_toegekend"])
    return declaratie


def _store_prestatie(ctx, declaratie, youth, prestatie) -> None:
    toewijzing = Toewijzing.objects.filter(
        municipality=ctx.message.municipality, provider=ctx.message.provider, youth=youth,
        toewijzing_nummer=prestatie.toewijzing_nummer).first()
    problems = _check_against(toewijzing, prestatie, ctx)
    row = Prestatie(
        declaratie=declaratie, provider=ctx.message.provider, youth=youth, toewijzing=toewijzing,
        product_referentie=prestatie.product_referentie,
        vorig_product_referentie=prestatie.vorig_product_referentie or "",
        toewijzing_nummer=prestatie.toewijzing_nummer,
        product_categorie=prestatie.product_categorie, product_code=prestatie.product_code,
        begindatum=prestatie.product_periode.begindatum,
        einddatum=prestatie.product_periode.einddatum,
        volume=prestatie.geleverd_volume, eenheid=prestatie.eenheid,
        tarief=prestatie.product_tarief, ingediend=prestatie.ingediend_bedrag,
        repeats_reference=_earlier_reference(ctx, prestatie),
    )
    if not row.repeats_reference and not _saved(row, ctx, prestatie, problems):
        # TR314 race: a concurrent declaration took the reference after our check. Refuse this
        # line exactly as the check would have, and pay nothing for it.
        row.repeats_reference = True
        problems = [_repeated_reference()]
    if row.pk is None:
        _judge(row, ctx, prestatie, problems)
        row.save()
    for rule, code, text in problems:
        ctx.reject(level="product", ref=prestatie.ref, retourcode=code, rule=rule, text=text)


def _saved(row, ctx, prestatie, problems) -> bool:
    _judge(row, ctx, prestatie, problems)
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        row.pk = None
        return False
    return True


def _judge(row, ctx, prestatie, problems) -> None:
    codes = {f.retourcode for f in ctx.findings if f.ref == prestatie.ref}
    row.retourcodes = sorted(codes | {code for _rule, code, _text in problems})
    row.toegekend = Decimal("0") if row.retourcodes else prestatie.ingediend_bedrag


def _repeated_reference() -> tuple[str, str, str]:
    return ("TR314", "8021", _("This prestatie reference was declared before."))


def _check_against(toewijzing, prestatie, ctx) -> list[tuple[str, str, str]]:
    """Stateful TR rules of a prestatie against its toewijzing (WJ001 codes)."""
    if toewijzing is None or toewijzing.reden_wijziging == VERWIJDERD:
        return [("TR338", "9338", _("The prestatie refers to no assigned product."))]
    if _earlier_reference(ctx, prestatie):
        return [_repeated_reference()]
    if prestatie.ingediend_bedrag < 0:
        return _credit_problems(ctx, prestatie)
    problems = []
    if prestatie.product_categorie != toewijzing.product_categorie:
        problems.append(("TR339", "9339", _("Product category differs from the toewijzing.")))
    if toewijzing.product_code and prestatie.product_code != toewijzing.product_code:
        problems.append(("TR340", "9340", _("Product code differs from the toewijzing.")))
    if toewijzing.eenheid and prestatie.eenheid != toewijzing.eenheid:
        problems.append(("TR341", "9341", _("Unit differs from the toewijzing.")))
    period = prestatie.product_periode
    if not toewijzing.covers(period.begindatum, period.begindatum):
        problems.append(("TR307", "9307", _("Start of the period lies outside the toewijzing.")))
    if not toewijzing.covers(period.einddatum, period.einddatum):
        problems.append(("TR308", "9308", _("End of the period lies outside the toewijzing.")))
    problems += _volume_problems(toewijzing, prestatie)
    return problems


def _earlier_reference(ctx, prestatie) -> bool:
    # TR314: ReferentieNummer is unique per provider, within one message and across messages.
    return Prestatie.objects.filter(
        provider=ctx.message.provider, repeats_reference=False,
        product_referentie=prestatie.product_referentie).exists()


def _credit_problems(ctx, prestatie) -> list[tuple[str, str, str]]:
    # TR323: a credit line cancels a debit line declared before (VorigReferentieNummer).
    debit = Prestatie.objects.filter(
        declaratie__provider=ctx.message.provider, ingediend__gt=0,
        product_referentie=prestatie.vorig_product_referentie or "").first()
    if debit is None:
        return [("TR323", "8017", _("No debit prestatie is known for this credit."))]
    if Prestatie.objects.filter(declaratie__provider=ctx.message.provider, ingediend__lt=0,
                                vorig_product_referentie=debit.product_referentie).exists():
        return [("TR390", "9390", _("This debit prestatie was credited before."))]
    return []


def _volume_problems(toewijzing, prestatie) -> list[tuple[str, str, str]]:
    period = prestatie.product_periode
    if toewijzing.volume is not None and prestatie.geleverd_volume > allowed_volume(
            toewijzing.volume, toewijzing.frequentie, period.begindatum, period.einddatum):
        return [("TR321", "9321", _("The declared volume exceeds the assigned volume."))]
    granted = toewijzing.prestaties.exclude(toegekend=0)
    if toewijzing.budget is not None:
        # TR369: with a budget, all granted amounts together stay within it.
        spent = granted.aggregate(total=Sum("toegekend"))["total"] or Decimal("0")
        if spent + prestatie.ingediend_bedrag > toewijzing.budget:
            return [("TR369", "9369", _("The declarations exceed the assigned budget."))]
    if toewijzing.volume is not None and toewijzing.frequentie == "6":
        # WMO757 6 = total within the toewijzing period: the sum may not exceed it (TR322).
        debit = granted.filter(toegekend__gt=0).aggregate(total=Sum("volume"))["total"] or 0
        credit = granted.filter(toegekend__lt=0).aggregate(total=Sum("volume"))["total"] or 0
        used = debit - credit
        if used + prestatie.geleverd_volume > toewijzing.volume:
            return [("TR322", "9322", _("Together the declared volumes exceed the toewijzing."))]
    return []


def _answer(ctx, parsed, declaratie) -> None:
    rejected: dict[str, list[str]] = {}
    for finding in ctx.findings:
        if finding.level != "header":
            rejected.setdefault(finding.ref, []).append(finding.retourcode)
    header_codes = sorted({f.retourcode for f in ctx.findings if f.level == "header"})
    answer = codec.build_declaratie_antwoord(
        parsed, header_codes=header_codes, rejected=rejected,
        identificatie=numbering.next_identificatie(ctx.message.ontvanger),
        dagtekening=numbering.today(),
    )
    ctx.draft = answer  # sent by ingest.process once the message is judged
    if declaratie is not None:
        ctx.notes.append(_("Granted %(granted)s of %(total)s.") % {
            "granted": declaratie.totaal_toegekend, "total": declaratie.totaal_ingediend})
