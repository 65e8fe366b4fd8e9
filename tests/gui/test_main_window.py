"""The main window shows a workspace's tables and filters them as a user types."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Module
from curriculum_tool.gui.main_window import MainWindow
from curriculum_tool.gui.record_model import RecordTableModel

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


@pytest.fixture
def window(qtbot, tmp_path):
    workspace = create_workspace(tmp_path / "w.sqlite", directory=MINI)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    return window


def test_tabs_show_every_record_of_the_workspace(window):
    assert window.record_tabs["modules"].proxy.rowCount() == 5
    assert window.record_tabs["regions"].proxy.rowCount() == 3
    assert window.record_tabs["learners"].proxy.rowCount() == 2
    assert "5 modul" in window.workspace_label.text()
    assert window.windowTitle().endswith("w.sqlite")


def test_filtering_the_catalog_as_a_user_types(window, qtbot):
    tab = window.record_tabs["modules"]
    qtbot.keyClicks(tab.filter, "bencana")
    codes = {tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())}
    assert codes == {"PB-101", "PB-201"}
    tab.filter.clear()
    assert tab.proxy.rowCount() == 5


def test_sorting_by_jp_column(window):
    tab = window.record_tabs["modules"]
    tab.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert tab.proxy.index(0, 0).data() == "PB-LOC"


def test_record_model_passes_qt_model_checks(qtmodeltester):
    model = RecordTableModel(Module.COLUMNS)
    model.set_records([Module("A-1", "Satu", 4, "klasikal", 1)])
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "4"


def test_screenshot_command_writes_the_main_window(tmp_path, qapp):
    from curriculum_tool.cli import main

    workspace = tmp_path / "w.sqlite"
    create_workspace(workspace, directory=MINI).close()
    png = tmp_path / "shot.png"
    assert main(["gui", str(workspace), "--screenshot", str(png)]) == 0
    image = QImage(str(png))
    assert image.width() >= 800 and image.height() >= 600


def test_a_refused_import_lists_every_problem_and_changes_nothing(window, tmp_path, monkeypatch):
    from curriculum_tool.gui.transfer import ProblemsDialog

    shown = {}
    monkeypatch.setattr(
        ProblemsDialog,
        "exec",
        lambda self: shown.setdefault(
            "rows", [self.list.item(i).text() for i in range(self.list.count())]
        ),
    )
    bad = tmp_path / "modules.csv"
    cells = {
        "code": "X-1",
        "title": "Satu",
        "jp": "900",
        "modality": "klasikal",
        "level": "1",
        "min_connectivity": "none",
        "min_digital_literacy": "0",
        "scope": "national",
        "status": "draft",
    }
    rows = [cells, {**cells, "code": "X-2", "title": "Dua", "jp": "4", "modality": "teleport"}]
    bad.write_text(
        "\n".join(
            [",".join(Module.COLUMNS)]
            + [",".join(row.get(c, "") for c in Module.COLUMNS) for row in rows]
        )
        + "\n",
        encoding="utf-8",
    )
    before = window.workspace.load("modules")
    assert window.run_import_now("modules", bad) is False
    assert len(shown["rows"]) == 2
    assert shown["rows"][0].startswith("modules.csv:2:jp:")
    assert shown["rows"][1].startswith("modules.csv:3:modality:")
    assert window.workspace.load("modules") == before


def test_a_good_import_updates_every_tab_and_the_status_bar(window, tmp_path):
    good = tmp_path / "competencies.csv"
    good.write_text(
        "code,name,group,description\nNEW.1,Kompetensi Baru,teknis,\n", encoding="utf-8"
    )
    assert window.run_import_now("competencies", good)
    codes = {c.code for c in window.catalog.competencies.model.records()}
    assert "NEW.1" in codes
    assert "1 ditambahkan" in window.statusBar().currentMessage()


def test_the_status_bar_names_the_active_model(qtbot, tmp_path):
    workspace = create_workspace(tmp_path / "full.sqlite")  # shipped catalog and model
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    assert window.model_label.text().startswith("Model: default (")
    assert "41 peserta" in window.workspace_label.text()


def test_opened_workspaces_are_remembered_without_passwords(window, qtbot, tmp_path):
    from curriculum_tool.gui.main_window import _recent

    other = tmp_path / "other.sqlite"
    create_workspace(other, directory=MINI).close()
    from curriculum_tool.store import Workspace

    window._switch(lambda: Workspace.open(other))
    assert _recent()[0] == str(other)
    assert next(a.text() for a in window.recent_menu.actions()) == str(other)
    assert window.windowTitle().endswith("other.sqlite")


def test_unsaved_graph_edits_are_not_lost_silently(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    edge = window.workspace.load("prerequisites")[0]
    window.graph.remove_prerequisite(edge.module, edge.requires)
    assert window.graph.is_modified
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    opened = []
    window._switch(lambda: opened.append(1))
    assert opened == [] and window.graph.is_modified  # cancelled: still here, still edited
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    assert window.confirm_unsaved()
    stored = {(p.module, p.requires) for p in window.workspace.load("prerequisites")}
    assert (edge.module, edge.requires) not in stored
