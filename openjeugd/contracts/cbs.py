"""CBS hulpvorm of a product (pure): the codes live in openjeugd.lib.cbs (protocol v7 §3.3)."""

from openjeugd.lib.cbs import HULPVORM, HULPVORM_BY_CATEGORY

ONE_TO_ONE = HULPVORM_BY_CATEGORY
__all__ = ["HULPVORM", "ONE_TO_ONE", "hulpvorm"]


def hulpvorm(categorie: str, mapped: str) -> str | None:
    """The hulpvorm a product counts as: fixed for 31-38, else the region's mapping or None."""
    return ONE_TO_ONE.get(categorie) or mapped or None
