"""Region configuration, not code branches: the seed regions get their presets."""

from io import StringIO

from django.core.management import call_command

from openjeugd.pathways.models import PathwayConfig
from openjeugd.pathways.presets import SEED_REGIONS


def test_every_seed_region_exists_and_gets_its_preset(db):
    call_command("pathway_presets", stdout=StringIO())
    configs = {c.region.name: c for c in PathwayConfig.objects.select_related("region")}
    assert set(configs) == {name for names in SEED_REGIONS.values() for name in names}
    assert configs["Rijk van Nijmegen"].expert_team_label == "Overleg Passende Hulp"
    assert configs["Zuid-Limburg"].has_consensus_meeting
    wbo = configs["West-Brabant-Oost"]
    assert wbo.has_escalation_ladder and wbo.escalation_steps.count() == 3
    amsterdam = configs["Amsterdam-Amstelland"]
    assert amsterdam.profile_model and not amsterdam.has_expert_team
    assert configs["Achterhoek"].has_brigade and configs["Achterhoek"].brigade_working_days == 3
