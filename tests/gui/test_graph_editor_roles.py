"""The graph editor as different people: what each may change, and two people at once.

A regional officer edits the edges of their region's local modules only: the editor's
actions are greyed out, with the reason in Indonesian, for a national edge. A reader
changes nothing. A save made from a stale read (someone else changed an edge meanwhile)
writes nothing and shows the conflict, naming them; "Muat ulang" shows their change,
"Simpan versi saya" saves one's own on top. Two people are two ``Workspace`` objects on
one file, each with its actor.
"""

from pathlib import Path

import pytest
from gui.test_graph_editor import drag, edges, open_tab, stored_edges
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Prerequisite
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.service import save_records
from curriculum_tool.gui.graph_editor import GraphEditorTab
from curriculum_tool.store import Workspace
from curriculum_tool.store.audit import read_audit

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def path(tmp_path) -> Path:
    target = tmp_path / "w.sqlite"
    create_workspace(target, directory=MINI).close()
    return target


@pytest.fixture
def open_as(qtbot, path):
    """``open_as(actor)``: the graph tab on the mini workspace, working as ``actor``."""
    opened: list[Workspace] = []

    def make(actor: Actor) -> GraphEditorTab:
        workspace = Workspace.open(path)
        workspace.actor = actor
        opened.append(workspace)
        return open_tab(qtbot, workspace)

    yield make
    for workspace in opened:
        workspace.close()


@pytest.fixture
def budi(path):
    """Another designer with the same workspace open."""
    with Workspace.open(path) as other:
        other.actor = Actor("budi", "perancang")
        yield other


def click_edge(qtbot, tab: GraphEditorTab, module: str, requires: str) -> None:
    edge = tab.scene.edges[(module, requires)]
    point = edge.mapToScene(edge.path().pointAtPercent(0.5))
    tab.view.ensureVisible(edge)
    qtbot.mouseClick(
        tab.view.viewport(), Qt.MouseButton.LeftButton, pos=tab.view.mapFromScene(point)
    )
    assert tab.scene.selected_edge == (module, requires)


def audit_actors(path: Path) -> list[tuple[str, tuple]]:
    with Workspace.open(path) as ws, ws.engine.connect() as conn:
        return [(e.actor, e.key) for e in read_audit(conn, tables=["prerequisites"], limit=3)]


# -- what each role may change ------------------------------------------------------------


def test_a_regional_officer_cannot_edit_a_national_edge(open_as, qtbot, path):
    tab = open_as(Actor("siti", "wilayah", "72"))  # PB-LOC is of region 72, the rest national
    bar = tab.toolbar
    before = edges(tab)
    assert bar.add_action.isEnabled() and bar.save_action.isEnabled()

    click_edge(qtbot, tab, "PB-201", "PB-101")
    assert not bar.delete_action.isEnabled()
    tip = bar.delete_action.toolTip()
    assert tip.startswith("Tidak dapat dihapus: ")
    assert "berlaku nasional; siti (staf wilayah) hanya dapat mengubah milik wilayahnya" in tip
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert edges(tab) == before
    assert not tab.remove_prerequisite("PB-201", "PB-101")  # refused, saying why
    assert "Ditolak" in tab.warning_frame.label.text()

    drag(qtbot, tab, "LD-201", "PB-101")  # a national module requiring another: not hers
    assert edges(tab) == before and not tab.is_modified
    assert "berlaku nasional" in tab.warning_frame.label.text()

    # The add dialog offers her own module only, as the module that requires.
    qtbot.keySequence(tab.view, QKeySequence("Ctrl+Shift+P"))
    dialog = tab.editing.add_dialog
    assert dialog is not None
    offered = [dialog.module_box.itemData(i) for i in range(dialog.module_box.count())]
    assert offered == ["PB-LOC"]
    assert dialog.requires_box.count() == len(tab.graph.modules())
    dialog.reject()

    drag(qtbot, tab, "PB-LOC", "LD-201")  # her local module: allowed
    assert edges(tab) == before | {("PB-LOC", "LD-201", "hard")}
    click_edge(qtbot, tab, "PB-LOC", "LD-201")
    assert bar.delete_action.isEnabled()
    assert "Tidak dapat" not in bar.delete_action.toolTip()
    with qtbot.waitSignal(tab.workspace_edited):
        qtbot.keyClick(tab.view, Qt.Key.Key_S, CTRL)
    assert ("PB-LOC", "LD-201", "hard") in stored_edges(path)
    assert audit_actors(path)[0] == ("siti", ("PB-LOC", "LD-201"))


def test_a_reader_can_change_nothing(open_as, qtbot):
    tab = open_as(Actor("tamu", "pembaca"))
    bar = tab.toolbar
    before = edges(tab)
    for action in (bar.add_action, bar.delete_action, bar.kind_action, bar.save_action):
        assert not action.isEnabled()
        assert action.toolTip() == "Hanya baca: tamu (pembaca) tidak berwenang mengubah prasyarat"
    click_edge(qtbot, tab, "PB-201", "PB-101")  # selecting still works; deleting does not
    assert not bar.delete_action.isEnabled()
    drag(qtbot, tab, "LD-201", "PB-101")
    assert tab.view.scene() is tab.scene and not tab.view.dragging_edge
    assert edges(tab) == before and not tab.is_modified
    assert not tab.add_prerequisite("LD-201", "PB-101")
    assert edges(tab) == before


# -- two people at once ---------------------------------------------------------------------


def _stale_edit(qtbot, tab: GraphEditorTab, budi: Workspace) -> None:
    """dedi removes PB-201 → PB-101 and adds LD-201 → PB-101; meanwhile budi makes
    PB-201 → PB-101 soft; dedi saves: refused, nothing written."""
    click_edge(qtbot, tab, "PB-201", "PB-101")
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    drag(qtbot, tab, "LD-201", "PB-101")
    save_records(budi, "prerequisites", [Prerequisite("PB-201", "PB-101", "soft")])
    stored = stored_edges(budi.target)
    with qtbot.assertNotEmitted(tab.workspace_edited):
        qtbot.keyClick(tab.view, Qt.Key.Key_S, CTRL)
    assert stored_edges(budi.target) == stored and tab.is_modified


def _answer(qtbot, tab: GraphEditorTab, text: str) -> None:
    box = tab.conflict_box
    assert box is not None and box.isVisible()
    button = next(b for b in box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not box.isVisible()


def test_a_stale_save_shows_the_conflict_and_reload_shows_the_others_change(open_as, qtbot, budi):
    tab = open_as(Actor("dedi", "perancang"))
    _stale_edit(qtbot, tab, budi)
    box = tab.conflict_box
    assert box is not None and box.isVisible()
    assert "prasyarat PB-201/PB-101 telah diubah oleh budi pada" in box.text()
    assert "was changed" not in box.text()
    assert sorted(b.text() for b in box.buttons()) == ["Batal", "Muat ulang", "Simpan versi saya"]

    _answer(qtbot, tab, "Muat ulang")
    assert ("PB-201", "PB-101", "soft") in edges(tab)  # budi's change, shown
    assert ("LD-201", "PB-101") not in tab.scene.edges  # dedi's unsaved edits: dropped
    assert tab.scene.edges[("PB-201", "PB-101")].kind == "soft"
    assert not tab.is_modified and tab.pending_edits() == ([], [])
    assert edges(tab) == stored_edges(budi.target)


def test_keep_mine_saves_the_edits_on_top_of_the_others_change(open_as, qtbot, budi):
    tab = open_as(Actor("dedi", "perancang"))
    _stale_edit(qtbot, tab, budi)
    with qtbot.waitSignal(tab.workspace_edited):
        _answer(qtbot, tab, "Simpan versi saya")
    stored = stored_edges(budi.target)
    assert ("PB-201", "PB-101") not in {(m, r) for m, r, _ in stored}
    assert ("LD-201", "PB-101", "hard") in stored
    assert not tab.is_modified and edges(tab) == stored


def test_cancel_keeps_the_edits_unsaved(open_as, qtbot, budi):
    tab = open_as(Actor("dedi", "perancang"))
    _stale_edit(qtbot, tab, budi)
    pending = tab.pending_edits()
    _answer(qtbot, tab, "Batal")
    assert tab.is_modified and tab.pending_edits() == pending


def test_a_reload_keeps_the_version_an_unsaved_edit_was_made_from(open_as, qtbot, budi):
    """The window reloads every tab after another tab's save: dedi's removal stays on top,
    and saving it still refuses to overwrite budi's change unseen."""
    tab = open_as(Actor("dedi", "perancang"))
    click_edge(qtbot, tab, "PB-201", "PB-101")
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    save_records(budi, "prerequisites", [Prerequisite("PB-201", "PB-101", "soft")])
    tab.reload()
    assert tab.pending_edits() == ([("PB-201", "PB-101")], [])
    with qtbot.assertNotEmitted(tab.workspace_edited):
        qtbot.keyClick(tab.view, Qt.Key.Key_S, CTRL)
    assert "telah diubah oleh budi" in tab.conflict_box.text()
    assert ("PB-201", "PB-101", "soft") in stored_edges(budi.target)


def test_an_undo_that_would_overwrite_a_newer_change_is_refused(open_as, qtbot, budi):
    tab = open_as(Actor("dedi", "perancang"))
    drag(qtbot, tab, "LD-201", "PB-101")
    with qtbot.waitSignal(tab.workspace_edited):
        qtbot.keyClick(tab.view, Qt.Key.Key_S, CTRL)
    save_records(budi, "prerequisites", [Prerequisite("LD-201", "PB-101", "soft")])
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, CTRL)  # undo the saved add: a removal to save
    assert tab.pending_edits() == ([("LD-201", "PB-101")], [])
    with qtbot.assertNotEmitted(tab.workspace_edited):
        qtbot.keyClick(tab.view, Qt.Key.Key_S, CTRL)
    assert "telah diubah oleh budi" in tab.conflict_box.text()
    assert ("LD-201", "PB-101", "soft") in stored_edges(budi.target)
