"""Rules that need stored context (earlier messages, contracts, external lists).

`check()` cannot decide these from one message; the Django app does, with the retourcode and
level listed here (from WJ001 and the TR texts; codes.RULE_RETOURCODES holds the same, and
`Context.reject(rule=...)` looks them up there). Rules with a stateless part are marked: that
part is already checked by `check()`. Each rule is applied unless NOT_APPLIED says why not;
ijw/tests/test_rules_applied_table.py fails when an applied rule has no test producing its
code through ingest. PIPELINE_INSTRUCTIONS lists the invulinstructies processing follows.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class StatefulRule:
    rule: str
    retourcode: str
    level: str  # where the code goes in the return: header / declaratie / client / product
    messages: tuple[str, ...]
    description: str
    # Honest bookkeeping: a rule marked applied has a test that produces its code at its level
    # through the real ingest path (ijw/tests/test_rules_applied_table.py fails otherwise).
    not_applied: str = ""  # why not, when the app does not apply it

    @property
    def applied(self) -> bool:
        return not self.not_applied


# Rules the app does not apply (yet), and why.
NOT_APPLIED: dict[str, str] = {
    "TR381": "No product code list in force is available (../shared/ijw/codelijsten has JZ020 "
             "categories only), so processing cannot pass product_code_fits= to check().",
    "TR366": "Open Jeugd builds every JW325 itself from the JW323 it answers (codec "
             "build_declaratie_antwoord), so it holds by construction; a JW325 imported from "
             "history is only linked (handlers/replies.py), not compared with the JW323.",
    "TR367": "As TR366: our JW325 repeats the declared values by construction; imported ones "
             "are not compared.",
}


def _r(rule, retourcode, level, messages, description) -> StatefulRule:
    return StatefulRule(rule, retourcode, level, tuple(messages.split()), description,
                        NOT_APPLIED.get(rule, ""))


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
    _r("OP033", "9326", "product", "JW305 JW307",
       "A correction is a delete (3) of the old record plus a new first delivery (1); the "
       "deletes of a message are processed before its new records whatever their order (IV008), "
       "so delete + new in one message works. A new start while the old one was not deleted "
       "gets 9326 (TR326), a record with the key of an undeleted one 9074 (TR074), a delete of "
       "nothing 9063 (TR063)."),
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
    _r("TR318", "8214", "declaratie", "JW323",
       "When care was delivered every period, the DeclaratiePeriode is the month after the "
       "previous one; OP284 allows overlap only for corrections on the latest period, so a "
       "period before the latest declared one is refused. The code goes on the "
       "DeclaratieAntwoord, the class holding DeclaratiePeriode (IV087/IV088)."),
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
       "ProductPeriode starts on the 1st of its month; when the toewijzing starts later that "
       "month, on the toewijzing's ingangsdatum."),
    _r("TR388", "9388", "product", "JW323",
       "ProductPeriode ends on the last day of its month; when the toewijzing ends earlier that "
       "month, on the toewijzing's einddatum."),
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


@dataclass(frozen=True)
class Instruction:
    """An invulinstructie the processing pipeline follows, and where."""

    iv: str
    summary: str
    where: str


PIPELINE_INSTRUCTIONS: tuple[Instruction, ...] = (
    Instruction("IV008", "Corrections of start/stop: the delete (StatusAanlevering 3) is "
                "processed before the new record, whatever their order in the message.",
                "services/handlers/start_stop.deletions_first (with OP033)"),
    Instruction("IV028", "A rule's code goes on the class that holds the element; the other "
                "classes get 0200 or 0233; a level-2 error returns the Header with 0001 alone.",
                "services/processing.Context.reject (level from the record's class, checked "
                "against this table), processing._judge, codec.returns"),
    Instruction("IV032", "An error on controleniveau 3 or 4 rejects the whole message: nothing "
                "in it changes any state.",
                "services/processing._apply_whole (the handler's savepoint is rolled back)"),
    Instruction("IV087", "The JW325 answers a declaration: the Declaratie's own errors (TR333, "
                "TR318) on the DeclaratieAntwoord, a Client's error leaves its prestaties "
                "unassessed (0233), granted prestaties are not listed.",
                "services/handlers/declaratie, codec.returns.build_declaratie_antwoord"),
    Instruction("IV088", "A declaration is judged prestatie by prestatie; the approved ones are "
                "processed (the exception to IV032).",
                "services/processing.LINE_BY_LINE, services/handlers/declaratie"),
    Instruction("IV097", "Every AangevraagdProduct of a JW315 has its own ReferentieAanbieder "
                "and is answered on its own (JW301 product or JW319).",
                "services/handlers/verzoek (one Verzoek per product), toewijzing (TR379)"),
)
