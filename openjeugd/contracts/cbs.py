"""CBS hulpvorm of a product (pure).

CBS Beleidsinformatie Jeugd, informatieprotocol v7 §3.3 "Hulpvorm" (grep "3.3. Hulpvorm"):
01 wijk- of buurtteam, 02 ambulant op locatie, 03 daghulp, 04 in het netwerk; 11 pleegzorg,
12 gezinsgericht, 13 gesloten plaatsing, 14 overig verblijf. JZ020's (2015) categories 31-38
carry the same eight meanings in the same order, so they map one to one; every other category
is mapped by the region per product, and an unmapped product is reported, never guessed.
"""

HULPVORM = {
    "01": "Zonder verblijf: uitgevoerd door wijk- of buurtteam",
    "02": "Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder",
    "03": "Zonder verblijf: daghulp op locatie van de aanbieder",
    "04": "Zonder verblijf: jeugdhulp in het netwerk van de jeugdige",
    "11": "Met verblijf: pleegzorg",
    "12": "Met verblijf: gezinsgericht",
    "13": "Met verblijf: gesloten plaatsing",
    "14": "Met verblijf: verblijf bij een jeugdhulpaanbieder anders dan bovenstaand",
}

ONE_TO_ONE = dict(zip(("31", "32", "33", "34", "35", "36", "37", "38"), HULPVORM, strict=True))


def hulpvorm(categorie: str, mapped: str) -> str | None:
    """The hulpvorm a product counts as: fixed for 31-38, else the region's mapping or None."""
    return ONE_TO_ONE.get(categorie) or mapped or None
