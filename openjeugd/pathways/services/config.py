"""Region configuration: write a seed region's preset into its PathwayConfig."""

from django.db import transaction

from openjeugd.pathways.models import EscalationStep, PathwayConfig
from openjeugd.pathways.presets import ESCALATION_STEPS, PRESETS


@transaction.atomic
def apply_preset(*, region, preset: str) -> PathwayConfig:
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; expected one of {sorted(PRESETS)}")
    config, _created = PathwayConfig.objects.update_or_create(
        region=region, defaults={"preset": preset, **PRESETS[preset]})
    config.escalation_steps.all().delete()
    EscalationStep.objects.bulk_create(
        EscalationStep(config=config, order=n, name=name, decided_by=who, working_days=days)
        for n, (name, who, days) in enumerate(ESCALATION_STEPS.get(preset, []), start=1))
    return config
