"""Designers filter the catalog by facet, edit a module through a validated form, undo."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from curriculum_tool.catalog import create_workspace
from curriculum_tool.gui.catalog_tab import CatalogTab
from curriculum_tool.gui.record_form import RecordForm

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


@pytest.fixture
def tab(qtbot, tmp_path):
    workspace = create_workspace(tmp_path / "w.sqlite", directory=MINI)
    tab = CatalogTab(workspace)
    qtbot.addWidget(tab)
    yield tab
    workspace.close()


def codes(browser):
    return {browser.proxy.index(r, 0).data() for r in range(browser.proxy.rowCount())}


def test_facets_and_text_filter_combine(tab, qtbot):
    modules = tab.modules
    everything = codes(modules)
    assert len(everything) == tab.workspace.count("modules")
    modality = tab.facets["modality"]
    assert modality.itemText(modality.findData("e_learning")) == "E-learning"  # words shown
    modality.setCurrentText("Klasikal")
    klasikal = {m.code for m in tab.workspace.load("modules") if m.modality == "klasikal"}
    assert codes(modules) == klasikal and klasikal < everything
    tab.facets["modality"].setCurrentText("(semua)")
    tab.facets["hazard"].setCurrentText("Gempa bumi")
    assert codes(modules) == {
        m.code for m in tab.workspace.load("modules") if "gempa_bumi" in m.hazards
    }
    tab.facets["hazard"].setCurrentText("(semua)")
    qtbot.keyClicks(modules.filter, "PB-")
    assert codes(modules) == {c for c in everything if "PB-" in c}
    assert modules.count.text().startswith(str(len(codes(modules))))


def test_cells_show_words_and_their_tooltips_the_keys(tab):
    model = tab.modules.model
    row = next(i for i, m in enumerate(model.records()) if m.code == "PB-101")
    columns = list(model._columns)

    def cell(column, role=Qt.ItemDataRole.DisplayRole):
        return model.index(row, columns.index(column)).data(role)

    assert (cell("modality"), cell("hazards")) == ("Klasikal", "Gempa bumi, Tsunami")
    assert cell("min_connectivity") == "Tidak ada"  # needs no connection
    assert cell("hazards", Qt.ItemDataRole.ToolTipRole) == "gempa_bumi;tsunami"


def _fill_form_and(qtbot, changes, then):
    """When the form opens, type ``changes`` into it and call ``then(form)``."""

    def act():
        form = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, RecordForm) and w.isVisible()
        )
        for column, text in changes.items():
            field = form.fields[column]
            field.clear()
            qtbot.keyClicks(field, text)
        then(form)

    QTimer.singleShot(0, act)


def test_an_invalid_edit_shows_the_problem_and_changes_nothing(tab, qtbot):
    browser = tab.modules
    browser.select_key(("PB-101",))
    before = tab.workspace.load("modules")
    seen = {}

    def then(form):
        form.accept()  # jp 900 is refused by the core's validation
        seen["error"] = form.errors["jp"].text()
        seen["visible"] = form.isVisible()
        form.reject()

    _fill_form_and(qtbot, {"jp": "900"}, then)
    browser.edit_selected()
    assert "900" in seen["error"] and seen["visible"]
    assert tab.workspace.load("modules") == before


def test_edit_then_undo_and_redo(tab, qtbot):
    browser = tab.modules
    browser.select_key(("PB-101",))
    old = next(m for m in tab.workspace.load("modules") if m.code == "PB-101")
    _fill_form_and(qtbot, {"title": "Judul Baru"}, lambda form: form.accept())
    with qtbot.waitSignal(tab.workspace_edited):
        browser.edit_selected()
    changed = next(m for m in tab.workspace.load("modules") if m.code == "PB-101")
    assert changed.title == "Judul Baru" and changed.jp == old.jp
    tab.undo.undo()
    assert next(m for m in tab.workspace.load("modules") if m.code == "PB-101") == old
    tab.undo.redo()
    assert (
        next(m for m in tab.workspace.load("modules") if m.code == "PB-101").title == "Judul Baru"
    )


def test_an_edit_naming_an_unknown_competency_is_refused_by_the_workspace(tab, qtbot):
    browser = tab.modules
    browser.select_key(("PB-101",))
    before = tab.workspace.load("modules")
    seen = {}

    def then(form):
        form.accept()  # valid cells; the workspace refuses it and the form opens again

        def read_and_close():
            seen["message"] = form.errors["competencies"].text()
            form.reject()

        QTimer.singleShot(0, read_and_close)

    _fill_form_and(qtbot, {"competencies": "NOPE:2"}, then)
    browser.edit_selected()
    assert "kompetensi 'NOPE' tidak dikenal" in seen["message"]
    assert tab.workspace.load("modules") == before


def test_delete_is_refused_while_referenced_and_undone_otherwise(tab, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    required = {p.requires for p in tab.workspace.load("prerequisites")}
    referenced = sorted(required)[0]
    tab.modules.select_key((referenced,))
    tab.modules.delete_selected()
    assert warnings and "tidak dapat dihapus" in warnings[0]
    assert referenced in {m.code for m in tab.workspace.load("modules")}
    # A competency nobody uses can go, and Ctrl+Z brings it back.
    from curriculum_tool.domain import Competency
    from curriculum_tool.io.editing import save_records

    save_records(tab.workspace, "competencies", [Competency("TMP.1", "Sementara", "teknis")])
    tab.reload()
    tab.competencies.select_key(("TMP.1",))
    tab.competencies.delete_selected()
    assert "TMP.1" not in {c.code for c in tab.workspace.load("competencies")}
    tab.undo.undo()
    assert "TMP.1" in {c.code for c in tab.workspace.load("competencies")}


def test_delete_key_in_the_table_asks_then_deletes(tab, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    from curriculum_tool.domain import Competency
    from curriculum_tool.io.editing import save_records

    save_records(tab.workspace, "competencies", [Competency("TMP.2", "Sementara", "teknis")])
    tab.reload()
    tab.inner.setCurrentWidget(tab.competencies)
    tab.show()
    tab.competencies.select_key(("TMP.2",))
    tab.competencies.view.setFocus()
    qtbot.keyClick(tab.competencies.view, Qt.Key.Key_Delete)
    assert "TMP.2" not in {c.code for c in tab.workspace.load("competencies")}


def test_a_reader_sees_the_edit_buttons_greyed_and_shortcuts_do_nothing(qtbot, tmp_path):
    from curriculum_tool.domain.roles import Actor

    workspace = create_workspace(tmp_path / "r.sqlite", directory=MINI)
    workspace.actor = Actor("tamu", "pembaca")
    tab = CatalogTab(workspace)
    qtbot.addWidget(tab)
    buttons = tab.competencies.edit_buttons
    assert buttons and not any(b.isEnabled() for b in buttons)
    assert "Pembaca" in buttons[0].toolTip() and "kompetensi" in buttons[0].toolTip()
    tab.competencies.view.selectRow(0)
    tab.competencies.delete_selected()  # the Delete key: nothing asked, nothing deleted
    assert len(workspace.load("competencies")) == tab.competencies.model.rowCount()
    workspace.close()
