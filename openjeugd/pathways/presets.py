"""The pathway of each seed region, as configuration (issue #10 "Per region").

Each preset cites the seed that describes the region's pathway. Values not named here take the
PathwayConfig defaults (the seeds' common terms: 3 working days, 24 hours, 14 days, 3–6 months,
18 − 3 months, toekomstplan at 16).
"""

PRESETS: dict[str, dict] = {
    # seed 000 (G7 Gelderland, essentiële functies): RET, mobile brigade ("De RET's kunnen een
    # bovenregionaal mobiel team (mobiele brigade) inzetten"), verklarende analyse, outflow.
    "g7": {"has_triage": True, "has_expert_team": True, "expert_team_label": "RET",
           "has_brigade": True, "has_consensus_meeting": False, "has_escalation_ladder": False,
           "profile_model": False},
    # seed 001 (Nijmegen): "Overleg Passende Hulp (OPH)" — experts advise when "een
    # uithuisplaatsing dreigt"; G7 member, so the brigade is deployable too.
    "nijmegen": {"has_triage": True, "has_expert_team": True,
                 "expert_team_label": "Overleg Passende Hulp", "has_brigade": True,
                 "has_consensus_meeting": False, "has_escalation_ladder": False,
                 "profile_model": False},
    # seed 002 (Limburg): "verbijzonderd toegangsproces", "op consensus gericht overleg",
    # "een onafhankelijke voorzitter"; the referrer decides without consensus.
    "limburg": {"has_triage": True, "has_expert_team": True,
                "expert_team_label": "Verbijzonderde toegang", "has_brigade": False,
                "has_consensus_meeting": True, "has_escalation_ladder": False,
                "profile_model": False},
    # seed 003 (West-Brabant Oost): SLT "toegang, triage en toeleiding", MDO with "uniform
    # afwegingskader", "escalatieladder"; "toekomstplan" at 16; crisis "binnen 24 uur".
    "wbo": {"has_triage": True, "has_expert_team": True, "expert_team_label": "MDO",
            "has_brigade": False, "has_consensus_meeting": False, "has_escalation_ladder": True,
            "profile_model": False},
    # seed 004 (Amsterdam): "ondersteuningsprofielen" × "4 intensiteiten", hoofdaannemer and
    # regisseur, measurements incl. "(eventueel) 2 jaar na afsluiting".
    "amsterdam": {"has_triage": True, "has_expert_team": False, "expert_team_label": "",
                  "has_brigade": False, "has_consensus_meeting": False,
                  "has_escalation_ladder": False, "profile_model": True,
                  "measure_after_two_years": True},
}

# seed 003 names the ladder, not its rungs: these are the demo's, editable per region.
WBO_ESCALATION = [
    ("MDO met teamleider SLT", "teamleider SLT", 5),
    ("Regionaal escalatieoverleg", "manager toegang en aanbieders", 5),
    ("Bestuurlijk besluit", "wethouder / bestuurder", 10),
]
ESCALATION_STEPS: dict[str, list[tuple[str, str, int]]] = {"wbo": WBO_ESCALATION}

# The CBS jeugdregio's each seed speaks for (registry division names). G7: the Gelderland
# regions of seed 000 other than Nijmegen, which has its own seed (001) but takes part in G7.
SEED_REGIONS: dict[str, tuple[str, ...]] = {
    "g7": ("Achterhoek", "Arnhem", "Midden IJssel-Oost Veluwe", "Noord Veluwe", "Rivierenland"),
    "nijmegen": ("Rijk van Nijmegen",),
    # seed 002 "de expertteams binnen de drie regio's" (Noord-, Midden- and Zuid-Limburg)
    "limburg": ("Noord Limburg", "Midden Limburg Oost", "Midden Limburg West", "Zuid-Limburg"),
    "wbo": ("West-Brabant-Oost",),
    "amsterdam": ("Amsterdam-Amstelland",),
}
