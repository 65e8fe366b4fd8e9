"""Pair frame: index arrays of the catalog and learner×module columns checked by hand."""

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from curriculum_tool.domain import (
    JobStandard,
    Learner,
    Module,
    Prerequisite,
    Region,
    RegionalStandard,
)
from curriculum_tool.io import parse_file
from curriculum_tool.model import PAIR_COLUMNS, PairContext


def _record(cls, **cells):
    return cls.from_row({column: str(value) for column, value in cells.items()})


def _module(code, **cells):
    row = {
        "code": code,
        "title": f"Modul {code}",
        "jp": 8,
        "modality": "klasikal",
        "level": 1,
        "competencies": "",
        "hazards": "",
        "min_connectivity": "none",
        "min_digital_literacy": 0,
        "scope": "national",
        "status": "approved",
        "owner": "",
    }
    return _record(Module, **{**row, **cells})


def _region(code, parent="", hazards="", connectivity="low", is_3t=0):
    return _record(
        Region,
        code=code,
        name=f"Wilayah {code}",
        parent=parent,
        hazards=hazards,
        connectivity=connectivity,
        is_3t=is_3t,
    )


def _learner(id_, position, region, literacy, competencies="", completed=""):
    return _record(
        Learner,
        id=id_,
        name="X",
        position=position,
        region=region,
        digital_literacy=literacy,
        competencies=competencies,
        completed=completed,
    )


MODULES = [
    _module("LD-101", jp=16, competencies="LITDIG:1"),
    _module(
        "LD-201",
        jp=12,
        modality="e_learning",
        level=2,
        competencies="LITDIG:2",
        min_connectivity="low",
        min_digital_literacy=2,
    ),
    _module("PB-101", jp=24, competencies="PB-KAJI:1", hazards="gempa_bumi;tsunami"),
    _module(
        "PB-201",
        jp=32,
        modality="blended",
        level=2,
        competencies="PB-KAJI:2;M.01:3",
        hazards="gempa_bumi",
        min_connectivity="low",
        min_digital_literacy=1,
    ),
    _module("PB-LOC", competencies="PB-KAJI:2", hazards="gempa_bumi", scope="72"),
    _module("X-DRAFT", competencies="M.01:2", status="draft"),
    _module("X-NONE", modality="microlearning", min_connectivity="high"),
]
REGIONS = [
    _region("72", hazards="gempa_bumi:0.9;tsunami:0.8", connectivity="low", is_3t=1),
    _region("72.71", parent="72", hazards="banjir:0.3", connectivity="low"),
    _region("31", hazards="banjir:0.8", connectivity="high"),
]
PREREQUISITES = [
    _record(Prerequisite, module="LD-201", requires="LD-101", kind="hard"),
    _record(Prerequisite, module="PB-201", requires="PB-101", kind="hard"),
    _record(Prerequisite, module="PB-201", requires="LD-101", kind="soft"),
]
JOB_STANDARDS = [
    _record(JobStandard, position="analis-kebijakan", title="Analis", competency="M.01", level=3),
    _record(JobStandard, position="analis-kebijakan", title="Analis", competency="LITDIG", level=2),
]
REGIONAL_STANDARDS = [
    _record(RegionalStandard, region="72", competency="PB-KAJI", level=2, reason="gempa"),
]
LEARNERS = [
    # 0: Palu, literacy 1, LD-101 done
    _learner("A", "analis-kebijakan", "72.71", 1, "M.01:1", "LD-101"),
    # 1: Jakarta, literacy 3
    _learner("B", "analis-kebijakan", "31", 3, "M.01:2;LITDIG:1;PB-KAJI:1"),
    # 2: the same as B but in Palu, under the province's regional standard
    _learner("B-PALU", "analis-kebijakan", "72.71", 3, "M.01:2;LITDIG:1;PB-KAJI:1"),
    # 3: a position without a job standard
    _learner("C", "auditor-muda", "31", 0),
]


@pytest.fixture
def context():
    return PairContext.from_records(
        MODULES, REGIONS, PREREQUISITES, JOB_STANDARDS, REGIONAL_STANDARDS
    )


@pytest.fixture
def learners(context):
    return context.learner_arrays(LEARNERS)


def _pairs(context, learners, pairs, completed=None):
    ids = {learner.id: i for i, learner in enumerate(LEARNERS)}
    li = np.array([ids[learner] for learner, _ in pairs])
    mi = context.module_indices(module for _, module in pairs)
    return context.pair_frame(learners, li, mi, completed=completed)


def _row(frame, index=0):
    return frame.iloc[index].to_dict()


def test_context_arrays(context):
    assert context.module_codes == (
        "LD-101",
        "LD-201",
        "PB-101",
        "PB-201",
        "PB-LOC",
        "X-DRAFT",
        "X-NONE",
    )
    assert context.competency_codes == ("LITDIG", "M.01", "PB-KAJI")
    m = context.module_index["PB-201"]
    assert context.module_levels[m].tolist() == [0, 3, 2]
    assert context.module_online.tolist() == [0, 1, 0, 0, 0, 0, 1]
    assert context.module_prereq_total.tolist() == [0, 1, 0, 1, 0, 0, 0]  # soft not counted
    assert context.region_province.tolist() == [
        context.province_codes.index(p) for p in ("31", "72", "72")
    ]
    palu = context.region_index["72.71"]
    # Palu lists banjir only: a region that lists any hazard inherits none of its
    # province's (contract §2), so gempa_bumi and tsunami are 0 there.
    assert context.region_hazards[palu, :3].tolist() == [0.0, 0.0, 0.3]
    assert context.region_hazards[context.region_index["72"], :3].tolist() == [0.9, 0.8, 0.0]
    assert context.region_targets[palu].tolist() == [0, 0, 2]
    offered = dict(zip(context.module_codes, context.region_offered[palu]))
    assert offered["PB-LOC"] and not offered["X-DRAFT"]
    assert not context.region_offered[context.region_index["31"], context.module_index["PB-LOC"]]


def test_learner_arrays(context, learners):
    assert learners.position.tolist() == [0, 0, 0, -1]
    assert learners.targets[3].tolist() == [0, 0, 0]  # unknown position, no regional standard
    assert learners.targets[0].tolist() == [2, 3, 2]
    assert learners.levels[1].tolist() == [1, 2, 1]
    assert learners.completed.toarray()[0].tolist() == [True] + [False] * 6


def test_columns_and_categoricals(context, learners):
    frame = _pairs(context, learners, [("A", "LD-201"), ("C", "X-NONE")])
    assert tuple(frame.columns) == PAIR_COLUMNS
    assert frame["module"].tolist() == ["LD-201", "X-NONE"]
    assert frame["modality"].tolist() == ["e_learning", "microlearning"]
    assert frame["position"].tolist() == ["analis-kebijakan", "auditor-muda"]
    assert frame["position_family"].tolist() == ["analis", "auditor"]
    assert frame["province"].tolist() == ["72", "31"]
    assert isinstance(frame["module"].dtype, pd.CategoricalDtype)


def test_literacy_connectivity_and_prerequisites(context, learners):
    row = _row(_pairs(context, learners, [("A", "LD-201")]))
    assert row["literacy_margin"] == -1  # literacy 1, module needs 2
    assert row["connectivity"] == 1 and row["connectivity_margin"] == 0
    assert row["online"] == 1 and row["online_low_connectivity"] == 1
    assert row["is_3t"] == 0  # Palu itself is not 3T
    assert (row["job_relevance"], row["target_gap"], row["gain"]) == (1.0, 2, 2)
    assert row["level_jump"] == 2 and row["current_level"] == 0.0
    assert (row["prereq_total"], row["prereq_missing"]) == (1, 0)  # LD-101 completed


def test_prereq_missing_with_the_override(context, learners):
    pairs = [("A", "LD-201"), ("A", "PB-201"), ("B", "LD-201")]
    default = _pairs(context, learners, pairs)
    assert default["prereq_missing"].tolist() == [0, 1, 1]
    nothing = sp.csr_matrix((3, len(context.module_codes)), dtype=bool)
    assert _pairs(context, learners, pairs, nothing)["prereq_missing"].tolist() == [1, 1, 1]
    before = np.zeros((3, len(context.module_codes)), dtype=bool)
    before[1, context.module_index["PB-101"]] = True
    before[2, context.module_index["LD-101"]] = True
    for override in (before, sp.csr_matrix(before)):
        assert _pairs(context, learners, pairs, override)["prereq_missing"].tolist() == [1, 0, 0]
    with pytest.raises(ValueError, match="pairs × modules"):
        _pairs(context, learners, pairs, before[:2])


def test_a_region_listing_hazards_inherits_none(context, learners):
    frame = _pairs(
        context, learners, [("A", "PB-201"), ("A", "PB-101"), ("B", "PB-201"), ("A", "LD-101")]
    )
    # PB-201 addresses gempa_bumi, PB-101 gempa_bumi and tsunami: Palu lists only banjir,
    # so neither is exposed there although Sulawesi Tengah has gempa_bumi 0.9.
    assert frame["hazard_exposure"].tolist() == [0.0, 0.0, 0.0, 0.0]
    assert frame["n_hazards"].tolist() == [1, 2, 1, 0]


def test_a_region_with_an_empty_hazards_cell_takes_its_nearest_ancestors_list():
    regions = [
        *REGIONS,
        _region("72.10", parent="72"),  # Sigi: empty cell
        _region("72.10.01", parent="72.10"),  # empty, and so is its parent
        _region("72.71.01", parent="72.71"),  # empty, parent lists banjir
        _region("72.10.02", parent="72.10", hazards="gempa_bumi:0"),  # lists: nothing noted
    ]
    context = PairContext.from_records(
        MODULES, regions, PREREQUISITES, JOB_STANDARDS, REGIONAL_STANDARDS
    )
    hazards = {
        code: context.region_hazards[context.region_index[code], :3].tolist()
        for code in ("72.10", "72.10.01", "72.71.01", "72.10.02")
    }
    assert hazards == {
        "72.10": [0.9, 0.8, 0.0],
        "72.10.01": [0.9, 0.8, 0.0],
        "72.71.01": [0.0, 0.0, 0.3],
        "72.10.02": [0.0, 0.0, 0.0],
    }
    learners = context.learner_arrays(
        [
            _learner(f"L{i}", "analis-kebijakan", code, 1)
            for i, code in enumerate(("72.10", "72.10.01", "72.71.01", "72.10.02"))
        ]
    )
    frame = context.pair_frame(learners, np.arange(4), context.module_indices(["PB-201"] * 4))
    assert frame["hazard_exposure"].tolist() == [0.9, 0.9, 0.0, 0.0]
    # Local relevance reads the same hazards: PB-201 (gempa_bumi) is relevant in Sigi only.
    relevant = context.region_relevant[:, context.module_index["PB-201"]]
    assert {
        code: bool(relevant[context.region_index[code]])
        for code in ("72", "72.71", "72.10", "72.10.01", "72.71.01", "72.10.02")
    } == {
        "72": True,
        "72.71": False,
        "72.10": True,
        "72.10.01": True,
        "72.71.01": False,
        "72.10.02": False,
    }


def test_regional_target_of_a_parent_raises_relevance_and_gap(context, learners):
    frame = _pairs(context, learners, [("B", "PB-201"), ("B-PALU", "PB-201")])
    jakarta, palu = _row(frame, 0), _row(frame, 1)
    # PB-201 teaches PB-KAJI:2 and M.01:3; levels PB-KAJI 1, M.01 2; M.01 target 3.
    assert (jakarta["job_relevance"], jakarta["target_gap"]) == (0.5, 1)
    # In Palu the province's standard PB-KAJI:2 adds a gap of 1.
    assert (palu["job_relevance"], palu["target_gap"]) == (1.0, 2)
    for row in (jakarta, palu):
        assert (row["gain"], row["level_jump"], row["current_level"]) == (2, 1, 1.5)


def test_modules_without_competencies_and_unknown_positions(context, learners):
    row = _row(_pairs(context, learners, [("C", "X-NONE")]))
    assert (
        row["n_competencies"],
        row["job_relevance"],
        row["target_gap"],
        row["gain"],
        row["level_jump"],
        row["current_level"],
    ) == (0, 0.0, 0, 0, 0, 0.0)
    assert row["connectivity_margin"] == 0 and row["online_low_connectivity"] == 0
    row = _row(_pairs(context, learners, [("C", "PB-201")]))
    assert (row["job_relevance"], row["target_gap"], row["gain"]) == (0.0, 0, 5)
    row = _row(_pairs(context, learners, [("B", "LD-101")]))
    assert row["level_jump"] == 0 and row["gain"] == 0  # already at the taught level


def test_empty_and_mismatched_pairs(context, learners):
    empty = context.pair_frame(learners, np.array([], dtype=int), np.array([], dtype=int))
    assert len(empty) == 0 and tuple(empty.columns) == PAIR_COLUMNS
    with pytest.raises(ValueError):
        context.pair_frame(learners, np.array([0, 1]), np.array([0]))
    with pytest.raises(KeyError, match="NOPE"):
        context.module_indices(["NOPE"])
    with pytest.raises(ValueError, match="unknown region"):
        context.learner_arrays([_learner("Z", "analis-kebijakan", "99", 0)])


def test_from_workspace_matches_the_files(workspace, mini_dir):
    from_ws = PairContext.from_workspace(workspace)
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
    from_files = PairContext.from_records(
        records["modules"],
        records["regions"],
        records["prerequisites"],
        records["job_standards"],
        records["regional_standards"],
        records["competencies"],
    )
    learners = workspace.load("learners")
    a, b = from_ws.learner_arrays(learners), from_files.learner_arrays(learners)
    li = np.repeat(np.arange(len(learners)), len(from_ws.module_codes))
    mi = np.tile(np.arange(len(from_ws.module_codes)), len(learners))
    pd.testing.assert_frame_equal(from_ws.pair_frame(a, li, mi), from_files.pair_frame(b, li, mi))
