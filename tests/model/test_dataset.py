"""The training table: labels by the contract, features as of each enrolment, no leakage.

Hand-made outcomes go into the mini workspace (tests/data/mini: LD-201 hard-requires
LD-101, PB-201 hard-requires PB-101); the simulated workspace checks the same at scale.
"""

import numpy as np
import pandas as pd
import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.errors import CurriculumError
from curriculum_tool.index import CatalogIndex
from curriculum_tool.io import import_file
from curriculum_tool.model import PAIR_COLUMNS
from curriculum_tool.model.dataset import completed_before, label, outcomes_frame, training_set

DEMO, BUDI = "DEMO-001", "199001012015011001"


def _row(learner, module, date, completed, l3=""):
    return {"learner": learner, "module": module, "date": date, "completed": completed, "l3": l3}


@pytest.fixture
def set_outcomes(write_csv):
    """``set_outcomes(ws, rows)``: replace the workspace's outcomes with ``rows``."""
    counter = iter(range(1000))

    def put(ws, rows):
        path = write_csv(f"outcomes-{next(counter)}.csv", "outcomes", rows)
        import_file(ws, "outcomes", path, replace=True)

    return put


@pytest.fixture
def add_learners(write_csv, mini_row):
    """``add_learners(ws, **{new_id: source_id})``: clones of mini learners (no completed)."""
    index = {DEMO: 0, BUDI: 1}

    def add(ws, clones):
        rows = [
            mini_row("learners", index[source], id=new, completed="")
            for new, source in clones.items()
        ]
        import_file(ws, "learners", write_csv("more-learners.csv", "learners", rows))

    return add


def _keyed(data):
    """The training set as a frame indexed by (learner, module, date), label included."""
    frame = data.features.copy()
    frame["module"] = frame["module"].astype(str)
    frame.insert(0, "learner", data.learner)
    frame.insert(2, "date", pd.Series(data.date).astype(str).to_numpy())
    frame["label"] = data.label
    return frame.set_index(["learner", "module", "date"]).sort_index()


# -- labels --------------------------------------------------------------------------------


def test_label_follows_the_contract():
    outcomes = pd.DataFrame(
        {
            "completed": [True, True, True, False, False],
            "l3": pd.Series([True, False, None, None, False], dtype=object),
        }
    )
    l3 = label(outcomes, "l3")
    assert l3.iloc[:2].tolist() == [1.0, 0.0]
    assert np.isnan(l3.iloc[2])  # completed, no supervisor report
    assert l3.iloc[3:].tolist() == [0.0, 0.0]  # not completed: a failure
    assert label(outcomes, "completed").tolist() == [1.0, 1.0, 1.0, 0.0, 0.0]
    with pytest.raises(CurriculumError, match="unknown target 'l4'"):
        label(outcomes, "l4")


def test_training_set_labels_and_unlabelled_rows(workspace, set_outcomes):
    set_outcomes(
        workspace,
        [
            _row(DEMO, "LD-101", "2022-01-01", 1, 1),
            _row(DEMO, "PB-101", "2022-02-01", 1, 0),
            _row(DEMO, "LD-201", "2022-03-01", 1, ""),  # no l3 report
            _row(BUDI, "PB-101", "2022-01-15", 0, ""),
        ],
    )
    data = _keyed(training_set(workspace, "l3"))
    assert data["label"].to_dict() == {
        (BUDI, "PB-101", "2022-01-15"): 0,
        (DEMO, "LD-101", "2022-01-01"): 1,
        (DEMO, "PB-101", "2022-02-01"): 0,
    }
    assert training_set(workspace, "l3").unlabelled == 1
    completed = training_set(workspace, "completed")
    assert completed.unlabelled == 0 and completed.target == "completed"
    assert _keyed(completed)["label"].to_dict() == {
        (BUDI, "PB-101", "2022-01-15"): 0,
        (DEMO, "LD-101", "2022-01-01"): 1,
        (DEMO, "LD-201", "2022-03-01"): 1,
        (DEMO, "PB-101", "2022-02-01"): 1,
    }
    assert list(training_set(workspace).features.columns) == list(PAIR_COLUMNS)


# -- prerequisites completed before the enrolment -------------------------------------------


def test_prereq_missing_counts_only_prerequisites_completed_before(
    workspace, set_outcomes, add_learners
):
    add_learners(workspace, {"SAME-DAY": DEMO, "FAILED": DEMO})
    set_outcomes(
        workspace,
        [
            # A completed on 2022-01-01, then B (hard-requires A) on 2022-06-01: 0 missing.
            _row(DEMO, "PB-101", "2022-01-01", 1, 1),
            _row(DEMO, "PB-201", "2022-06-01", 1, 1),
            # B on 2021-06-01, A completed only later: 1 missing.
            _row(BUDI, "PB-201", "2021-06-01", 0),
            _row(BUDI, "PB-101", "2022-01-01", 1, 1),
            # A completed the same day B starts: not *before* it.
            _row("SAME-DAY", "PB-101", "2022-03-01", 1, 1),
            _row("SAME-DAY", "PB-201", "2022-03-01", 0),
            # A attempted but not completed: still missing.
            _row("FAILED", "PB-101", "2021-01-01", 0),
            _row("FAILED", "PB-201", "2021-07-01", 0),
            # Budi's learners.csv lists LD-101 as completed, but without a date training
            # cannot know it preceded this enrolment; his LD-101 outcome comes later.
            _row(BUDI, "LD-201", "2021-02-01", 0),
            _row(BUDI, "LD-101", "2021-05-10", 1, 1),
            _row(BUDI, "LD-201", "2021-09-01", 1, 0),  # the retake, after LD-101
        ],
    )
    data = _keyed(training_set(workspace, "l3"))
    missing = data["prereq_missing"].to_dict()
    assert missing[(DEMO, "PB-201", "2022-06-01")] == 0
    assert missing[(BUDI, "PB-201", "2021-06-01")] == 1
    assert missing[("SAME-DAY", "PB-201", "2022-03-01")] == 1
    assert missing[("FAILED", "PB-201", "2021-07-01")] == 1
    assert missing[(BUDI, "LD-201", "2021-02-01")] == 1
    assert missing[(BUDI, "LD-201", "2021-09-01")] == 0
    assert missing[(DEMO, "PB-101", "2022-01-01")] == 0
    assert data.loc[(DEMO, "PB-201", "2022-06-01"), "prereq_total"] == 1


def test_completed_before_marks_the_prerequisite_column(workspace, set_outcomes):
    set_outcomes(
        workspace,
        [
            _row(DEMO, "PB-101", "2022-01-01", 1, 1),
            _row(DEMO, "PB-201", "2022-06-01", 1, 1),
            _row(BUDI, "PB-201", "2021-06-01", 0),
            _row(BUDI, "PB-101", "2022-01-01", 1, 1),
        ],
    )
    context = CatalogIndex.from_workspace(workspace)
    outcomes = outcomes_frame(workspace)
    done = completed_before(context, outcomes, outcomes)
    assert done.shape == (4, len(context.module_codes))
    marked = {
        (outcomes["learner"][r], outcomes["module"][r], context.module_codes[c])
        for r, c in zip(*done.nonzero())
    }
    # Only prerequisites of the row's own module are marked (not every earlier completion).
    assert marked == {(DEMO, "PB-201", "PB-101")}


# -- no leakage from later enrolments -------------------------------------------------------

EARLIER = [
    _row(DEMO, "PB-201", "2022-06-01", 0),
    _row(BUDI, "LD-201", "2021-02-01", 1, 1),
    _row(BUDI, "PB-101", "2021-03-01", 1, 0),
]


def _features_of(ws, keys):
    data = _keyed(training_set(ws, "l3"))
    return data.loc[keys].drop(columns="label")


@pytest.mark.parametrize(
    "later",
    [
        # completion of the prerequisite after the enrolment in B
        [_row(DEMO, "PB-101", "2022-09-01", 1, 1), _row(BUDI, "LD-101", "2021-06-01", 1, 1)],
        # a later enrolment of the same learners in other modules
        [_row(DEMO, "LD-101", "2023-01-01", 1, 0), _row(BUDI, "PB-201", "2024-01-01", 0)],
    ],
)
def test_a_later_outcome_does_not_change_earlier_features(
    workspace, mini_dir, tmp_path, set_outcomes, later
):
    with create_workspace(tmp_path / "with-later.sqlite", directory=mini_dir) as other:
        set_outcomes(workspace, EARLIER)
        set_outcomes(other, EARLIER + later)
        keys = [(r["learner"], r["module"], r["date"]) for r in EARLIER]
        before, after = _features_of(workspace, keys), _features_of(other, keys)
        pd.testing.assert_frame_equal(before, after)
        assert before.loc[(DEMO, "PB-201", "2022-06-01"), "prereq_missing"] == 1
        assert before.loc[(BUDI, "LD-201", "2021-02-01"), "prereq_missing"] == 1


def test_flipping_a_later_label_does_not_change_earlier_features(
    workspace, mini_dir, tmp_path, set_outcomes
):
    failed_later = [_row(DEMO, "PB-101", "2022-09-01", 0)]
    passed_later = [_row(DEMO, "PB-101", "2022-09-01", 1, 1)]
    with create_workspace(tmp_path / "flipped.sqlite", directory=mini_dir) as other:
        set_outcomes(workspace, EARLIER + failed_later)
        set_outcomes(other, EARLIER + passed_later)
        keys = [(r["learner"], r["module"], r["date"]) for r in EARLIER]
        pd.testing.assert_frame_equal(_features_of(workspace, keys), _features_of(other, keys))


def test_features_equal_the_simulators_features_at_each_enrolment(sim, sim_training_set):
    """The simulator drew each outcome from the pair frame as of that date; training
    must rebuild exactly that frame from the imported files (no later information)."""
    simulation = sim["simulation"]
    outcomes = simulation.outcomes
    labelled = (outcomes["completed"] == 0) | outcomes["l3"].notna()
    expected = simulation.pairs[labelled.to_numpy()].copy()
    expected.index = pd.MultiIndex.from_frame(
        outcomes.loc[labelled, ["learner", "module", "date"]].astype(str)
    )
    expected = expected.sort_index()
    data = _keyed(sim_training_set)
    assert len(data) == len(expected)
    actual = data.drop(columns="label")
    assert (actual.index == expected.index).all()  # the module is part of the key
    expected = expected.drop(columns="module")
    pd.testing.assert_frame_equal(
        actual.reset_index(drop=True),
        expected.reset_index(drop=True),
        check_dtype=False,
        check_categorical=False,
    )
    assert sim_training_set.unlabelled == int(
        ((outcomes["completed"] == 1) & outcomes["l3"].isna()).sum()
    )
    assert (actual["prereq_missing"] > 0).any()


def test_completed_before_ignores_everything_from_the_row_date_on(sim_workspace):
    """Rows before a cut: the same prerequisite matrix whether the outcomes from the cut
    on exist, are absent, or have every completion flipped."""
    context = CatalogIndex.from_workspace(sim_workspace)
    outcomes = outcomes_frame(sim_workspace)
    cut = pd.Timestamp("2023-07-01")
    rows = outcomes[outcomes["date"] < cut].reset_index(drop=True)
    full = completed_before(context, rows, outcomes)
    truncated = completed_before(context, rows, outcomes[outcomes["date"] < cut])
    flipped = outcomes.copy()
    later = flipped["date"] >= cut
    flipped.loc[later, "completed"] = ~flipped.loc[later, "completed"]
    assert full.nnz > 100
    assert (full != truncated).nnz == 0
    assert (full != completed_before(context, rows, flipped)).nnz == 0
    # …while rows from the cut on do see completions between the cut and their own date.
    after = outcomes[outcomes["date"] >= cut].reset_index(drop=True)
    seen_all = completed_before(context, after, outcomes)
    seen_before_cut = completed_before(context, after, outcomes[outcomes["date"] < cut])
    assert seen_all.nnz > seen_before_cut.nnz
    assert (seen_before_cut > seen_all).nnz == 0


def test_no_outcomes_is_a_clear_error(workspace, write_csv, tmp_path):
    import_file(workspace, "outcomes", write_csv("none.csv", "outcomes", []), replace=True)
    with pytest.raises(CurriculumError, match="no labelled outcomes"):
        training_set(workspace)
    with create_workspace(tmp_path / "empty.sqlite", empty=True) as empty:
        with pytest.raises(CurriculumError, match="no labelled outcomes"):
            training_set(empty)


def test_only_unlabelled_outcomes_is_a_clear_error(workspace, set_outcomes):
    set_outcomes(workspace, [_row(DEMO, "LD-101", "2022-01-01", 1, "")])
    with pytest.raises(CurriculumError, match="no labelled outcomes"):
        training_set(workspace, "l3")
    assert len(training_set(workspace, "completed")) == 1
