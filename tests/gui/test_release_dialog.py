"""Rilis katalog in the catalog tab: a designer publishes the catalog as a release (a
reader cannot), then compares it with the catalog after adding a module: the compare
dialog lists the module added and the stored paths that would change, ids masked."""

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import LearnerPath, PathStep
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.service import save_records
from curriculum_tool.gui.catalog_tab import CatalogTab
from curriculum_tool.gui.release_dialog import CompareDialog, PublishDialog
from curriculum_tool.io.masking import pseudonym
from curriculum_tool.releases.publish import list_releases, publish_release
from curriculum_tool.store.paths import save_paths

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
DEMO = "DEMO-001"


@pytest.fixture
def workspace(tmp_path):
    ws = create_workspace(tmp_path / "w.sqlite", directory=MINI)
    yield ws
    ws.close()


@pytest.fixture
def tab(qtbot, workspace):
    shown = CatalogTab(workspace)
    qtbot.addWidget(shown)
    return shown


def _in_dialog(kind, then):
    """When a dialog of ``kind`` opens, call ``then(dialog)``."""

    def act():
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        )
        then(dialog)

    QTimer.singleShot(0, act)


def test_publish_from_the_catalog_tab(tab, qtbot, workspace):
    bar = tab.releases
    assert bar.publish_button.isEnabled() and not bar.compare_button.isEnabled()
    assert bar.state.text() == "Belum ada rilis katalog."
    refusals = []

    def fill(dialog: PublishDialog) -> None:
        qtbot.keyClicks(dialog.name, "bad name")
        dialog.accept()  # refused: the dialog stays open with the reason
        refusals.append(dialog.problem.text())
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, "2025.1")
        qtbot.keyClicks(dialog.notes, "Katalog awal")
        dialog.accept()

    messages = []
    tab.status_message.connect(messages.append)
    _in_dialog(PublishDialog, fill)
    bar.publish_button.click()
    assert refusals and "nama rilis tidak sah" in refusals[0]
    (release,) = list_releases(workspace)
    assert (release.name, release.notes) == ("2025.1", "Katalog awal")
    assert messages == ["Rilis 2025.1 diterbitkan"]
    assert bar.state.text() == "Katalog saat ini: rilis 2025.1"
    assert bar.compare_button.isEnabled()


def test_a_reader_cannot_publish(qtbot, workspace):
    workspace.actor = Actor("budi", "pembaca")
    tab = CatalogTab(workspace)
    qtbot.addWidget(tab)
    assert not tab.releases.publish_button.isEnabled()
    assert "Pembaca" in tab.releases.publish_button.toolTip()


def test_compare_shows_the_added_module_and_masked_paths(tab, qtbot, workspace):
    with workspace.transaction() as conn:
        step = PathStep("PB-201", "PB-201", 1, 32, "blended", 0.7, 1.0, ())
        save_paths(conn, [LearnerPath(DEMO, "analis-kebijakan", "72.71", (step,))])
    publish_release(workspace, "R1")
    added = replace(next(m for m in workspace.load("modules") if m.code == "LD-101"), code="LD-301")
    retired = next(m for m in workspace.load("modules") if m.code == "PB-201")
    save_records(workspace, "modules", [added, replace(retired, status="draft")])
    tab.reload()
    assert tab.releases.state.text() == "Katalog sudah berubah sejak rilis R1"
    seen = {}

    def read(dialog: CompareDialog) -> None:
        seen["new"] = dialog.new.currentText()
        seen["tree"] = dialog.texts()
        seen["paths"] = [dialog.paths.item(i).text() for i in range(dialog.paths.count())]
        dialog.reject()

    _in_dialog(CompareDialog, read)
    tab.releases.compare_button.click()
    assert seen["new"] == "katalog saat ini"
    tree = seen["tree"]
    assert tree[0] == "modul 2"
    assert "ditambah 1" in tree and "LD-301 (Literasi Digital Dasar)" in tree
    assert "PB-201 status: approved → draft" in tree
    masked = pseudonym(workspace.get_meta("pseudonym_key") or "", DEMO)
    assert seen["paths"] == [f"{masked}: menghapus PB-201; total JP -32 (32 → 0)"]
    assert DEMO not in " ".join(seen["paths"])


def test_compare_between_two_releases_with_no_difference(qtbot, workspace):
    publish_release(workspace, "R1")
    dialog = CompareDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.new.setCurrentIndex(dialog.new.findData("R1"))
    assert dialog.summary.text() == "Tidak ada perbedaan: isi keduanya sama."
    assert dialog.texts() == [] and dialog.paths.count() == 0
