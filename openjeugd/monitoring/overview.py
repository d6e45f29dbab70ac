"""The region's message overview (moved here from ijw/selectors.py, issue #11): volumes,
rejection rates and overdue answers over the traffic of the user's municipalities. Figures
only, no personal data: it needs VIEW_REGION_FIGURES, not VIEW_MESSAGES.

Monitoring reads ijw's tallies (ijw.models.tallies, kept by ijw.services.tallies), whose size
grows with months and parties, not with messages; overdue answers come from the few messages
still waiting (a partial index). ijw keeps the tallies and never imports monitoring."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Min, Sum

from openjeugd.accounts import policy
from openjeugd.ijw import clock
from openjeugd.ijw.codec import codes
from openjeugd.ijw.models import FindingTally, Message, MessageTally, Verzoek
from openjeugd.ijw.selectors import message_label, messages_visible_to

# What the region refused, wholly or in part, of what a provider sent.
REJECTED = [Message.Status.REJECTED, Message.Status.PARTLY_GRANTED]


@dataclass
class Overview:
    codes: list[str]
    volumes: list[tuple[date, list[int], int]]  # (month, count per code, total)
    provider_rejections: list[dict]
    retourcodes: list[dict]
    overdue_verzoeken: list[dict]
    overdue_messages: list[dict]
    total_messages: int
    since: date | None = None  # the first month the figures count


# The current month and the twelve before it: the monthly meetings look back a year (seed 000
# "maandelijks ... per kwartaal"), and the page then costs the same after one year of
# history as after ten (issue #14). Older months: the monitoring dashboard and its reports.
MONTHS_SHOWN = 13


def region_overview(user) -> Overview:
    """Figures over the traffic of the user's municipalities; needs VIEW_REGION_FIGURES, not
    VIEW_MESSAGES, because nothing here identifies a youth.

    Volumes, rejections and return codes come from the tallies (ijw.models.tallies), whose
    size grows with months and parties, not with messages; overdue answers from the few
    messages still waiting (a partial index)."""
    scope = policy.message_q(user, figures=True)
    if scope is None:
        return Overview([], [], [], [], [], [], 0)
    # One pass over the user's tallies, summed per month, type, provider and status; the
    # three figures below are sums of those few rows.
    today = clock.today()
    since = first_month_shown(today)
    rows = list(MessageTally.objects.filter(scope, month__gte=since)
                .values("month", "code", "direction", "provider__name", "provider__agb_code",
                        "status").annotate(n=Sum("messages")).filter(n__gt=0).order_by())
    total = sum(r["n"] for r in rows)
    codes_seen, volumes = _volumes(rows)
    return Overview(
        codes=codes_seen, volumes=volumes,
        provider_rejections=_provider_rejections(rows),
        retourcodes=_retourcodes(FindingTally.objects.filter(scope, month__gte=since), total),
        overdue_verzoeken=_overdue_verzoeken(user, today),
        overdue_messages=_overdue_messages(messages_visible_to(user, figures=True), today),
        total_messages=total, since=since,
    )


def first_month_shown(today: date) -> date:
    """The first day of the month MONTHS_SHOWN - 1 months before today's."""
    index = today.year * 12 + today.month - 1 - (MONTHS_SHOWN - 1)
    return date(index // 12, index % 12 + 1, 1)


def _volumes(rows) -> tuple[list[str], list]:
    counts: dict = defaultdict(int)
    for r in rows:
        if r["code"]:
            counts[(r["month"], r["code"])] += r["n"]
    codes_seen = sorted({code for _month, code in counts})
    months = sorted({month for month, _code in counts})
    table = []
    for month in months:
        per_code = [counts.get((month, code), 0) for code in codes_seen]
        table.append((month, per_code, sum(per_code)))
    return codes_seen, table


def _percentage(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _provider_rejections(rows) -> list[dict]:
    # Only what providers send can be rejected by the region.
    per_provider: dict = defaultdict(lambda: [0, 0])
    for r in rows:
        if r["direction"] == Message.Direction.IN and r["provider__agb_code"] is not None:
            counts = per_provider[(r["provider__name"], r["provider__agb_code"])]
            counts[0] += r["n"]
            counts[1] += r["n"] if r["status"] in REJECTED else 0
    return [{"name": name, "agb_code": agb, "total": total, "rejected": rejected,
             "rate": _percentage(rejected, total)}
            for (name, agb), (total, rejected) in sorted(per_provider.items())]


def _retourcodes(tallies, total: int) -> list[dict]:
    rows = (tallies.values("retourcode")
            .annotate(findings=Sum("findings"), messages=Sum("messages"))
            .order_by("-messages", "retourcode"))
    return [{"retourcode": r["retourcode"], "meaning": codes.retourcode_meaning(r["retourcode"]),
             "findings": r["findings"], "messages": r["messages"],
             "rate": _percentage(r["messages"], total)} for r in rows]


def _overdue_verzoeken(user, today: date) -> list[dict]:
    open_states = [Verzoek.State.OPEN, Verzoek.State.IN_ONDERZOEK]
    late = Verzoek.objects.filter(state__in=open_states, answer_due__lt=today)
    rows = (policy.in_scope(late, user)
            .values("provider__name", "municipality__name")
            .annotate(n=Count("id"), oldest=Min("answer_due"))
            .order_by("oldest"))
    return [{"provider": r["provider__name"], "municipality": r["municipality__name"],
             "count": r["n"], "oldest_due": r["oldest"],
             "days_late": (today - r["oldest"]).days} for r in rows]


def _overdue_messages(messages, today: date) -> list[dict]:
    rows = (messages.filter(answered_at__isnull=True, answer_due__lt=today)
            .values("code").annotate(n=Count("id"), oldest=Min("answer_due")).order_by("code"))
    return [{"code": r["code"], "label": message_label(r["code"]), "count": r["n"],
             "oldest_due": r["oldest"], "days_late": (today - r["oldest"]).days} for r in rows]
