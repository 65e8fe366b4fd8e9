"""The region rules: the ancestry chain, where a module is offered (contract §2 scope) and a
region's hazards (its own list, or its nearest listing ancestor's whole)."""

import doctest

import pytest

from curriculum_tool.domain import Region, regions
from curriculum_tool.domain.regions import RegionHazard, ancestry, effective_hazards, offered_in

PROVINCE = Region(
    "72", "Sulawesi Tengah", hazards=(("gempa_bumi", 0.9), ("tsunami", 0.8), ("banjir", 0.0))
)
SIGI = Region("72.10", "Kabupaten Sigi")  # empty cell
DOLO = Region("72.10.05", "Kecamatan Dolo", "72.10")  # empty, so is Sigi
PALU = Region("72.71", "Kota Palu", "72", (("likuefaksi", 0.7), ("banjir", 0.3)))
QUIET = Region("72.03", "Kabupaten Banggai", "72", (("gempa_bumi", 0.0),))  # lists: nothing
ALL = {r.code: r for r in (PROVINCE, Region("72.10", "Kabupaten Sigi", "72"), DOLO, PALU, QUIET)}


def test_ancestry_is_the_region_then_its_parents_nearest_first():
    assert ancestry("72.10.05", ALL) == ["72.10.05", "72.10", "72"]
    assert ancestry("72", ALL) == ["72"]
    assert ancestry(None, ALL) == []


@pytest.mark.parametrize(
    "code, known, chain",
    [
        ("99.01", ALL, ["99.01"]),  # an unknown code is listed, nothing above it
        ("72.99", {"72.99": Region("72.99", "X", "99")}, ["72.99", "99"]),  # unknown parent
        ("A", {"A": Region("A", "A", "B"), "B": Region("B", "B", "A")}, ["A", "B"]),  # cycle
        ("A", {"A": Region("A", "A", "A")}, ["A"]),  # its own parent
    ],
)
def test_ancestry_stops_at_unknown_codes_and_cycles(code, known, chain):
    assert ancestry(code, known) == chain


@pytest.mark.parametrize(
    "scope, region, offered",
    [
        ("national", "72.71", True),
        ("national", "99", True),  # national: everywhere, known region or not
        ("72", "72", True),  # its own region
        ("72", "72.10.05", True),  # a sub-region, two levels down
        ("72.10", "72", False),  # not in the parent
        ("72.10", "72.71", False),  # nor in a sibling
        ("72.71", "72.10.05", False),
    ],
)
def test_a_module_is_offered_in_its_region_and_sub_regions(scope, region, offered):
    assert offered_in(scope, ancestry(region, ALL)) is offered


def test_a_region_that_lists_hazards_has_exactly_those():
    # Palu lists likuefaksi and banjir: the province's gempa_bumi and tsunami are not added.
    assert effective_hazards(PALU, ALL) == [
        RegionHazard("likuefaksi", 0.7),
        RegionHazard("banjir", 0.3),
    ]


def test_an_empty_cell_takes_the_nearest_listing_ancestors_whole_list():
    expected = [RegionHazard("gempa_bumi", 0.9, "72"), RegionHazard("tsunami", 0.8, "72")]
    assert effective_hazards(ALL["72.10"], ALL) == expected
    assert effective_hazards(DOLO, ALL) == expected  # through an empty parent
    assert all(h.inherited for h in expected)


def test_a_list_of_zeros_means_no_notable_hazard_and_inherits_nothing():
    assert effective_hazards(QUIET, ALL) == []


def test_own_hazards_are_not_inherited_and_zeros_are_left_out():
    assert effective_hazards(PROVINCE, ALL) == [
        RegionHazard("gempa_bumi", 0.9),
        RegionHazard("tsunami", 0.8),
    ]
    assert not effective_hazards(PROVINCE, ALL)[0].inherited


@pytest.mark.parametrize(
    "region, known",
    [
        (SIGI, ALL),  # a province-less region, empty cell
        (Region("99.01", "X", "99"), ALL),  # its parent is unknown
        (Region("A", "A", "B"), {"B": Region("B", "B", "A")}),  # a parent cycle ends the search
    ],
)
def test_no_listing_ancestor_means_no_hazard(region, known):
    assert effective_hazards(region, known) == []


def test_documented_examples_hold():
    result = doctest.testmod(regions, verbose=False, report=False)
    assert result.attempted > 0 and result.failed == 0
