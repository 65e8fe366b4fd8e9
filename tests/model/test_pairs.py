"""Pair features: learner×module columns built on the catalog index, checked by hand."""

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from catalog_sample import LEARNERS, REGIONS, learner, region, sample_index

from curriculum_tool.index import CatalogIndex
from curriculum_tool.io import parse_file
from curriculum_tool.model import PAIR_COLUMNS, pair_frame


@pytest.fixture
def context():
    return sample_index()


@pytest.fixture
def learners(context):
    return context.learner_arrays(LEARNERS)


def _pairs(context, learners, pairs, completed=None):
    ids = {learner.id: i for i, learner in enumerate(LEARNERS)}
    li = np.array([ids[learner] for learner, _ in pairs])
    mi = context.module_indices(module for _, module in pairs)
    return pair_frame(context, learners, li, mi, completed=completed)


def _row(frame, index=0):
    return frame.iloc[index].to_dict()


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


def test_hazard_exposure_reads_the_nearest_listing_ancestor():
    context = sample_index(
        [
            *REGIONS,
            region("72.10", parent="72"),  # Sigi: empty cell
            region("72.10.01", parent="72.10"),  # empty, and so is its parent
            region("72.71.01", parent="72.71"),  # empty, parent lists banjir
            region("72.10.02", parent="72.10", hazards="gempa_bumi:0"),  # lists: nothing
        ]
    )
    learners = context.learner_arrays(
        [
            learner(f"L{i}", "analis-kebijakan", code, 1)
            for i, code in enumerate(("72.10", "72.10.01", "72.71.01", "72.10.02"))
        ]
    )
    frame = pair_frame(context, learners, np.arange(4), context.module_indices(["PB-201"] * 4))
    assert frame["hazard_exposure"].tolist() == [0.9, 0.9, 0.0, 0.0]


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
    empty = pair_frame(context, learners, np.array([], dtype=int), np.array([], dtype=int))
    assert len(empty) == 0 and tuple(empty.columns) == PAIR_COLUMNS
    with pytest.raises(ValueError):
        pair_frame(context, learners, np.array([0, 1]), np.array([0]))


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
    learners = workspace.load("learners")
    a, b = from_ws.learner_arrays(learners), from_files.learner_arrays(learners)
    li = np.repeat(np.arange(len(learners)), len(from_ws.module_codes))
    mi = np.tile(np.arange(len(from_ws.module_codes)), len(learners))
    pd.testing.assert_frame_equal(pair_frame(from_ws, a, li, mi), pair_frame(from_files, b, li, mi))


def test_the_former_name_still_builds_the_index():
    from curriculum_tool.model import PairContext

    assert PairContext is CatalogIndex
