"""JW323 declarations: every prestatie checked against its toewijzing, answered with JW325."""

import calendar
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from openjeugd.ijw import codec
from openjeugd.ijw.codec.codes import EENHEID, REDEN_WIJZIGING_VERWIJDERD, rule_code
from openjeugd.ijw.models import Declaratie, Prestatie, Toewijzing
from openjeugd.ijw.services import numbering, parties
from openjeugd.ijw.volume import allowed_volume
from openjeugd.lib.money import round_money

VERWIJDERD = REDEN_WIJZIGING_VERWIJDERD  # JZ002 13: sent by mistake, treated as never sent
MINUUT, UUR = "01", "04"  # WJ756
assert EENHEID[MINUUT] == "Minuut" and EENHEID[UUR] == "Uur"


def handle_jw323(ctx, parsed) -> None:
    declaratie = None
    if parties.resolve(ctx) and not ctx.rejected_whole and _number_is_new(ctx, parsed) \
            and _period_follows(ctx, parsed):
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
    ctx.reject(ref="declaratie", rule="TR333",
               text=_("Declaration number %(nr)s was used before.") %
               {"nr": parsed.declaratie.declaratie_nummer})


def _period_follows(ctx, parsed) -> bool:
    """TR318 (TR318.md) with OP284: the DeclaratiePeriode follows the previous one (the next
    month, or a later one after months without care); overlap is allowed only "voor correcties
    op de laatst ingediende periode" (OP284). So a period before the latest one this provider
    declared to this municipality is refused. The code goes on the DeclaratieAntwoord, the
    class holding DeclaratiePeriode (IV087/IV088)."""
    begin = parsed.declaratie.declaratie_periode.begindatum
    latest = Declaratie.objects.filter(
        provider=ctx.message.provider, municipality=ctx.message.municipality,
    ).order_by("-periode_begin").first()
    if latest is not None and begin < latest.periode_begin:
        ctx.reject(ref="declaratie", rule="TR318",
                   text=_("The declaration period lies before the last declared period "
                          "(%(begin)s – %(end)s).") %
                   {"begin": latest.periode_begin, "end": latest.periode_eind})
        return False
    return True


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
        if youth is None or _of_another_client(ctx, youth, client):
            continue  # IV087: a client's error leaves its prestaties unassessed (0233)
        for prestatie in client.prestaties:
            _store_prestatie(ctx, declaratie, youth, prestatie)
    granted = declaratie.prestaties.aggregate(total=Sum("toegekend"))["total"] or 0
    declaratie.totaal_toegekend = round_money(granted)
    declaratie.save(update_fields=["totaal_toegekend"])
    return declaratie


def _of_another_client(ctx, youth, client) -> bool:
    """TR304 (TR304.md, "Bsn moet overeenkomen met Bsn van een Client"): a prestatie's
    toewijzing belongs to the client under whose Bsn it is declared. A toewijzing of another
    youth (each municipality keeps its own record per BSN, so "another" is another record
    here) makes this client's Bsn the error: 8187 on the Client."""
    numbers = {p.toewijzing_nummer for p in client.prestaties}
    others = Toewijzing.objects.filter(
        municipality=ctx.message.municipality, provider=ctx.message.provider,
        toewijzing_nummer__in=numbers).exclude(youth=youth)
    if others.exists():
        ctx.reject(ref=client.ref, rule="TR304",
                   text=_("Toewijzing %(nr)s belongs to another client.") %
                   {"nr": others.first().toewijzing_nummer})
    return others.exists()


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
        product_categorie=prestatie.product_categorie, product_code=prestatie.product_code or "",
        begindatum=prestatie.product_periode.begindatum,
        einddatum=prestatie.product_periode.einddatum,
        volume=prestatie.geleverd_volume, eenheid=prestatie.eenheid,
        tarief=prestatie.product_tarief, ingediend=round_money(prestatie.ingediend_bedrag),
        repeats_reference=_earlier_reference(ctx, prestatie),
    )
    if row.repeats_reference and _repeated_reference() not in problems:
        # A concurrent declaration committed the reference between the check above and this
        # one: a line marked as a repeat is never paid (TR314), whatever it was judged before.
        problems = [_repeated_reference()]
    if not row.repeats_reference and not _saved(row, ctx, prestatie, problems):
        # TR314 race: a concurrent declaration took the reference after our check. Refuse this
        # line exactly as the check would have, and pay nothing for it.
        row.repeats_reference = True
        problems = [_repeated_reference()]
    if row.pk is None:
        _judge(row, ctx, prestatie, problems)
        row.save()
    for rule, text in problems:
        ctx.reject(ref=prestatie.ref, rule=rule, text=text)


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
    row.retourcodes = sorted(codes | {rule_code(rule).retourcode for rule, _text in problems})
    # IV087: a prestatie is granted whole or refused whole.
    row.toegekend = Decimal("0.00") if row.retourcodes else round_money(
        prestatie.ingediend_bedrag)


def _repeated_reference() -> tuple[str, str]:
    return ("TR314", _("This prestatie reference was declared before."))


def _check_against(toewijzing, prestatie, ctx) -> list[tuple[str, str]]:
    """Stateful TR rules of a prestatie against its toewijzing, as (rule, text); the codes
    come from the rule table."""
    if toewijzing is None:
        return [("TR338", _("The prestatie refers to no assigned product."))]
    if toewijzing.reden_wijziging == VERWIJDERD:
        # TR384: a toewijzing deleted with RedenWijziging 13 takes no declarations (9384, not
        # the 9338 of a toewijzing that never existed).
        return [("TR384", _("The toewijzing was deleted (reden wijziging 13)."))]
    if _earlier_reference(ctx, prestatie):
        return [_repeated_reference()]
    if prestatie.ingediend_bedrag < 0:
        return _credit_problems(ctx, prestatie)
    problems = []
    if prestatie.product_categorie != toewijzing.product_categorie:
        problems.append(("TR339", _("Product category differs from the toewijzing.")))
    if toewijzing.product_code and prestatie.product_code != toewijzing.product_code:
        problems.append(("TR340", _("Product code differs from the toewijzing.")))
    if toewijzing.eenheid and not units_fit(prestatie.eenheid, toewijzing.eenheid):
        problems.append(("TR341", _("Unit differs from the toewijzing.")))
    period = prestatie.product_periode
    if not toewijzing.covers(period.begindatum, period.begindatum):
        problems.append(("TR307", _("Start of the period lies outside the toewijzing.")))
    if not toewijzing.covers(period.einddatum, period.einddatum):
        problems.append(("TR308", _("End of the period lies outside the toewijzing.")))
    problems += _month_problems(toewijzing, period)
    if _debited_before(ctx, toewijzing, prestatie):
        problems.append(("TR389", _("This period and product were declared before on this "
                                    "toewijzing and not credited.")))
    if not any(rule == "TR341" for rule, _text in problems):
        problems += _volume_problems(toewijzing, prestatie)
    problems += _tariff_problems(toewijzing, prestatie)
    return problems


def units_fit(declared: str, assigned: str) -> bool:
    # TR341 (technische-regels/berichtoverstijgend/TR341.md): "Bij toewijzing in uren mag ook
    # in minuten gedeclareerd worden."
    return declared == assigned or (declared, assigned) == (MINUUT, UUR)


def in_assigned_unit(volume, declared: str, assigned: str) -> Decimal:
    """A declared volume in the toewijzing's unit (TR321/TR322 compare like with like):
    minutes on an hours toewijzing count as volume / 60 hours."""
    if (declared, assigned) == (MINUUT, UUR):
        return Decimal(volume) / 60
    return Decimal(volume)


def _month_problems(toewijzing, period) -> list[tuple[str, str]]:
    # TR387/TR388: a ProductPeriode runs from the 1st to the last day of its month, unless the
    # toewijzing starts later / ends earlier in that month: then it starts / ends with it.
    problems = []
    first = period.begindatum.replace(day=1)
    starts_later = toewijzing.ingangsdatum if _same_month(toewijzing.ingangsdatum, first) \
        and toewijzing.ingangsdatum > first else None
    if period.begindatum != (starts_later or first):
        problems.append(("TR387", _("The product period must start on the first of the month "
                                    "(or on the toewijzing's start date in that month).")))
    last = _last_of_month(period.einddatum)
    end = toewijzing.einddatum
    ends_earlier = end if end is not None and _same_month(end, last) and end < last else None
    if period.einddatum != (ends_earlier or last):
        problems.append(("TR388", _("The product period must end on the last day of the month "
                                    "(or on the toewijzing's end date in that month).")))
    return problems


def _same_month(a: date, b: date) -> bool:
    return (a.year, a.month) == (b.year, b.month)


def _last_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _earlier_reference(ctx, prestatie) -> bool:
    # TR314: ReferentieNummer is unique per provider, within one message and across messages.
    return Prestatie.objects.filter(
        provider=ctx.message.provider, repeats_reference=False,
        product_referentie=prestatie.product_referentie).exists()


def _credit_problems(ctx, prestatie) -> list[tuple[str, str]]:
    # TR323 (TR323.md: "gerelateerd aan een eerder verzonden (goedgekeurde) debet Prestatie"),
    # OP360: only a granted debit can be credited; crediting a refused line would pay back
    # money that was never paid (a negative grant).
    debit = Prestatie.objects.filter(
        provider=ctx.message.provider, ingediend__gt=0,
        product_referentie=prestatie.vorig_product_referentie or "",
        repeats_reference=False).first()
    if debit is None or debit.toegekend <= 0:
        return [("TR323", _("No granted debit prestatie is known for this credit."))]
    if Prestatie.objects.filter(provider=ctx.message.provider, ingediend__lt=0,
                                toegekend__lt=0,
                                vorig_product_referentie=debit.product_referentie).exists():
        return [("TR390", _("This debit prestatie was credited before."))]
    return []


def _debited_before(ctx, toewijzing, prestatie) -> bool:
    """TR389 (TR389.md): a second debit for the same ProductPeriode, ProductCategorie and
    ProductCode on the same ToewijzingNummer only once the earlier debit was credited. Only
    granted debits count: a refused debit was never paid and cannot be credited (TR323), so
    counting it would close the period for good."""
    period = prestatie.product_periode
    debits = toewijzing.prestaties.filter(
        provider=ctx.message.provider, ingediend__gt=0, toegekend__gt=0,
        begindatum=period.begindatum, einddatum=period.einddatum,
        product_categorie=prestatie.product_categorie,
        product_code=prestatie.product_code or "")
    credited = Prestatie.objects.filter(provider=ctx.message.provider, ingediend__lt=0,
                                        toegekend__lt=0).values("vorig_product_referentie")
    return debits.exclude(product_referentie__in=credited).exists()


def _volume_problems(toewijzing, prestatie) -> list[tuple[str, str]]:
    period = prestatie.product_periode
    declared = in_assigned_unit(prestatie.geleverd_volume, prestatie.eenheid, toewijzing.eenheid)
    if toewijzing.volume is not None and declared > allowed_volume(
            toewijzing.volume, toewijzing.frequentie, period.begindatum, period.einddatum):
        return [("TR321", _("The declared volume exceeds the assigned volume."))]
    granted = toewijzing.prestaties.exclude(toegekend=0)
    if toewijzing.budget is not None:
        # TR369: with a budget, all granted amounts together stay within it.
        spent = granted.aggregate(total=Sum("toegekend"))["total"] or Decimal("0")
        if spent + prestatie.ingediend_bedrag > toewijzing.budget:
            return [("TR369", _("The declarations exceed the assigned budget."))]
    if toewijzing.volume is not None and toewijzing.frequentie == "6":
        # WMO757 6 = total within the toewijzing period: the sum may not exceed it (TR322),
        # every line counted in the toewijzing's unit.
        used = sum((in_assigned_unit(line.volume, line.eenheid, toewijzing.eenheid) *
                    (1 if line.toegekend > 0 else -1)
                    for line in granted.only("volume", "eenheid", "toegekend")), Decimal("0"))
        if used + declared > toewijzing.volume:
            return [("TR322", _("Together the declared volumes exceed the toewijzing."))]
    return []


def no_contract_tariff(toewijzing, prestatie) -> Decimal | None:
    """No contract tariffs are known yet: TR418 refuses nothing."""
    return None


# TR418 (0611): the contracts app replaces this with its own lookup
# (``declaratie.contract_tariff = lookup``): (toewijzing, prestatie) -> tariff or None.
contract_tariff = no_contract_tariff


def _tariff_problems(toewijzing, prestatie) -> list[tuple[str, str]]:
    # TR418 (TR418.md): ProductTarief equals the contract tariff of the ProductCode.
    tariff = contract_tariff(toewijzing, prestatie)
    if tariff is None or prestatie.product_tarief is None:
        return []
    if round_money(prestatie.product_tarief) != round_money(tariff):
        return [("TR418", _("The tariff differs from the contract tariff %(tariff)s.") %
                 {"tariff": round_money(tariff)})]
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
