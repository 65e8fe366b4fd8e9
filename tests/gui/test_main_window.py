"""The main window shows a workspace's tables and filters them as a user types."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from curriculum_tool.catalog import create_workspace
from curriculum_tool.gui.main_window import MainWindow
from curriculum_tool.gui.record_model import RecordTableModel
from curriculum_tool.domain import Module

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
