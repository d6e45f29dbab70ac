"""TR056 under concurrency: two different messages with one identification, at the same moment.
The database keeps the identification unique among processed, non-rejected messages."""

import pytest

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message, Toewijzing
from openjeugd.ijw.tests.race import run_together

# serialized_rollback: the flush after each test would otherwise drop the municipalities and
# regions the migrations load.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("round_", range(5))
def test_one_identification_is_processed_once(deliver, round_):
    ident = f"TWRACE{round_}"
    first, second = (samples.sample_jw301(identificatie=ident, toewijzing_nummer=nummer)
                     for nummer in ("1001", "1002"))
    outcomes = run_together(lambda: deliver(first), lambda: deliver(second))
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    messages = Message.objects.filter(identificatie=ident)
    assert messages.count() == 2  # both archived
    rejected = messages.get(status=Message.Status.REJECTED)
    assert [f.retourcode for f in rejected.findings.all()] == ["9056"]
    assert messages.exclude(pk=rejected.pk).get().status != Message.Status.REJECTED
    assert Toewijzing.objects.count() == 1


def test_a_rejected_message_does_not_hold_its_identification(deliver):
    # Refused on its content (an unknown municipality, TR378), the identification is free:
    # the corrected message under the same identification is processed.
    wrong = deliver(samples.sample_jw301(gemeente="0000"))
    assert wrong.message.status == Message.Status.REJECTED
    right = deliver(samples.sample_jw301())
    assert right.message.status != Message.Status.REJECTED
    assert Toewijzing.objects.count() == 1
