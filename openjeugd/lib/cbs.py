"""CBS hulpvorm codes (Beleidsinformatie Jeugd, informatieprotocol v7 §3.3, grep "3.3. Hulpvorm"),
shared by contracts (the product catalogue) and monitoring (trajectories).

JZ020 categories 31-38 are labelled "(2015)" and name the §3.3 forms word for word
(codelijsten/JZ020_Productcategorie: "Zonder verblijf: uitgevoerd door wijk- of buurtteam" ...
"Met verblijf: overig residentieel"), so they map one to one; any other category is mapped by
the region per product, and an unmapped product is reported, never guessed.
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

HULPVORM_BY_CATEGORY = dict(
    zip(("31", "32", "33", "34", "35", "36", "37", "38"), HULPVORM, strict=True))
HULPVORMEN = frozenset(HULPVORM)
