"""Two professionals edit the same object: the second save is refused, not silently lost."""

from datetime import date

import pytest

from openjeugd.pathways.models import Case, RequestForHelp
from openjeugd.pathways.services import base, cases


def test_second_save_with_a_stale_version_is_refused(case, people):
    seen_by_a = Case.objects.get(pk=case.pk)
    seen_by_b = Case.objects.get(pk=case.pk)
    cases.update_case(people["worker"], case=seen_by_a, version=seen_by_a.version,
                      responsible=people["colleague"])
    with pytest.raises(base.Conflict) as error:
        cases.update_case(people["colleague"], case=seen_by_b, version=seen_by_b.version,
                          responsible=people["worker"])
    assert "Someone else saved this case" in " ".join(error.value.message_dict["version"])
    case.refresh_from_db()
    # A's change stands; the version moved once.
    assert (case.responsible, case.version) == (people["colleague"], 2)


def test_triage_conflict(case, people):
    item = cases.record_request(people["worker"], case=case, channel="phone",
                                received_on=date(2026, 6, 1), domains={"school_work": "Verzuim"})
    fields = {"urgency": "high", "speed": "within_week", "triaged_on": date(2026, 6, 2),
              "outcomes": ["slt_help", "network"]}
    cases.triage(people["worker"], item=item, version=1, assigned_to=people["colleague"],
                 **fields)
    with pytest.raises(base.Conflict):
        cases.triage(people["colleague"], item=RequestForHelp.objects.get(pk=item.pk),
                     version=1, assigned_to=people["worker"], **fields)
    item.refresh_from_db()
    assert (item.assigned_to, item.version) == (people["colleague"], 2)
    assert sorted(item.outcomes.values_list("outcome", flat=True)) == ["network", "slt_help"]
