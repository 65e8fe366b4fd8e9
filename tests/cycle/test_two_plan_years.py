"""The yearly cycle end to end, on the simulator: plan year 1, let the simulated learners
follow their paths, record what happened (L1–L4), learn a candidate model, let the gate
decide, plan year 2 — and check that history is kept, the JP ledger adds up, a model
trained on shuffled labels is not promoted and a better one is."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

import numpy as np
import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.edit.outcomes import record_outcome
from curriculum_tool.io import import_file
from curriculum_tool.model.dataset import training_set
from curriculum_tool.model.gate import compare
from curriculum_tool.model.pairs import PairContext
from curriculum_tool.model.persist import activate_model, list_models, load_model, save_model
from curriculum_tool.model.train import Holdout, train, train_set
from curriculum_tool.model.training import train_and_store
from curriculum_tool.recommend import PathOptions, Recommender
from curriculum_tool.report.ledger import jp_ledger
from curriculum_tool.simulate import simulate_to_dir
from curriculum_tool.simulate.path_outcomes import path_outcomes
from curriculum_tool.store.path_history import load_year, plan_history
from curriculum_tool.store.paths import save_paths

YEAR_1, YEAR_2 = 2026, 2027
HISTORY_LEARNERS, COHORT = 12_000, 300


@pytest.fixture(scope="module")
def cycle(tmp_path_factory):
    """A workspace with a simulated history; year 1 planned for a cohort and its outcomes
    recorded."""
    folder = tmp_path_factory.mktemp("cycle")
    simulate_to_dir(folder / "sim", HISTORY_LEARNERS, seed=11)
    ws = create_workspace(folder / "w.sqlite")
    import_file(ws, "learners", folder / "sim" / "learners.csv")
    import_file(ws, "outcomes", folder / "sim" / "outcomes.csv")
    rec = Recommender(ws)
    ids = [str(i) for i in rec.learners.ids if str(i).startswith("SIM-")]
    cohort = sorted(np.random.default_rng(3).choice(ids, COHORT, replace=False).tolist())
    year_1 = rec.plan_rows([rec.row_of(i) for i in cohort], PathOptions(plan_year=YEAR_1))
    with ws.transaction() as conn:
        save_paths(conn, year_1)
    outcomes, _ = path_outcomes(rec.scorer.context, rec.learners, rec.scorer.learner_row, year_1)
    # the enrolments end by 6 December: a completion is never dated after today
    outcomes = outcomes[outcomes["date"] <= dt.date.today().isoformat()]
    outcomes.to_csv(folder / "year1.csv", index=False)
    import_file(ws, "outcomes", folder / "year1.csv")
    yield ws, year_1, outcomes, cohort
    ws.close()


def test_the_ledger_of_year_1_adds_up(cycle):
    ws, year_1, outcomes, cohort = cycle
    jp = {m.code: m.jp for m in ws.load("modules")}
    done = defaultdict(set)
    for row in outcomes.itertuples():
        if row.completed == 1 and row.date.startswith(str(YEAR_1)):
            done[row.learner].add(row.module)
    ledger = {row.learner: row for row in jp_ledger(ws, YEAR_1) if row.learner in set(cohort)}
    assert set(ledger) == set(cohort)
    for path in year_1:
        row = ledger[path.learner]
        planned = set(path.modules) | {o.module for o in path.obligations}
        assert row.planned_jp == path.total_jp
        assert row.completed_jp == sum(jp[m] for m in done[path.learner])
        assert row.completed_planned_jp == sum(jp[m] for m in done[path.learner] & planned)
        assert row.met == (row.completed_jp >= 20) and row.has_plan
    assert 0 < sum(row.met for row in ledger.values()) < len(ledger)


def test_a_follow_up_is_recorded_on_a_year_1_outcome(cycle):
    ws, _, outcomes, _ = cycle
    open_l3 = outcomes[(outcomes["completed"] == 1) & outcomes["l3"].isna()].iloc[0]
    day = dt.date.fromisoformat(open_l3["date"])
    stored, _ = record_outcome(ws, open_l3["learner"], open_l3["module"], day, l3=True, l4=False)
    assert (stored.l3, stored.l4, stored.completed) == (True, False, True)


def test_two_plan_years_the_gate_and_the_history(cycle):
    ws, year_1, _, cohort = cycle
    default = next(m for m in list_models(ws) if m.active)

    # A candidate trained on shuffled labels, judged on the true held-out rows.
    context = PairContext.from_workspace(ws)
    data = training_set(ws, "l3", context)
    proper = train(ws, seed=0)
    shuffled = train_set(
        dataclasses.replace(data, label=np.random.default_rng(5).permutation(data.label)), 0
    )
    holdout = proper.holdout
    predicted = shuffled.model.predict_proba(holdout.features)[:, 1]
    passed, record = compare(
        shuffled.card,
        Holdout(holdout.features, holdout.label, predicted),
        load_model(ws),
        None,
        default.name,
    )
    assert not passed and record["decision"] == "kept_candidate"
    shuffled.card["gate"] = record
    save_model(ws, shuffled, "shuffled", activate=False)
    states = {m.name: m.state for m in list_models(ws)}
    assert states == {default.name: "active", "shuffled": "candidate"}

    # Made active anyway, with a written reason (kept in its card): a weak model in use.
    activate_model(ws, "shuffled", reason="uji: model lemah sengaja dipakai")
    assert load_model(ws).card["overrides"][-1]["reason"] == "uji: model lemah sengaja dipakai"

    # A properly trained candidate beats it on the same held-out rows and is promoted.
    better = train_and_store(ws, seed=0, name="tahun-1")
    gate = better.card["gate"]
    reasons = [english for english, _ in gate["reasons"]]
    assert gate["compared_with"] == "shuffled"
    assert gate["decision"] == "promoted", reasons
    assert gate["candidate"]["auc"] > gate["active"]["auc"] + 0.2
    states = {m.name: m.state for m in list_models(ws)}
    assert states == {default.name: "retired", "shuffled": "retired", "tahun-1": "active"}

    # Year 2 with the promoted model; year 1 stays readable as it was planned.
    rec = Recommender(ws)
    assert rec.model_name == "tahun-1"
    year_2 = rec.plan_rows([rec.row_of(i) for i in cohort], PathOptions(plan_year=YEAR_2))
    with ws.transaction() as conn:
        save_paths(conn, year_2)
        kept = {p.learner: p for p in load_year(conn, YEAR_1)}
        planned_2 = {p.learner: p for p in load_year(conn, YEAR_2)}
        history = plan_history(conn, cohort[0])
    assert {p.learner: p.modules for p in year_1} == {k: p.modules for k, p in kept.items()}
    assert {p.learner: p.model_name for p in kept.values()} == dict.fromkeys(cohort, default.name)
    assert set(planned_2) == set(cohort)
    assert {p.model_name for p in planned_2.values()} == {"tahun-1"}
    assert [(v.plan_year, v.current) for v in history] == [(YEAR_1, False), (YEAR_2, True)]
    # what a learner completed in year 1 is not planned again in year 2
    completed = {(o.learner, o.module) for o in ws.load("outcomes") if o.completed}
    assert not any((p.learner, m) in completed for p in year_2 for m in p.modules)
