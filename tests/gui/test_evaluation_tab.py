"""Evaluasi: the Kirkpatrick funnel shows each stage's count for the chosen group,
switching the grouping changes the table, plans are masked, and a drifted province raises
the warning banner."""

from __future__ import annotations

import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.gui.evaluation_tab import EvaluationTab
from curriculum_tool.io import import_file

HEADER = "learner,module,date,completed,l1,l2,l3,l4\n"
HAND_MADE = (
    "DEMO-001,ADM-101,2025-03-01,1,80,70,1,1\n"
    "DEMO-002,ADM-101,2025-04-01,1,60,,0,\n"
    "DEMO-003,ADM-101,2026-02-01,0,,,,\n"
    "DEMO-013,ADM-102,2026-03-01,1,90,50,1,0\n"
    "DEMO-014,ADM-202,2026-05-01,1,,40,,\n"
    "DEMO-024,ADM-202,2099-02-01,0,,,,\n"
)


def _failing_in_central_sulawesi(count: int = 40) -> str:
    """``count`` completed LD-101 enrolments in 2026 in province 72, none applied at work:
    far worse than the model predicts."""
    learners = [f"DEMO-{n:03d}" for n in range(1, 13)]
    return "".join(
        f"{learners[n % 12]},LD-101,2026-{1 + n // 28:02d}-{1 + n % 28:02d},1,,,0,\n"
        for n in range(count)
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evaluation")
    ws = create_workspace(folder / "w.sqlite")
    path = folder / "outcomes.csv"
    path.write_text(HEADER + HAND_MADE + _failing_in_central_sulawesi(), encoding="utf-8")
    import_file(ws, "outcomes", path)
    yield ws
    ws.close()


def _settled(qtbot, tab: EvaluationTab) -> EvaluationTab:
    qtbot.waitUntil(lambda: not tab.loading, timeout=30_000)
    return tab


@pytest.fixture
def tab(qtbot, workspace):
    shown = EvaluationTab(workspace)
    qtbot.addWidget(shown)
    assert not shown.funnel_rows  # nothing is computed before the tab is shown
    shown.show()
    return _settled(qtbot, shown)


def _bars(tab: EvaluationTab) -> dict[str, int]:
    return {bar.stage: bar.number for bar in tab.funnel_chart.bars()}


def _column(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def _select_group(tab: EvaluationTab, group: str) -> None:
    tab.funnel_table.selectRow(_column(tab.funnel_table, 0).index(group))


def test_the_funnel_shows_every_stage_with_its_count(tab):
    assert [bar.label for bar in tab.funnel_chart.bars()] == [
        "Terdaftar",
        "Selesai",
        "L1 Reaksi",
        "L2 Pembelajaran",
        "L3 Perilaku",
        "L4 Hasil",
    ]
    # all groups first: 6 hand-made enrolments and 40 completed LD-101 ones
    assert _bars(tab) == {"enrolled": 46, "completed": 44, "l1": 3, "l2": 3, "l3": 2, "l4": 1}
    _select_group(tab, "ADM-101")
    assert _bars(tab) == {"enrolled": 3, "completed": 2, "l1": 2, "l2": 1, "l3": 1, "l4": 1}
    assert tab.funnel_chart.title.startswith("Tata Naskah Dinas")
    bar = tab.funnel_chart.bars()[1]
    assert tab.funnel_chart.bar_text(bar) == "2 (66,7%)"  # Indonesian number format
    line = _column(tab.funnel_table, 0).index("ADM-101")
    assert [tab.funnel_table.item(line, c).text() for c in range(2, 8)] == [
        "3",
        "2 (66,7%)",
        "2 (66,7%)",
        "1 (33,3%)",
        "1 (33,3%)",
        "1 (33,3%)",
    ]
    assert tab.funnel_table.item(line, 9).text() == "70,0"  # mean L1


def test_switching_the_grouping_changes_the_table(qtbot, tab):
    assert set(_column(tab.funnel_table, 0)) == {"*", "ADM-101", "ADM-102", "ADM-202", "LD-101"}
    tab.grouping.setCurrentIndex(tab.grouping.findData("region"))
    _settled(qtbot, tab)
    assert _column(tab.funnel_table, 0) == ["*", "13", "31", "72"]
    assert "Sulawesi Tengah" in _column(tab.funnel_table, 1)
    _select_group(tab, "72")
    assert _bars(tab)["enrolled"] == 43
    tab.grouping.setCurrentIndex(tab.grouping.findData("modality"))
    _settled(qtbot, tab)
    assert set(_column(tab.funnel_table, 0)) == {"*", "klasikal", "microlearning", "e_learning"}
    tab.grouping.setCurrentIndex(tab.grouping.findData("year"))
    _settled(qtbot, tab)
    assert _column(tab.funnel_table, 0) == ["*", "2025", "2026", "2099"]
    tab.year.setValue(2025)
    tab.by_year.setChecked(True)
    _settled(qtbot, tab)
    assert _column(tab.funnel_table, 0) == ["*", "2025"]
    assert _bars(tab)["enrolled"] == 2


def test_the_drift_warning_shows_when_a_province_drifts(qtbot, tab):
    assert tab.drift_warning_shown()
    assert "Sulawesi Tengah" in tab.banner.text()
    assert "drift kalibrasi" in tab.banner.text()
    flagged = [p.province for p in tab.drift_report.flagged]
    assert flagged == ["72"]
    assert [p.province for p in tab.drift_chart.rows()] == ["31", "72"]
    tab.threshold.setValue(0.5)  # the same gap is within a looser threshold
    _settled(qtbot, tab)
    assert not tab.drift_warning_shown()


def test_planned_against_actual_per_unit_and_masked_per_learner(qtbot, tab):
    tab.plan_year.setValue(2026)
    _settled(qtbot, tab)
    units = _column(tab.plan_table, 0)
    assert "BPBD Kota Palu" in units
    tab.plan_by.setCurrentIndex(tab.plan_by.findData("learner"))
    _settled(qtbot, tab)
    learners = _column(tab.plan_table, 0)
    assert learners and all(text.startswith("ANON-") for text in learners)
    assert not any("Demo" in text for text in _column(tab.plan_table, 1))
