"""The message overview (moved from ijw, issue #11) reads ijw's tallies: its figures equal a
plain recount of the archive after a mixed history (imports, rejections, a partly granted
declaration, an unreadable file, a re-delivery, a crash before processing and the repair).
Runs on SQLite and PostgreSQL alike."""

import io
from datetime import date, datetime

from django.core.management import call_command
from django.db.models import Count, Q

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Finding, Message
from openjeugd.ijw.selectors import messages_visible_to
from openjeugd.ijw.services import process_pending
from openjeugd.ijw.tests.conftest import OTHER_AGB, OTHER_BSN
from openjeugd.monitoring.overview import REJECTED, region_overview


def recounted_overview_figures(user):
    """The figures as the overview used to count them: straight from the messages."""
    messages = messages_visible_to(user, figures=True)
    per_code = dict(messages.exclude(code="").values_list("code").annotate(n=Count("id")))
    rejections = {
        agb: (total, rejected) for agb, total, rejected in
        messages.filter(direction="in", provider__isnull=False)
        .values_list("provider__agb_code").annotate(
            total=Count("id"), rejected=Count("id", filter=Q(status__in=REJECTED)))}
    retourcodes = {
        code: (findings, n) for code, findings, n in
        Finding.objects.filter(message__in=messages).values_list("retourcode")
        .annotate(findings=Count("id"), n=Count("message", distinct=True))}
    return messages.count(), per_code, rejections, retourcodes


def overview_figures(user):
    figures = region_overview(user)
    per_code = {code: sum(counts[i] for _month, counts, _total in figures.volumes)
                for i, code in enumerate(figures.codes)}
    rejections = {r["agb_code"]: (r["total"], r["rejected"]) for r in figures.provider_rejections}
    retourcodes = {r["retourcode"]: (r["findings"], r["messages"]) for r in figures.retourcodes}
    return figures.total_messages, per_code, rejections, retourcodes


def test_the_overview_is_the_recount_after_the_repair(mixed_history, user_with):
    process_pending()
    call_command("ijw", "tallies", "--rebuild", stdout=io.StringIO())
    for role in ("policy_advisor", "auditor"):
        user = user_with(role)
        assert overview_figures(user) == recounted_overview_figures(user)


def test_the_overview_follows_every_write_of_the_services(deliver, two_providers_traffic,
                                                          user_with):
    deliver(samples.sample_jw301(), on=datetime(2026, 3, 11, 9, 0))
    deliver(samples.sample_jw305(agb=OTHER_AGB, bsn=OTHER_BSN, dagtekening=date(2026, 4, 1)),
            on=datetime(2026, 4, 2, 10, 0))
    deliver(samples.sample_jw323(prestaties=[
        samples.sample_prestatie(),
        samples.sample_prestatie(referentie="P000002", productcode="45A49",
                                 begindatum=date(2026, 2, 1), volume=2)]),
        on=datetime(2026, 4, 30, 23, 30))
    deliver(b"<not-ijw/>", on=datetime(2026, 5, 3, 10, 0))
    user = user_with("policy_advisor")
    total, per_code, rejections, retourcodes = overview_figures(user)
    assert (total, per_code, rejections, retourcodes) == recounted_overview_figures(user)
    # By hand: 2 JW315 + 2 JW316, our JW301, JW305 + JW306, JW323 + JW325: 9 messages; the
    # unreadable file names no party, so it is in the archive (10) but in nobody's figures.
    assert (total, Message.objects.count()) == (9, 10)
    # Our provider sent a JW315 and a JW323 (partly granted: counts as rejected); the other a
    # JW315 and a JW305 (rejected).
    assert rejections == {samples.AGB: (2, 1), OTHER_AGB: (2, 1)}


def test_another_regions_figures_stay_out(deliver, two_providers_traffic):
    from openjeugd.ijw.models import MessageTally
    from openjeugd.registry.models import Municipality
    from openjeugd.registry.tests.factories import UserFactory

    utrecht = Municipality.objects.get(code="0344")
    outsider = UserFactory(role="policy_advisor", region=utrecht.region)
    assert MessageTally.objects.exists()
    assert overview_figures(outsider) == (0, {}, {}, {})


def test_the_overview_counts_the_current_month_and_the_twelve_before(deliver, user_with):
    from openjeugd.ijw import clock
    from openjeugd.monitoring.overview import first_month_shown

    # Today (the pinned clock) lies in July 2026: July 2025 .. July 2026 is shown.
    today = clock.today()
    assert first_month_shown(today) == date(today.year - 1, today.month, 1)
    assert first_month_shown(date(2026, 1, 31)) == date(2025, 1, 1)
    assert first_month_shown(date(2026, 12, 1)) == date(2025, 12, 1)
    deliver(samples.sample_jw301(), on=datetime(today.year - 1, today.month - 1, 28, 9, 0))
    user = user_with("policy_advisor")
    assert region_overview(user).total_messages == 0  # its JW301 and our JW315? none shown
    deliver(samples.sample_jw301(identificatie="TW000002", toewijzing_nummer="1002"),
            on=datetime(today.year - 1, today.month, 1, 9, 0))
    shown = region_overview(user)
    # The second JW301 only (a toewijzing we send; no answer counted in its month).
    assert (shown.since, shown.total_messages) == (date(today.year - 1, today.month, 1), 1)
    assert [month for month, _counts, _total in shown.volumes] == [
        date(today.year - 1, today.month, 1)]
