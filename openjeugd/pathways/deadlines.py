"""Due dates of the care pathway. Pure: no Django, so it is tested without a database.

Each term cites the seed it comes from; the numbers themselves are the region's
(PathwayConfig) and are passed in, with the seeds' values as defaults.
"""

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from openjeugd.lib.workdays import add_working_days


def add_months(d: date, months: int) -> date:
    """Calendar months; a day that does not exist in the target month becomes its last day
    (31 August − 6 months = 28/29 February)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, monthrange(year, month)[1]))


def birthday(birth_date: date, age: int) -> date:
    # A 29 February child has its birthday on 28 February in other years (add_months clamps).
    return add_months(birth_date, 12 * age)


def brigade_available_by(deployed_on: date, working_days: int = 3) -> date:
    """seed 000 §6.1 "planbare zorg die binnen 3 werkdagen beschikbaar is": counted like the
    iJw terms, from the day after deployment, skipping weekends and Dutch holidays."""
    return add_working_days(deployed_on, working_days)


def crisis_intervention_due(reported_at: datetime, hours: int = 24) -> datetime:
    """seed 003 "binnen 24 uur een interventie nodig"."""
    return reported_at + timedelta(hours=hours)


def acuut_days(first: date, last: date) -> int:
    """Days of an Acuut period, both ends included (1 March–14 March is 14 days)."""
    return (last - first).days + 1


def acuut_last_day(first: date, max_days: int = 14) -> date:
    """seed 004 "spoedeisende hulp ... maximaal 14 dagen"."""
    return first + timedelta(days=max_days - 1)


def follow_up_window(planned_outflow: date, months_min: int = 3,
                     months_max: int = 6) -> tuple[date, date]:
    """seed 000 §8 "minimaal 3 tot 6 maanden van tevoren starten met het regelen van een
    vervolgplek": arranging starts at outflow − 6 months and is due at outflow − 3 months."""
    return add_months(planned_outflow, -months_max), add_months(planned_outflow, -months_min)


def follow_up_due_before_18(birth_date: date, months: int = 3) -> date:
    """seed 000 §8 "minimaal drie maanden voor de 18e verjaardag duidelijk"."""
    return add_months(birthday(birth_date, 18), -months)


def toekomstplan_due(birth_date: date, age: int = 16) -> date:
    """seed 003 "Zodra een jeugdige 16 jaar wordt, stellen we ... een toekomstplan op"."""
    return birthday(birth_date, age)


@dataclass(frozen=True)
class Moments:
    start: date
    end: date | None
    plus_6m: date | None
    plus_2y: date | None


def measurement_moments(started: date, ended: date | None, *,
                        after_two_years: bool = False) -> Moments:
    """seed 004 "bij start behandeling, eind behandeling, 6 maanden na afsluiting ... en
    (eventueel) 2 jaar na afsluiting"."""
    if ended is None:
        return Moments(started, None, None, None)
    return Moments(started, ended, add_months(ended, 6),
                   add_months(ended, 24) if after_two_years else None)


def is_overdue(due: date, today: date) -> bool:
    """Due today is still on time; the day after it is overdue."""
    return today > due
