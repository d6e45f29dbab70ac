"""Refusals of the funding calculations: a ValueError that names the field and the rule."""


class FundingError(ValueError):
    """Bad input for a funding calculation; `field` and `rule` say what and why."""

    def __init__(self, field: str, rule: str, message: str):
        self.field = field
        self.rule = rule
        super().__init__(f"{field}: {message} (rule: {rule})")


class InvalidPeriodError(FundingError):
    """A period that ends before it starts, or lies outside what it must lie in."""


class WrongUnitError(FundingError):
    """A volume or tariff in an eenheid the calculation cannot price."""


class NegativeAmountError(FundingError):
    """A negative volume or amount where only a credit line (COD043 C) may lower a total."""


class TariffError(FundingError):
    """Overlapping tariff periods, or a date that no tariff covers."""


class SharingKeyError(FundingError):
    """A cost-sharing key without positive weights."""


class StackingError(FundingError):
    """Two profile tariffs for one family where seed 004 allows only one."""


class MeerwerkError(FundingError):
    """An amount above the agreed fixed price (seed 004: no meerwerk)."""


class BudgetRevisionError(FundingError):
    """A change of an annual total budget that seed 002 does not allow."""
