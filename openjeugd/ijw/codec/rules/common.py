"""Checks shared by several messages: header, client data, contacts, product conditions."""

import re
from datetime import date

from django.utils.translation import gettext_lazy as _

from .. import codes
from ..model import MESSAGE_CODES, Message, Naam, Omvang, Product
from .base import Checks, bsn_valid, overlaps

GEMEENTECODE = re.compile(r"[0-9]{4}")
AGB_CODE = re.compile(r"[0-9]{8}")
POSTCODE_NL = re.compile(r"[1-9][0-9]{3}[a-zA-Z]{2}")  # CS089
# Messages whose header Afzender is the municipality; a return copies the header of the
# message it answers (IV028), so JW302/JW320 keep the municipality as Afzender too.
GEMEENTE_SENDS = frozenset({"JW301", "JW302", "JW319", "JW320", "JW325"})
# CD080/CD095/CD096/CS338/CS343 only bind toewijzingen running into 2021 or later.
OLD_REGIME_END = date(2020, 12, 31)
FREQUENTIE_PER_PERIODE = frozenset({"2", "4", "6"})
EENHEDEN_MET_PERIODE = frozenset({"14", "16", "83", "84"})


def code_in_list(c: Checks, list_id: str, value, ref: str, element: str) -> bool:
    """Code-list membership; the XSD enumerates these lists, so a miss is a 0001 refusal."""
    if value is None or codes.is_valid_code(list_id, value):
        return True
    c.add(list_id, ref, _("%(element)s %(value)s is not in code list %(list)s."),
          element=element, value=value, list=list_id)
    return False


# --- header --------------------------------------------------------------------------------


def check_header(c: Checks, msg: Message) -> None:
    h = msg.header
    if h.berichtcode != MESSAGE_CODES[msg.code]:  # fixed per message in the XSD (COD002)
        c.add("XSD", h.ref, _("BerichtCode %(got)s does not belong to %(msg)s (expected "
                               "%(want)s)."), got=h.berichtcode, msg=msg.code,
              want=MESSAGE_CODES[msg.code])
    if h.berichtversie != 3:  # CS025
        c.add("CS025", h.ref, _("BerichtVersie must be 3."))
    if h.berichtsubversie != 2:  # CS015
        c.add("CS015", h.ref, _("BerichtSubversie must be 2."))
    _check_parties(c, msg)
    # TR135: a message cannot be dated after the day it is checked.
    for value in (h.dagtekening, h.dagtekening_retour):
        if value is not None and value > c.today:
            c.add("TR135", h.ref, _("Dagtekening %(date)s lies in the future."), date=value)


def _check_parties(c: Checks, msg: Message) -> None:
    h = msg.header
    gemeente, agb = ("afzender", "ontvanger") if msg.code in GEMEENTE_SENDS else (
        "ontvanger", "afzender")
    gemeente_code, agb_code = getattr(h, gemeente), getattr(h, agb)
    if not GEMEENTECODE.fullmatch(gemeente_code or ""):
        c.add("XSD", h.ref, _("%(field)s must be a four-digit gemeentecode, not %(value)r."),
              field=gemeente.capitalize(), value=gemeente_code)
    else:
        check_gemeentecode(c, gemeente_code, h.ref)
    if not AGB_CODE.fullmatch(agb_code or ""):
        c.add("XSD", h.ref, _("%(field)s must be an eight-digit AGB code, not %(value)r."),
              field=agb.capitalize(), value=agb_code)


def check_gemeentecode(c: Checks, value: str, ref: str, level=None) -> None:
    # TR378: only when the caller passed the CBS division (an external list).
    if c.gemeentecodes is not None and value not in c.gemeentecodes:
        c.add("TR378", ref, _("Gemeentecode %(code)s is not in the CBS municipal division."),
              level=level, code=value)


def check_retourcodes(c: Checks, msg: Message) -> None:
    """Every RetourCode a return message carries comes from WJ001."""
    for record in msg.records():
        for code in getattr(record, "retourcodes", None) or []:
            code_in_list(c, "WJ001", code, record.ref, "RetourCode")


# --- client data -----------------------------------------------------------------------------


def check_bsn(c: Checks, bsn: str, ref: str) -> None:
    if not bsn_valid(bsn):  # CS002 (OP079: the BSN is mandatory and identifies the client)
        c.add("CS002", ref, _("BSN %(bsn)s does not pass the 11-proef."), bsn=bsn)


def check_geboortedatum(c: Checks, born: date | None, gebruik: str | None, ref: str,
                        dagtekening: date) -> None:
    if born is None:
        return
    code_in_list(c, "COD170", gebruik, ref, "DatumGebruik")
    # CS139 (OP252): the unknown parts of the date are filled with 01, an unknown date is
    # 01-01-1900.
    consistent = {
        None: True,
        "1": born.day == 1,
        "2": (born.day, born.month) == (1, 1),
        "3": born == date(1900, 1, 1),
    }.get(gebruik, True)
    if not consistent:
        c.add("CS139", ref, _("Geboortedatum %(date)s does not match DatumGebruik %(code)s."),
              date=born, code=gebruik)
    if born > dagtekening:  # TR134
        c.add("TR134", ref, _("Geboortedatum %(date)s lies after the dagtekening."), date=born)
    elif gebruik != codes.DATUM_ONBEKEND and born < _years_before(dagtekening, 120):  # TR002
        c.add("TR002", ref, _("Geboortedatum %(date)s lies more than 120 years before the "
                              "dagtekening."), date=born)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def check_persoon(c: Checks, person, dagtekening: date) -> None:
    check_bsn(c, person.bsn, person.ref)
    check_geboortedatum(c, person.geboortedatum, person.geboortedatum_gebruik, person.ref,
                        dagtekening)
    code_in_list(c, "COD046", person.geslacht, person.ref, "Geslacht")


def check_volledige_naam(c: Checks, naam: Naam, ref: str, *, client: bool) -> None:
    """JW301 names: CS050 (NaamGebruik fits the partner name) and CS318 (client)."""
    if not code_in_list(c, "COD700", naam.naam_gebruik, ref, "NaamGebruik"):
        return
    if naam.naam_gebruik is None:
        return
    if client and naam.naam_gebruik == "6":  # CS318: a client is a natural person
        c.add("CS318", ref, _("NaamGebruik 6 (not a natural person) is not allowed for a "
                              "client."))
        return
    has_partner = bool(naam.partnernaam_achternaam)
    allowed = {"1", "2", "3", "4"} if has_partner else {"1", "6"}
    if naam.naam_gebruik not in allowed:
        c.add("CS050", ref, _("NaamGebruik %(code)s does not fit: with a partner name use 1-4, "
                              "without one 1 or 6."), code=naam.naam_gebruik)


def check_contact(c: Checks, contact) -> None:
    ref = contact.ref
    code_in_list(c, "COD757", contact.soort, ref, "Soort")
    adres = contact.adres
    if contact.soort in ("01", "03") and (adres is None or not adres.postcode):  # CD034
        c.add("CD034", ref, _("A BRP or residential address needs a postcode."))
    if adres is not None:
        if adres.postcode and not adres.land_code:  # CD005
            c.add("CD005", ref, _("LandCode is required when a postcode is given."))
        if not adres.postcode and adres.land_code:
            c.add("CD005", ref, _("LandCode must be left out when there is no postcode."))
        if adres.land_code == "NL":
            if adres.huisnummer is None and not adres.aanduiding_woonadres:  # CD025
                c.add("CD025", ref, _("A Dutch address needs a house number."))
            if adres.postcode and not POSTCODE_NL.fullmatch(adres.postcode):  # CS089
                c.add("CS089", ref, _("Postcode %(code)s is not a Dutch postcode (1234AB)."),
                      code=adres.postcode)
        code_in_list(c, "NUM061", adres.aanduiding_woonadres, ref, "AanduidingWoonadres")
    periode = contact.periode
    if periode is not None:
        if contact.soort != "04":  # CD009
            c.add("CD009", ref, _("Only a temporary address (soort 04) has a period."))
        if periode.begindatum and periode.einddatum and periode.einddatum < periode.begindatum:
            c.add("CS003", ref, _("The end date lies before the start date."))  # CS003


# --- product, omvang and budget (toewijzing, VOT, VOW) ------------------------------------


def check_product(c: Checks, product: Product | None, ref: str) -> None:
    if product is None:
        return
    if not product.categorie:  # the XSD makes Categorie mandatory inside Product
        c.add("XSD", ref, _("A product code needs a product category."))
        return
    if code_in_list(c, "JZ020", product.categorie, ref, "ProductCategorie") and product.code:
        check_product_code(c, product.categorie, product.code, ref)


def check_product_code(c: Checks, categorie: str, code: str, ref: str) -> None:
    # TR381: only with the product code list the caller passed in (an external list).
    if c.product_code_fits is not None and not c.product_code_fits(categorie, code):
        c.add("TR381", ref, _("Product code %(code)s does not belong to category %(cat)s."),
              code=code, cat=categorie)


def check_omvang_codes(c: Checks, omvang: Omvang | None, ref: str) -> None:
    if omvang is not None:
        code_in_list(c, "WJ756", omvang.eenheid, ref, "Eenheid")
        code_in_list(c, "WMO757", omvang.frequentie, ref, "Frequentie")


def check_toewijzing_conditions(c: Checks, ref: str, *, product_element: bool,
                                product: Product | None, omvang: Omvang | None, budget,
                                start: date, end: date | None, empty_omvang_rule: str,
                                frequentie_rule: str = "CS338") -> None:
    """The conditions on Product / Omvang / Budget / Einddatum that decide the
    toewijzingsvariant (inspanning with omvang, output with budget or per piece).

    product_element is False for a TeWijzigenProduct, which carries no Product of its own
    (TR375/TR411/TR412 check it against the stored toewijzing instead).
    """
    check_product(c, product, ref)
    check_omvang_codes(c, omvang, ref)
    if product_element and product is None and budget is None:  # CD079
        c.add("CD079", ref, _("Without a budget a product is required."))
    if budget is not None and end is None:  # CD075
        c.add("CD075", ref, _("An end date is required with a budget."))
    if omvang is not None and omvang.frequentie == "2" and end is None:  # CD076
        c.add("CD076", ref, _("An end date is required with frequency 'per week'."))
    if end is not None and end < start:  # CS003
        c.add("CS003", ref, _("The end date %(end)s lies before the start date %(start)s."),
              end=end, start=start)
    if omvang is not None and budget is not None:  # CD077 / CD078
        c.add("CD077", ref, _("Give either an omvang or a budget, not both."))
    new_regime = end is None or end > OLD_REGIME_END
    if product_element:
        has_code = product is not None and bool(product.code)
        if has_code and omvang is None:  # CD041
            c.add("CD041", ref, _("An omvang is required when a product code is given."))
        if not has_code and omvang is not None and new_regime:  # CD080 / CD095 / CD096
            c.add(empty_omvang_rule, ref, _("Without a product code the omvang must be left "
                                            "out."))
    if (omvang is not None and new_regime and omvang.eenheid in EENHEDEN_MET_PERIODE
            and omvang.frequentie not in FREQUENTIE_PER_PERIODE):  # CS338 / CS343
        c.add(frequentie_rule, ref, _("With unit %(unit)s the frequency must be per week, per "
                                      "month or total (2, 4 or 6)."), unit=omvang.eenheid)


def product_key(product: Product | None):
    """What 'the same product' means for stacking (TR302/TR386/TR410): the code when there is
    one, else the category; None when there is no product (it clashes with everything)."""
    if product is None:
        return None
    return ("code", product.categorie, product.code) if product.code else ("cat",
                                                                             product.categorie)


def check_no_stacking(c: Checks, rule: str, items, text) -> None:
    """items: (ref, product, start, end). Same product with overlapping periods is refused."""
    items = list(items)
    for i, (ref, product, start, end) in enumerate(items):
        for other_ref, other, other_start, other_end in items[:i]:
            key, other_key = product_key(product), product_key(other)
            same = key is None or other_key is None or key == other_key
            if not same and "cat" in (key[0], other_key[0]):
                same = key[1] == other_key[1]  # a category-wide product covers its codes
            if same and overlaps(start, end, other_start, other_end):
                c.add(rule, ref, text, other=other_ref)
                break
