"""Messages delivered at the same moment from two threads keep the care summaries exactly in
step with the facts: two declarations adding to the same month's row both land, and a stop
racing a correction of the same start leaves the episode as the facts say.

Runs on SQLite too (IMMEDIATE transactions queue the deliveries); on PostgreSQL both run at
once and the upsert's row lock orders them.
"""

from datetime import date

import pytest
from django.db.models import Sum

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import CareEpisode, DeclaredMonth, Prestatie, Start, Stop
from openjeugd.ijw.services import summaries
from openjeugd.ijw.tests.race import run_together

ROUNDS = 3

# serialized_rollback: the flush after each test would otherwise drop the municipalities
# and regions the migrations load.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def race(deliver, first, second):
    outcomes = run_together(lambda: deliver(first), lambda: deliver(second))
    for outcome in outcomes:
        assert not isinstance(outcome, BaseException), repr(outcome)
    return outcomes


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_declarations_of_one_month_both_count(deliver, round_):
    deliver(samples.sample_jw301())
    # Two JW323s, different numbers and references, the same provider, municipality and
    # product, lines beginning in the same month (1-14 and 15-28 February, so neither repeats
    # the other, TR389): one DeclaredMonth row. 8 x 85.50 = 684.00 and 6 x 85.50 = 513.00,
    # 1197.00 declared over two lines (what is granted is the rules' business, not this test's:
    # the granted sum must equal the lines' own).
    halves = {"A": (date(2026, 2, 1), date(2026, 2, 14), 8),
              "B": (date(2026, 2, 15), date(2026, 2, 28), 6)}
    first, second = (
        samples.sample_jw323(identificatie=f"DC7{round_}{side}",
                             declaratie_nummer=f"DM{round_}{side}",
                             prestaties=[samples.sample_prestatie(
                                 referentie=f"M{round_}{side}", begindatum=begin,
                                 einddatum=end, volume=volume)])
        for side, (begin, end, volume) in halves.items())
    race(deliver, first, second)
    row = DeclaredMonth.objects.get()
    assert (row.month, row.declared_cents, row.lines) == (date(2026, 2, 1), 119700, 2)
    granted = Prestatie.objects.aggregate(total=Sum("toegekend"))["total"]
    assert row.granted_cents == summaries.cents(granted)
    assert summaries.stored() == summaries.recount()


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_a_stop_racing_a_deleted_start_leaves_the_episode_as_the_facts_say(deliver, round_):
    deliver(samples.sample_jw301())
    deliver(samples.sample_jw305())
    # A temporary stop and the start's deletion for the same start at the same moment
    # (a temporary stop does not block the deletion, TR071). Whichever order the database
    # gives them, the episode must equal a recount from the facts.
    stop = samples.sample_jw307(identificatie=f"SP7{round_}", einddatum=date(2026, 3, 1),
                                reden_beeindiging="20")
    delete = samples.sample_jw305(identificatie=f"ST7{round_}", status_aanlevering="3")
    race(deliver, stop, delete)
    assert summaries.stored() == summaries.recount()
    # The start is gone either way. If the stop was taken (before the deletion, or alongside
    # it), the key keeps it and so its row; if it came after, it was refused (TR069) and the
    # key has no facts and no row.
    assert not Start.objects.filter(deleted_by__isnull=True).exists()
    if Stop.objects.exists():
        episode = CareEpisode.objects.get()
        assert episode.start_id is None and episode.paused_on == date(2026, 3, 1)
    else:
        assert not CareEpisode.objects.exists()
