"""The catalog index: the catalog's records as arrays, with the contract's rules applied
once per region and module (offered, relevant, inherited hazards, target levels)."""

import doctest

import numpy as np
import pytest
from catalog_sample import LEARNERS, REGIONS, learner, region, sample_index

from curriculum_tool.index import CatalogIndex, targets
from curriculum_tool.io import parse_file


@pytest.fixture
def index():
    return sample_index()


@pytest.fixture
def learners(index):
    return index.learner_arrays(LEARNERS)


def test_index_arrays(index):
    assert index.module_codes == (
        "LD-101",
        "LD-201",
        "PB-101",
        "PB-201",
        "PB-LOC",
        "X-DRAFT",
        "X-NONE",
    )
    assert index.competency_codes == ("LITDIG", "M.01", "PB-KAJI")
    m = index.module_index["PB-201"]
    assert index.module_levels[m].tolist() == [0, 3, 2]
    assert index.module_online.tolist() == [0, 1, 0, 0, 0, 0, 1]
    assert index.module_prereq_total.tolist() == [0, 1, 0, 1, 0, 0, 0]  # soft not counted
    assert index.region_province.tolist() == [
        index.province_codes.index(p) for p in ("31", "72", "72")
    ]
    palu = index.region_index["72.71"]
    # Palu lists banjir only: a region that lists any hazard inherits none of its
    # province's (contract §2), so gempa_bumi and tsunami are 0 there.
    assert index.region_hazards[palu, :3].tolist() == [0.0, 0.0, 0.3]
    assert index.region_hazards[index.region_index["72"], :3].tolist() == [0.9, 0.8, 0.0]
    assert index.region_targets[palu].tolist() == [0, 0, 2]


def test_region_chains_are_the_ancestry_nearest_first(index):
    chain = index.region_chains[index.region_index["72.71"]]
    assert [index.region_codes[r] for r in chain] == ["72.71", "72"]
    assert index.region_chains[index.region_index["31"]] == (index.region_index["31"],)


def test_offered_is_scope_and_approval(index):
    palu, jakarta = index.region_index["72.71"], index.region_index["31"]
    offered = dict(zip(index.module_codes, index.region_offered[palu]))
    assert offered["PB-LOC"]  # local to the province, offered in its regency
    assert not offered["X-DRAFT"]  # national, but not approved
    assert not index.region_offered[jakarta, index.module_index["PB-LOC"]]


def test_learner_arrays_carry_the_target_levels(learners):
    assert learners.position.tolist() == [0, 0, 0, -1]
    assert learners.targets[3].tolist() == [0, 0, 0]  # unknown position, no regional standard
    # Job standard LITDIG 2 and M.01 3; PB-KAJI 2 from the province's regional standard.
    assert learners.targets[0].tolist() == [2, 3, 2]
    assert learners.targets[1].tolist() == [2, 3, 0]  # Jakarta: the job standard only
    assert learners.levels[1].tolist() == [1, 2, 1]
    assert learners.completed.toarray()[0].tolist() == [True] + [False] * 6


def test_targets_are_the_higher_of_job_and_regional_standards(index):
    palu, jakarta = index.region_index["72.71"], index.region_index["31"]
    analyst = index.position_index["analis-kebijakan"]
    assert index.targets(np.array([palu, jakarta]), np.array([analyst, -1])).tolist() == [
        [2, 3, 2],
        [0, 0, 0],
    ]


def test_hazards_and_relevance_read_the_nearest_listing_ancestor():
    index = sample_index(
        [
            *REGIONS,
            region("72.10", parent="72"),  # Sigi: empty cell
            region("72.10.01", parent="72.10"),  # empty, and so is its parent
            region("72.71.01", parent="72.71"),  # empty, parent lists banjir
            region("72.10.02", parent="72.10", hazards="gempa_bumi:0"),  # lists: nothing
        ]
    )
    hazards = {
        code: index.region_hazards[index.region_index[code], :3].tolist()
        for code in ("72.10", "72.10.01", "72.71.01", "72.10.02")
    }
    assert hazards == {
        "72.10": [0.9, 0.8, 0.0],
        "72.10.01": [0.9, 0.8, 0.0],
        "72.71.01": [0.0, 0.0, 0.3],
        "72.10.02": [0.0, 0.0, 0.0],
    }
    # Local relevance reads the same hazards: PB-201 (gempa_bumi) is relevant in Sigi only.
    relevant = index.region_relevant[:, index.module_index["PB-201"]]
    assert {
        code: bool(relevant[index.region_index[code]])
        for code in ("72", "72.71", "72.10", "72.10.01", "72.71.01", "72.10.02")
    } == {
        "72": True,
        "72.71": False,
        "72.10": True,
        "72.10.01": True,
        "72.71.01": False,
        "72.10.02": False,
    }
    # The province's local module is offered all the way down.
    offered = index.region_offered[:, index.module_index["PB-LOC"]]
    assert offered[index.region_index["72.10.01"]] and offered[index.region_index["72.71.01"]]


def test_unknown_codes_are_refused(index):
    with pytest.raises(KeyError, match="NOPE"):
        index.module_indices(["NOPE"])
    with pytest.raises(ValueError, match="unknown region"):
        index.learner_arrays([learner("Z", "analis-kebijakan", "99", 0)])


def test_from_workspace_matches_the_files(workspace, mini_dir):
    from_ws = CatalogIndex.from_workspace(workspace)
    records = {
        kind: parse_file(kind, mini_dir / f"{kind}.csv").records
        for kind in (
            "modules",
            "regions",
            "prerequisites",
            "job_standards",
            "regional_standards",
            "competencies",
        )
    }
    from_files = CatalogIndex.from_records(
        records["modules"],
        records["regions"],
        records["prerequisites"],
        records["job_standards"],
        records["regional_standards"],
        records["competencies"],
    )
    for name in ("module_codes", "region_codes", "competency_codes", "region_chains"):
        assert getattr(from_ws, name) == getattr(from_files, name)
    for name in ("module_levels", "region_offered", "region_relevant", "region_targets"):
        assert (getattr(from_ws, name) == getattr(from_files, name)).all()
    learners = workspace.load("learners")
    a, b = from_ws.learner_arrays(learners), from_files.learner_arrays(learners)
    assert (a.targets == b.targets).all() and (a.levels == b.levels).all()


def test_documented_examples_hold():
    result = doctest.testmod(targets, verbose=False, report=False)
    assert result.attempted > 0 and result.failed == 0
