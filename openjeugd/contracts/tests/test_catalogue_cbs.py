"""The CBS hulpvorm of a product (protocol v7 §3.3): 31-38 one to one, others mapped by the
region, unmapped products reported, never guessed."""

import pytest
from django.db import IntegrityError, transaction

from openjeugd.contracts import selectors
from openjeugd.contracts.cbs import ONE_TO_ONE, hulpvorm
from openjeugd.contracts.models import FundingModel, Product, Uitvoeringsvariant


def make(region, categorie, code, cbs=""):
    return Product.objects.create(
        region=region, product_categorie=categorie, product_code=code, name=code,
        eenheid="04", uitvoeringsvariant=Uitvoeringsvariant.INSPANNINGSGERICHT,
        funding_model=FundingModel.PXQ, cbs_hulpvorm=cbs)


def test_categories_31_to_38_map_one_to_one():
    # In protocol order: 01-04 without stay, 11-14 with stay.
    assert ONE_TO_ONE == {"31": "01", "32": "02", "33": "03", "34": "04", "35": "11",
                          "36": "12", "37": "13", "38": "14"}
    assert hulpvorm("37", "") == "13"
    assert hulpvorm("45", "") is None
    assert hulpvorm("45", "02") == "02"


def test_unmapped_products_are_reported(region):
    make(region, "35", "35A01")                     # pleegzorg: 11 by the protocol
    mapped = make(region, "43", "43A11", cbs="14")  # verblijf, mapped by the region
    unmapped = make(region, "45", "45A48")          # ambulant: the region has not said
    assert list(selectors.unmapped_products(region)) == [unmapped]
    assert selectors.hulpvorm(mapped) == "14"
    assert selectors.hulpvorm(unmapped) is None


def test_a_31_to_38_product_cannot_be_mapped_to_another_hulpvorm(region):
    # 35 is pleegzorg (11); recording it as gesloten plaatsing (13) is refused by the database.
    with pytest.raises(IntegrityError), transaction.atomic():
        make(region, "35", "35A01", cbs="13")
    make(region, "35", "35A02", cbs="11")  # the same as the protocol: allowed
