from .agreements import AwardRule, Contract, ContractExtension, ContractPartner, Lot, TaskArea
from .budgets import Ceiling, LearningContribution
from .products import (
    ConversionRule,
    ConversionRun,
    ConversionTable,
    FundingModel,
    Product,
    ToewijzingConversion,
    Uitvoeringsvariant,
)
from .settlement import CostShare, CostSharingKey, PrefinancingInstalment, Settlement
from .tariffs import Tariff

__all__ = [
    "AwardRule", "Ceiling", "Contract", "ContractExtension", "ContractPartner", "ConversionRule",
    "ConversionRun", "ConversionTable", "CostShare", "CostSharingKey", "FundingModel",
    "LearningContribution", "Lot", "PrefinancingInstalment", "Product", "Settlement",
    "TaskArea", "Tariff", "ToewijzingConversion", "Uitvoeringsvariant",
]
