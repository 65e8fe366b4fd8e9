"""Evaluation views: the Kirkpatrick funnel per grouping, planned against actual (the
latest plan version counts) and calibration drift per province."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from curriculum_tool.catalog import create_workspace
from curriculum_tool.cli.dispatch import main
from curriculum_tool.domain import LearnerPath, PathStep
from curriculum_tool.errors import CurriculumError
from curriculum_tool.io import import_file
from curriculum_tool.report.drift import MIN_ROWS, drift
from curriculum_tool.report.evaluation import funnel, funnel_total, planned_vs_actual
from curriculum_tool.store import schema
from curriculum_tool.store.paths import save_paths

HEADER = "learner,module,date,completed,l1,l2,l3,l4\n"
#: ADM-101 klasikal 16 JP, ADM-102 microlearning 2 JP, ADM-202 e_learning 12 JP.
#: DEMO-001..003 are in 72 (Sulawesi Tengah), DEMO-013/014 in 31, DEMO-024 in 13.
FUNNEL_OUTCOMES = (
    "DEMO-001,ADM-101,2025-03-01,1,80,70,1,1\n"
    "DEMO-002,ADM-101,2025-04-01,1,60,,0,\n"
    "DEMO-003,ADM-101,2026-02-01,0,,,,\n"
    "DEMO-013,ADM-102,2026-03-01,1,90,50,1,0\n"
    "DEMO-014,ADM-202,2026-05-01,1,,40,,\n"
    "DEMO-024,ADM-202,2099-02-01,0,,,,\n"  # an enrolment that has not ended yet
)


def _outcomes(workspace, tmp_path: Path, rows: str, name: str = "outcomes.csv") -> None:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    import_file(workspace, "outcomes", path)


@pytest.fixture(scope="module")
def funnel_ws(tmp_path_factory):
    folder = tmp_path_factory.mktemp("funnel")
    workspace = create_workspace(folder / "w.sqlite")
    _outcomes(workspace, folder, FUNNEL_OUTCOMES)
    yield workspace
    workspace.close()


def _by_group(rows):
    return {row.group: row for row in rows}


def test_funnel_by_module_counts_each_stage(funnel_ws):
    rows = _by_group(funnel(funnel_ws, "module"))
    assert set(rows) == {"ADM-101", "ADM-102", "ADM-202"}
    assert rows["ADM-101"].counts() == (3, 2, 2, 1, 1, 1)
    assert rows["ADM-101"].mean_l1 == pytest.approx(70.0)
    assert rows["ADM-101"].mean_l2 == pytest.approx(70.0)
    assert rows["ADM-101"].label.startswith("Tata Naskah Dinas")
    assert rows["ADM-102"].counts() == (1, 1, 1, 1, 1, 0)
    assert rows["ADM-202"].counts() == (2, 1, 0, 1, 0, 0)
    assert rows["ADM-202"].in_progress == 1
    assert rows["ADM-202"].mean_l1 is None
    assert rows["ADM-101"].share("completed") == pytest.approx(2 / 3)


def test_funnel_by_modality_region_and_year(funnel_ws):
    modality = _by_group(funnel(funnel_ws, "modality"))
    assert {k: v.counts() for k, v in modality.items()} == {
        "klasikal": (3, 2, 2, 1, 1, 1),
        "microlearning": (1, 1, 1, 1, 1, 0),
        "e_learning": (2, 1, 0, 1, 0, 0),
    }
    region = _by_group(funnel(funnel_ws, "region"))
    assert {k: v.counts() for k, v in region.items()} == {
        "72": (3, 2, 2, 1, 1, 1),
        "31": (2, 2, 1, 2, 1, 0),
        "13": (1, 0, 0, 0, 0, 0),
    }
    assert region["72"].label == "Sulawesi Tengah"
    assert region["31"].label == "DKI Jakarta"
    year = _by_group(funnel(funnel_ws, "year"))
    assert {k: v.counts() for k, v in year.items()} == {
        "2025": (2, 2, 2, 1, 1, 1),
        "2026": (3, 2, 1, 2, 1, 0),
        "2099": (1, 0, 0, 0, 0, 0),
    }


def test_funnel_of_one_year_and_total(funnel_ws):
    rows = _by_group(funnel(funnel_ws, "module", year=2026))
    assert {k: v.counts() for k, v in rows.items()} == {
        "ADM-101": (1, 0, 0, 0, 0, 0),
        "ADM-102": (1, 1, 1, 1, 1, 0),
        "ADM-202": (1, 1, 0, 1, 0, 0),
    }
    total = funnel_total(funnel(funnel_ws, "region"))
    assert total.counts() == (6, 4, 3, 3, 2, 1)
    assert total.mean_l1 == pytest.approx((80 + 60 + 90) / 3)
    assert funnel(funnel_ws, "module", year=2030) == []


def test_funnel_refuses_an_unknown_grouping(funnel_ws):
    with pytest.raises(CurriculumError) as caught:
        funnel(funnel_ws, "position")
    assert caught.value.args[0].kind == "report.evaluation:bad_grouping"
    assert "modality" in caught.value.args[0].render("id")


def _path(learner: str, modules: list[tuple[str, int]], year: int) -> LearnerPath:
    steps = tuple(PathStep(m, m, 1, jp, "klasikal", 0.5, 0.1) for m, jp in modules)
    return LearnerPath(
        learner,
        "analis-kebencanaan",
        "72.71",
        steps,
        created=f"{year}-01-05T00:00:00+00:00",
        plan_year=year,
    )


@pytest.fixture
def planned_ws(tmp_path):
    workspace = create_workspace(tmp_path / "w.sqlite")
    with workspace.transaction() as conn:
        save_paths(conn, [_path("DEMO-001", [("ADM-101", 16)], 2026)])  # version 1
        save_paths(conn, [_path("DEMO-013", [("ADM-102", 2)], 2026)])
        save_paths(conn, [_path("DEMO-002", [("ADM-101", 16)], 2025)])
    with workspace.transaction() as conn:  # the re-plan: version 2 is what counts
        save_paths(conn, [_path("DEMO-001", [("ADM-102", 2), ("ADM-202", 12)], 2026)])
        conn.execute(
            update(schema.learners).where(schema.learners.c.id == "DEMO-014").values(unit=None)
        )
    _outcomes(
        workspace,
        tmp_path,
        "DEMO-001,ADM-202,2026-06-01,1,,,,\n"
        "DEMO-001,ADM-101,2026-07-01,1,,,,\n"
        "DEMO-001,ADM-102,2025-07-01,1,,,,\n"  # the year before: not this year's
        "DEMO-013,ADM-102,2026-03-01,1,,,,\n"
        "DEMO-014,ADM-202,2026-05-01,1,,,,\n"
        "DEMO-002,ADM-101,2026-05-01,0,,,,\n",
    )
    yield workspace
    workspace.close()


def test_planned_vs_actual_per_learner_uses_the_latest_plan(planned_ws):
    rows = {row.key: row for row in planned_vs_actual(planned_ws, 2026, unmask=True)}
    assert set(rows) == {"DEMO-001", "DEMO-013", "DEMO-014"}
    first = rows["DEMO-001"]
    assert (first.planned_modules, first.planned_jp) == (2, 14)  # version 2, not 1
    assert (first.completed_modules, first.completed_jp) == (2, 28)
    assert first.planned_completed == 1  # ADM-202; ADM-101 was only in version 1
    assert first.plan_rate == pytest.approx(0.5)
    assert (rows["DEMO-013"].planned_modules, rows["DEMO-013"].planned_completed) == (1, 1)
    unplanned = rows["DEMO-014"]
    assert (unplanned.planned_modules, unplanned.completed_modules) == (0, 1)
    assert unplanned.plan_rate is None
    assert first.label == "Peserta Demo 01 (sintetis)"


def test_planned_vs_actual_masks_learners_by_default(planned_ws):
    rows = planned_vs_actual(planned_ws, 2026)
    assert all(row.key.startswith("ANON-") for row in rows)
    assert not any("DEMO" in row.key or "Demo" in row.label for row in rows)


def test_planned_vs_actual_per_unit(planned_ws):
    rows = {row.key: row for row in planned_vs_actual(planned_ws, 2026, by="unit")}
    palu = rows["BPBD Kota Palu"]
    assert (palu.learners, palu.planned_modules, palu.completed_jp) == (1, 2, 28)
    no_unit = rows[""]
    assert no_unit.label.render("id") == "(tanpa unit)"
    assert str(no_unit.label) == "(no unit)"
    assert no_unit.completed_modules == 1
    assert len(planned_vs_actual(planned_ws, 2025)) == 2  # DEMO-002's plan, DEMO-001's


def _rows(learners: list[str], module: str, count: int, l3: list[int]) -> str:
    """``count`` completed enrolments of ``module`` in 2026, spread over ``learners``."""
    lines = []
    for n in range(count):
        learner = learners[n % len(learners)]
        day = f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}"
        lines.append(f"{learner},{module},{day},1,,,{l3[n]},\n")
    return "".join(lines)


@pytest.fixture(scope="module")
def drift_ws(tmp_path_factory):
    """40 enrolments in 72 that all failed to transfer, and 40 in 31 whose observed rate
    is set to the model's own mean P (so only 72 drifts)."""
    folder = tmp_path_factory.mktemp("drift")
    workspace = create_workspace(folder / "w.sqlite")
    central = [f"DEMO-{n:03d}" for n in range(1, 13)]
    jakarta = [f"DEMO-{n:03d}" for n in range(13, 18)]
    count = 40
    rows = _rows(central, "LD-101", count, [0] * count) + _rows(
        jakarta, "LD-101", count, [0] * count
    )
    rows += "DEMO-013,LD-101,2024-05-01,1,,,1,\n"  # before the model's data ended
    rows += "DEMO-014,LD-101,2099-05-01,0,,,,\n"  # not ended yet: no outcome
    _outcomes(workspace, folder, rows)
    predicted = next(p for p in drift(workspace).provinces if p.province == "31").predicted
    hits = round(predicted * count)
    _outcomes(
        workspace,
        folder,
        _rows(jakarta, "LD-101", count, [1] * hits + [0] * (count - hits)),
        "jakarta.csv",
    )
    yield workspace
    workspace.close()


def test_drift_flags_the_province_doing_worse_than_predicted(drift_ws):
    report = drift(drift_ws)
    by = {p.province: p for p in report.provinces}
    assert set(by) == {"72", "31"}
    assert report.rows == 80  # new outcomes only: not 2024, not the enrolment of 2099
    assert report.since == "2025-12-31"
    assert by["72"].observed == 0.0 and by["72"].gap > 0.05
    assert by["72"].flagged
    assert by["31"].gap <= 1 / 80 + 1e-9
    assert not by["31"].flagged
    assert [p.province for p in report.flagged] == ["72"]
    assert report.warning is not None
    assert "Sulawesi Tengah" in report.warning.render("id")
    assert report.warning.render("id").startswith("drift kalibrasi")
    assert 0 <= report.ece <= 1


def test_drift_threshold_minimum_rows_and_window(drift_ws):
    assert drift(drift_ws, threshold=0.99).warning is None
    assert drift(drift_ws, min_rows=MIN_ROWS * 10).flagged == []
    assert drift(drift_ws, new_only=False).rows == 81
    with pytest.raises(CurriculumError):
        drift(drift_ws, threshold=0)


def test_cli_evaluate_commands(drift_ws, funnel_ws, capsys):
    target = str(funnel_ws.target)
    assert main(["evaluate", target, "funnel", "--by", "region", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["group"]: r["enrolled"] for r in rows} == {"72": 3, "31": 2, "13": 1}
    assert main(["evaluate", target, "funnel", "--by", "year", "--lang", "id"]) == 0
    assert "terdaftar" in capsys.readouterr().out
    assert main(["evaluate", target, "planned", "--year", "2026", "--by", "unit"]) == 0
    assert main(["evaluate", str(drift_ws.target), "drift"]) == 1
    out = capsys.readouterr()
    assert "Sulawesi Tengah" in out.out + out.err
    assert main(["evaluate", str(drift_ws.target), "drift", "--threshold", "0.99"]) == 0
    capsys.readouterr()
    assert main(["evaluate", target, "drift", "--threshold", "2"]) == 2
    assert "threshold" in capsys.readouterr().err
