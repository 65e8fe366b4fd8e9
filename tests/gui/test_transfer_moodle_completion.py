"""The import dialog and a Moodle course-completion report: the module comes from the file
name as on the command line, and is asked (preselected by the name) when the name names
none or several of the workspace's modules."""

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog

from curriculum_tool.catalog import create_workspace
from curriculum_tool.gui import transfer
from curriculum_tool.gui.transfer import (
    COMPLETION_KIND,
    IMPORT_KINDS,
    TransferDialog,
    run_import,
)

REPORT = 'ID,Name,ID number,Course complete\n3,Peserta Uji,DEMO-001,"9/02/25, 14:30"\n'


@pytest.fixture
def ws(tmp_path):
    workspace = create_workspace(tmp_path / "w.sqlite")
    yield workspace
    workspace.close()


def dialog_for(qtbot, workspace, path):
    dialog = TransferDialog(exporting=False, workspace=workspace)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentText(COMPLETION_KIND)
    dialog.path.setText(str(path))
    return dialog


def never_asked(*args, **kwargs):
    raise AssertionError("the file name names the module: nothing to ask")


def test_the_kind_is_offered_with_a_csv_filter(qtbot, monkeypatch, tmp_path):
    assert COMPLETION_KIND in IMPORT_KINDS
    seen = []

    def open_name(parent, title, folder, pattern):
        seen.append(pattern)
        return "", ""

    monkeypatch.setattr(transfer.QFileDialog, "getOpenFileName", open_name)
    dialog = dialog_for(qtbot, None, tmp_path / "x.csv")
    dialog._browse()
    assert seen == ["CSV (*.csv)"]


def test_a_file_named_by_moodle_needs_no_question(qtbot, monkeypatch, ws, tmp_path):
    monkeypatch.setattr(QInputDialog, "getItem", never_asked)
    path = tmp_path / "completion-pb-101-20250219_0730-comma_separated.csv"
    path.write_text(REPORT, encoding="utf-8")
    dialog = dialog_for(qtbot, ws, path)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    kind, chosen, replace = dialog.choice()
    assert (kind, dialog.module, chosen, replace) == (COMPLETION_KIND, "PB-101", path, False)
    assert "1 ditambahkan" in run_import(ws, kind, chosen, replace, dialog.module).indonesian
    assert [(o.learner, o.module) for o in ws.load("outcomes")] == [("DEMO-001", "PB-101")]


def test_another_name_asks_for_the_module_among_the_workspaces(qtbot, monkeypatch, ws, tmp_path):
    asked = []

    def choose(parent, title, label, items, current, editable):
        asked.append((items, current, editable, label))
        return "LD-101", True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    path = tmp_path / "rekap kelas.csv"
    path.write_text(REPORT, encoding="utf-8")
    dialog = dialog_for(qtbot, ws, path)
    dialog.accept()
    ((items, current, editable, label),) = asked
    assert items == sorted(m.code for m in ws.load("modules")) and current == 0
    assert editable is False and "rekap kelas.csv" in label
    kind, chosen, replace = dialog.choice()
    assert kind == COMPLETION_KIND and dialog.module == "LD-101"
    run_import(ws, kind, chosen, replace, dialog.module)
    assert [(o.learner, o.module) for o in ws.load("outcomes")] == [("DEMO-001", "LD-101")]


def test_a_name_of_several_modules_preselects_the_first(qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *a: asked.append((a[3], a[4])) or ("m_01", True)
    )
    modules = [SimpleNamespace(code=c) for c in ("PB-101", "m_01", "M.01")]
    workspace = SimpleNamespace(load=lambda kind: modules)
    dialog = dialog_for(qtbot, workspace, "completion-m_01-20250219_0730-comma_separated.csv")
    dialog.accept()
    assert asked == [(["M.01", "PB-101", "m_01"], 0)]
    assert dialog.module == "m_01"


def test_cancelling_the_question_keeps_the_dialog_open(qtbot, monkeypatch, ws, tmp_path):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("", False))
    dialog = dialog_for(qtbot, ws, tmp_path / "rekap.csv")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.module is None


def test_the_main_window_imports_the_report_with_the_chosen_module(
    qtbot, monkeypatch, ws, tmp_path
):
    from curriculum_tool.gui.main_window import MainWindow

    path = tmp_path / "rekap.csv"
    path.write_text(REPORT, encoding="utf-8")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert window.run_import_now(COMPLETION_KIND, path, module="KEB-101")
    assert [(o.learner, o.module) for o in ws.load("outcomes")] == [("DEMO-001", "KEB-101")]
    shown = window.statusBar().currentMessage()
    assert "rekap.csv: 1 ditambahkan, 0 diperbarui" in shown
