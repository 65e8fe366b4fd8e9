"""The model commands of the contract (§4): simulate, train, score, and the newcomer's init."""

import csv
import json
import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from curriculum_tool.errors import CurriculumError
from curriculum_tool.model.persist import list_models, model_digest
from curriculum_tool.model.score import Scorer
from curriculum_tool.model.shipped import DEFAULT_MODEL_SHA256
from curriculum_tool.model.training import train_and_store
from curriculum_tool.store import Workspace

DEMO = "DEMO-001"  # a learner of the shipped catalog/learners.csv


def _read(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _one_error_line(err):
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def _pairs(write_csv, pairs, name="pairs.csv"):
    return write_csv(name, ["learner", "module"], pairs)


# -- simulate --------------------------------------------------------------------------------


def test_simulate_writes_three_reproducible_files(run_cli, tmp_path):
    code, out, err = run_cli("simulate", tmp_path / "a", "--learners", 50, "--seed", 1)
    assert code == 0, err
    assert "50 synthetic learners" in out
    names = ("learners.csv", "outcomes.csv", "truth.csv")
    assert all((tmp_path / "a" / n).is_file() for n in names)
    assert len(_read(tmp_path / "a" / "learners.csv")) == 50
    outcomes = _read(tmp_path / "a" / "outcomes.csv")
    assert len(outcomes) == len(_read(tmp_path / "a" / "truth.csv")) > 50
    assert run_cli("simulate", tmp_path / "b", "--learners", 50, "--seed", 1)[0] == 0
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert run_cli("simulate", tmp_path / "c", "--learners", 50, "--seed", 2)[0] == 0
    assert (tmp_path / "c" / "outcomes.csv").read_bytes() != (
        tmp_path / "a" / "outcomes.csv"
    ).read_bytes()


def test_simulate_refuses_zero_learners(run_cli, tmp_path):
    code, _, err = run_cli("simulate", tmp_path / "x", "--learners", 0)
    assert code == 2
    assert "at least 1" in _one_error_line(err)
    assert not (tmp_path / "x").exists()


# -- the newcomer: init, then score at once ------------------------------------------------


def test_init_installs_the_default_model_and_score_works_at_once(run_cli, tmp_path, write_csv):
    ws_path = tmp_path / "w.sqlite"
    assert run_cli("init", ws_path)[0] == 0
    with Workspace.open(ws_path) as ws:
        models = list_models(ws)
    assert [(m.name, m.active, m.sha256) for m in models] == [
        ("default", True, DEFAULT_MODEL_SHA256)
    ]
    pairs = _pairs(write_csv, [(DEMO, "LD-101"), (DEMO, "PB-101"), ("DEMO-002", "LD-201")])
    code, out, err = run_cli("score", ws_path, pairs, "--out", tmp_path / "out.csv")
    assert code == 0, err
    assert "scored 3 pairs" in out
    rows = _read(tmp_path / "out.csv")
    assert [(r["learner"], r["module"]) for r in rows] == [
        (DEMO, "LD-101"),
        (DEMO, "PB-101"),
        ("DEMO-002", "LD-201"),
    ]
    assert all(0 <= float(r["p_success"]) <= 1 for r in rows)


# -- train on simulated outcomes, then score ------------------------------------------------


def test_train_then_score(run_cli, tmp_path, write_csv, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the current directory gets no models/ (checked below)
    ws_path, sim_dir, models_dir = tmp_path / "w.sqlite", tmp_path / "sim", tmp_path / "mine"
    assert run_cli("init", ws_path)[0] == 0
    assert run_cli("simulate", sim_dir, "--learners", 600, "--seed", 1)[0] == 0
    for kind in ("learners", "outcomes"):
        code, _, err = run_cli("import", ws_path, kind, sim_dir / f"{kind}.csv")
        assert code == 0, err

    code, out, err = run_cli(
        "train",
        ws_path,
        "--seed",
        0,
        "--models-dir",
        models_dir,
        "--name",
        "m1",
        "--truth",
        sim_dir / "truth.csv",
    )
    assert code == 0, err
    for text in (
        "AUC",
        "baseline: overall rate",
        "baseline: module rate",
        "baseline: logistic regression",
        "ground-truth ceiling",
        "stored model 'm1'",
        "promotion gate",
        "active model 'default'",
        "decision: ",
    ):
        assert text in out
    payload = (models_dir / "m1.skops").read_bytes()
    card = json.loads((models_dir / "m1.json").read_text("utf-8"))
    assert card["sha256"] == model_digest(payload, card)
    assert card["name"] == "m1" and card["evaluation"]["refitted_on_all_rows"]
    assert f"{card['metrics']['model']['auc']:6.3f}".strip() in out
    # train stores a candidate; it is promoted only if it beats the active model (the
    # shipped default, trained on 20,000 learners: a model of 600 does not)
    assert card["gate"]["compared_with"] == "default"
    assert card["gate"]["decision"] == "kept_candidate"
    assert "as a candidate; the active model is unchanged" in out
    with Workspace.open(ws_path) as ws:
        assert {m.name: m.state for m in list_models(ws)} == {
            "default": "active",
            "m1": "candidate",
        }
    # promoting it over the gate needs a written reason, kept in its card
    code, out, err = run_cli("models", ws_path, "promote", "m1")
    assert code == 2 and "needs a written reason" in _one_error_line(err)
    code, out, err = run_cli("models", ws_path, "promote", "m1", "--reason", "pilot in 72")
    assert code == 0, err
    assert "'m1' is now the active model" in out
    with Workspace.open(ws_path) as ws:
        models = {m.name: m for m in list_models(ws)}
        assert {name: m.state for name, m in models.items()} == {
            "default": "retired",
            "m1": "active",
        }
        assert [o["reason"] for o in models["m1"].card["overrides"]] == ["pilot in 72"]
    code, out, _ = run_cli("models", ws_path, "list")
    assert code == 0 and "m1\tactive" in out and "default\tretired" in out

    pairs = _pairs(
        write_csv, [("SIM-000001", "LD-101"), (DEMO, "PB-101"), ("SIM-000002", "LD-201")]
    )
    code, _, err = run_cli("score", ws_path, pairs, "--out", tmp_path / "out.csv")
    assert code == 0, err
    scored = [float(r["p_success"]) for r in _read(tmp_path / "out.csv")]
    with Workspace.open(ws_path) as ws:
        expected = Scorer(ws).score(
            ["SIM-000001", DEMO, "SIM-000002"], ["LD-101", "PB-101", "LD-201"]
        )
    np.testing.assert_allclose(scored, expected, atol=5e-5)
    code, _, err = run_cli(
        "score", ws_path, pairs, "--out", tmp_path / "default.csv", "--model", "default"
    )
    assert code == 0, err
    assert [float(r["p_success"]) for r in _read(tmp_path / "default.csv")] != scored

    # --format json prints the card; without --models-dir the files go to the user's data
    # folder (here the isolated $CURRICULUM_TOOL_HOME), never into the current directory
    code, out, err = run_cli("train", ws_path, "--name", "m2", "--format", "json")
    assert code == 0, err
    printed = json.loads(out)
    assert printed["name"] == "m2" and "ceiling_auc" not in printed["metrics"]
    # same data, same seed: the same held-out metrics as m1
    assert printed["metrics"]["model"] == card["metrics"]["model"]
    assert printed["metrics"]["baselines"] == card["metrics"]["baselines"]
    home = Path(os.environ["CURRICULUM_TOOL_HOME"])
    assert (home / "models" / "m2.skops").is_file()
    assert json.loads((home / "models" / "m2.json").read_text("utf-8")) == printed
    assert not (tmp_path / "models").exists()


# -- clean failures ------------------------------------------------------------------------


def test_train_without_outcomes_fails_cleanly(run_cli, tmp_path, sqlite_contents):
    ws_path = tmp_path / "w.sqlite"
    assert run_cli("init", ws_path)[0] == 0
    before = sqlite_contents(ws_path)
    code, out, err = run_cli("train", ws_path, "--models-dir", tmp_path / "models")
    assert code == 2 and out == ""
    line = _one_error_line(err)
    assert line.startswith("error: ") and "no labelled outcomes" in line
    assert sqlite_contents(ws_path) == before
    assert not (tmp_path / "models").exists()


def test_train_on_too_few_outcomes_fails_cleanly(run_cli, workspace, workspace_path, tmp_path):
    code, _, err = run_cli("train", workspace_path, "--models-dir", tmp_path / "models")
    assert code == 2
    assert "only 3 labelled outcomes" in _one_error_line(err)
    assert not (tmp_path / "models").exists()


@pytest.mark.parametrize(
    ("cli_args", "options"),
    [
        (["--seed", "-1"], {"seed": -1}),
        (["--seed", str(2**32)], {"seed": 2**32}),
        (["--name", "bad name"], {"name": "bad name"}),
        (["--truth", "nowhere.csv"], {"truth": "nowhere.csv"}),
        (["--truth", "{columns}"], {"truth": "{columns}"}),
        (
            ["--target", "completed", "--truth", "{columns}"],
            {"target": "completed", "truth": "{columns}"},
        ),
    ],
)
def test_train_input_is_checked_as_the_gui_checks_it(
    run_cli, workspace, workspace_path, write_csv, tmp_path, monkeypatch, cli_args, options
):
    """The CLI and the GUI train through ``train_and_store``: the same refusal, word for
    word, before any outcome is read (the mini workspace's 3 outcomes would be refused)."""
    monkeypatch.chdir(tmp_path)
    columns = write_csv("truth.csv", ["learner", "module", "date"], [("a", "b", "2024-01-01")])
    cli_args = [str(columns) if a == "{columns}" else a for a in cli_args]
    options = {k: columns if v == "{columns}" else v for k, v in options.items()}
    before = list_models(workspace)
    with pytest.raises(CurriculumError) as caught:
        train_and_store(workspace, **options)
    code, out, err = run_cli("train", workspace_path, *cli_args)
    assert code == 2 and out == ""
    assert _one_error_line(err) == f"error: {caught.value}"
    assert "labelled outcomes" not in err
    assert list_models(workspace) == before
    assert not (tmp_path / "models").exists()


def test_train_refuses_an_unknown_target(run_cli, workspace_path, workspace):
    with pytest.raises(SystemExit) as caught:
        run_cli("train", workspace_path, "--target", "l4")
    assert caught.value.code == 2


def test_importing_outcomes_of_unknown_learners_fails_cleanly(
    run_cli, workspace, workspace_path, write_csv, sqlite_contents
):
    path = write_csv(
        "outcomes.csv",
        "outcomes",
        [
            {"learner": "NOBODY-1", "module": "LD-101", "date": "2024-05-01", "completed": "0"},
            {"learner": DEMO, "module": "NO-SUCH", "date": "2024-05-01", "completed": "0"},
        ],
    )
    before = sqlite_contents(workspace_path)
    code, _, err = run_cli("import", workspace_path, "outcomes", path)
    assert code == 2
    lines = err.strip().splitlines()
    assert [line.split(": ")[0] for line in lines] == [
        "outcomes.csv:2:learner",
        "outcomes.csv:3:module",
    ]
    assert sqlite_contents(workspace_path) == before


def test_score_with_unknown_pairs_fails_cleanly(run_cli, tmp_path, write_csv):
    ws_path = tmp_path / "w.sqlite"
    assert run_cli("init", ws_path)[0] == 0
    secret = "198001012000011999"
    pairs = _pairs(write_csv, [(secret, "LD-101"), (DEMO, "LD-101")])
    code, out, err = run_cli("score", ws_path, pairs, "--out", tmp_path / "out.csv")
    assert code == 2 and out == ""
    line = _one_error_line(err)
    assert line.startswith("pairs.csv:2:learner: unknown learner")
    assert secret not in err
    assert not (tmp_path / "out.csv").exists()


def test_score_without_a_model_fails_cleanly(run_cli, tmp_path, write_csv):
    ws_path = tmp_path / "empty.sqlite"
    assert run_cli("init", ws_path, "--empty")[0] == 0
    code, _, err = run_cli(
        "score", ws_path, _pairs(write_csv, [(DEMO, "LD-101")]), "--out", tmp_path / "out.csv"
    )
    assert code == 2
    assert "no model yet" in _one_error_line(err)


def test_score_refuses_an_altered_model(run_cli, tmp_path, write_csv):
    ws_path = tmp_path / "w.sqlite"
    assert run_cli("init", ws_path)[0] == 0
    conn = sqlite3.connect(ws_path)
    with conn:
        payload = bytearray(conn.execute("SELECT payload FROM models").fetchone()[0])
        payload[-10] ^= 0xFF
        conn.execute("UPDATE models SET payload = ?", (bytes(payload),))
    conn.close()
    code, _, err = run_cli(
        "score", ws_path, _pairs(write_csv, [(DEMO, "LD-101")]), "--out", tmp_path / "out.csv"
    )
    assert code == 2
    assert "altered" in _one_error_line(err)
    assert not (tmp_path / "out.csv").exists()
