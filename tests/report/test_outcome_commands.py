"""The command line of recording outcomes: ``record``, ``followups`` and ``ledger``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook

from curriculum_tool.catalog import create_workspace
from curriculum_tool.cli.dispatch import main
from curriculum_tool.edit.outcomes import read_outcome
from curriculum_tool.store import Workspace


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "w.sqlite"
    create_workspace(path).close()
    return str(path)


def _run(capsys, *argv):
    code = main([*argv, "--lang", "en"])
    out, err = capsys.readouterr()
    return code, out, err


def _stored(target, learner, module, day):
    with Workspace.open(target) as workspace, workspace.engine.connect() as conn:
        return read_outcome(conn, learner, module, dt.date.fromisoformat(day))[0]


def test_record_merges_fields_into_one_outcome(target, capsys):
    code, out, _ = _run(
        capsys,
        "record",
        target,
        "DEMO-001",
        "PB-201",
        "--date",
        "2026-06-01",
        "--completed",
        "1",
        "--l1",
        "80",
    )
    assert code == 0 and "completed=1, l1=80" in out
    code, out, _ = _run(
        capsys,
        "record",
        target,
        "DEMO-001",
        "PB-201",
        "--date",
        "2026-06-01",
        "--l2",
        "65",
        "--l3",
        "1",
        "--l4",
        "0",
    )
    assert code == 0
    stored = _stored(target, "DEMO-001", "PB-201", "2026-06-01")
    assert (stored.completed, stored.l1, stored.l2, stored.l3, stored.l4) == (
        True,
        80,
        65,
        True,
        False,
    )


def test_enrol_records_an_enrolment_not_yet_an_outcome(target, capsys):
    code, _, _ = _run(
        capsys, "record", target, "DEMO-002", "LD-101", "--date", "2099-03-01", "--enrol"
    )
    assert code == 0
    assert _stored(target, "DEMO-002", "LD-101", "2099-03-01").completed is False


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--date", "2026-02-30", "--completed", "1"], "--date must be a date"),
        (["--date", "2026-06-01", "--l1", "101", "--completed", "1"], "from 0 to 100"),
        (["--date", "2026-06-01", "--l3", "1"], "no enrolment"),
        (["--date", "2026-06-01", "--completed", "0", "--l3", "1"], "completed enrolment"),
        (["--date", "2099-01-01", "--completed", "1"], "after today"),
    ],
)
def test_record_bad_input_exits_2_with_one_line(target, capsys, argv, says):
    code, out, err = _run(capsys, "record", target, "DEMO-001", "PB-201", *argv)
    assert code == 2 and out == ""
    assert says in err and len(err.strip().splitlines()) == 1
    if argv[1] != "2026-02-30":  # nothing written
        assert _stored(target, "DEMO-001", "PB-201", argv[1]) is None


def test_followups_masked_text_csv_json_and_filters(target, capsys):
    for learner, module, day in (
        ("DEMO-001", "PB-201", "2026-06-01"),
        ("DEMO-002", "ADM-101", "2026-01-10"),
    ):
        assert main(["record", target, learner, module, "--date", day, "--completed", "1"]) == 0
    capsys.readouterr()
    code, out, _ = _run(capsys, "followups", target, "--today", "2026-12-01")
    lines = out.splitlines()
    assert code == 0 and lines[1].startswith("OVERDUE\tANON-") and lines[2].startswith("due\t")
    assert "DEMO-" not in out and "masked" in lines[-1]
    code, out, _ = _run(
        capsys,
        "followups",
        target,
        "--today",
        "2026-12-01",
        "--format",
        "csv",
        "--unmask",
        "--supervisor",
        "DEMO-007",
    )
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert (row["learner"], row["status"], row["due_until"]) == ("DEMO-001", "due", "2026-12-01")
    code, out, _ = _run(capsys, "followups", target, "--today", "2026-12-01", "--format", "json")
    rows = json.loads(out)
    # the pseudonym a masked list shows filters as well as the id
    code, out, _ = _run(
        capsys,
        "followups",
        target,
        "--today",
        "2026-12-01",
        "--format",
        "json",
        "--supervisor",
        rows[1]["supervisor"],
    )
    assert [r["module"] for r in json.loads(out)] == ["PB-201"]
    code, out, _ = _run(capsys, "followups", target, "--today", "2026-12-01", "--unit", "Nowhere")
    assert code == 0 and "no follow-up due" in out


def test_ledger_text_and_files(target, capsys, tmp_path):
    assert (
        main(["record", target, "DEMO-001", "PB-201", "--date", "2026-06-01", "--completed", "1"])
        == 0
    )
    capsys.readouterr()
    code, out, _ = _run(capsys, "ledger", target, "--year", "2026")
    assert code == 0 and "1 learners, 1 reached 20 JP, 0 below" in out and "DEMO-" not in out
    out_file = tmp_path / "ledger.xlsx"
    code, out, _ = _run(
        capsys, "ledger", target, "--year", "2026", "--out", str(out_file), "--unmask", "--everyone"
    )
    assert code == 0
    rows = list(load_workbook(out_file, read_only=True).active.iter_rows(values_only=True))
    table = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert table["DEMO-001"]["completed_jp"] == 40 and table["DEMO-001"]["met"] == "1"
    assert table["DEMO-002"]["completed_jp"] == 0 and len(table) == 41
    code, _, err = _run(capsys, "ledger", target, "--year", "1999")
    assert code == 2 and "between 2000 and 2100" in err
    code, _, err = _run(capsys, "ledger", target, "--out", str(tmp_path / "x.txt"))
    assert code == 2 and ".csv or .xlsx" in err and not (tmp_path / "x.txt").exists()
