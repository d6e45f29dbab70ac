"""The lookups ijw asks through settings, remembered for the length of one demo load.

While the bridge replays a history nothing changes the registry or the contracts, so the
answer of IJW_PROVIDER_ADMISSION for an (AGB, municipality, day, new care) and the tariffs of
IJW_CONTRACT_TARIFF for a (municipality, provider) are the same for every message that asks.
The configured lookups still give every answer (the first time); only the repeats are served
from memory. A profile of a 200-youth load had a quarter of the import time in them.
"""

from contextlib import contextmanager

from django.conf import settings
from django.test.utils import override_settings
from django.utils.module_loading import import_string

_ADMISSION_DEFAULT = "openjeugd.ijw.services.parties.registered_in_region"
_TARIFF_DEFAULT = "openjeugd.ijw.services.handlers.declaratie.no_tariffs"
_state: dict | None = None


@contextmanager
def remembered():
    """Serve repeated lookups from memory inside the block (one demo load)."""
    global _state
    if _state is not None:  # nested: the outer block already remembers
        yield
        return
    _state = {
        "admission": import_string(getattr(settings, "IJW_PROVIDER_ADMISSION",
                                           _ADMISSION_DEFAULT)),
        "tariffs": import_string(getattr(settings, "IJW_CONTRACT_TARIFF", _TARIFF_DEFAULT)),
        "admitted": {}, "priced": {},
    }
    try:
        with override_settings(IJW_PROVIDER_ADMISSION=f"{__name__}.admitted_provider",
                               IJW_CONTRACT_TARIFF=f"{__name__}.contract_tariffs"):
            yield
    finally:
        _state = None


def admitted_provider(*, agb: str, municipality, on, new_care: bool):
    key = (agb, municipality.pk, on, new_care)
    known = _state["admitted"]
    if key not in known:
        known[key] = _state["admission"](agb=agb, municipality=municipality, on=on,
                                         new_care=new_care)
    return known[key]


def contract_tariffs(*, municipality, provider):
    key = (municipality.pk, provider.pk if provider is not None else None)
    known = _state["priced"]
    if key not in known:
        known[key] = _state["tariffs"](municipality=municipality, provider=provider)
    return known[key]
