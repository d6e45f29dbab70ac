"""JW323 declarations: every prestatie checked against its toewijzing, answered with JW325."""

import calendar
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from openjeugd.ijw import codec
from openjeugd.ijw.codec.codes import EENHEID, REDEN_WIJZIGING_VERWIJDERD, rule_code
from openjeugd.ijw.models import Declaratie, Prestatie, Toewijzing
from openjeugd.ijw.services import numbering, parties, summaries
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
    mark = len(ctx.findings)
    try:
        # One query per table for the whole message, every line judged in memory, one insert.
        with transaction.atomic():
            rows = _assess(ctx, declaratie, head, _Loaded(ctx, head), _stored_together)
    except IntegrityError:
        # TR314 race: a concurrent declaration took one of our references after we loaded
        # them. Judge again line by line against the database, each line in its own savepoint,
        # so only the lines that lost the race are refused (as TR314 would have).
        del ctx.findings[mark:]
        rows = _assess(ctx, declaratie, head, _Live(ctx), _stored_one_by_one)
    # The lines' amounts are final once judged: their sums for the figures, same transaction.
    summaries.lines_added(declaratie.municipality_id, rows)
    declaratie.totaal_toegekend = round_money(sum((row.toegekend for row in rows),
                                                  Decimal("0")))
    declaratie.save(update_fields=["totaal_toegekend"])
    return declaratie


def _assess(ctx, declaratie, head, known, store) -> list[Prestatie]:
    """Judge every line of the declaration with what ``known`` says about earlier messages
    (and this message's earlier lines) and store the lines with ``store``; the findings go
    in as the lines are judged, in message order."""
    rows = []
    for client in head.clienten:
        youth = known.youth(client.bsn)
        if youth is None or _of_another_client(ctx, known, youth, client):
            continue  # IV087: a client's error leaves its prestaties unassessed (0233)
        rows.extend(_line(ctx, known, declaratie, youth, prestatie)
                    for prestatie in client.prestaties)
    return store(rows)


def _stored_together(rows) -> list[Prestatie]:
    Prestatie.objects.bulk_create(rows)  # a taken reference raises IntegrityError: see _store
    return rows


def _stored_one_by_one(rows) -> list[Prestatie]:
    return rows  # _Live saved each line as it was judged


def _of_another_client(ctx, known, youth, client) -> bool:
    """TR304 (TR304.md, "Bsn moet overeenkomen met Bsn van een Client"): a prestatie's
    toewijzing belongs to the client under whose Bsn it is declared. A toewijzing of another
    youth (each municipality keeps its own record per BSN, so "another" is another record
    here) makes this client's Bsn the error: 8187 on the Client."""
    other = known.other_clients_toewijzing(youth, {p.toewijzing_nummer
                                                   for p in client.prestaties})
    if other is not None:
        ctx.reject(ref=client.ref, rule="TR304",
                   text=_("Toewijzing %(nr)s belongs to another client.") %
                   {"nr": other.toewijzing_nummer})
    return other is not None


def _line(ctx, known, declaratie, youth, prestatie) -> Prestatie:
    toewijzing = known.toewijzing(youth, prestatie.toewijzing_nummer)
    # TR314 is asked once: the row's flag and the line's judgement must rest on one answer, or
    # a reference committed concurrently in between would mark a repeat that still gets paid.
    repeats = known.reference_taken(prestatie.product_referentie)
    problems = _check_against(toewijzing, prestatie, known, repeats=repeats)
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
        repeats_reference=repeats,
    )
    _judge(row, known.codes(prestatie.ref), problems)
    for rule, text in known.keep(row, prestatie, problems):
        # Recorded as each line is judged: a later line with the same reference reads them.
        ctx.reject(ref=prestatie.ref, rule=rule, text=text)
    return row


class _Loaded:
    """What a JW323's lines are judged against, loaded once per message (one query per table)
    and kept up to date with the message's own lines as they are judged: a line sees the
    lines before it exactly as it would see them stored."""

    live = False

    def __init__(self, ctx, head):
        message = ctx.message
        self.ctx = ctx
        lines = [p for client in head.clienten for p in client.prestaties]
        self.youth = parties.known_youths(ctx, [client.bsn for client in head.clienten])
        self.toewijzingen = {t.toewijzing_nummer: t for t in Toewijzing.objects.filter(
            municipality=message.municipality, provider=message.provider,
            toewijzing_nummer__in={p.toewijzing_nummer for p in lines})}
        # TR314 and TR323 read the same rows: the provider's non-repeated lines by reference.
        asked = {p.product_referentie for p in lines} | {
            p.vorig_product_referentie or "" for p in lines if p.ingediend_bedrag < 0}
        self.references = {ref: (ingediend, toegekend, tuple(signature)) for
                           ref, ingediend, toegekend, *signature in
                           Prestatie.objects.filter(
                               provider=message.provider, repeats_reference=False,
                               product_referentie__in=asked,
                           ).values_list("product_referentie", "ingediend", "toegekend",
                                         *SIGNATURE)}
        self.credited = set(self._credits(asked)) if any(
            p.ingediend_bedrag < 0 for p in lines) else set()
        self.debits = self._debits(lines)
        self.granted = self._granted_lines()
        self.tariff = contract_tariffs(message)
        self.findings = {}
        for finding in ctx.findings:
            self.findings.setdefault(finding.ref, set()).add(finding.retourcode)

    def _credits(self, asked):
        # TR390: the granted credits of the debits this message's credit lines name.
        return Prestatie.objects.filter(
            provider=self.ctx.message.provider, ingediend__lt=0, toegekend__lt=0,
            vorig_product_referentie__in=asked).values_list("vorig_product_referentie",
                                                            flat=True)

    def _debits(self, lines) -> dict[tuple, set[str]]:
        # TR389: the granted, not credited debits per (toewijzing, period, product).
        debits: dict[tuple, set[str]] = {}
        ids = {t.pk for t in self.toewijzingen.values()}
        debit_lines = [p for p in lines if p.ingediend_bedrag > 0]
        if not ids or not debit_lines:
            return debits
        provider = self.ctx.message.provider
        credited = Prestatie.objects.filter(provider=provider, ingediend__lt=0,
                                            toegekend__lt=0).values("vorig_product_referentie")
        rows = Prestatie.objects.filter(
            provider=provider, toewijzing_id__in=ids, ingediend__gt=0, toegekend__gt=0,
            begindatum__in={p.product_periode.begindatum for p in debit_lines},
        ).exclude(product_referentie__in=credited).values_list(
            "toewijzing_id", "begindatum", "einddatum", "product_categorie", "product_code",
            "product_referentie")
        for *key, reference in rows:
            debits.setdefault(tuple(key), set()).add(reference)
        return debits

    def _granted_lines(self) -> dict[int, list[tuple]]:
        # TR369/TR322: the granted lines of the toewijzingen with a budget or a total volume.
        counted = [t.pk for t in self.toewijzingen.values() if _counts_totals(t)]
        granted: dict[int, list[tuple]] = {pk: [] for pk in counted}
        if counted:
            for pk, volume, eenheid, toegekend in Prestatie.objects.filter(
                    toewijzing_id__in=counted).exclude(toegekend=0).values_list(
                    "toewijzing_id", "volume", "eenheid", "toegekend"):
                granted[pk].append((volume, eenheid, toegekend))
        return granted

    def toewijzing(self, youth, nummer):
        toewijzing = self.toewijzingen.get(nummer)
        return toewijzing if toewijzing is not None and toewijzing.youth_id == youth.pk else None

    def other_clients_toewijzing(self, youth, numbers):
        others = [t for n in numbers if (t := self.toewijzingen.get(n)) is not None
                  and t.youth_id != youth.pk]
        # As Toewijzing's ordering (-ingangsdatum) would give them.
        return min(others, key=lambda t: (-t.ingangsdatum.toordinal(), t.pk), default=None)

    def reference_taken(self, reference) -> bool:
        return reference in self.references

    def debit(self, reference):
        found = self.references.get(reference)
        return (found[1], found[2]) if found is not None and found[0] > 0 else None

    def credited_before(self, reference) -> bool:
        return reference in self.credited

    def debited_before(self, toewijzing, prestatie) -> bool:
        return bool(self.debits.get(_debit_key(toewijzing.pk, prestatie)))

    def granted_lines(self, toewijzing) -> list[tuple]:
        return self.granted.get(toewijzing.pk, [])

    def codes(self, ref) -> set[str]:
        return self.findings.get(ref, set())

    def keep(self, row, prestatie, problems):
        """Count a judged line in, as the database would once it is stored."""
        if not row.repeats_reference:
            self.references[row.product_referentie] = (
                row.ingediend, row.toegekend, tuple(getattr(row, f) for f in SIGNATURE))
        if row.ingediend < 0 and row.toegekend < 0:
            self.credited.add(row.vorig_product_referentie)
            for references in self.debits.values():
                references.discard(row.vorig_product_referentie)
        if row.toewijzing_id is not None:
            if row.ingediend > 0 and row.toegekend > 0:
                self.debits.setdefault(_debit_key(row.toewijzing_id, prestatie), set()).add(
                    row.product_referentie)
            if row.toegekend != 0 and row.toewijzing_id in self.granted:
                self.granted[row.toewijzing_id].append((row.volume, row.eenheid, row.toegekend))
        codes = self.findings.setdefault(prestatie.ref, set())
        codes.update(rule_code(rule).retourcode for rule, _text in problems)
        return problems


class _Live:
    """The same questions asked of the database line by line, each line stored (in its own
    savepoint) before the next is judged: the path after a lost TR314 race."""

    live = True

    def __init__(self, ctx):
        self.ctx = ctx
        self.provider = ctx.message.provider
        self.tariff = contract_tariffs(ctx.message)

    def youth(self, bsn):
        return parties.known_youth(self.ctx, bsn)

    def toewijzing(self, youth, nummer):
        message = self.ctx.message
        return Toewijzing.objects.filter(
            municipality=message.municipality, provider=message.provider, youth=youth,
            toewijzing_nummer=nummer).first()

    def other_clients_toewijzing(self, youth, numbers):
        message = self.ctx.message
        return Toewijzing.objects.filter(
            municipality=message.municipality, provider=message.provider,
            toewijzing_nummer__in=numbers).exclude(youth=youth).first()

    def reference_taken(self, reference) -> bool:
        return Prestatie.objects.filter(provider=self.provider, repeats_reference=False,
                                        product_referentie=reference).exists()

    def debit(self, reference):
        debit = Prestatie.objects.filter(provider=self.provider, ingediend__gt=0,
                                         product_referentie=reference,
                                         repeats_reference=False).first()
        return None if debit is None else (
            debit.toegekend, tuple(getattr(debit, f) for f in SIGNATURE))

    def credited_before(self, reference) -> bool:
        return Prestatie.objects.filter(provider=self.provider, ingediend__lt=0,
                                        toegekend__lt=0,
                                        vorig_product_referentie=reference).exists()

    def debited_before(self, toewijzing, prestatie) -> bool:
        period = prestatie.product_periode
        debits = toewijzing.prestaties.filter(
            provider=self.provider, ingediend__gt=0, toegekend__gt=0,
            begindatum=period.begindatum, einddatum=period.einddatum,
            product_categorie=prestatie.product_categorie,
            product_code=prestatie.product_code or "")
        credited = Prestatie.objects.filter(provider=self.provider, ingediend__lt=0,
                                            toegekend__lt=0).values("vorig_product_referentie")
        return debits.exclude(product_referentie__in=credited).exists()

    def granted_lines(self, toewijzing) -> list[tuple]:
        return list(toewijzing.prestaties.exclude(toegekend=0).values_list(
            "volume", "eenheid", "toegekend"))

    def codes(self, ref) -> set[str]:
        return {f.retourcode for f in self.ctx.findings if f.ref == ref}

    def keep(self, row, prestatie, problems):
        if not row.repeats_reference and not _saved(row):
            # TR314 race: a concurrent declaration took the reference after our check. Refuse
            # this line exactly as the check would have, and pay nothing for it.
            row.repeats_reference = True
            problems = [_repeated_reference()]
            _judge(row, self.codes(prestatie.ref), problems)
        if row.pk is None:
            row.save()
        return problems


def _saved(row) -> bool:
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        row.pk = None
        return False
    return True


# The fields a credit repeats of its debit (IV091), as Prestatie stores them; the amount as
# the debit's (positive) amount.
SIGNATURE = ("toewijzing_id", "begindatum", "einddatum", "product_categorie", "product_code",
             "volume", "eenheid", "ingediend")


def _signature(toewijzing, prestatie) -> tuple:
    period = prestatie.product_periode
    return (toewijzing.pk, period.begindatum, period.einddatum, prestatie.product_categorie,
            prestatie.product_code or "", prestatie.geleverd_volume, prestatie.eenheid,
            -round_money(prestatie.ingediend_bedrag))


def _debit_key(toewijzing_id, prestatie) -> tuple:
    period = prestatie.product_periode
    return (toewijzing_id, period.begindatum, period.einddatum, prestatie.product_categorie,
            prestatie.product_code or "")


def _counts_totals(toewijzing) -> bool:
    return toewijzing.budget is not None or (toewijzing.volume is not None
                                             and toewijzing.frequentie == "6")


def _judge(row, codes, problems) -> None:
    """``codes``: the line's findings so far (stateless checks, an earlier line with the same
    reference)."""
    row.retourcodes = sorted(codes | {rule_code(rule).retourcode for rule, _text in problems})
    # IV087: a prestatie is granted whole or refused whole.
    row.toegekend = Decimal("0.00") if row.retourcodes else row.ingediend


def _repeated_reference() -> tuple[str, str]:
    return ("TR314", _("This prestatie reference was declared before."))


def _check_against(toewijzing, prestatie, known, *, repeats: bool) -> list[tuple[str, str]]:
    """Stateful TR rules of a prestatie against its toewijzing, as (rule, text); the codes
    come from the rule table."""
    if toewijzing is None:
        return [("TR338", _("The prestatie refers to no assigned product."))]
    if toewijzing.reden_wijziging == VERWIJDERD:
        # TR384: a toewijzing deleted with RedenWijziging 13 takes no declarations (9384, not
        # the 9338 of a toewijzing that never existed).
        return [("TR384", _("The toewijzing was deleted (reden wijziging 13)."))]
    if repeats:
        # TR314: ReferentieNummer is unique per provider, within one message and across
        # messages.
        return [_repeated_reference()]
    if prestatie.ingediend_bedrag < 0:
        return _credit_problems(toewijzing, known, prestatie)
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
    if known.debited_before(toewijzing, prestatie):
        problems.append(("TR389", _("This period and product were declared before on this "
                                    "toewijzing and not credited.")))
    if not any(rule == "TR341" for rule, _text in problems):
        problems += _volume_problems(toewijzing, prestatie, known)
    problems += _tariff_problems(toewijzing, prestatie, known)
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


def _credit_problems(toewijzing, known, prestatie) -> list[tuple[str, str]]:
    # TR323 (TR323.md: "gerelateerd aan een eerder verzonden (goedgekeurde) debet Prestatie"),
    # OP360: only a granted debit can be credited; crediting a refused line would pay back
    # money that was never paid (a negative grant).
    debit = prestatie.vorig_product_referentie or ""
    found = known.debit(debit)
    if found is None or found[0] <= 0:
        return [("TR323", _("No granted debit prestatie is known for this credit."))]
    if found[1] != _signature(toewijzing, prestatie):
        # TR323 relates the credit to its debit "op basis van sleutelvelden", and IV091 has
        # the credit "identiek aan de oorspronkelijke debetprestatie" but for its references
        # and DebetCredit: a credit naming a debit of another toewijzing, period, product,
        # volume or amount relates to no debit (8017), or it would pay back the wrong line.
        return [("TR323", _("The credit differs from the debit prestatie it names (toewijzing, "
                            "period, product, volume or amount)."))]
    if known.credited_before(debit):
        return [("TR390", _("This debit prestatie was credited before."))]
    return []


def _volume_problems(toewijzing, prestatie, known) -> list[tuple[str, str]]:
    period = prestatie.product_periode
    declared = in_assigned_unit(prestatie.geleverd_volume, prestatie.eenheid, toewijzing.eenheid)
    if toewijzing.volume is not None and declared > allowed_volume(
            toewijzing.volume, toewijzing.frequentie, period.begindatum, period.einddatum):
        return [("TR321", _("The declared volume exceeds the assigned volume."))]
    if toewijzing.budget is not None:
        # TR369: with a budget, all granted amounts together stay within it.
        spent = sum((toegekend for _v, _e, toegekend in known.granted_lines(toewijzing)),
                    Decimal("0"))
        if spent + prestatie.ingediend_bedrag > toewijzing.budget:
            return [("TR369", _("The declarations exceed the assigned budget."))]
    if toewijzing.volume is not None and toewijzing.frequentie == "6":
        # WMO757 6 = total within the toewijzing period: the sum may not exceed it (TR322),
        # every line counted in the toewijzing's unit.
        used = sum((in_assigned_unit(volume, eenheid, toewijzing.eenheid) *
                    (1 if toegekend > 0 else -1)
                    for volume, eenheid, toegekend in known.granted_lines(toewijzing)),
                   Decimal("0"))
        if used + declared > toewijzing.volume:
            return [("TR322", _("Together the declared volumes exceed the toewijzing."))]
    return []


# The contract lookup's answer for a product the region's contracts price, but not for this
# provider on that day (an uncovered product); see contract_tariffs.
NOT_CONTRACTED = (None, None)


def contract_tariffs(message):
    """TR418's source, named by settings.IJW_CONTRACT_TARIFF (the contracts app; ijw never
    imports it): built once per message, it answers per line
    ``(toewijzing, prestatie) -> (contract tariff, WJ756 unit it is a price of)``, None when
    no contract tariff is known (then nothing is refused), or NOT_CONTRACTED when the
    provider's contracts do not cover the product on the first day of the line's period."""
    factory = import_string(getattr(settings, "IJW_CONTRACT_TARIFF",
                                    "openjeugd.ijw.services.handlers.declaratie.no_tariffs"))
    return factory(municipality=message.municipality, provider=message.provider)


def no_tariffs(*, municipality, provider):
    """Without a contracts app no contract tariff is known: TR418 refuses nothing."""
    return lambda toewijzing, prestatie: None


MINUTES_PER = {MINUUT: 1, UUR: 60}


def _tariff_problems(toewijzing, prestatie, known) -> list[tuple[str, str]]:
    found = known.tariff(toewijzing, prestatie)
    if found is None or prestatie.product_tarief is None:
        return []
    amount, eenheid = found
    if amount is None:
        # TR418 (TR418.md, "het contractuele tarief van ProductCode") and IV081 ("in het
        # contract een tarief voor het betreffende product te zijn vastgelegd"): without a
        # contract tariff for the product no ProductTarief can be the contractual one.
        return [("TR418", _("The provider's contract has no tariff for this product on "
                            "%(day)s.") % {"day": prestatie.product_periode.begindatum})]
    per = _units_per_tariff_unit(prestatie.eenheid, eenheid)
    if per is None:
        # IV081: "Voor die eenheid dient in het contract een tarief voor het betreffende product
        # te zijn vastgelegd" - there is none for this unit, so no tariff can be right.
        return [("TR418", _("The contract has no tariff per %(unit)s for this product.") %
                 {"unit": EENHEID.get(prestatie.eenheid, prestatie.eenheid)})]
    # TR418 (TR418.md): ProductTarief equals the contract tariff of the ProductCode; for
    # minutes on an hour tariff the tariff per minute rounded to the cent (IV081).
    expected = round_money(amount / per)
    if round_money(prestatie.product_tarief) != expected:
        return [("TR418", _("The tariff differs from the contract tariff %(tariff)s.") %
                 {"tariff": expected})]
    return _amount_problems(amount, per, prestatie, known)


def _units_per_tariff_unit(declared: str, tariff_unit: str) -> int | None:
    if declared == tariff_unit:
        return 1
    if (declared, tariff_unit) == (MINUUT, UUR):  # IV081, TR341: hours may be declared in minutes
        return 60
    return None


def _amount_problems(amount, per, prestatie, known) -> list[tuple[str, str]]:
    """TR346 (TR346.md, "IngediendBedrag gelijk zijn aan GeleverdVolume vermenigvuldigd met
    ProductTarief"; minutes: "eerst het contractuele uurtarief vermenigvuldigd met
    GeleverdVolume en daarna gedeeld door 60 en afgerond op 2 decimalen", IV081) against the
    contract tariff: an amount above (or below) volume x tariff is refused. Multiplying before
    dividing keeps the half-cent cases exact. check() may have refused the line for TR346
    already (an amount no tariff explains): then once is enough."""
    if "9346" in known.codes(prestatie.ref):
        return []
    expected = round_money(amount * prestatie.geleverd_volume / per)
    if round_money(abs(prestatie.ingediend_bedrag)) != expected:
        return [("TR346", _("IngediendBedrag %(amount)s is not GeleverdVolume x the contract "
                            "tariff (%(expected)s).") %
                 {"amount": abs(prestatie.ingediend_bedrag), "expected": expected})]
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
