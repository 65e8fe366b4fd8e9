"""Training: an honest split, clean refusals, and quality against baselines and the truth."""

import numpy as np
import pandas as pd
import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.errors import Cancelled, CurriculumError, ValidationError
from curriculum_tool.io import import_file
from curriculum_tool.model.dataset import TrainingSet, training_set
from curriculum_tool.model.persist import list_models
from curriculum_tool.model.train import (
    MIN_ROWS,
    STAGE_LABELS,
    STAGES,
    TrainingCancelled,
    split,
    train,
    train_set,
    training_stages,
)
from curriculum_tool.model.training import train_and_store

#: The seed the shared ``trained`` fixture used (tests/model/conftest.py).
TRAIN_SEED = 0


def _hand_made_set(n=600, learners=60, seed=0, label=None):
    rng = np.random.default_rng(seed)
    days = np.datetime64("2021-01-01") + rng.integers(0, 400, n).astype("timedelta64[D]")
    return TrainingSet(
        features=pd.DataFrame({"x": rng.random(n)}),
        label=(rng.random(n) < 0.4).astype(np.int8)
        if label is None
        else np.full(n, label, dtype=np.int8),
        learner=np.array([f"L{i:03d}" for i in rng.integers(0, learners, n)], dtype=object),
        date=days.astype("datetime64[D]"),
        target="l3",
        unlabelled=0,
        data_sha256="x",
    )


# -- the split ------------------------------------------------------------------------------


def _check_split(data, seed):
    train_mask, test_mask, cutoff = split(data, seed)
    assert train_mask.any() and test_mask.any()
    assert not (train_mask & test_mask).any()
    train_dates, test_dates = data.date[train_mask], data.date[test_mask]
    assert train_dates.max() < test_dates.min()  # every train row is earlier
    assert train_dates.max() < cutoff <= test_dates.min()
    assert not set(data.learner[train_mask]) & set(data.learner[test_mask])
    return train_mask, test_mask, cutoff


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_split_is_by_time_and_by_learner(sim_training_set, seed):
    data = sim_training_set
    train_mask, test_mask, _ = _check_split(data, seed)
    # Held-out learners' earlier rows are in neither part (they would leak their ability).
    test_learners = set(data.learner[test_mask])
    in_test_group = np.isin(data.learner, list(test_learners))
    assert not (train_mask & in_test_group).any()
    assert 0.05 < test_mask.mean() < 0.2 and 0.35 < train_mask.mean() < 0.65


def test_split_on_hand_made_rows_with_ties_at_the_cutoff():
    data = _hand_made_set()
    train_mask, test_mask, cutoff = _check_split(data, 0)
    on_cutoff = data.date == cutoff
    assert on_cutoff.any()
    assert not train_mask[on_cutoff].any()  # the cut-off day is test time
    assert test_mask[on_cutoff].any()


def test_split_is_reproducible_for_a_seed(sim_training_set):
    first = split(sim_training_set, 5)
    again = split(sim_training_set, 5)
    other = split(sim_training_set, 6)
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])
    assert first[2] == again[2] == other[2]  # the cut-off is the data's, not the seed's
    assert not np.array_equal(first[1], other[1])


# -- refusals -------------------------------------------------------------------------------


def test_outcomes_with_unknown_learners_or_modules_are_refused(workspace, write_csv, snapshot):
    before = snapshot(workspace)
    path = write_csv(
        "outcomes.csv",
        "outcomes",
        [
            {
                "learner": "DEMO-001",
                "module": "LD-201",
                "date": "2024-05-01",
                "completed": "1",
                "l3": "1",
            },
            {"learner": "NOBODY-1", "module": "LD-101", "date": "2024-05-01", "completed": "0"},
            {"learner": "DEMO-001", "module": "NO-SUCH", "date": "2024-06-01", "completed": "0"},
        ],
    )
    with pytest.raises(ValidationError) as caught:
        import_file(workspace, "outcomes", path)
    located = {(p.file, p.row, p.column) for p in caught.value.problems}
    assert located == {("outcomes.csv", 3, "learner"), ("outcomes.csv", 4, "module")}
    assert "outcomes.csv:3:learner:" in caught.value.report()
    assert snapshot(workspace) == before


def test_training_without_outcomes_is_a_clear_error(tmp_path):
    with create_workspace(tmp_path / "fresh.sqlite") as ws:  # the shipped catalog, no outcomes
        with pytest.raises(CurriculumError, match="no labelled outcomes.*import outcomes.csv"):
            train(ws)


def test_too_few_rows_is_a_clear_error(workspace):
    with pytest.raises(CurriculumError, match=f"only 3 labelled outcomes.*at least {MIN_ROWS}"):
        train(workspace)


def test_a_single_label_is_a_clear_error():
    with pytest.raises(CurriculumError, match="same label"):
        train_set(_hand_made_set(n=1500, label=0))


def test_a_thin_split_is_a_clear_error():
    # Enough rows, but one learner: the held-out share is everyone, nobody trains.
    data = _hand_made_set(n=MIN_ROWS, learners=1)
    with pytest.raises(CurriculumError, match="time split leaves"):
        train_set(data)


# -- quality on simulated data --------------------------------------------------------------


def test_model_beats_the_baselines_and_nears_the_ceiling(trained):
    metrics = trained.card["metrics"]
    model, baselines = metrics["model"], metrics["baselines"]
    assert set(baselines) == {"base_rate", "module_rate", "logistic"}
    assert baselines["base_rate"]["auc"] == pytest.approx(0.5)
    assert model["auc"] > baselines["base_rate"]["auc"] + 0.2
    assert model["auc"] > baselines["module_rate"]["auc"] + 0.03
    assert model["log_loss"] < baselines["module_rate"]["log_loss"]
    assert model["brier"] < baselines["base_rate"]["brier"]
    ceiling = metrics["ceiling_auc"]
    assert ceiling is not None and ceiling >= model["auc"] - 0.02
    assert model["auc"] >= 0.5 + 0.85 * (ceiling - 0.5)  # small data: 85 % of the way
    assert model["ece"] < 0.05
    test_rows = trained.card["evaluation"]["test_rows"]
    assert sum(row["rows"] for row in metrics["calibration"]) == test_rows
    assert sum(row["rows"] for row in metrics["provinces"]) <= test_rows


def test_metrics_are_reproducible_for_a_seed(sim_workspace, sim, trained):
    again = train(sim_workspace, "l3", TRAIN_SEED, sim["truth"], refit=False)
    assert again.card["metrics"] == trained.card["metrics"]
    assert again.card["data"] == trained.card["data"]
    assert again.card["evaluation"] == trained.card["evaluation"]


def test_the_ceiling_needs_truth_for_every_held_out_row(sim_training_set, sim, trained):
    partial = sim["truth"].iloc[: len(sim["truth"]) // 2]
    result = train_set(sim_training_set, TRAIN_SEED, partial, refit=False)
    assert result.card["metrics"]["ceiling_auc"] is None
    assert result.card["metrics"]["model"] == trained.card["metrics"]["model"]


def test_completion_target(sim_workspace, sim, sim_training_set):
    result = train(sim_workspace, "completed", TRAIN_SEED, sim["truth"], refit=False)
    card = result.card
    assert card["target"] == "completed" and "l3" not in card["target_meaning"]
    assert card["data"]["unlabelled"] == 0
    assert card["data"]["rows"] == len(sim_training_set) + sim_training_set.unlabelled
    metrics = card["metrics"]
    assert metrics["model"]["auc"] > metrics["baselines"]["module_rate"]["auc"]
    assert metrics["ceiling_auc"] >= metrics["model"]["auc"] - 0.02


def test_refit_uses_every_labelled_row(sim_training_set):
    small = TrainingSet(
        sim_training_set.features.iloc[:3000].reset_index(drop=True),
        sim_training_set.label[:3000],
        sim_training_set.learner[:3000],
        sim_training_set.date[:3000],
        "l3",
        0,
        "x",
    )
    refitted = train_set(small, 0, refit=True)
    assert refitted.card["evaluation"]["refitted_on_all_rows"] is True
    assert refitted.model[0].n_features_in_ == small.features.shape[1]
    # the refitted model has seen all rows: its category codes include every module
    codes = refitted.model[0].named_transformers_["categories"].categories_[0]
    assert set(codes) == set(small.features["module"].astype(str))


def test_same_outcomes_in_another_order_give_the_same_model(sim, sim_workspace, tmp_path):
    outcomes = pd.read_csv(sim["dir"] / "outcomes.csv", dtype=str, keep_default_na=False)
    shuffled = tmp_path / "outcomes.csv"
    outcomes.sample(frac=1.0, random_state=1).to_csv(shuffled, index=False)
    with create_workspace(tmp_path / "shuffled.sqlite") as ws:
        import_file(ws, "learners", sim["dir"] / "learners.csv")
        import_file(ws, "outcomes", shuffled)
        assert training_set(ws).data_sha256 == training_set(sim_workspace).data_sha256
        first = train(ws, "l3", TRAIN_SEED, refit=False)
    again = train(sim_workspace, "l3", TRAIN_SEED, refit=False)
    assert first.card["metrics"] == again.card["metrics"]


# -- progress and cancelling ----------------------------------------------------------------


def test_stage_keys_are_stable_and_labelled():
    assert STAGES == (
        "features",
        "split",
        "fit_model",
        "fit_baselines",
        "evaluate",
        "refit",
        "store",
    )
    assert all(STAGE_LABELS[stage] for stage in STAGES)
    assert training_stages(from_workspace=False, refit=False) == STAGES[1:5]
    assert training_stages(store=True) == STAGES


def test_training_reports_each_stage_in_order(sim_workspace):
    calls = []
    train(sim_workspace, "l3", TRAIN_SEED, refit=False, progress=lambda *a: calls.append(a))
    stages = training_stages(refit=False)
    assert calls == [(done, len(stages), stage) for done, stage in enumerate(stages, start=1)]


def test_train_and_store_reports_every_stage_and_stores_last(copy_sim_workspace, tmp_path):
    ws = copy_sim_workspace()
    calls = []
    stored = train_and_store(
        ws,
        seed=TRAIN_SEED,
        name="m1",
        models_dir=tmp_path / "models",
        progress=lambda *a: calls.append(a),
    )
    assert [stage for *_, stage in calls] == list(STAGES)
    assert [done for done, *_ in calls] == list(range(1, len(STAGES) + 1))
    assert {total for _, total, _ in calls} == {len(STAGES)}
    # stored as a candidate: on 2,500 learners it does not beat the shipped default
    assert stored.name == "m1" and stored.state == "candidate" and not stored.active
    assert stored.card["gate"]["decision"] == "kept_candidate"
    assert {m.name: m.state for m in list_models(ws)} == {"default": "active", "m1": "candidate"}
    assert (tmp_path / "models" / "m1.skops").is_file()


@pytest.mark.parametrize("last_stage", ["features", "refit"])
def test_a_cancelled_run_raises_and_stores_nothing(copy_sim_workspace, tmp_path, last_stage):
    """``cancelled()`` turns true once ``last_stage`` was reported: the run stops before
    the next stage (for ``refit``: before storing) and writes nothing."""
    ws = copy_sim_workspace()
    before = list_models(ws)
    calls = []
    with pytest.raises(TrainingCancelled, match="nothing was stored") as caught:
        train_and_store(
            ws,
            name="never",
            models_dir=tmp_path / "models",
            progress=lambda *a: calls.append(a),
            cancelled=lambda: bool(calls) and calls[-1][2] == last_stage,
        )
    assert isinstance(caught.value, Cancelled) and isinstance(caught.value, CurriculumError)
    stages = [stage for *_, stage in calls]
    assert stages == list(STAGES[: STAGES.index(last_stage) + 1])
    assert list_models(ws) == before
    assert not (tmp_path / "models").exists()


def test_train_set_honours_cancelled_between_stages(sim_training_set):
    with pytest.raises(TrainingCancelled):
        train_set(sim_training_set, cancelled=lambda: True)


# -- the shared entry point checks its input before it trains -------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"target": "l4"}, "unknown target 'l4'; one of: l3, completed"),
        ({"seed": -1}, "seed -1 must be a whole number from 0 to 4294967295"),
        ({"seed": 2**32}, "must be a whole number from 0 to 4294967295"),
        ({"name": "bad name"}, "model name 'bad name' must be letters, digits"),
        ({"truth": "nowhere.csv"}, "cannot read the ground truth nowhere.csv"),
    ],
)
def test_train_and_store_refuses_bad_input_before_training(workspace, options, message):
    # the mini workspace has 3 outcomes: had training started, it would say "only 3 ..."
    with pytest.raises(CurriculumError, match=message):
        train_and_store(workspace, **options)


def test_train_and_store_refuses_a_truth_file_without_the_columns(workspace, write_csv):
    path = write_csv("truth.csv", ["learner", "module", "date"], [("a", "b", "2024-01-01")])
    with pytest.raises(CurriculumError, match="truth.csv is not a simulator truth file"):
        train_and_store(workspace, truth=path)
    with pytest.raises(CurriculumError, match="no column p_completed"):
        train_and_store(workspace, target="completed", truth=path)
