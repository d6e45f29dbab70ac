"""JW317 verzoek om wijziging: the rules that compare the request with the stored toewijzingen.

Each rule's text is in ../shared/ijw/regels/technische-regels/berichtoverstijgend/<rule>.md;
the codes come from the rule table (codes.RULE_RETOURCODES) through ``ctx.reject``.
"""

from django.utils.translation import gettext_lazy as _

from openjeugd.ijw import clock
from openjeugd.ijw.codec import model as m
from openjeugd.ijw.codec.codes import REDEN_WIJZIGING_VERWIJDERD
from openjeugd.ijw.codec.rules.base import Checks
from openjeugd.ijw.codec.rules.common import OLD_REGIME_END, check_no_stacking
from openjeugd.ijw.models import Toewijzing

ADMINISTRATIEVE_CORRECTIE = "01"  # JZ002 (vervallen)
TOTAAL = "6"  # WMO757: total within the toewijzing's period


def check(ctx, youth, parsed) -> bool:
    """All JW317 rules against stored toewijzingen; False when any is broken."""
    before = len(ctx.findings)
    verzoek = parsed.client.verzoek
    stored = {t.toewijzing_nummer: t for t in Toewijzing.objects.filter(
        municipality=ctx.message.municipality, provider=ctx.message.provider, youth=youth)}
    _lists_every_current(ctx, parsed, stored)
    for product in verzoek.te_wijzigen_producten:
        toewijzing = stored[product.toewijzing_nummer]  # TR351 made sure it exists
        _start_in_the_past(ctx, parsed, product, toewijzing)
        _budget_for_the_whole_period(ctx, product, toewijzing)
        _omvang_fits_the_product(ctx, product, toewijzing)
    _no_overlap(ctx, verzoek, stored)
    return len(ctx.findings) == before


def is_current(toewijzing, on) -> bool:
    """TR349 (TR349.md): current = valid on or after today, or starting in the future; one
    deleted (13) or corrected away (01) with einddatum = ingangsdatum is not."""
    if toewijzing.einddatum == toewijzing.ingangsdatum and toewijzing.reden_wijziging in (
            REDEN_WIJZIGING_VERWIJDERD, ADMINISTRATIEVE_CORRECTIE):
        return False
    return toewijzing.einddatum is None or toewijzing.einddatum >= on


def _lists_every_current(ctx, parsed, stored) -> None:
    # TR349: every current toewijzing of the client is in the VOW, as OngewijzigdProduct or
    # TeWijzigenProduct. "Today" is the processing date (the rule's "huidige datum").
    verzoek = parsed.client.verzoek
    listed = {p.toewijzing_nummer for p in
              [*verzoek.ongewijzigde_producten, *verzoek.te_wijzigen_producten]}
    missing = sorted(nr for nr, t in stored.items()
                     if is_current(t, clock.today()) and nr not in listed)
    if missing:
        ctx.reject(ref=parsed.client.ref, rule="TR349",
                   text=str(_("Current toewijzingen missing from the request: %(nrs)s.")) %
                   {"nrs": ", ".join(missing)})


def _start_in_the_past(ctx, parsed, product, toewijzing) -> None:
    # TR357: a GewensteIngangsdatum on or before the dagtekening is the ingangsdatum of the
    # original toegewezen product (a change that does not lie ahead covers the whole period).
    if product.gewenste_ingangsdatum <= parsed.header.dagtekening and \
            product.gewenste_ingangsdatum != toewijzing.ingangsdatum:
        ctx.reject(ref=product.ref, rule="TR357",
                   text=str(_("A change that does not lie ahead starts on the toewijzing's "
                              "start date %(date)s.")) % {"date": toewijzing.ingangsdatum})


def _budget_for_the_whole_period(ctx, product, toewijzing) -> None:
    # TR373: changing the Budget or a total over the toewijzing period (frequentie 6) keeps
    # the ingangsdatum of the current toewijzing.
    budget_changed = product.budget is not None and product.budget != toewijzing.budget
    omvang = product.omvang
    total_changed = omvang is not None and omvang.frequentie == TOTAAL and (
        omvang.volume, omvang.eenheid, omvang.frequentie) != (
        toewijzing.volume, toewijzing.eenheid, toewijzing.frequentie)
    if (budget_changed or total_changed) and \
            product.gewenste_ingangsdatum != toewijzing.ingangsdatum:
        ctx.reject(ref=product.ref, rule="TR373",
                   text=str(_("A budget or total changes for the whole period: start it on "
                              "%(date)s.")) % {"date": toewijzing.ingangsdatum})


def _omvang_fits_the_product(ctx, product, toewijzing) -> None:
    """TR375/TR411/TR412: a TeWijzigenProduct carries no Product, so whether it needs an
    Omvang follows the stored toewijzing (the stateless part, CD096, is in check())."""
    new_regime = product.einddatum is None or product.einddatum > OLD_REGIME_END
    if not toewijzing.product_categorie and new_regime and product.omvang is not None:
        ctx.reject(ref=product.ref, rule="TR375",
                   text=str(_("The toewijzing has no product, so leave the omvang out.")))
    elif toewijzing.product_code and product.omvang is None:
        ctx.reject(ref=product.ref, rule="TR411",
                   text=str(_("The toewijzing has a product code, so give an omvang.")))
    elif toewijzing.product_categorie and not toewijzing.product_code and new_regime and \
            product.omvang is not None:
        ctx.reject(ref=product.ref, rule="TR412",
                   text=str(_("The toewijzing has no product code, so leave the omvang out.")))


def _no_overlap(ctx, verzoek, stored) -> None:
    """TR361: one product (its code, else its category; no category clashes with all) occurs
    more than once only for periods that do not overlap. TeWijzigenProduct and
    OngewijzigdProduct take their product from the toewijzing with their ToewijzingNummer."""
    items = []
    for product in verzoek.ongewijzigde_producten:
        t = stored[product.toewijzing_nummer]
        items.append((product.ref, _product(t), t.ingangsdatum, t.einddatum))
    for product in verzoek.te_wijzigen_producten:
        t = stored[product.toewijzing_nummer]
        items.append((product.ref, _product(t), product.gewenste_ingangsdatum,
                      product.einddatum or t.einddatum))
    for product in verzoek.nieuwe_producten:
        items.append((product.ref, product.product, product.gewenste_ingangsdatum,
                      product.einddatum))
    checks = Checks(today=clock.today())
    check_no_stacking(checks, "TR361", items,
                      _("The same product is requested twice for overlapping periods (see "
                        "%(other)s)."))
    for finding in checks.findings:
        ctx.reject(ref=finding.ref, rule="TR361", text=finding.text)


def _product(toewijzing) -> m.Product | None:
    if not toewijzing.product_categorie:
        return None
    return m.Product(categorie=toewijzing.product_categorie,
                     code=toewijzing.product_code or None)
