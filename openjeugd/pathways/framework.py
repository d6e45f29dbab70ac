"""The uniform assessment framework of the expert team's decision (seed 003: "Met een uniform
afwegingskader besluit het MDO welke taakgebieden er worden ingezet"). Pure: no Django.

The seed names the framework, not its questions; these criteria follow its own wording
(verklarende analyse, safety, home as the norm, matched care in one go) and are the same for
every region, so decisions can be compared.
"""

CRITERIA: dict[str, str] = {
    "understood": "Is the problem understood (a shared verklarende analyse)?",
    "safety": "Is the youth safe, now and in the coming period?",
    "at_home": "Can the help be given at home or close to home?",
    "network": "Is the network of youth and family involved?",
    "one_placement": "If a stay is needed: is the one right setting known (matched care)?",
    "perspective": "Is the perspective (goal of the perspectiefplan) clear?",
}
ANSWERS = ("yes", "partly", "no")


def missing_answers(framework: dict) -> list[str]:
    """Criteria without a valid answer; an empty list means the framework is complete."""
    return [key for key in CRITERIA if framework.get(key) not in ANSWERS]
