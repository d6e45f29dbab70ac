"""Rules that need stored context (earlier messages, contracts, external lists).

`check()` cannot decide these from one message; the Django app does, with the retourcode and
level listed here (from WJ001 and the TR texts). Rules with a stateless part are marked: that
part is already checked by `check()`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class StatefulRule:
    rule: str
    retourcode: str
    level: str  # where the code goes in the return: header / client / product
    messages: tuple[str, ...]
    description: str


def _r(rule, retourcode, level, messages, description) -> StatefulRule:
    return StatefulRule(rule, retourcode, level, tuple(messages.split()), description)


STATEFUL_RULES: tuple[StatefulRule, ...] = (
    # Any message
    _r("TR056", "9056", "header", "JW301 JW305 JW307 JW315 JW317 JW319 JW323 JW325",
       "BerichtIdentificatie is unique per sender and message type across all messages received."),
    _r("TR378", "S300", "header", "JW301 JW305 JW307 JW315 JW317 JW319 JW323 JW325",
       "Gemeentecode exists in the CBS division valid on the (toewijzing) ingangsdatum; an older "
       "division is allowed after a herindeling. check() does it when given gemeentecodes=."),
    _r("TR381", "S329", "product", "JW301 JW305 JW307 JW315 JW317 JW323",
       "ProductCode belongs to the ProductCategorie in the product code list in force. check() "
       "does it when given product_code_fits=."),
    # JW301 toewijzing
    _r("TR332", "9332", "product", "JW301",
       "ToewijzingNummer is unique per municipality within the Jeugdwet (a resend of the same "
       "toewijzing, e.g. with a new einddatum, keeps its number and is an update)."),
    _r("TR379", "9379", "product", "JW301",
       "ReferentieAanbieder is filled only when honouring a received VOT/VOW, with its reference."),
    _r("TR385", "9385", "product", "JW301",
       "A toewijzing with granted (not credited) prestaties may not be deleted with reden "
       "wijziging 13 (OP362)."),
    # JW305 / JW307 start and stop
    _r("TR019", "9019", "product", "JW305 JW307",
       "Start/stop refers by ToewijzingNummer to a toewijzing of this provider for this client "
       "(check() already rejects a missing ToewijzingNummer)."),
    _r("TR074", "9074", "product", "JW305 JW307",
       "StatusAanlevering 1: the key (Bsn, ToewijzingNummer, Begindatum; for a stop also "
       "Einddatum/RedenBeeindiging) was not delivered before."),
    _r("TR063", "9063", "product", "JW305 JW307",
       "StatusAanlevering 3: an earlier delivery with the same key exists to delete."),
    _r("OP033", "9074", "product", "JW305 JW307",
       "A correction is a delete (3) of the old record plus a new first delivery (1); process the "
       "deletes of a message before its new records, so delete + new in one message works. A new "
       "record that clashes with an undeleted one gets 9074 (TR074), a delete of nothing 9063."),
    _r("TR326", "9326", "product", "JW305",
       "A new start only when the toewijzing has no current (unstopped) start."),
    _r("TR071", "9071", "product", "JW305",
       "A start may not be deleted once a (definitive) stop was sent for it."),
    _r("TR069", "9069", "product", "JW307",
       "A stop needs a current start with the same Bsn, ToewijzingNummer and Begindatum "
       "(TR382: key fields copied unchanged from the start; OP072)."),
    _r("TR413", "9413", "product", "JW307",
       "After a temporary stop (reden 20) another temporary stop for the same start is refused."),
    _r("TR414", "9414", "product", "JW307",
       "Einddatum of a new stop is >= the einddatum of the current stop for the same start."),
    _r("TR415", "9415", "product", "JW307",
       "No new stop once a definitive stop (reden <> 20) exists for the same start."),
    # JW315 / JW317 verzoek, JW319 antwoord
    _r("TR347", "9347", "product", "JW315 JW317",
       "ReferentieAanbieder is unique for the provider (JW317: on the Verzoek, level client)."),
    _r("TR374", "9374", "client", "JW315 JW317",
       "No request for this client from this provider is still unanswered."),
    _r("TR304", "8187", "client", "JW317 JW323 JW325",
       "Bsn equals the Bsn of the client of the referred toewijzing / declaration."),
    _r("TR349", "9349", "client", "JW317",
       "The VOW lists every current toewijzing of the client (unchanged or to change)."),
    _r("TR350", "9350", "product", "JW317",
       "OngewijzigdProduct refers to a current toewijzing by ToewijzingNummer."),
    _r("TR351", "9351", "product", "JW317",
       "TeWijzigenProduct refers to a current toewijzing by ToewijzingNummer."),
    _r("TR357", "9357", "product", "JW317",
       "GewensteIngangsdatum <= dagtekening only when it equals the ingangsdatum of the original "
       "toegewezen product."),
    _r("TR361", "9361", "product", "JW317",
       "The same product (code, else category) does not occur twice with overlapping periods, "
       "counting the stored product of each TeWijzigenProduct (NieuwProduct among themselves: "
       "TR410, done by check())."),
    _r("TR373", "9373", "product", "JW317",
       "A changed budget or total-per-period volume keeps the ingangsdatum of the toewijzing."),
    _r("TR375", "9375", "product", "JW317",
       "Omvang stays empty when the toewijzing has no Product and its einddatum is after "
       "2020-12-31 or empty."),
    _r("TR411", "9411", "product", "JW317",
       "Omvang is required when the toewijzing's Product has a Code."),
    _r("TR412", "9412", "product", "JW317",
       "Omvang stays empty when the toewijzing's Product has no Code (einddatum after 2020-12-31 "
       "or empty)."),
    _r("TR355", "9355", "product", "JW319",
       "ReferentieAanbieder of the answer occurs in an earlier VOT/VOW."),
    _r("TR359", "9359", "product", "JW319",
       "No answer after a toewijzing was already sent for that ReferentieAanbieder."),
    _r("TR360", "9360", "product", "JW319",
       "'Aanvraag in onderzoek' (2) only as the first answer to a ReferentieAanbieder."),
    _r("TR365", "9365", "product", "JW319",
       "A further answer only when the earlier one was 'Aanvraag in onderzoek'."),
    # JW323 declaratie, JW325 antwoord
    _r("TR333", "9333", "declaratie", "JW323",
       "DeclaratieNummer is unique for the provider."),
    _r("TR318", "8214", "header", "JW323",
       "When care was delivered every period, the DeclaratiePeriode is the month after the "
       "previous one (OP284)."),
    _r("TR314", "8021", "product", "JW323",
       "ReferentieNummer of the prestatie is unique for the provider across messages (within one "
       "message check() refuses duplicates under TR101)."),
    _r("TR338", "9338", "product", "JW323",
       "The prestatie refers to a toegewezen product by ToewijzingNummer (for this client)."),
    _r("TR384", "9384", "product", "JW323",
       "No declaring on a toewijzing deleted with reden wijziging 13."),
    _r("TR339", "9339", "product", "JW323",
       "ProductCategorie equals the one of the toegewezen product."),
    _r("TR340", "9340", "product", "JW323",
       "ProductCode equals the one of the toegewezen product, when it has one."),
    _r("TR341", "9341", "product", "JW323",
       "Eenheid fits the eenheid of the toegewezen product (OP267)."),
    _r("TR307", "9307", "product", "JW323",
       "ProductPeriode begindatum >= ingangsdatum of the toewijzing (OP279, OP368)."),
    _r("TR308", "9308", "product", "JW323",
       "ProductPeriode einddatum <= einddatum of the toewijzing, when that is set."),
    _r("TR387", "9387", "product", "JW323",
       "ProductPeriode starts on the 1st of its month unless the toewijzing starts later that "
       "month."),
    _r("TR388", "9388", "product", "JW323",
       "ProductPeriode ends on the last day of its month unless the toewijzing ends earlier that "
       "month."),
    _r("TR321", "9321", "product", "JW323",
       "GeleverdVolume fits the omvang (volume x frequentie) of the toewijzing in the period."),
    _r("TR322", "9322", "product", "JW323",
       "All declared volumes on one toewijzing together fit its omvang."),
    _r("TR369", "9369", "product", "JW323",
       "All declared amounts on one toewijzing with a budget together fit the budget."),
    _r("TR418", "0611", "product", "JW323",
       "ProductTarief equals the contract tariff of the product code (OP262, OP263)."),
    _r("TR346", "9346", "product", "JW323",
       "IngediendBedrag = GeleverdVolume x unrounded contract tariff (minutes on an hour tariff: "
       "hour tariff x minutes / 60, rounded; IV081). check() already refuses amounts that no "
       "tariff consistent with the ProductTarief can explain."),
    _r("TR323", "8017", "product", "JW323",
       "A credit prestatie refers to an earlier granted debit prestatie (VorigReferentieNummer)."),
    _r("TR389", "9389", "product", "JW323",
       "A debit for the same ToewijzingNummer, ProductPeriode, categorie and code only when the "
       "earlier debit was credited (OP366)."),
    _r("TR390", "9390", "product", "JW323",
       "A prestatie may be credited only once (OP360)."),
    _r("TR366", "9366", "product", "JW325",
       "Every prestatie in the answer occurs in the declaration (ProductReferentie)."),
    _r("TR367", "9367", "product", "JW325",
       "Every value of an answered prestatie equals the declared one."),
)
