"""The seed regions' data files (pure: no database)."""

from dataclasses import replace

import pytest

from openjeugd.demo import seeds


@pytest.mark.parametrize("key", seeds.KEYS)
def test_every_amount_names_its_source_or_is_marked_a_demo_assumption(key):
    seed = seeds.load(key)
    for contract in seed.contracts:
        for tariff in contract.tariffs:
            # No seed names a tariff amount: all of them are ours and say so.
            assert tariff.demo_assumption, (key, contract.reference, tariff.product)
    for ceiling in seed.ceilings:
        assert ceiling.demo_assumption or ceiling.source, (key, ceiling.level, ceiling.target)
    for item in (*seed.cost_keys, *seed.prefinancing, *seed.learning):
        assert item.demo_assumption, (key, item)


@pytest.mark.parametrize("key", seeds.KEYS)
def test_every_generated_product_is_delivered_and_tariffed(key):
    seed = seeds.load(key)
    tariffed = {t.product for c in seed.contracts for t in c.tariffs}
    for product in seed.products:
        if product.generation and product.variant != "taakgericht":
            assert product.code in tariffed, (key, product.code)


def test_amsterdam_has_ten_profiles_by_four_intensities_with_one_tariff_each():
    seed = seeds.load("amsterdam")
    codes = {p.code for p in seed.products if p.funding == "profile"}
    assert len(codes) == 40 and "P10DU" in codes and "P01AC" in codes
    segment_b = next(c for c in seed.contracts if c.reference == "AA-SEGB-2024")
    assert sorted(t.product for t in segment_b.tariffs) == sorted(codes)


def test_a_float_amount_is_refused_naming_the_field():
    with pytest.raises(seeds.SeedError, match="strings"):
        seeds.money(68.0, "45A11")
    with pytest.raises(seeds.SeedError, match="cents"):
        seeds.money("68.001", "45A11")


def test_an_unknown_key_names_the_valid_ones():
    with pytest.raises(seeds.SeedError, match="g7, nijmegen, limburg, wbo, amsterdam"):
        seeds.load("utrecht")


def test_limburg_plans_fewer_beds_each_year_on_its_segment_ceiling():
    seed = seeds.load("limburg")
    (planned,) = [c for c in seed.ceilings if c.planned_beds]
    assert (planned.level, planned.target) == ("segment", "Segment 1 behandeling met verblijf")
    # Not in seed 002: ours, and said so.
    assert planned.demo_assumption
    # 48 residential places in 2022 (24 + 16 + 8), three fewer a year to 2029: 48 - 7 x 3 = 27.
    assert planned.planned_beds == tuple((2022 + i, 48 - 3 * i) for i in range(8))
    assert planned.beds_in(2026) == 36 and planned.beds_in(2030) is None


def test_planned_beds_on_a_provider_ceiling_are_refused():
    seed = seeds.load("limburg")
    provider = next(c for c in seed.ceilings if c.level == "provider")
    wrong = replace(seed, ceilings=(replace(provider, planned_beds=((2026, 8),)),))
    with pytest.raises(seeds.SeedError, match="planned beds on a provider"):
        seeds._check(wrong, "limburg")
