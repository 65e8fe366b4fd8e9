"""Peserta & Jalur, driven as a training officer would: search, select, tune, save, batch."""

from __future__ import annotations

import csv
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from curriculum_tool.catalog import create_workspace
from curriculum_tool.gui.paths_tab import PATH_COLUMNS, LearnerTableModel, PathsTab
from curriculum_tool.recommend import batch
from curriculum_tool.recommend.planner import PathOptions, Recommender
from curriculum_tool.store import Workspace
from curriculum_tool.store.paths import load_paths

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
LOAD_TIMEOUT = 60_000


@pytest.fixture(scope="module")
def catalog_file(tmp_path_factory) -> Path:
    """The default catalog with its shipped model, created once and copied per test."""
    path = tmp_path_factory.mktemp("catalog") / "template.sqlite"
    create_workspace(path).close()
    return path


@pytest.fixture
def workspace(catalog_file, tmp_path):
    target = tmp_path / "w.sqlite"
    shutil.copy(catalog_file, target)
    ws = Workspace.open(target)
    yield ws
    ws.close()


def _open_tab(qtbot, workspace) -> PathsTab:
    tab = PathsTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: not tab._loading, timeout=LOAD_TIMEOUT)
    return tab


@pytest.fixture
def tab(qtbot, workspace):
    tab = _open_tab(qtbot, workspace)
    assert tab.recommender is not None
    yield tab
    qtbot.waitUntil(lambda: not tab._workers, timeout=LOAD_TIMEOUT)


@pytest.fixture
def recommender(workspace) -> Recommender:
    return Recommender(workspace)


def _choose(tab: PathsTab, qtbot, text: str) -> None:
    """Type in the search box and press Enter, as a user picks a learner."""
    tab.search.clear()
    qtbot.keyClicks(tab.search, text)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)


def _steps(tab: PathsTab) -> list[tuple[int, str, int]]:
    """(period number, module, JP) of every step row of the timeline, top to bottom."""
    rows = []
    for p in range(tab.timeline.topLevelItemCount()):
        period = tab.timeline.topLevelItem(p)
        number = int(period.text(0).split()[1])
        for s in range(period.childCount()):
            step = period.child(s)
            rows.append((number, step.text(0), int(step.text(2))))
    return rows


def _set_spin(qtbot, spin, value: int) -> None:
    """Select the spin box's text, type a number and press Enter."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def _activate(qtbot, widget) -> None:
    widget.activateWindow()
    widget.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=5000)


# -- learners and one path -------------------------------------------------------------


def test_loading_shows_a_message_then_every_learner(qtbot, workspace):
    tab = PathsTab(workspace)
    qtbot.addWidget(tab)
    assert tab._loading
    assert tab.placeholder.text() == "Memuat model dan peserta…"
    qtbot.waitSignal(tab.desk_loaded, timeout=LOAD_TIMEOUT).wait()  # raises on timeout
    assert tab.learner_proxy.rowCount() == 41
    assert tab.count_label.text() == "41 peserta"
    assert tab.recommender is not None and tab.recommender.model_name == "default"


def test_search_by_id_and_name_and_see_the_recommended_path(tab, qtbot, recommender):
    qtbot.keyClicks(tab.search, "demo-001")
    assert tab.learner_proxy.rowCount() == 1
    assert tab.count_label.text() == "1 dari 41 peserta"
    with qtbot.waitSignal(tab.path_updated, timeout=5000):
        qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.learner.id == "DEMO-001"
    assert tab.learner_title.text() == "Peserta Demo 01 (sintetis)"
    expected = recommender.recommend("DEMO-001", PathOptions())
    assert [module for _, module, _ in _steps(tab)] == list(expected.modules)
    assert sum(jp for _, _, jp in _steps(tab)) == expected.total_jp <= 40
    first = tab.timeline.topLevelItem(0).child(0)
    assert first.childCount() == len(expected.steps[0].reasons)  # the reasons, line by line
    # shown in the interface's language (Indonesian): the planner's own Indonesian wording
    assert expected.steps[0].reasons[0].indonesian in first.child(0).text(0)
    assert expected.steps[0].reasons[0].indonesian in tab.step_detail.toPlainText()
    assert "40 JP" in tab.summary.text() and "model default" in tab.summary.text()

    _choose(tab, qtbot, "Peserta Demo 02")
    assert tab.learner_proxy.rowCount() == 1
    assert tab.learner.id == "DEMO-002"
    assert [m for _, m, _ in _steps(tab)] == list(
        recommender.recommend("DEMO-002", PathOptions()).modules
    )


def test_budget_typed_in_the_spin_box_recomputes_the_path(tab, qtbot):
    _choose(tab, qtbot, "DEMO-001")
    before = tab.path
    with qtbot.waitSignal(tab.path_updated, timeout=5000):
        _set_spin(qtbot, tab.max_jp, 24)
    assert tab.max_jp.value() == 24
    assert tab.path is not before and tab.path.max_jp == 24
    assert tab.path.total_jp <= 24
    assert sum(jp for _, _, jp in _steps(tab)) == tab.path.total_jp
    assert "dari anggaran 24 JP" in tab.summary.text()
    with qtbot.waitSignal(tab.path_updated, timeout=5000):
        qtbot.keyClick(tab.max_jp, Qt.Key.Key_Down)  # arrows apply at once
    assert tab.path.max_jp == 23 and tab.path.total_jp <= 23


def test_budget_below_the_minimum_lowers_the_minimum(tab, qtbot):
    _choose(tab, qtbot, "DEMO-001")
    _set_spin(qtbot, tab.max_jp, 12)
    assert tab.min_jp.value() == 12
    assert tab.path is not None and tab.path.min_jp == 12 and tab.path.total_jp <= 12


def test_two_periods_show_two_period_groups(tab, qtbot):
    _choose(tab, qtbot, "DEMO-001")
    with qtbot.waitSignal(tab.path_updated, timeout=5000):
        tab.periods.setFocus()
        qtbot.keyClick(tab.periods, Qt.Key.Key_Up)
    assert tab.path.periods == 2
    groups = [tab.timeline.topLevelItem(i).text(0) for i in range(tab.timeline.topLevelItemCount())]
    assert len(groups) == 2
    assert groups[0].startswith("Periode 1") and groups[1].startswith("Periode 2")
    for number in (1, 2):  # each period holds at most max_jp / periods JP
        total = sum(jp for period, _, jp in _steps(tab) if period == number)
        assert 0 < total <= 20, groups


def test_the_policies_are_choices_and_the_path_follows_them(tab, qtbot, recommender):
    # DEMO-018 (literacy 0, Jayawijaya) gets tier-1 digital literacy first by default
    _choose(tab, qtbot, "DEMO-018")
    assert [m for _, m, _ in _steps(tab)] == list(recommender.recommend("DEMO-018").modules)
    with qtbot.waitSignal(tab.path_updated, timeout=5000):
        tab.literacy_first.setChecked(False)
    assert [m for _, m, _ in _steps(tab)] == list(
        recommender.recommend("DEMO-018", PathOptions(literacy_first=False)).modules
    )


def test_left_out_modules_are_listed_with_reasons(tab, qtbot):
    _choose(tab, qtbot, "DEMO-001")
    excluded = tab.path.excluded
    assert excluded
    assert tab.excluded.topLevelItemCount() == len(excluded)
    assert tab.path_tabs.tabText(1) == f"Tidak dipilih ({len(excluded)})"
    rows = {
        tab.excluded.topLevelItem(i).text(0): tab.excluded.topLevelItem(i)
        for i in range(tab.excluded.topLevelItemCount())
    }
    for exclusion in excluded:
        item = rows[exclusion.module]
        assert item.text(3) == exclusion.reason.indonesian != ""
        assert item.text(1)  # the module's title
    kinds = {rows[e.module].text(2) for e in excluded}
    assert "belum disetujui" in kinds  # draft modules, in Indonesian


def test_gap_chart_has_one_entry_per_target_competency(tab, qtbot, recommender):
    _choose(tab, qtbot, "DEMO-001")
    row = recommender.row_of("DEMO-001")
    targets = recommender.learners.targets[row]
    levels = recommender.learners.levels[row]
    codes = recommender.context.competency_codes
    expected = {codes[c]: (int(levels[c]), int(targets[c])) for c in np.flatnonzero(targets)}
    entries = tab.gap_chart.entries
    assert len(entries) == len(expected)
    assert {e.code: (e.current, e.target) for e in entries} == expected
    assert all(e.name for e in entries)  # competency names, not only codes
    closed = {e.code for e in entries if e.closed_by_path}
    assert "M.04" in closed  # the first step closes M.04 0→2
    qtbot.waitUntil(lambda: tab.gap_chart.height() >= tab.gap_chart.minimumSizeHint().height())
    image = tab.gap_chart.grab().toImage()
    assert image.width() > 300 and image.height() > 200


# -- saving and exporting ---------------------------------------------------------------


def test_save_path_stores_it_as_the_learners_current_path(tab, qtbot, workspace):
    _choose(tab, qtbot, "DEMO-003")
    _set_spin(qtbot, tab.max_jp, 30)
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    with workspace.engine.connect() as conn:
        stored = {p.learner: p for p in load_paths(conn)}
    assert list(stored) == ["DEMO-003"]
    assert stored["DEMO-003"].modules == tab.path.modules
    assert stored["DEMO-003"].max_jp == 30
    assert stored["DEMO-003"].steps[0].reasons == tab.path.steps[0].reasons
    assert "tersimpan" in tab.summary.text()


def test_keyboard_shortcuts(tab, qtbot, workspace, tmp_path, monkeypatch):
    _activate(qtbot, tab)
    tab.learner_view.setFocus()
    qtbot.keyClick(tab.learner_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    _choose(tab, qtbot, "DEMO-004")
    assert tab.learner_view.hasFocus()
    with qtbot.waitSignal(tab.path_updated, timeout=5000):  # Enter on a learner plans again
        qtbot.keyClick(tab.learner_view, Qt.Key.Key_Return)
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.keyClick(tab.learner_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with workspace.engine.connect() as conn:
        assert [p.learner for p in load_paths(conn)] == ["DEMO-004"]
    pdf = tmp_path / "jalur.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.keyClick(tab.learner_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_pdf_is_the_learners_own_document_and_only_its_file_name_is_masked(tab, qtbot, tmp_path):
    from PySide6 import QtPdf

    _choose(tab, qtbot, "DEMO-001")
    out = tmp_path / "jalur.pdf"
    assert tab.export_pdf(out)
    document = QtPdf.QPdfDocument()
    assert document.load(str(out)) == QtPdf.QPdfDocument.Error.None_
    text = " ".join(document.getAllText(i).text() for i in range(document.pageCount()))
    document.close()
    assert "Peserta Demo 01" in text and "DEMO-001" in text  # addressed to the learner
    assert tab._label().startswith("ANON-")  # file names stay masked
    tab.unmask.setChecked(True)
    assert tab._label() == "DEMO-001"


def test_export_xlsx_writes_the_steps_without_personal_data(tab, qtbot, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    _choose(tab, qtbot, "DEMO-001")
    out = tmp_path / "jalur"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Excel (*.xlsx)")
    )
    qtbot.mouseClick(tab.xlsx_button, Qt.MouseButton.LeftButton)
    book = load_workbook(tmp_path / "jalur.xlsx", read_only=True)
    rows = list(book.active.values)
    assert rows[0] == PATH_COLUMNS
    assert [r[2] for r in rows[1:]] == list(tab.path.modules)
    assert sum(r[4] for r in rows[1:]) == tab.path.total_jp
    assert not any("DEMO-001" in str(cell) for row in rows for cell in row)


# -- importing learners -----------------------------------------------------------------


def test_a_bad_learners_file_shows_every_problem_and_changes_nothing(
    tab, qtbot, workspace, write_csv, snapshot, monkeypatch
):
    bad = write_csv(
        "learners.csv",
        "learners",
        [
            {
                "id": "DEMO-900",
                "name": "Baru",
                "position": "analis-kebencanaan",
                "region": "99.99",
                "digital_literacy": "1",
            },
            {
                "id": "DEMO-901",
                "name": "Baru Dua",
                "position": "analis-kebencanaan",
                "region": "72.71",
                "digital_literacy": "7",
            },
            {
                "id": "bad id!",
                "name": "X",
                "position": "analis-kebencanaan",
                "region": "72.71",
                "digital_literacy": "1",
                "competencies": "NOPE:2",
            },
        ],
    )
    before = snapshot(workspace)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.problems_dialog is not None, timeout=LOAD_TIMEOUT)
    dialog = tab.problems_dialog
    problems = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(problems) >= 3
    assert any(p.startswith("learners.csv:2:region") for p in problems)
    assert any(p.startswith("learners.csv:3:digital_literacy") for p in problems)
    assert any(p.startswith("learners.csv:4:id") for p in problems)
    assert snapshot(workspace) == before
    assert tab.learner_model.rowCount() == 41
    assert tab.import_button.isEnabled()
    dialog.close()


def test_a_good_learners_file_adds_the_learner(tab, qtbot, write_csv, monkeypatch):
    good = write_csv(
        "learners.csv",
        "learners",
        [
            {
                "id": "DEMO-900",
                "name": "Siti Aminah",
                "position": "analis-kebencanaan",
                "region": "72.71",
                "digital_literacy": "1",
                "competencies": "PB-DASAR:1",
            }
        ],
    )
    with qtbot.waitSignal(tab.desk_loaded, timeout=LOAD_TIMEOUT):
        assert tab.import_learners(good)
    assert tab.learner_model.rowCount() == 42
    _choose(tab, qtbot, "Siti")
    assert tab.learner.id == "DEMO-900" and tab.path is not None


# -- the agency batch -------------------------------------------------------------------


def test_batch_for_all_learners_writes_csv_in_the_background(
    tab, qtbot, workspace, tmp_path, monkeypatch
):
    out = tmp_path / "semua.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seen: list[int] = []
    tab.batch_progress.valueChanged.connect(
        lambda value: seen.append(round(100 * value / max(1, tab.batch_progress.maximum())))
    )
    with qtbot.waitSignal(tab.batch_finished, timeout=LOAD_TIMEOUT) as blocker:
        qtbot.mouseClick(tab.batch_button, Qt.MouseButton.LeftButton)
        assert tab.batch_running and tab.batch_progress.isVisible()
        assert tab.batch_cancel.isVisible() and not tab.batch_button.isEnabled()
    assert blocker.args == ["finished"]
    assert tab.batch_percent == 100 and max(seen) == 100
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    learners = {row["learner"] for row in rows}
    assert len(learners) == 41
    assert all(learner.startswith("ANON-") for learner in learners)  # masked by default
    with workspace.engine.connect() as conn:
        assert len(load_paths(conn)) == 41
    assert "41 jalur" in tab.last_message[1]
    assert not tab.batch_running and tab.batch_button.isEnabled()

    summary = tmp_path / "ringkasan.xlsx"
    assert tab.export_agency_summary(summary)
    qtbot.waitUntil(lambda: tab.summary_button.isEnabled(), timeout=LOAD_TIMEOUT)
    assert summary.is_file(), tab.last_message


def test_cancelling_a_batch_writes_nothing(tab, qtbot, workspace, tmp_path, monkeypatch):
    real = batch.plan_chunk

    def slow(recommender, rows, *task):
        time.sleep(0.8)
        return real(recommender, rows, *task)

    monkeypatch.setattr(batch, "plan_chunk", slow)
    out = tmp_path / "semua.jsonl"
    with qtbot.waitSignal(tab.batch_finished, timeout=LOAD_TIMEOUT) as blocker:
        assert tab.start_batch(out)
        qtbot.mouseClick(tab.batch_cancel, Qt.MouseButton.LeftButton)
    assert blocker.args == ["cancelled"]
    assert tab.last_message[1] == "Dibatalkan; tidak ada yang ditulis."
    assert not out.exists()
    assert not list(tmp_path.glob("semua*"))
    with workspace.engine.connect() as conn:
        assert load_paths(conn) == []
    assert not tab.batch_running and tab.batch_button.isEnabled()
    assert not tab.batch_progress.isVisible()


def test_batch_refuses_an_unknown_suffix(tab, tmp_path):
    assert not tab.start_batch(tmp_path / "semua.txt")
    assert ".csv" in tab.last_message[1]
    assert not tab.batch_running


# -- other workspaces -------------------------------------------------------------------


def test_without_a_model_the_desk_explains_why_no_path(qtbot, tmp_path):
    workspace = create_workspace(tmp_path / "mini.sqlite", directory=MINI)  # no model
    try:
        tab = _open_tab(qtbot, workspace)
        assert tab.recommender is None
        assert tab.learner_model.rowCount() == 2
        _choose(tab, qtbot, "Budi")
        assert tab.learner.id == "199001012015011001"
        assert tab.path is None
        assert "Jalur belum dapat dihitung" in tab.summary.text()
        assert not tab.save_button.isEnabled() and not tab.pdf_button.isEnabled()
        assert not tab.save_path()
    finally:
        workspace.close()


def test_set_workspace_switches_learners(tab, qtbot, tmp_path):
    other = create_workspace(tmp_path / "mini.sqlite", directory=MINI)
    try:
        _choose(tab, qtbot, "DEMO-001")
        with qtbot.waitSignal(tab.desk_loaded, timeout=LOAD_TIMEOUT):
            tab.set_workspace(other)
        assert tab.learner_model.rowCount() == 2
        assert tab.learner is None and tab.path is None
    finally:
        other.close()


def test_learner_model_passes_qt_model_checks(qtmodeltester, workspace):
    model = LearnerTableModel()
    model.set_learners(workspace.load("learners")[:5], {}, {"72.71": "Kota Palu"})
    qtmodeltester.check(model)
    assert model.index(0, 3).data() == "Kota Palu"
    assert model.index(0, 4).data().startswith("2 – ")
    assert model.row_of("DEMO-003") == 2 and model.row_of("nope") == -1


def test_reload_keeps_the_learner_and_only_the_newest_load_counts(tab, qtbot):
    _choose(tab, qtbot, "DEMO-007")
    modules = tab.path.modules
    tab.reload()
    tab.reload()  # a second edit elsewhere before the first load ended
    assert tab.loading_label.isVisibleTo(tab)
    qtbot.waitUntil(lambda: not tab._loading, timeout=LOAD_TIMEOUT)
    assert not tab.loading_label.isVisibleTo(tab)
    assert tab.learner.id == "DEMO-007" and tab.path.modules == modules
    assert tab.learner_model.rowCount() == 41


def test_the_gap_chart_shows_a_level_only_where_the_path_reaches_it(recommender, workspace):
    """A step pitched out of reach lifts nothing; after a rung, the same step does."""
    from curriculum_tool.domain import LearnerPath, PathStep
    from curriculum_tool.gui.gap_chart import gap_entries

    learner = next(
        u
        for u in workspace.load("learners")
        if dict(u.competencies).get("M.06", 0) == 0
        and recommender.learners.targets[recommender.row_of(u.id)][
            recommender.context.competency_index["M.06"]
        ]
        >= 2
    )

    def step(module: str) -> PathStep:
        return PathStep(module, module, 1, 10, "coaching", 1.0, 0.0)

    def planned(*modules: str) -> int:
        path = LearnerPath(
            learner.id, learner.position, learner.region, tuple(step(m) for m in modules)
        )
        return next(
            e.planned for e in gap_entries(recommender, learner.id, path) if e.code == "M.06"
        )

    assert planned("MNJ-401") == 0  # M.06:4 from 0: out of reach
    assert planned("MNJ-151", "MNJ-401") == 4  # after the rung M.06:2, within reach
    assert planned("MNJ-151") == 2
