"""The prerequisite graph editor, driven as a curriculum designer drives it.

Shortcuts are typed on the view, the 'Tambah prasyarat…' dialog is filled in with the
keyboard, edges are drawn with real mouse events, findings are clicked in the lint panel
and the impact dialog is answered with its own buttons.
"""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QWheelEvent
from PySide6.QtWidgets import QDialogButtonBox

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import LearnerPath, PathStep, Prerequisite
from curriculum_tool.gui.graph.commands import AddEdgeCommand, RemoveEdgeCommand
from curriculum_tool.gui.graph.items import COLORS, CYCLE, REQUIRES, SELECTED, UNLOCKS
from curriculum_tool.gui.graph.layout import layered_layout
from curriculum_tool.gui.graph_editor import GraphEditorTab
from curriculum_tool.io.masking import pseudonym
from curriculum_tool.store import Workspace
from curriculum_tool.store.paths import save_paths

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
OK = QDialogButtonBox.StandardButton.Ok
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def open_tab(qtbot, workspace: Workspace) -> GraphEditorTab:
    """The tab shown in an active window, the view focused, as after a click into it."""
    tab = GraphEditorTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.view.setFocus()
    return tab


@pytest.fixture
def mini(qtbot, tmp_path):
    workspace = create_workspace(tmp_path / "w.sqlite", directory=MINI)
    yield open_tab(qtbot, workspace)
    workspace.close()


@pytest.fixture(scope="module")
def catalog_file(tmp_path_factory):
    """The default national catalog, created once and copied per test."""
    path = tmp_path_factory.mktemp("catalog") / "catalog.sqlite"
    create_workspace(path).close()
    return path


@pytest.fixture
def catalog(qtbot, tmp_path, catalog_file):
    path = tmp_path / "c.sqlite"
    path.write_bytes(catalog_file.read_bytes())
    workspace = Workspace.open(path)
    yield open_tab(qtbot, workspace)
    workspace.close()


def edges(tab: GraphEditorTab) -> set[tuple[str, str, str]]:
    return {(e.module, e.requires, e.kind) for e in tab.graph.prerequisites()}


def stored_edges(path) -> set[tuple[str, str, str]]:
    with Workspace.open(path) as workspace:
        return {(e.module, e.requires, e.kind) for e in workspace.load("prerequisites")}


def at(tab: GraphEditorTab, code: str) -> QPoint:
    """Where module ``code`` is on the view's viewport (brought into view first)."""
    node = tab.scene.nodes[code]
    tab.view.ensureVisible(node, 20, 20)
    return tab.view.mapFromScene(node.scenePos())


def drag(
    qtbot,
    tab: GraphEditorTab,
    source: str,
    target: str,
    button=Qt.MouseButton.RightButton,
    press=NONE,
    release=NONE,
) -> None:
    start, end = at(tab, source), at(tab, target)
    viewport = tab.view.viewport()
    qtbot.mousePress(viewport, button, press, start)
    qtbot.mouseMove(viewport, (start + end) / 2)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, button, release, end)


def add_with_dialog(
    qtbot, tab: GraphEditorTab, module: str, requires: str, soft: bool = False
) -> None:
    """Ctrl+Shift+P, type both codes, choose the kind, press Tambah."""
    qtbot.keySequence(tab.view, QKeySequence("Ctrl+Shift+P"))
    dialog = tab.editing.add_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.module_box.lineEdit(), module)
    qtbot.keyClicks(dialog.requires_box.lineEdit(), requires)
    if soft:
        dialog.kind_box.setFocus()
        qtbot.keyClick(dialog.kind_box, Qt.Key.Key_Down)
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def click_finding(qtbot, tab: GraphEditorTab, rule: str):
    index = next(i for i, f in enumerate(tab.report.findings) if f.rule == rule)
    item = tab.lint_panel.tree.topLevelItem(index)
    tab.lint_panel.tree.scrollToItem(item)
    qtbot.mouseClick(
        tab.lint_panel.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tab.lint_panel.tree.visualItemRect(item).center(),
    )
    return tab.report.findings[index]


# -- what is drawn -----------------------------------------------------------------------


def test_one_node_per_module_one_arrow_per_prerequisite(mini):
    scene = mini.scene
    assert set(scene.nodes) == {"LD-101", "LD-201", "PB-101", "PB-201", "PB-LOC"}
    assert set(scene.edges) == {("LD-201", "LD-101"), ("PB-201", "PB-101"), ("PB-201", "LD-101")}
    hard, soft = scene.edges[("PB-201", "PB-101")], scene.edges[("PB-201", "LD-101")]
    assert hard.pen().style() == Qt.PenStyle.SolidLine
    assert soft.pen().style() == Qt.PenStyle.CustomDashLine
    # Prerequisites on the left, arrows end at what is required.
    assert scene.nodes["PB-101"].x() < scene.nodes["PB-201"].x()
    tip = hard.arrow.polygon()[0]
    assert abs(tip.x() - scene.nodes["PB-101"].sceneBoundingRect().right()) < 5
    # The draft local module is drawn greyed, not as a national one.
    assert scene.nodes["PB-LOC"].category == "inactive"
    assert scene.nodes["PB-101"].category == "national"


def test_default_catalog_is_drawn_whole_and_layered(catalog):
    with catalog.workspace.engine.connect() as conn:
        modules = catalog.workspace.count("modules", conn)
        prerequisites = catalog.workspace.count("prerequisites", conn)
    assert len(catalog.scene.nodes) == modules > 100
    assert len(catalog.scene.edges) == prerequisites > 100
    positions = layered_layout(catalog.graph.graph).positions
    for module, requires in catalog.scene.edges:  # every prerequisite left of its module
        assert positions[requires][0] < positions[module][0]
    local = [
        n
        for n in catalog.scene.nodes.values()
        if n.module.is_local and n.module.status == "approved"
    ]
    assert local and all(n.category == "local" for n in local)


# -- adding, undoing, redoing -----------------------------------------------------------


def test_add_with_dialog_then_undo_and_redo_by_keyboard(mini, qtbot):
    before = edges(mini)
    assert mini.modified_label.text() == "Tersimpan"
    add_with_dialog(qtbot, mini, "LD-201", "PB-101")
    assert edges(mini) == before | {("LD-201", "PB-101", "hard")}
    assert ("LD-201", "PB-101") in mini.scene.edges
    assert mini.is_modified and "Belum disimpan" in mini.modified_label.text()

    qtbot.keyClick(mini.view, Qt.Key.Key_Z, CTRL)
    assert edges(mini) == before
    assert ("LD-201", "PB-101") not in mini.scene.edges
    assert not mini.is_modified and mini.modified_label.text() == "Tersimpan"

    qtbot.keySequence(mini.view, QKeySequence("Ctrl+Shift+Z"))
    assert ("LD-201", "PB-101", "hard") in edges(mini)
    qtbot.keyClick(mini.view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(mini.view, Qt.Key.Key_Y, CTRL)
    assert ("LD-201", "PB-101", "hard") in edges(mini)
    assert ("LD-201", "PB-101") in mini.scene.edges


def test_dialog_refuses_an_unknown_code_and_can_add_soft(mini, qtbot):
    qtbot.keySequence(mini.view, QKeySequence("Ctrl+Shift+P"))
    dialog = mini.editing.add_dialog
    qtbot.keyClicks(dialog.module_box.lineEdit(), "LD-999")
    qtbot.keyClicks(dialog.requires_box.lineEdit(), "PB-101")
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "LD-999" in dialog.error_label.text()
    dialog.reject()
    add_with_dialog(qtbot, mini, "ld-201", "pb-101", soft=True)
    assert ("LD-201", "PB-101", "soft") in edges(mini)
    assert mini.scene.edges[("LD-201", "PB-101")].pen().style() == Qt.PenStyle.CustomDashLine


def test_drag_with_right_button_adds_hard_and_with_shift_soft(mini, qtbot):
    drag(qtbot, mini, "LD-201", "PB-101")
    assert ("LD-201", "PB-101", "hard") in edges(mini)
    drag(qtbot, mini, "PB-LOC", "LD-101", release=SHIFT)
    assert ("PB-LOC", "LD-101", "soft") in edges(mini)
    drag(qtbot, mini, "PB-LOC", "PB-101", button=Qt.MouseButton.LeftButton, press=ALT, release=ALT)
    assert ("PB-LOC", "PB-101", "hard") in edges(mini)
    assert mini.undo.count() == 3
    assert not mini.view.dragging_edge


def test_kind_toggle_makes_new_edges_soft(mini, qtbot):
    qtbot.keyClick(mini.view, Qt.Key.Key_J, CTRL)
    kind = mini.toolbar.kind_action
    assert kind.isChecked() and kind.text() == "Jenis: anjuran"
    drag(qtbot, mini, "LD-201", "PB-101")
    assert ("LD-201", "PB-101", "soft") in edges(mini)


def test_dragging_onto_an_existing_edge_changes_its_kind_undoably(mini, qtbot):
    drag(qtbot, mini, "PB-201", "LD-101")  # soft in the catalog, hard by this drag
    assert ("PB-201", "LD-101", "hard") in edges(mini)
    qtbot.keyClick(mini.view, Qt.Key.Key_Z, CTRL)
    assert ("PB-201", "LD-101", "soft") in edges(mini)


# -- cycles -----------------------------------------------------------------------------


def test_a_cycle_is_refused_named_and_highlighted(catalog, qtbot):
    before = edges(catalog)
    messages = []
    catalog.status_message.connect(messages.append)
    add_with_dialog(qtbot, catalog, "PB-101", "PB-301")

    named = "PB-101 → PB-301 → PB-201 → PB-101"
    assert edges(catalog) == before
    assert catalog.undo.count() == 0 and not catalog.is_modified
    assert catalog.warning_frame.isVisible()
    assert named in catalog.warning_frame.label.text()
    assert named in messages[-1]
    assert catalog.scene.highlighted(CYCLE) == {"PB-101", "PB-301", "PB-201"}
    assert catalog.scene.highlighted_edges(CYCLE) == {("PB-301", "PB-201"), ("PB-201", "PB-101")}
    assert catalog.scene.ghost is not None  # the refused arrow, dashed red
    assert ("PB-101", "PB-301") not in catalog.scene.edges

    # Dragging the same edge is refused the same way; dismissing clears the red.
    drag(qtbot, catalog, "PB-101", "PB-301")
    assert edges(catalog) == before and named in catalog.warning_frame.label.text()
    catalog.dismiss_warning()
    assert not catalog.warning_frame.isVisible()
    assert catalog.scene.highlighted(CYCLE) == set() and catalog.scene.ghost is None


# -- deleting ---------------------------------------------------------------------------


def test_delete_key_removes_the_clicked_edge(mini, qtbot):
    edge = mini.scene.edges[("PB-201", "PB-101")]
    point = edge.mapToScene(edge.path().pointAtPercent(0.5))
    mini.view.ensureVisible(edge)
    qtbot.mouseClick(
        mini.view.viewport(), Qt.MouseButton.LeftButton, pos=mini.view.mapFromScene(point)
    )
    assert mini.scene.selected_edge == ("PB-201", "PB-101")
    assert "PB-201 → PB-101" in mini.details.label.text()

    qtbot.keyClick(mini.view, Qt.Key.Key_Delete)
    assert ("PB-201", "PB-101", "hard") not in edges(mini)
    assert ("PB-201", "PB-101") not in mini.scene.edges
    qtbot.keyClick(mini.view, Qt.Key.Key_Delete)  # nothing selected: nothing happens
    assert len(edges(mini)) == 2
    qtbot.keyClick(mini.view, Qt.Key.Key_Z, CTRL)
    assert ("PB-201", "PB-101", "hard") in edges(mini)


# -- finding and highlighting -----------------------------------------------------------


def test_search_selects_and_centers_a_module(catalog, qtbot):
    qtbot.keyClick(catalog.view, Qt.Key.Key_F, CTRL)
    assert catalog.toolbar.search.hasFocus()
    qtbot.keyClicks(catalog.toolbar.search, "pb-301")
    qtbot.keyClick(catalog.toolbar.search, Qt.Key.Key_Return)
    assert catalog.scene.selected_codes() == ["PB-301"]
    center = catalog.view.mapToScene(catalog.view.viewport().rect().center())
    node = catalog.scene.nodes["PB-301"].scenePos()
    assert abs(center.x() - node.x()) < 5 and abs(center.y() - node.y()) < 5
    assert catalog.view.scale_factor >= 0.7  # readable, not the overview

    catalog.toolbar.search.clear()
    qtbot.keyClicks(catalog.toolbar.search, "likuefaksi")  # by title
    qtbot.keyClick(catalog.toolbar.search, Qt.Key.Key_Return)
    assert catalog.scene.selected_codes() == ["PB-SULTENG-201"]
    assert catalog.find_module("tidak-ada-modul-ini") is None


def test_selecting_a_module_highlights_what_it_requires_and_unlocks(catalog, qtbot):
    qtbot.mouseClick(catalog.view.viewport(), Qt.MouseButton.LeftButton, pos=at(catalog, "PB-301"))
    scene, graph = catalog.scene, catalog.graph
    assert scene.selected_codes() == ["PB-301"]
    assert scene.highlighted(SELECTED) == {"PB-301"}
    assert scene.highlighted(REQUIRES) == graph.requires("PB-301") >= {"PB-201", "PB-101"}
    assert scene.highlighted(UNLOCKS) == graph.unlocks("PB-301") >= {"PB-401", "PB-501"}
    assert len({COLORS[SELECTED].name(), COLORS[REQUIRES].name(), COLORS[UNLOCKS].name()}) == 3
    assert ("PB-201", "PB-101") in scene.highlighted_edges(REQUIRES)
    assert ("PB-401", "PB-301") in scene.highlighted_edges(UNLOCKS)
    assert scene.nodes["ADM-101"].opacity() < 1 <= scene.nodes["PB-101"].opacity()
    assert "Pelatihan Penyusunan Rencana Kontinjensi" in catalog.details.label.text()
    assert catalog.details.requires_list.count() == 2  # PB-201 (hard), PB-213 (soft)

    # A click on the background clears the selection and the highlight.
    empty = catalog.view.mapFromScene(scene.graph_rect.topLeft() + QPointF(5, 5))
    qtbot.mouseClick(catalog.view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert scene.selected_codes() == [] and scene.highlighted(REQUIRES) == set()


def test_zoom_shortcuts_and_ctrl_wheel(catalog, qtbot):
    view = catalog.view
    fitted = view.scale_factor
    qtbot.keyClick(view, Qt.Key.Key_Plus, CTRL)
    assert view.scale_factor == pytest.approx(fitted * 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Minus, CTRL)
    assert view.scale_factor == pytest.approx(fitted / 1.25)
    wheel = QWheelEvent(
        QPointF(200, 200),
        view.mapToGlobal(QPointF(200, 200)),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        CTRL,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.wheelEvent(wheel)
    assert view.scale_factor == pytest.approx(fitted / 1.25 * 1.15**2)
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert view.scale_factor == pytest.approx(fitted)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.adjusted(-2, -2, 2, 2).contains(catalog.scene.graph_rect)


# -- lint -------------------------------------------------------------------------------


def test_lint_finding_appears_after_an_edit_and_selects_its_modules(mini, qtbot):
    assert not [f for f in mini.report.findings if f.rule == "unapproved-prerequisite"]
    add_with_dialog(qtbot, mini, "LD-201", "PB-LOC")  # approved requires a draft
    finding = click_finding(qtbot, mini, "unapproved-prerequisite")
    assert finding.modules == ("LD-201", "PB-LOC")
    row = mini.lint_panel.tree.topLevelItem(mini.report.findings.index(finding))
    # The app speaks Indonesian: the finding's message and fix are shown in it.
    assert row.text(0) == "Galat" and row.text(3) == finding.message.indonesian
    assert row.text(4) == finding.fix.indonesian
    assert mini.scene.selected_codes() == ["LD-201", "PB-LOC"]
    assert mini.scene.selected_edge == ("LD-201", "PB-LOC")
    # The finding's edge is selected: Delete fixes it, and the finding goes.
    qtbot.keyClick(mini.lint_panel.tree, Qt.Key.Key_Delete)
    assert ("LD-201", "PB-LOC", "hard") not in edges(mini)
    assert not [f for f in mini.report.findings if f.rule == "unapproved-prerequisite"]


# -- saving -----------------------------------------------------------------------------


def test_save_writes_every_edit_in_one_go(mini, qtbot):
    path = mini.workspace.target
    drag(qtbot, mini, "LD-201", "PB-101")  # added
    drag(qtbot, mini, "PB-201", "LD-101")  # soft → hard
    mini.scene.select_edge(("PB-201", "PB-101"))
    qtbot.keyClick(mini.view, Qt.Key.Key_Delete)  # removed
    expected = edges(mini)
    with qtbot.waitSignal(mini.workspace_edited):
        qtbot.keyClick(mini.view, Qt.Key.Key_S, CTRL)
    assert (
        stored_edges(path)
        == expected
        == {
            ("LD-201", "LD-101", "hard"),
            ("LD-201", "PB-101", "hard"),
            ("PB-201", "LD-101", "hard"),
        }
    )
    assert not mini.is_modified and mini.modified_label.text() == "Tersimpan"
    assert mini.pending_edits() == ([], [])

    with qtbot.assertNotEmitted(mini.workspace_edited):  # nothing to save
        qtbot.keyClick(mini.view, Qt.Key.Key_S, CTRL)
    assert "Tidak ada perubahan" in mini.status_label.text()

    # Undo after a save makes the editor dirty again; saving writes the undo.
    qtbot.keyClick(mini.view, Qt.Key.Key_Z, CTRL)
    assert mini.is_modified
    with qtbot.waitSignal(mini.workspace_edited):
        qtbot.keyClick(mini.view, Qt.Key.Key_S, CTRL)
    assert stored_edges(path) == edges(mini) != expected


def stored_path(workspace: Workspace) -> None:
    """DEMO-001 was given PB-101 then PB-201 (LD-101 not completed)."""
    steps = (
        PathStep("PB-101", "Dasar", 1, 24, "klasikal", 0.8, 0.0, ("unlocks PB-201",)),
        PathStep("PB-201", "Kajian", 1, 32, "blended", 0.7, 1.0, ("closes gap",)),
    )
    with workspace.transaction() as conn:
        save_paths(conn, [LearnerPath("DEMO-001", "analis-kebijakan", "72.71", steps, max_jp=80)])


def test_save_asks_first_when_stored_paths_change(mini, qtbot):
    stored_path(mini.workspace)
    path = mini.workspace.target
    before = stored_edges(path)
    drag(qtbot, mini, "PB-101", "LD-101")  # PB-101 now requires LD-101

    qtbot.keyClick(mini.view, Qt.Key.Key_S, CTRL)
    dialog = mini.impact_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.heading.text() == "1 jalur peserta akan berubah"
    text = dialog.details.toPlainText()
    masked = pseudonym(mini.workspace.get_meta("pseudonym_key"), "DEMO-001")
    assert masked in text and "DEMO-001" not in text
    assert "menambah LD-101; total JP +8 (56 → 64)" in text
    assert "PB-101 memerlukan LD-101 (wajib)" in text

    # Batal: nothing is written and the edit stays unsaved.
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert stored_edges(path) == before and mini.is_modified

    qtbot.keyClick(mini.view, Qt.Key.Key_S, CTRL)
    dialog = mini.impact_dialog
    with qtbot.waitSignal(mini.workspace_edited):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    assert stored_edges(path) == before | {("PB-101", "LD-101", "hard")}
    assert not mini.is_modified


def test_save_refuses_a_cycle_made_meanwhile_by_someone_else(mini, qtbot):
    drag(qtbot, mini, "PB-101", "LD-201")  # fine in this editor
    with Workspace.open(mini.workspace.target) as other, other.transaction() as conn:
        other.write(conn, "prerequisites", [Prerequisite("LD-101", "PB-101", "hard")])
    before = stored_edges(mini.workspace.target)
    with qtbot.assertNotEmitted(mini.workspace_edited):
        qtbot.keyClick(mini.view, Qt.Key.Key_S, CTRL)
    box = mini.message_box
    assert box is not None and box.isVisible()
    assert "PB-101 → LD-201 → LD-101 → PB-101" in box.text()
    assert stored_edges(mini.workspace.target) == before and mini.is_modified
    box.accept()


# -- workspaces -------------------------------------------------------------------------


def test_set_workspace_shows_the_other_graph_and_drops_edits(mini, qtbot, catalog_file, tmp_path):
    drag(qtbot, mini, "LD-201", "PB-101")
    assert mini.is_modified
    path = tmp_path / "other.sqlite"
    path.write_bytes(catalog_file.read_bytes())
    with Workspace.open(path) as other:
        mini.set_workspace(other)
        assert len(mini.scene.nodes) == other.count("modules") > 5
        assert not mini.is_modified and mini.undo.count() == 0
        assert mini.workspace is other


def test_reload_keeps_unsaved_edits_on_top_of_others_changes(mini, qtbot):
    drag(qtbot, mini, "LD-201", "PB-101")  # unsaved here
    drag(qtbot, mini, "PB-101", "LD-201", release=SHIFT)  # a cycle: refused
    drag(qtbot, mini, "PB-LOC", "LD-201")  # unsaved here
    with Workspace.open(mini.workspace.target) as other, other.transaction() as conn:
        other.write(
            conn,
            "prerequisites",
            [Prerequisite("LD-201", "PB-LOC", "soft"), Prerequisite("PB-101", "LD-101", "hard")],
        )
    mini.reload()
    assert {("PB-101", "LD-101", "hard"), ("LD-201", "PB-101", "hard")} <= edges(mini)
    # PB-LOC → LD-201 would now close a cycle with the other user's LD-201 → PB-LOC.
    assert ("PB-LOC", "LD-201", "hard") not in edges(mini)
    assert "PB-LOC → LD-201" in mini.warning_frame.label.text()
    assert mini.is_modified and mini.undo.count() == 2
    assert mini.pending_edits() == ([], [Prerequisite("LD-201", "PB-101", "hard")])
    qtbot.keyClick(mini.view, Qt.Key.Key_Z, CTRL)  # the dropped edit: no-op
    qtbot.keyClick(mini.view, Qt.Key.Key_Z, CTRL)
    assert mini.pending_edits() == ([], []) and not mini.is_modified


def test_a_redo_that_now_closes_a_cycle_is_refused_shown_and_dropped(mini, qtbot):
    drag(qtbot, mini, "PB-LOC", "LD-101")  # unsaved: the stack survives the reload
    drag(qtbot, mini, "LD-201", "PB-101")
    qtbot.keyClick(mini.view, Qt.Key.Key_Z, CTRL)
    assert mini.undo.canRedo()
    with Workspace.open(mini.workspace.target) as other, other.transaction() as conn:
        other.write(conn, "prerequisites", [Prerequisite("PB-101", "LD-201", "hard")])
    mini.reload()
    qtbot.keySequence(mini.view, QKeySequence("Ctrl+Shift+Z"))
    assert ("LD-201", "PB-101") not in mini.scene.edges
    assert "LD-201 → PB-101 → LD-201" in mini.warning_frame.label.text()
    assert mini.scene.highlighted(CYCLE) == {"LD-201", "PB-101"}
    assert not mini.undo.canRedo() and mini.undo.count() == 1


# -- the undo commands, driven through the stack -----------------------------------------


def test_a_command_makes_its_edit_when_pushed_and_the_inverse_on_undo(mini):
    """One document call in redo, its inverse in undo; the scene follows the document."""
    before = edges(mini)
    messages = []
    mini.status_message.connect(messages.append)
    edge = Prerequisite("PB-201", "LD-101", "hard")  # soft in the catalog
    mini.undo.push(AddEdgeCommand(mini.document, edge, "soft", "Ubah jenis"))
    assert edges(mini) == before - {("PB-201", "LD-101", "soft")} | {("PB-201", "LD-101", "hard")}
    assert mini.scene.edges[("PB-201", "LD-101")].kind == "hard"

    removed = Prerequisite("PB-201", "PB-101", "hard")
    mini.undo.push(RemoveEdgeCommand(mini.document, removed, "Hapus"))
    assert ("PB-201", "PB-101") not in mini.scene.edges
    mini.undo.undo()
    assert ("PB-201", "PB-101", "hard") in edges(mini) and messages[-1] == "Diurungkan: Hapus"
    assert ("PB-201", "PB-101") in mini.scene.edges
    mini.undo.undo()
    assert edges(mini) == before and messages[-1] == "Diurungkan: Ubah jenis"
    assert mini.scene.edges[("PB-201", "LD-101")].kind == "soft"
    mini.undo.redo()
    assert messages[-1] == "Diulangi: Ubah jenis"
    assert mini.scene.edges[("PB-201", "LD-101")].kind == "hard"
    assert mini.is_modified and mini.pending_edits() == ([], [edge])


def test_escape_dismisses_the_cycle_warning(mini, qtbot):
    drag(qtbot, mini, "PB-101", "PB-201")
    assert mini.warning_frame.isVisible()
    assert "PB-101 → PB-201 → PB-101" in mini.warning_frame.label.text()
    qtbot.keyClick(mini.view, Qt.Key.Key_Escape)
    assert not mini.warning_frame.isVisible()


def test_inside_a_window_with_its_own_undo_the_window_keeps_ctrl_z(qtbot, tmp_path):
    """A main window's Edit ▸ Urungkan (Ctrl+Z) and the tab's own would both match:
    the tab yields, so one Ctrl+Z undoes exactly once."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    workspace = create_workspace(tmp_path / "w.sqlite", directory=MINI)
    window = QMainWindow()
    qtbot.addWidget(window)
    tab = GraphEditorTab(workspace, window)
    window.setCentralWidget(tab)
    undo = QAction("Urungkan", window)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(tab.undo.undo)
    window.menuBar().addMenu("Edit").addAction(undo)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert tab.toolbar.undo_action.shortcuts() == []
    assert "Ctrl+S" in [k.toString() for k in tab.toolbar.save_action.shortcuts()]
    drag(qtbot, tab, "LD-201", "PB-101")
    drag(qtbot, tab, "PB-LOC", "PB-101")
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, CTRL)
    assert tab.undo.index() == 1
    workspace.close()
