"""During a demo load the settings lookups answer as configured, each question asked once."""

from datetime import date

from openjeugd.demo import lookups

CALLS = []


def counting_admission(*, agb, municipality, on, new_care):
    CALLS.append((agb, municipality.pk, on, new_care))
    return f"provider {agb} for {municipality.pk} on {on}"


class Municipality:
    def __init__(self, pk):
        self.pk = pk


def test_repeated_questions_are_answered_from_memory_only_inside_the_block(settings):
    settings.IJW_PROVIDER_ADMISSION = f"{__name__}.counting_admission"
    CALLS.clear()
    a, b = Municipality(1), Municipality(2)
    day = date(2026, 3, 2)
    with lookups.remembered():
        assert settings.IJW_PROVIDER_ADMISSION == "openjeugd.demo.lookups.admitted_provider"
        answers = [lookups.admitted_provider(agb="99000001", municipality=m, on=day,
                                             new_care=False) for m in (a, a, b, a)]
    # The configured lookup's own answers, asked once per (agb, municipality, day, new care).
    assert answers == ["provider 99000001 for 1 on 2026-03-02",
                       "provider 99000001 for 1 on 2026-03-02",
                       "provider 99000001 for 2 on 2026-03-02",
                       "provider 99000001 for 1 on 2026-03-02"]
    assert CALLS == [("99000001", 1, day, False), ("99000001", 2, day, False)]
    assert settings.IJW_PROVIDER_ADMISSION == f"{__name__}.counting_admission"
