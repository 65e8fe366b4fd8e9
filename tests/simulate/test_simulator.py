"""Simulator: reproducible, contract-valid files, and a truth that shows its documented effects."""

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import RECORD_TYPES, Outcome
from curriculum_tool.errors import CurriculumError, describe
from curriculum_tool.io import import_file
from curriculum_tool.model.pairs import pair_frame
from curriculum_tool.simulate import (
    ground_truth as truth,
    load_context,
    simulate,
    simulate_to_dir,
    true_probabilities,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "simulator.md"


@pytest.fixture(scope="module")
def context():
    return load_context()


@pytest.fixture(scope="module")
def population(context):
    """About 8,000 enrolments of 800 learners on the default catalog."""
    return simulate(context, 800, seed=11)


def _header(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


def test_same_seed_same_simulation_other_seed_other(context):
    first, again, other = (simulate(context, 60, seed) for seed in (3, 3, 4))
    for name in ("learners", "outcomes", "truth", "pairs"):
        pd.testing.assert_frame_equal(getattr(first, name), getattr(again, name))
    assert not first.outcomes.equals(other.outcomes)
    assert not first.learners.equals(other.learners)


def test_written_files_import_into_a_default_workspace(tmp_path):
    sim = simulate_to_dir(tmp_path / "sim", 40, seed=2)
    for name, kind in (("learners.csv", "learners"), ("outcomes.csv", "outcomes")):
        assert _header(tmp_path / "sim" / name) == list(RECORD_TYPES[kind].COLUMNS)
    assert _header(tmp_path / "sim" / "truth.csv") == [
        "learner",
        "module",
        "date",
        "p_completed",
        "p_success",
    ]
    with create_workspace(tmp_path / "w.sqlite") as ws:
        assert import_file(ws, "learners", tmp_path / "sim" / "learners.csv").added == 40
        summary = import_file(ws, "outcomes", tmp_path / "sim" / "outcomes.csv")
        assert summary.added == len(sim.outcomes)
        outcomes = [o for o in ws.load("outcomes") if o.learner.startswith("SIM-")]
    assert len(outcomes) == len(sim.outcomes)
    assert {o.l3 for o in outcomes if not o.completed} == {None}
    again = simulate_to_dir(tmp_path / "again", 40, seed=2)
    assert again.outcomes.equals(sim.outcomes)
    for name in ("learners.csv", "outcomes.csv", "truth.csv"):
        assert (tmp_path / "sim" / name).read_bytes() == (tmp_path / "again" / name).read_bytes()


def test_simulates_from_another_catalog_folder(tmp_path, mini_dir, workspace):
    sim = simulate_to_dir(tmp_path / "sim", 25, seed=0, catalog_directory=mini_dir)
    assert set(sim.learners["position"]) == {"analis-kebijakan"}
    assert set(sim.outcomes["module"]) <= {"LD-101", "LD-201", "PB-101", "PB-201"}  # PB-LOC draft
    import_file(workspace, "learners", tmp_path / "sim" / "learners.csv")
    import_file(workspace, "outcomes", tmp_path / "sim" / "outcomes.csv")


def test_refuses_bad_requests(context, tmp_path):
    with pytest.raises(CurriculumError, match="at least 1"):
        simulate(context, 0)
    with pytest.raises(CurriculumError, match="no modules.csv"):
        simulate_to_dir(tmp_path / "out", 5, catalog_directory=tmp_path)


def test_enrolments_follow_the_rules(context, population):
    outcomes, learners = population.outcomes, population.learners
    assert not outcomes.duplicated(["learner", "module", "date"]).any()
    assert outcomes["date"].between("2021-01-01", "2025-12-31").all()
    per_learner = outcomes.groupby("learner").size()
    assert 9 <= per_learner.mean() <= 11 and per_learner.min() >= 4
    # A module is retaken only after it was not completed.
    for (_, _), rows in outcomes.groupby(["learner", "module"]):
        if len(rows) > 1:
            assert rows.sort_values("date")["completed"].iloc[:-1].eq(0).all()
    # Every module is offered in the learner's region, and approved.
    region = dict(zip(learners["id"], learners["region"]))
    for learner, module in outcomes[["learner", "module"]].drop_duplicates().head(500).values:
        assert context.region_offered[
            context.region_index[region[learner]], context.module_index[module]
        ]
    # learners.csv completed = the modules with completed = 1.
    done = outcomes[outcomes["completed"] == 1].groupby("learner")["module"].apply(set)
    listed = {row.id: set(filter(None, row.completed.split(";"))) for row in learners.itertuples()}
    assert all(listed[learner] == done.get(learner, set()) for learner in listed)
    # Every outcome row passes the contract's validation.
    for row in outcomes.head(300).to_dict("records"):
        Outcome.from_row({k: "" if pd.isna(v) else str(v) for k, v in row.items()})
    # Every learner cell is text (the optional columns empty, not missing values) and
    # passes validation: a PNS without a recorded unit or supervisor.
    assert not learners.isna().any().any()
    records = population.learner_records()
    assert len(records) == len(learners)
    assert {(r.status, r.unit, r.supervisor) for r in records} == {("pns", "", None)}


def test_levels_and_literacy(context, population):
    arrays = population.learner_arrays
    assert arrays.levels.max() <= 5
    in_profile = arrays.targets > 0
    assert (arrays.levels[in_profile] < arrays.targets[in_profile]).mean() > 0.7
    assert (arrays.levels[~in_profile] == 0).mean() > 0.8
    connectivity = context.region_connectivity[arrays.region]
    remote = (connectivity == 0) | (context.region_is_3t[arrays.region] == 1)
    literacy = arrays.digital_literacy
    assert literacy[remote].mean() < literacy[connectivity == 2].mean() - 0.5


def test_pairs_are_the_pair_frame_with_history(context, population):
    """The stored pairs equal pair_frame with each enrolment's completed-before set."""
    outcomes = population.outcomes
    index = population.learner_arrays.index()
    li = outcomes["learner"].map(index).to_numpy()
    mi = context.module_indices(outcomes["module"])
    done = outcomes[outcomes["completed"] == 1]
    before = sp.lil_matrix((len(outcomes), len(context.module_codes)), dtype=bool)
    by_learner = {learner: rows for learner, rows in done.groupby("learner")}  # noqa: C416
    for k, (learner, date) in enumerate(outcomes[["learner", "date"]].itertuples(index=False)):
        rows = by_learner.get(learner)
        if rows is not None:
            for module in rows.loc[rows["date"] < date, "module"]:
                before[k, context.module_index[module]] = True
    frame = pair_frame(context, population.learner_arrays, li, mi, completed=before.tocsr())
    pd.testing.assert_frame_equal(frame, population.pairs, check_categorical=False)
    p_completed, p_success = true_probabilities(frame)
    np.testing.assert_allclose(p_completed, population.truth["p_completed"])
    np.testing.assert_allclose(p_success, population.truth["p_success"])


def test_labels_agree_with_the_truth(population):
    outcomes, truth_ = population.outcomes, population.truth
    assert outcomes["completed"].mean() == pytest.approx(truth_["p_completed"].mean(), abs=0.02)
    labelled = (outcomes["completed"] == 1) & outcomes["l3"].notna()
    applied = truth_["p_success"] / truth_["p_completed"]
    assert outcomes.loc[labelled, "l3"].astype(float).mean() == pytest.approx(
        applied[labelled].mean(), abs=0.025
    )
    assert 0.35 <= truth_["p_success"].mean() <= 0.5
    assert 0.05 <= (outcomes["completed"].eq(1) & outcomes["l3"].isna()).mean() <= 0.1


def test_truth_shows_the_digital_divide(context):
    """The same learners' online modules: literacy 0 without connectivity vs 3 on high."""
    remote = context.region_index["95.08"]  # Kabupaten Nduga: connectivity none, 3T
    city = context.region_index["31.71"]  # Jakarta Pusat: high
    online = np.flatnonzero(context.module_online & context.module_approved)
    n = 2
    levels = np.zeros((n, len(context.competency_codes)), dtype=np.int8)
    learners = context.make_learner_arrays(
        ["LOW", "HIGH"], np.array([remote, city]), ["perencana"] * n, np.array([0, 3]), levels
    )
    li = np.repeat([0, 1], len(online))
    frame = pair_frame(context, learners, li, np.tile(online, 2))
    _, p_success = true_probabilities(frame)
    low, high = p_success[li == 0].mean(), p_success[li == 1].mean()
    assert low < 0.15 and high > 3 * low


def test_truth_applies_disaster_modules_where_the_hazard_is(population):
    pairs = population.pairs
    hazard = (pairs["n_hazards"] > 0).to_numpy()
    frame = pairs[hazard].copy()
    frame["hazard_exposure"] = 0.9
    _, high = true_probabilities(frame)
    frame["hazard_exposure"] = 0.1
    _, low = true_probabilities(frame)
    assert high.mean() > 1.5 * low.mean()
    applied = (population.truth["p_success"] / population.truth["p_completed"]).to_numpy()
    exposure = pairs["hazard_exposure"].to_numpy()
    assert (
        applied[hazard & (exposure >= 0.75)].mean()
        > applied[hazard & (exposure < 0.4)].mean() + 0.15
    )


def test_truth_penalises_training_off_the_job_and_other_factors(population):
    pairs, p_success = population.pairs, population.truth["p_success"].to_numpy()
    relevance = pairs["job_relevance"].to_numpy()
    assert p_success[relevance == 0].mean() < 0.5 * p_success[relevance == 1].mean()
    modality = pairs["modality"].astype(str).to_numpy()
    p_completed = population.truth["p_completed"].to_numpy()
    e_learning = p_completed[modality == "e_learning"].mean()
    assert p_completed[modality == "klasikal"].mean() > e_learning + 0.2
    assert p_completed[modality == "blended"].mean() > e_learning
    # Holding everything else fixed: missing prerequisites, big jumps and 3T lower completion.
    base = pairs.copy()
    p0, _ = true_probabilities(base)
    for column, value in (("prereq_missing", 1), ("level_jump", 4), ("is_3t", 1)):
        changed = base.copy()
        changed[column] = np.maximum(changed[column], value)
        p1, _ = true_probabilities(changed)
        assert (p1 <= p0 + 1e-12).all() and p1.mean() < p0.mean()


def _doc_table() -> list[tuple[str, str]]:
    """`name` → coefficient from the rows of docs/simulator.md's coefficient tables."""
    rows = re.findall(r"^\| `(\w+)` \| (-?\d+(?:\.\d+)?) \|", DOC.read_text("utf-8"), re.M)
    return rows


def test_the_document_mirrors_the_coefficients():
    rows = _doc_table()
    expected = (
        [(k, v) for k, v in truth.COMPLETION.items()]
        + [(k, v) for k, v in truth.MODALITY_COMPLETION.items()]
        + [(k, v) for k, v in truth.APPLICATION.items()]
    )
    assert [(name, float(value)) for name, value in rows] == expected
    assert f"`hazard_exposure` − {truth.HAZARD_PIVOT}" in DOC.read_text("utf-8")


def test_refusals_read_in_indonesian(context, tmp_path):
    with pytest.raises(CurriculumError) as refused:
        simulate(context, 0)
    assert str(refused.value) == "the number of learners must be at least 1, not 0"
    assert describe(refused.value, "id") == "jumlah peserta minimal 1, bukan 0"
    with pytest.raises(CurriculumError) as refused:
        simulate_to_dir(tmp_path / "out", 5, catalog_directory=tmp_path)
    assert str(refused.value) == f"no modules.csv in catalog folder '{tmp_path}'"
    assert describe(refused.value, "id") == f"tidak ada modules.csv di folder katalog '{tmp_path}'"
    assert not (tmp_path / "out").exists()
