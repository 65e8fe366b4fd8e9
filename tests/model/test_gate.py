"""The promotion gate and the model registry: a candidate becomes active only when it is
better than the active model on the same hold-out, or by an override with a reason.

The simulated workspace's labels are drawn from a near-logistic ground truth, on which
the logistic baseline is hard to beat with 2,500 learners; a "proper" candidate that
must beat every baseline is therefore trained on a strongly non-linear label (an XOR of
two features) that trees learn and a logistic regression cannot.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace

import numpy as np
import pytest

from curriculum_tool.errors import CurriculumError
from curriculum_tool.model.dataset import training_set
from curriculum_tool.model.gate import (
    AUC_MARGIN,
    BASELINE_TOLERANCE,
    ECE_GOOD,
    ECE_TOLERANCE,
    compare,
    decide,
)
from curriculum_tool.model.persist import (
    activate_model,
    list_models,
    load_model,
    retire_model,
    save_model,
    verify_model,
)
from curriculum_tool.model.report import metrics_text
from curriculum_tool.model.train import Holdout, train_set
from curriculum_tool.model.training import train_and_store
from curriculum_tool.releases.content import catalog_digest
from curriculum_tool.store import Workspace

TRAIN_SEED = 0

# -- the rule, on numbers ---------------------------------------------------------------------

BASELINES = {
    "base_rate": {"auc": 0.5, "ece": 0.07},
    "module_rate": {"auc": 0.73, "ece": 0.01},
    "logistic": {"auc": 0.797, "ece": 0.013},
}


def _s(auc, ece):
    return {"auc": auc, "ece": ece}


def test_better_auc_and_no_worse_calibration_is_promoted():
    promote, reasons = decide(_s(0.81, 0.012), _s(0.80, 0.011), BASELINES)
    assert promote
    assert [r.kind for r in reasons] == [
        "model.gate:auc_beats_active",
        "model.gate:ece_within",
        "model.gate:auc_reaches_baseline",
    ]


def test_an_auc_gain_below_the_margin_is_not_enough():
    assert not decide(_s(0.80 + AUC_MARGIN / 2, 0.01), _s(0.80, 0.01), BASELINES)[0]
    assert decide(_s(0.80 + AUC_MARGIN * 1.01, 0.01), _s(0.80, 0.01), BASELINES)[0]


def test_calibration_may_be_worse_only_within_the_tolerance():
    active = ECE_GOOD + 0.001  # both above the level that is good on its own
    within = active + ECE_TOLERANCE * 0.9
    beyond = active + ECE_TOLERANCE * 1.1
    assert decide(_s(0.82, within), _s(0.80, active), BASELINES)[0]
    promote, reasons = decide(_s(0.82, beyond), _s(0.80, active), BASELINES)
    assert not promote and "model.gate:ece_worse" in [r.kind for r in reasons]


def test_a_well_calibrated_candidate_is_not_held_back_by_a_useless_calibrated_one():
    """A model predicting the overall rate everywhere is calibrated (ECE near 0) and ranks
    no one (AUC 0.5): a candidate with ECE below ECE_GOOD may be worse than that."""
    promote, reasons = decide(_s(0.80, ECE_GOOD * 0.9), _s(0.50, 0.002), BASELINES)
    assert promote and "model.gate:ece_good" in [r.kind for r in reasons]
    assert not decide(_s(0.80, ECE_GOOD * 1.2), _s(0.50, 0.002), BASELINES)[0]


def test_the_readme_model_worse_than_the_logistic_baseline_is_not_promoted():
    """The motivating bug: AUC 0.792 / ECE 0.024 against a logistic 0.797 / 0.013."""
    promote, reasons = decide(_s(0.792, 0.024), None, BASELINES)
    assert not promote
    below = next(r for r in reasons if r.kind == "model.gate:auc_below_baseline")
    assert "logistic regression, 0.797" in below and "regresi logistik, 0,797" in below.indonesian
    # ... and not over an active model either, even a weaker one
    assert not decide(_s(0.792, 0.024), _s(0.70, 0.02), BASELINES)[0]


def test_without_an_active_model_the_baselines_decide():
    promote, reasons = decide(_s(0.80, 0.05), None, BASELINES)
    assert promote and reasons[0].kind == "model.gate:no_active"


def test_an_unmeasured_auc_is_never_promoted():
    assert not decide(_s(None, 0.01), None, BASELINES)[0]
    assert not decide(_s(0.9, 0.01), _s(None, 0.01), BASELINES)[0]


# -- candidates trained for real --------------------------------------------------------------


@pytest.fixture(scope="module")
def xor_set(sim_training_set):
    """The simulated rows with a label trees learn and a logistic regression cannot."""
    data = sim_training_set
    f = data.features
    a = f["digital_literacy"].to_numpy() >= np.median(f["digital_literacy"])
    b = f["jp"].to_numpy() >= np.median(f["jp"])
    noise = np.random.default_rng(0).random(len(data)) < 0.1
    return replace(data, label=((a ^ b) ^ noise).astype(np.int8))


def _shuffled(data, seed=1):
    return replace(data, label=np.random.default_rng(seed).permutation(data.label))


@pytest.fixture(scope="module")
def proper(xor_set):
    return train_set(xor_set, TRAIN_SEED)


@pytest.fixture(scope="module")
def shuffled(xor_set):
    return train_set(_shuffled(xor_set), TRAIN_SEED)


def _with_gate(result, record):
    """``result`` with ``record`` as its card's gate (the shared fixtures stay as they are)."""
    return replace(result, card={**result.card, "gate": record})


@pytest.fixture(scope="module")
def shuffled_sim(sim_training_set):
    """A candidate fitted on the simulated rows with their labels shuffled, with the true
    held-out rows (as an honest run splits them) and its predictions on them."""
    honest = train_set(sim_training_set, TRAIN_SEED, refit=False)
    shuffled = train_set(_shuffled(sim_training_set), TRAIN_SEED, refit=False)
    rows = honest.holdout
    predicted = shuffled.model.predict_proba(rows.features)[:, 1]
    return replace(shuffled, holdout=Holdout(rows.features, rows.label, predicted))


def test_a_shuffled_label_candidate_is_not_promoted_over_the_active_model(
    shuffled_sim, sim_workspace
):
    """Fitted on shuffled labels, judged on the true held-out labels, as the active is."""
    active = load_model(sim_workspace)  # the shipped default
    promote, record = compare(shuffled_sim.card, shuffled_sim.holdout, active)
    assert not promote and record["decision"] == "kept_candidate"
    assert record["compared_with"] == "default"
    assert record["candidate"]["auc"] < 0.6 < record["active"]["auc"]
    assert record["holdout_rows"] == len(shuffled_sim.holdout)


def test_a_shuffled_label_candidate_is_not_promoted_by_train(copy_sim_workspace, tmp_path):
    """The whole way: the workspace's outcomes shuffled, ``train`` keeps the default."""
    ws = copy_sim_workspace()
    with sqlite3.connect(ws.target) as conn:
        rows = conn.execute("SELECT rowid, completed, l3 FROM outcomes ORDER BY rowid").fetchall()
        order = np.random.default_rng(5).permutation(len(rows))
        conn.executemany(
            "UPDATE outcomes SET completed = ?, l3 = ? WHERE rowid = ?",
            [(rows[j][1], rows[j][2], rows[i][0]) for i, j in enumerate(order)],
        )
    stored = train_and_store(ws, seed=TRAIN_SEED, name="shuffled", models_dir=tmp_path)
    assert stored.state == "candidate" and not stored.active
    assert stored.card["gate"]["decision"] == "kept_candidate"
    assert {m.name: m.state for m in list_models(ws)} == {
        "default": "active",
        "shuffled": "candidate",
    }
    assert load_model(ws).name == "default"
    assert "kept as a candidate" in metrics_text(stored.card)
    assert "disimpan sebagai kandidat" in metrics_text(stored.card, lang="id")


def test_a_proper_candidate_over_a_weak_active_model_is_promoted(
    proper, shuffled, copy_sim_workspace
):
    ws = copy_sim_workspace()
    weak = save_model(ws, shuffled, "weak", activate=True)
    assert {m.name: m.state for m in list_models(ws)} == {"default": "retired", "weak": "active"}
    promote, record = compare(proper.card, proper.holdout, load_model(ws))
    assert promote and record["decision"] == "promoted"
    assert record["compared_with"] == weak.name
    assert record["candidate"]["auc"] >= record["active"]["auc"] + AUC_MARGIN
    best = max(v["auc"] for v in record["baselines"].values())
    assert record["candidate"]["auc"] >= best
    # every reason in both languages
    assert all(len(pair) == 2 and pair[0] != pair[1] for pair in record["reasons"])

    # stored as a candidate first, the gate's record in its sealed card; promoting it needs
    # no reason then, and the states move: candidate -> active, active -> retired
    stored = save_model(ws, _with_gate(proper, record), "proper", activate=False)
    assert stored.state == "candidate" and stored.card["gate"] == record
    assert verify_model(ws, "proper") is None
    activate_model(ws, "proper")
    states = {m.name: m.state for m in list_models(ws)}
    assert states == {"default": "retired", "weak": "retired", "proper": "active"}
    assert load_model(ws).name == "proper" and "overrides" not in load_model(ws).card


def test_a_gate_pass_against_another_active_model_needs_a_reason(proper, shuffled, tmp_path):
    """The gate compared it with the model active then; another is active now."""
    from curriculum_tool.catalog import create_workspace

    with create_workspace(tmp_path / "w.sqlite") as ws:
        passed_elsewhere = {"decision": "promoted", "compared_with": "someone-else"}
        save_model(ws, _with_gate(proper, passed_elsewhere), "proper", activate=False)
        with pytest.raises(CurriculumError, match="needs a written reason"):
            activate_model(ws, "proper")
        assert load_model(ws).name == "default"


def test_an_override_needs_a_reason_which_the_resealed_card_keeps(shuffled_sim, copy_sim_workspace):
    ws = copy_sim_workspace()
    record = compare(shuffled_sim.card, shuffled_sim.holdout, load_model(ws))[1]
    save_model(ws, _with_gate(shuffled_sim, record), "cand", activate=False)
    before = {m.name: (m.state, m.sha256) for m in list_models(ws)}
    with pytest.raises(CurriculumError, match="needs a written reason"):
        activate_model(ws, "cand")
    with pytest.raises(CurriculumError, match="reason for promoting model 'cand' is empty"):
        activate_model(ws, "cand", reason="   ")
    assert {m.name: (m.state, m.sha256) for m in list_models(ws)} == before  # nothing changed

    promoted = activate_model(ws, "cand", reason="uji coba: kalibrasi lebih baik di wilayah 72")
    assert promoted.sha256 != before["cand"][1]  # the card changed, so it was sealed again
    assert verify_model(ws, "cand") is None
    loaded = load_model(ws)
    assert loaded.name == "cand" and loaded.sha256 == promoted.sha256
    (override,) = loaded.card["overrides"]
    assert override["reason"] == "uji coba: kalibrasi lebih baik di wilayah 72"
    assert override["by"] == ws.actor.login and override["at"]
    assert loaded.card["gate"]["decision"] == "kept_candidate"  # the gate's word is kept
    assert {m.name: m.state for m in list_models(ws)} == {"default": "retired", "cand": "active"}
    assert "override by" in metrics_text(loaded.card)


def test_train_can_override_the_gate_with_a_reason(copy_sim_workspace, tmp_path):
    ws = copy_sim_workspace()
    with pytest.raises(CurriculumError, match="needs a written reason"):
        train_and_store(ws, name="m1", promote="always")
    assert [m.name for m in list_models(ws)] == ["default"]  # refused before training
    stored = train_and_store(ws, seed=TRAIN_SEED, name="m1", promote="always", reason="pilot")
    assert stored.active and stored.state == "active"
    gate_said = stored.card["gate"]
    if gate_said["decision"] == "kept_candidate":
        assert [o["reason"] for o in stored.card["overrides"]] == ["pilot"]
    assert verify_model(ws, "m1") is None
    assert {m.name: m.state for m in list_models(ws)} == {"default": "retired", "m1": "active"}
    # the card records the catalog it was trained on (no release published yet)
    assert stored.card["catalog"] == {"release": None, "sha256": catalog_digest(ws)}


def test_an_active_model_that_cannot_score_the_rows_blocks_promotion(proper, sim_workspace):
    class Broken:
        name = "odd"
        card: dict = {}

        class estimator:  # noqa: N801 - stands in for a fitted estimator
            @staticmethod
            def predict_proba(features):
                raise ValueError("columns differ")

    promote, record = compare(proper.card, proper.holdout, Broken())
    assert not promote and record["active"] is None
    assert "cannot score the held-out rows" in record["reasons"][0][0]
    assert "tidak dapat menilai baris uji" in record["reasons"][0][1]


def test_retire_a_candidate_but_never_the_active_model(shuffled, copy_sim_workspace):
    ws = copy_sim_workspace()
    save_model(ws, shuffled, "cand", activate=False)
    retire_model(ws, "cand")
    assert {m.name: m.state for m in list_models(ws)}["cand"] == "retired"
    with pytest.raises(CurriculumError, match="cannot be retired"):
        retire_model(ws, "default")
    with pytest.raises(CurriculumError, match="is the active model; a new candidate"):
        save_model(ws, shuffled, "default", activate=False)


def test_rows_stored_before_version_5_read_as_active_or_retired(shuffled, copy_sim_workspace):
    ws = copy_sim_workspace()
    save_model(ws, shuffled, "old", activate=False)
    with sqlite3.connect(ws.target) as conn:  # as a version-4 workspace left them
        conn.execute("UPDATE models SET state = NULL")
    assert {m.name: m.state for m in list_models(ws)} == {"default": "active", "old": "retired"}


def test_the_default_installed_at_init_is_active(sim_workspace):
    assert {m.name: m.state for m in list_models(sim_workspace)} == {"default": "active"}


# -- what training learns from ------------------------------------------------------------------


def test_enrolments_that_have_not_ended_are_left_out_of_training(copy_sim_workspace):
    ws = copy_sim_workspace()
    today = dt.date(2024, 1, 1)
    before = training_set(ws, "l3", today=today)
    with sqlite3.connect(ws.target) as conn:
        running = conn.execute(
            "SELECT COUNT(*) FROM outcomes WHERE completed = 0 AND date > ?", (str(today),)
        ).fetchone()[0]
    everything = training_set(ws, "l3", today=dt.date(2100, 1, 1))
    assert running > 0
    assert before.not_ended == running and everything.not_ended == 0
    assert len(before) == len(everything) - running
    # a running enrolment is no failure: no row of it is labelled 0 in training
    assert before.date.max() >= np.datetime64(today)  # completed later rows stay in
    late_failures = (before.date > np.datetime64(today)) & (before.label == 0)
    with sqlite3.connect(ws.target) as conn:
        failed_late_completed = conn.execute(
            "SELECT COUNT(*) FROM outcomes WHERE completed = 1 AND (l3 = 0) AND date > ?",
            (str(today),),
        ).fetchone()[0]
    assert late_failures.sum() == failed_late_completed


def test_a_recorded_future_enrolment_is_left_out_until_it_ends(copy_sim_workspace):
    ws = copy_sim_workspace()
    learner, module = _some_pair(ws)
    future = dt.date.today() + dt.timedelta(days=30)
    rows_before = len(training_set(ws, "l3"))
    with sqlite3.connect(ws.target) as conn:
        conn.execute(
            "INSERT INTO outcomes (learner, module, date, completed) VALUES (?, ?, ?, 0)",
            (learner, module, str(future)),
        )
    now = training_set(ws, "l3")
    assert len(now) == rows_before and now.not_ended == 1
    later = training_set(ws, "l3", today=future + dt.timedelta(days=1))
    assert len(later) == rows_before + 1  # ended, not completed: a failure now


def _some_pair(ws: Workspace) -> tuple[str, str]:
    with sqlite3.connect(ws.target) as conn:
        return conn.execute("SELECT learner, module FROM outcomes LIMIT 1").fetchone()


def test_a_candidate_within_the_noise_of_the_best_baseline_reaches_it():
    logistic = BASELINES["logistic"]["auc"]
    active = _s(0.70, 0.02)
    assert decide(_s(logistic - BASELINE_TOLERANCE * 0.75, 0.01), active, BASELINES)[0]
    promote, reasons = decide(_s(logistic - BASELINE_TOLERANCE * 1.5, 0.01), active, BASELINES)
    assert not promote and "model.gate:auc_below_baseline" in [r.kind for r in reasons]
