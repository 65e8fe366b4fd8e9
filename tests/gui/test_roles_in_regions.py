"""Roles in Wilayah & Modul Lokal, on the default catalog: a regional officer of Kota Palu
edits Palu's standards and modules but cannot approve a module nor touch the province's
(greyed out, saying why in Indonesian; the edit service refuses when forced); a
curriculum designer approves with a note that reaches the audit trail; returning a
module to draft needs a note; a reader changes nothing."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.permissions import NotAllowed
from curriculum_tool.edit.service import review_module, save_records
from curriculum_tool.gui.regions_tab import RegionsTab
from curriculum_tool.store import Workspace
from curriculum_tool.store.audit import read_audit

PALU, SULTENG = "72.71", "72"
SITI = Actor("siti", "wilayah", PALU, name="Siti")
DEDI = Actor("dedi", "perancang", name="Dedi")
#: A local module of Sulawesi Tengah (the province above Palu) waiting for review.
PROVINCE_MODULE = "PB-SULTENG-202"


@pytest.fixture(scope="module")
def catalog_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("catalog") / "w.sqlite"
    create_workspace(path).close()
    return path


@pytest.fixture
def workspace(catalog_template, tmp_path):
    path = tmp_path / "w.sqlite"
    shutil.copy(catalog_template, path)
    ws = Workspace.open(path)
    yield ws
    ws.close()


@pytest.fixture
def open_tab(qtbot):
    def make(workspace: Workspace, actor: Actor) -> RegionsTab:
        workspace.actor = actor  # who works here, as a shared workspace would say
        tab = RegionsTab(workspace)
        qtbot.addWidget(tab)
        tab.resize(1280, 800)
        tab.show()
        qtbot.waitExposed(tab)
        return tab

    return make


def select(tab: RegionsTab, panel, region: str, key: tuple) -> None:
    """Make ``region`` current and select the record with ``key`` in ``panel``."""
    assert tab.select_region(region)
    rows = [r for r in range(panel.model.rowCount()) if panel.model.record(r).key() == key]
    assert rows, f"{key} not shown in {region}"
    panel.view.selectRow(rows[0])
    assert panel.selected().key() == key


def module_status(workspace, code: str) -> str:
    return next(m.status for m in workspace.load("modules") if m.code == code)


def audit(workspace, **filters):
    with workspace.engine.connect() as conn:
        return list(read_audit(conn, **filters))


def test_a_regional_officer_cannot_approve_a_module(qtbot, workspace, open_tab):
    tab = open_tab(workspace, SITI)
    select(tab, tab.modules_panel, SULTENG, (PROVINCE_MODULE,))
    panel = tab.modules_panel
    assert panel.workflow_button.text() == "Setujui"
    assert not panel.workflow_button.isEnabled()
    assert "tidak berwenang menyetujui modul" in panel.workflow_button.toolTip()
    qtbot.mouseClick(panel.workflow_button, Qt.MouseButton.LeftButton)
    assert panel.review_dialog is None  # a greyed-out button asks nothing
    with pytest.raises(NotAllowed):  # and the service refuses when forced
        review_module(workspace, PROVINCE_MODULE, "approved", "saya setujui")
    assert module_status(workspace, PROVINCE_MODULE) == "review"


def test_even_their_own_module_is_approved_by_someone_else(qtbot, workspace, open_tab):
    palu_module = next(m for m in workspace.load("modules") if m.code == "PB-SULTENG-201")
    own = replace(palu_module, code="PB-PALU-301", scope=PALU, status="draft", owner="siti")
    workspace.actor = SITI
    save_records(workspace, "modules", [own])
    tab = open_tab(workspace, SITI)
    select(tab, tab.modules_panel, PALU, ("PB-PALU-301",))
    panel = tab.modules_panel
    assert panel.edit_button.isEnabled() and panel.workflow_button.isEnabled()
    qtbot.mouseClick(panel.workflow_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.review_dialog.note_edit, "mohon ditinjau")
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.mouseClick(panel.review_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert module_status(workspace, "PB-PALU-301") == "review"
    assert panel.selected().code == "PB-PALU-301"
    assert "mohon ditinjau" in panel.review_label.text() and "siti" in panel.review_label.text()
    assert not panel.workflow_button.isEnabled()  # Setujui: not theirs
    assert "perancang kurikulum" in panel.workflow_button.toolTip()
    assert panel.return_button.isEnabled()  # they may take it back to draft


def test_a_regional_officer_cannot_edit_another_regions_records(qtbot, workspace, open_tab):
    tab = open_tab(workspace, SITI)
    standards, modules = tab.standards_panel, tab.modules_panel
    select(tab, standards, SULTENG, (SULTENG, "PB-DASAR"))
    for button in (standards.edit_button, standards.delete_button):
        assert not button.isEnabled()
        assert "di luar cakupan siti" in button.toolTip()
    assert not standards.add_button.isEnabled()
    assert "hanya dapat mengubah standar wilayah di wilayah 72.71" in standards.add_button.toolTip()
    assert not standards.delete_action.isEnabled()  # nor with the Delete key
    select(tab, modules, SULTENG, (PROVINCE_MODULE,))
    for button in (modules.edit_button, modules.return_button, modules.add_button):
        assert not button.isEnabled(), button.text()
    assert "di luar cakupan siti" in modules.edit_button.toolTip()

    # Forced through the panel (as a stale window might), the service still refuses.
    province = next(
        s for s in workspace.load("regional_standards") if s.key() == (SULTENG, "PB-DASAR")
    )
    row = {"region": SULTENG, "competency": "PB-DASAR", "level": "1", "reason": "x"}
    problems = standards.save(row, [1])
    assert problems and "di luar cakupan siti" in problems[0][1]
    stored = next(s for s in workspace.load("regional_standards") if s.key() == province.key())
    assert stored == province

    # Their own region stays theirs.
    select(tab, standards, PALU, (PALU, "PB-SIAGA"))
    assert standards.edit_button.isEnabled() and standards.delete_button.isEnabled()
    assert standards.add_button.isEnabled() and modules.add_button.isEnabled()


def test_a_designer_approves_with_a_note_in_the_audit_trail(qtbot, workspace, open_tab):
    tab = open_tab(workspace, DEDI)
    panel = tab.modules_panel
    select(tab, panel, SULTENG, (PROVINCE_MODULE,))
    assert panel.workflow_button.isEnabled()
    qtbot.mouseClick(panel.workflow_button, Qt.MouseButton.LeftButton)
    dialog = panel.review_dialog
    assert dialog.isVisible() and dialog.ok_button.text() == "Setujui"
    qtbot.keyClicks(dialog.note_edit, "Sesuai standar kurikulum BNPB")
    with qtbot.waitSignal(tab.status_message, timeout=5000) as message:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "disetujui" in message.args[0]
    assert module_status(workspace, PROVINCE_MODULE) == "approved"
    entry = audit(workspace, actor="dedi", tables=["modules"])[0]
    assert entry.note == "Sesuai standar kurikulum BNPB"
    assert (entry.before["status"], entry.after["status"]) == ("review", "approved")
    assert "Sesuai standar kurikulum BNPB" in panel.review_label.text()
    # a designer keeps the catalog, not the regions' standards
    select(tab, tab.standards_panel, SULTENG, (SULTENG, "PB-DASAR"))
    assert not tab.standards_panel.edit_button.isEnabled()
    assert "tidak berwenang mengubah standar wilayah" in tab.standards_panel.edit_button.toolTip()


def test_returning_a_module_needs_a_note(qtbot, workspace, open_tab):
    tab = open_tab(workspace, DEDI)
    panel = tab.modules_panel
    select(tab, panel, SULTENG, (PROVINCE_MODULE,))
    qtbot.mouseClick(panel.return_button, Qt.MouseButton.LeftButton)
    dialog = panel.review_dialog
    assert dialog.isVisible() and dialog.note_required
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.note_edit, "   ")
    assert not dialog.ok_button.isEnabled()  # blanks are no note
    # forced without a note, the service refuses and the dialog says why
    assert not dialog.try_take()
    assert any("memerlukan catatan" in line for line in dialog.problems.texts())
    assert module_status(workspace, PROVINCE_MODULE) == "review"
    dialog.note_edit.clear()
    qtbot.keyClicks(dialog.note_edit, "Tambahkan sasaran jabatan")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert module_status(workspace, PROVINCE_MODULE) == "draft"
    assert audit(workspace, actor="dedi")[0].note == "Tambahkan sasaran jabatan"
    assert panel.workflow_button.text() == "Ajukan untuk ditinjau"


def test_a_reader_changes_nothing(qtbot, workspace, open_tab):
    tab = open_tab(workspace, Actor("tamu", "pembaca"))
    select(tab, tab.modules_panel, SULTENG, (PROVINCE_MODULE,))
    select(tab, tab.standards_panel, SULTENG, (SULTENG, "PB-DASAR"))
    buttons = (
        tab.standards_panel.add_button,
        tab.standards_panel.edit_button,
        tab.standards_panel.delete_button,
        tab.modules_panel.add_button,
        tab.modules_panel.edit_button,
        tab.modules_panel.workflow_button,
        tab.modules_panel.return_button,
    )
    for button in buttons:
        assert not button.isEnabled(), button.text()
        assert "tidak berwenang" in button.toolTip(), button.text()


def test_a_standard_changed_meanwhile_is_refused_then_kept_on_top(qtbot, workspace, open_tab):
    tab = open_tab(workspace, SITI)
    panel = tab.standards_panel
    select(tab, panel, PALU, (PALU, "PB-SIAGA"))
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    with Workspace.open(workspace.target) as other:  # a colleague, in another window
        other.actor = Actor("andi", "wilayah", PALU)
        theirs = next(s for s in other.load("regional_standards") if s.key() == (PALU, "PB-SIAGA"))
        save_records(other, "regional_standards", [replace(theirs, reason="versi Andi")])
    dialog.level_combo.setCurrentText("3")
    with qtbot.assertNotEmitted(tab.workspace_edited):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert any("telah diubah oleh andi" in line for line in dialog.problems.texts())
    stored = {s.key(): s for s in workspace.load("regional_standards")}[(PALU, "PB-SIAGA")]
    assert (stored.level, stored.reason) == (2, "versi Andi")  # nothing of ours was written
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):  # "keep mine"
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = {s.key(): s for s in workspace.load("regional_standards")}[(PALU, "PB-SIAGA")]
    assert stored.level == 3
