"""The JP ledger: per learner and year, JP planned (latest plan version) against JP
completed (outcomes dated that year) and the 20 JP minimum; and its sheet in the agency
workbook, masked by default."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import LearnerPath, PathStep
from curriculum_tool.domain.paths import ObligationStep
from curriculum_tool.edit.outcomes import record_outcome
from curriculum_tool.errors import CurriculumError
from curriculum_tool.report import write_agency_summary
from curriculum_tool.report.ledger import LEDGER_SHEET, LEDGER_SHEET_COLUMNS, jp_ledger
from curriculum_tool.store.paths import save_paths

D = dt.date
TODAY = D(2027, 6, 1)


def _path(learner, modules, year, obligations=()):
    steps = tuple(PathStep(m, m, 1, jp, "klasikal", 0.5, 0.1) for m, jp in modules)
    return LearnerPath(
        learner,
        "analis-kebencanaan",
        "72.71",
        steps,
        created=f"{year}-01-05T00:00:00+00:00",
        plan_year=year,
        obligations=tuple(ObligationStep(m, m, jp, "PerLAN") for m, jp in obligations),
    )


@pytest.fixture
def workspace(tmp_path):
    """Plans for 2026: DEMO-001 re-planned (v2: ADM-102 2 JP + ADM-202 12 JP, PKP-201
    compulsory), DEMO-002 (ADM-101 16 JP); DEMO-003 has no plan. Outcomes: DEMO-001
    completed ADM-202 (12) and PB-201 (40, unplanned) in 2026, and ADM-102 in 2025;
    DEMO-002 dropped ADM-101; DEMO-003 completed ADM-101 (16) in 2026, twice."""
    ws = create_workspace(tmp_path / "w.sqlite")
    with ws.transaction() as conn:
        save_paths(conn, [_path("DEMO-001", [("ADM-101", 16)], 2026)])
        save_paths(conn, [_path("DEMO-002", [("ADM-101", 16)], 2026)])
    with ws.transaction() as conn:  # the re-plan: version 2 is what counts
        save_paths(
            conn,
            [_path("DEMO-001", [("ADM-102", 2), ("ADM-202", 12)], 2026, [("PKP-201", 30)])],
        )
    for learner, module, day, completed in (
        ("DEMO-001", "ADM-202", D(2026, 3, 1), True),
        ("DEMO-001", "PB-201", D(2026, 12, 31), True),
        ("DEMO-001", "ADM-102", D(2025, 12, 31), True),
        ("DEMO-002", "ADM-101", D(2026, 5, 1), False),
        ("DEMO-003", "ADM-101", D(2026, 1, 1), True),
        ("DEMO-003", "ADM-101", D(2026, 9, 1), True),
    ):
        record_outcome(ws, learner, module, day, completed=completed, today=TODAY)
    yield ws
    ws.close()


def test_ledger_of_a_year(workspace):
    rows = {row.learner: row for row in jp_ledger(workspace, 2026)}
    assert sorted(rows) == ["DEMO-001", "DEMO-002", "DEMO-003"]
    one = rows["DEMO-001"]
    assert (one.planned_jp, one.obligation_jp, one.plan_version) == (14, 30, 2)
    assert (one.completed_jp, one.completed_planned_jp) == (52, 12)
    assert one.completed_modules == ("ADM-202", "PB-201")
    assert (one.minimum, one.met, one.has_plan) == (20, True, True)
    two = rows["DEMO-002"]
    assert (two.planned_jp, two.completed_jp, two.met, two.shortfall_jp) == (16, 0, False, 20)
    three = rows["DEMO-003"]  # no plan, yet completions: listed, a module counted once
    assert (three.has_plan, three.planned_jp, three.completed_jp) == (False, 0, 16)
    assert (three.met, three.shortfall_jp, three.unit) == (False, 4, "BPBD Kota Palu")


def test_other_years_and_everyone(workspace):
    (row,) = jp_ledger(workspace, 2025)
    assert (row.learner, row.has_plan, row.completed_jp, row.met) == ("DEMO-001", False, 2, False)
    assert jp_ledger(workspace, 2030) == []
    everyone = jp_ledger(workspace, 2026, everyone=True)
    assert len(everyone) == workspace.count("learners")
    assert sum(r.met for r in everyone) == 1


def test_a_completed_obligation_counts_as_planned(workspace):
    record_outcome(workspace, "DEMO-001", "PKP-201", D(2026, 6, 1), completed=True, today=TODAY)
    (row,) = [r for r in jp_ledger(workspace, 2026) if r.learner == "DEMO-001"]
    pkp = next(m.jp for m in workspace.load("modules") if m.code == "PKP-201")
    assert (row.completed_jp, row.completed_planned_jp) == (52 + pkp, 12 + pkp)


def test_bad_year_refused(workspace):
    with pytest.raises(CurriculumError, match="between 2000 and 2100"):
        jp_ledger(workspace, 1999)


def test_agency_workbook_has_the_ledger_masked(workspace, tmp_path):
    out = tmp_path / "ringkasan.xlsx"
    write_agency_summary(workspace, out)
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[-1] == LEDGER_SHEET
    rows = list(book[LEDGER_SHEET].iter_rows(values_only=True))
    assert rows[0] == LEDGER_SHEET_COLUMNS
    table = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(table) == 3 and {r["Tahun"] for r in table} == {2026}
    text = " ".join(str(v) for row in rows for v in row)
    assert "DEMO-" not in text and "Peserta Demo" not in text  # masked by default
    assert sorted(r["JP Selesai"] for r in table) == [0, 16, 52]
    assert sorted(r["Memenuhi Minimum"] for r in table) == ["tidak", "tidak", "ya"]
    write_agency_summary(workspace, out, unmask=True)
    rows = list(load_workbook(out, read_only=True)[LEDGER_SHEET].iter_rows(values_only=True))
    shown = {row[1]: row for row in rows[1:]}
    assert shown["DEMO-001"][2] == "Peserta Demo 01 (sintetis)"
    assert shown["DEMO-001"][7:11] == (14, 30, 52, 12)
