"""``recommend`` and ``batch`` on the command line (contract §4), run in-process; stdout is
captured at the file-descriptor level, so a solver writing to fd 1 would be caught."""

from __future__ import annotations

import csv
import json

import pytest

from curriculum_tool.cli import main as cli_main
from curriculum_tool.store import Workspace
from curriculum_tool.store.paths import load_paths

CONTRACT_KEYS = {
    "learner",
    "position",
    "region",
    "model",
    "min_jp",
    "max_jp",
    "total_jp",
    "expected_value",
    "steps",
    "excluded",
}
NIP = "199001012015011999"


@pytest.fixture
def cli(capfd):
    """``cli(*args)`` → (exit code, stdout, stderr), captured at the fd level."""

    def run(*args):
        capfd.readouterr()
        try:
            code = cli_main([str(a) for a in args])
        except SystemExit as exit_:  # argparse usage errors exit from parse_args
            code = exit_.code
        out, err = capfd.readouterr()
        return code, out, err

    return run


def stored(path):
    with Workspace.open(path) as ws, ws.engine.connect() as conn:
        return load_paths(conn)


def test_recommend_json_is_one_contract_object_and_nothing_else(cli, catalog_ws_path):
    code, out, err = cli("recommend", catalog_ws_path, "DEMO-001", "--format", "json")
    assert code == 0, err
    record = json.loads(out)  # nothing else on stdout
    assert set(record) >= CONTRACT_KEYS
    assert (record["learner"], record["position"], record["region"]) == (
        "DEMO-001",
        "analis-kebencanaan",
        "72.71",
    )
    assert record["model"]["name"] == "default" and len(record["model"]["sha256"]) == 64
    assert (record["min_jp"], record["max_jp"]) == (20, 40)
    assert 20 <= record["total_jp"] == sum(s["jp"] for s in record["steps"]) <= 40
    assert record["expected_value"] > 0
    for step in record["steps"]:
        assert {
            "module",
            "title",
            "period",
            "jp",
            "modality",
            "p_success",
            "value",
            "reasons",
        } <= set(step)
        assert step["period"] == 1
    assert {"module", "reason"} <= set(record["excluded"][0])


def test_recommend_text(cli, catalog_ws_path):
    code, out, err = cli("recommend", catalog_ws_path, "DEMO-001")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Learning path for DEMO-001 (analis-kebencanaan, region 72.71)")
    assert "Period 1" in lines
    assert "Left out:" in lines
    _, json_out, _ = cli("recommend", catalog_ws_path, "DEMO-001", "--format", "json")
    for step in json.loads(json_out)["steps"]:
        assert any(line.strip().endswith(f"{step['module']}  {step['title']}") for line in lines)


@pytest.mark.parametrize("min_jp", ["0", "10"])
def test_recommend_with_a_small_budget_in_two_periods(cli, catalog_ws_path, min_jp):
    code, out, err = cli(
        "recommend",
        catalog_ws_path,
        "DEMO-013",
        "--max-jp",
        "10",
        "--min-jp",
        min_jp,
        "--periods",
        "2",
        "--format",
        "json",
    )
    assert code == 0, err
    record = json.loads(out)
    assert record["max_jp"] == 10 and record["periods"] == 2
    assert 0 < record["total_jp"] <= 10
    for period in (1, 2):
        assert sum(s["jp"] for s in record["steps"] if s["period"] == period) <= 5
    assert {s["period"] for s in record["steps"]} <= {1, 2}


def test_a_budget_below_the_default_minimum_needs_no_min_jp(cli, catalog_ws_path):
    code, out, err = cli(
        "recommend",
        catalog_ws_path,
        "DEMO-013",
        "--max-jp",
        "10",
        "--periods",
        "2",
        "--format",
        "json",
    )
    assert code == 0, err
    record = json.loads(out)
    assert record["total_jp"] <= 10 and record["min_jp"] <= 10


@pytest.mark.parametrize(
    "args, message",
    [
        (["--min-jp", "50", "--max-jp", "40"], "--min-jp"),
        (["--periods", "0"], "--periods"),
        (["--max-jp", "0"], "--max-jp"),
        (["--periods", "two"], "--periods"),
        (["--method", "random"], "--method"),
    ],
)
def test_bad_options_exit_2_with_one_line(cli, catalog_ws_path, args, message):
    code, out, err = cli("recommend", catalog_ws_path, "DEMO-001", *args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert "Traceback" not in err


def test_unknown_learner_exits_2_without_echoing_the_id(cli, catalog_ws_path):
    code, out, err = cli("recommend", catalog_ws_path, NIP, "--format", "json")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "unknown learner" in err
    assert NIP not in err


def test_recommend_save_stores_the_path(cli, copy_ws, catalog_ws_path):
    path = copy_ws(catalog_ws_path)
    code, out, err = cli("recommend", path, "DEMO-004", "--format", "json", "--save")
    assert code == 0, err
    record = json.loads(out)
    [saved] = stored(path)
    assert saved.learner == "DEMO-004"
    assert [s.to_json() for s in saved.steps] == record["steps"]
    assert saved.to_json()["excluded"] == record["excluded"]
    code, _, _ = cli("recommend", path, "DEMO-005", "--format", "json")  # no --save
    assert [p.learner for p in stored(path)] == ["DEMO-004"]


def test_batch_writes_progress_to_stderr_and_stores_paths(cli, copy_ws, catalog_ws_path, tmp_path):
    path = copy_ws(catalog_ws_path)
    out = tmp_path / "f.csv"
    code, stdout, err = cli("batch", path, "--out", out)
    assert code == 0, err
    assert "41/41 learners planned" in err
    assert "41 paths" in stdout and str(out) in stdout
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and list(rows[0]) == [
        "learner",
        "order",
        "period",
        "module",
        "jp",
        "p_success",
        "value",
    ]
    assert not any(r["learner"].startswith("DEMO-") for r in rows)
    assert len(stored(path)) == 41
    # export W paths F: masked by default, raw with --unmask
    code, stdout, err = cli("export", path, "paths", tmp_path / "export.csv")
    assert code == 0, err
    assert "DEMO-" not in (tmp_path / "export.csv").read_text(encoding="utf-8")
    code, _, err = cli("export", path, "paths", tmp_path / "raw.csv", "--unmask")
    assert code == 0, err
    assert "DEMO-001" in (tmp_path / "raw.csv").read_text(encoding="utf-8")


def test_batch_no_store_and_learners_file(cli, copy_ws, catalog_ws_path, tmp_path):
    path = copy_ws(catalog_ws_path)
    (tmp_path / "some.csv").write_text("learner\nDEMO-002\nDEMO-008\n", encoding="utf-8")
    out = tmp_path / "some.jsonl"
    code, _, err = cli(
        "batch", path, "--out", out, "--learners", tmp_path / "some.csv", "--no-store", "--unmask"
    )
    assert code == 0, err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["learner"] for r in records] == ["DEMO-002", "DEMO-008"]
    assert stored(path) == []


@pytest.mark.parametrize(
    "content",
    [
        "learner\nDEMO-001\n" + NIP + "\n",  # unknown learner
        "nip\nDEMO-001\n",
    ],
)  # wrong column
def test_batch_refuses_a_bad_learners_file_and_writes_nothing(
    cli, copy_ws, catalog_ws_path, tmp_path, content
):
    path = copy_ws(catalog_ws_path)
    (tmp_path / "bad.csv").write_text(content, encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _stdout, err = cli("batch", path, "--out", out, "--learners", tmp_path / "bad.csv")
    assert code == 2
    assert err.strip() and "Traceback" not in err
    assert NIP not in err
    assert not out.exists()
    assert stored(path) == []


@pytest.mark.parametrize(
    "args, message", [(["--workers", "0"], "--workers"), (["--out", "paths.txt"], ".jsonl")]
)
def test_batch_bad_options_exit_2(cli, catalog_ws_path, tmp_path, args, message):
    argv = ["batch", catalog_ws_path, *args]
    if "--out" not in args:
        argv += ["--out", tmp_path / "x.csv"]
    code, _out, err = cli(*argv)
    assert code == 2 and message in err
    assert len(err.strip().splitlines()) == 1
