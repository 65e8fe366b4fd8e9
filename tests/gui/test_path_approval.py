"""A stored path's approval in Peserta & Jalur: "Diusulkan" once saved, "Setujui jalur"
for the learner's atasan (greyed out for someone else's, saying why), "Disetujui oleh X
pada T" afterwards and in the PDF; saving a path goes through the edit service, so an
atasan cannot store one."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.approvals import stored_path
from curriculum_tool.gui.paths_tab import PathsTab
from curriculum_tool.store import Workspace
from curriculum_tool.store.audit import read_audit

LOAD_TIMEOUT = 60_000
#: DEMO-001 and DEMO-003 report to DEMO-007; DEMO-002 to DEMO-003 (all in Kota Palu).
ATASAN = Actor("pak-tujuh", "atasan", learner="DEMO-007")


@pytest.fixture(scope="module")
def catalog_file(tmp_path_factory):
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


@pytest.fixture
def tab(qtbot, workspace):
    tab = PathsTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: not tab._loading, timeout=LOAD_TIMEOUT)
    yield tab
    qtbot.waitUntil(lambda: not tab._workers, timeout=LOAD_TIMEOUT)


def choose(tab: PathsTab, qtbot, learner: str) -> None:
    tab.search.clear()
    qtbot.keyClicks(tab.search, learner)
    with qtbot.waitSignal(tab.path_updated, timeout=5000):
        qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.learner.id == learner


def save(tab: PathsTab, qtbot) -> None:
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)


def act_as(tab: PathsTab, qtbot, actor: Actor, learner: str) -> None:
    """Another person at the desk: the tab reads the workspace again as them."""
    tab.workspace.actor = actor
    with qtbot.waitSignal(tab.desk_loaded, timeout=LOAD_TIMEOUT):
        tab.reload()
    qtbot.waitUntil(lambda: tab.learner is not None and tab.path is not None, timeout=5000)
    if tab.learner.id != learner:
        choose(tab, qtbot, learner)


def pdf_text(path) -> str:
    QtPdf = pytest.importorskip("PySide6.QtPdf")
    document = QtPdf.QPdfDocument()
    assert document.load(str(path)) == QtPdf.QPdfDocument.Error.None_
    text = " ".join(document.getAllText(i).text() for i in range(document.pageCount()))
    document.close()
    return " ".join(text.split())


def test_a_saved_path_is_proposed_until_the_atasan_approves_it(tab, qtbot, workspace, tmp_path):
    choose(tab, qtbot, "DEMO-001")
    assert tab.approval.status_label.text() == "Belum ada jalur tersimpan"
    assert not tab.approve_button.isEnabled()
    assert "Simpan jalur dulu" in tab.approve_button.toolTip()
    save(tab, qtbot)
    assert tab.approval.status_label.text() == "Jalur tersimpan: Diusulkan"
    assert tab.approve_button.isEnabled()  # an admin may approve too
    assert tab.export_pdf(tmp_path / "usulan.pdf")
    assert "Diusulkan, belum disetujui" in pdf_text(tmp_path / "usulan.pdf")

    act_as(tab, qtbot, ATASAN, "DEMO-001")
    assert not tab.save_button.isEnabled()  # the atasan approves, but does not plan
    assert "pak-tujuh" in tab.save_button.toolTip()
    assert tab.approve_button.isEnabled()
    with qtbot.waitSignal(tab.workspace_edited, timeout=5000):
        qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    label = tab.approval.status_label.text()
    assert label.startswith("Jalur tersimpan: Disetujui oleh pak-tujuh pada ")
    assert not tab.approve_button.isEnabled()
    assert tab.approve_button.toolTip() == "Jalur tersimpan sudah disetujui."
    approval = stored_path(workspace, "DEMO-001").approval
    assert (approval.status, approval.approved_by) == ("approved", "pak-tujuh")
    with workspace.engine.connect() as conn:
        entry = next(read_audit(conn, tables=["paths"], limit=1))
    assert (entry.actor, entry.role) == ("pak-tujuh", "atasan")

    assert tab.export_pdf(tmp_path / "disetujui.pdf")
    text = pdf_text(tmp_path / "disetujui.pdf")
    assert "Disetujui oleh pak-tujuh pada" in text and "Diusulkan" not in text


def test_an_atasan_of_someone_else_cannot_approve(tab, qtbot, workspace):
    choose(tab, qtbot, "DEMO-002")  # reports to DEMO-003, not DEMO-007
    save(tab, qtbot)
    act_as(tab, qtbot, ATASAN, "DEMO-002")
    assert tab.approval.status_label.text() == "Jalur tersimpan: Diusulkan"
    assert not tab.approve_button.isEnabled()
    assert "bukan bawahan langsung pak-tujuh" in tab.approve_button.toolTip()
    assert not stored_path(workspace, "DEMO-002").approval.approved


def test_a_reader_neither_saves_nor_approves(tab, qtbot, workspace):
    choose(tab, qtbot, "DEMO-001")
    save(tab, qtbot)
    act_as(tab, qtbot, Actor("tamu", "pembaca"), "DEMO-001")
    assert not tab.save_button.isEnabled() and not tab.approve_button.isEnabled()
    assert "tidak berwenang" in tab.save_button.toolTip()
    assert "tidak berwenang" in tab.approve_button.toolTip()
    assert not tab.save_path()  # forced: the service refuses, nothing changes
    assert tab.last_message[0] == "Jalur tidak disimpan"
    assert stored_path(workspace, "DEMO-001").approval.version == 1
