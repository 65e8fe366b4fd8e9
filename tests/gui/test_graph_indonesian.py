"""The graph editor speaks the interface's language: lint findings, the impact of a save
and the edits a reload leaves out read in Indonesian in the Indonesian app, and in
English once the interface is switched to English."""

from pathlib import Path

import pytest

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Prerequisite
from curriculum_tool.graph import AddEdge, PathChange
from curriculum_tool.gui.graph.dialogs import ImpactDialog
from curriculum_tool.gui.graph.texts import GraphTexts
from curriculum_tool.gui.graph_editor import GraphEditorTab
from curriculum_tool.gui.i18n import install_language
from curriculum_tool.store import Workspace

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


@pytest.fixture(autouse=True)
def _own_cache_and_indonesian_afterwards(monkeypatch, tmp_path, qapp):
    """Compiled translations go to a throwaway cache; every test ends in Indonesian."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert install_language("id")
    yield
    install_language("id")


@pytest.fixture
def workspace(tmp_path):
    workspace = create_workspace(tmp_path / "w.sqlite", directory=MINI)
    yield workspace
    workspace.close()


def open_tab(qtbot, workspace: Workspace) -> GraphEditorTab:
    tab = GraphEditorTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def unapproved_row(tab: GraphEditorTab):
    """LD-201 (approved) made to require PB-LOC (draft): the finding and its row."""
    assert tab.add_prerequisite("LD-201", "PB-LOC")
    index, finding = next(
        (i, f) for i, f in enumerate(tab.report.findings) if f.rule == "unapproved-prerequisite"
    )
    return finding, tab.lint_panel.tree.topLevelItem(index)


def test_a_lint_finding_is_shown_in_indonesian(qtbot, workspace):
    tab = open_tab(qtbot, workspace)
    finding, row = unapproved_row(tab)
    assert (
        row.text(3)
        == finding.message.indonesian
        == (
            "modul LD-201 yang sudah disetujui memerlukan PB-LOC, yang berstatus draf: "
            "tidak ada peserta yang dapat memulai LD-201"
        )
    )
    assert row.text(4) == finding.fix.indonesian
    assert row.text(4).startswith("setujui PB-LOC")
    assert row.toolTip(3) == row.text(3)
    # The other findings (the mini workspace's untaught level) too.
    untaught = next(f for f in tab.report.findings if f.rule == "untaught-level")
    assert "jabatan analis-kebijakan" in untaught.message.indonesian
    texts = [tab.lint_panel.tree.topLevelItem(i).text(3) for i in range(len(tab.report.findings))]
    assert untaught.message.indonesian in texts
    assert not [t for t in texts if "approved module" in t or "required by" in t]

    # Choosing the finding names it in the status line, in Indonesian as well.
    with qtbot.waitSignal(tab.status_message) as said:
        tab.lint_panel.tree.setCurrentItem(row)
    assert said.args == [finding.message.indonesian]


def test_the_same_finding_reads_in_english_in_the_english_app(qtbot, workspace):
    assert install_language("en")
    tab = open_tab(qtbot, workspace)
    finding, row = unapproved_row(tab)
    assert (
        row.text(3)
        == str(finding.message)
        == ("approved module LD-201 requires PB-LOC, which is draft: no learner can start LD-201")
    )
    assert row.text(4) == str(finding.fix)


def test_the_impact_of_a_save_is_described_in_indonesian(qtbot):
    change = PathChange("DEMO-001", ("LD-101",), (), (), 56, 64, 60)
    dialog = ImpactDialog([(AddEdge("PB-101", "LD-101"), change)], "kunci", GraphTexts())
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    assert "PB-101 memerlukan LD-101 (wajib): menambah LD-101; total JP +8 (56 → 64); " in text
    assert "melebihi anggaran 60 JP" in text
    assert "adds" not in text and "budget" not in text


def test_edits_a_reload_leaves_out_are_named_in_indonesian(qtbot, workspace):
    tab = open_tab(qtbot, workspace)
    assert tab.add_prerequisite("PB-LOC", "LD-201")  # unsaved here
    with Workspace.open(workspace.target) as other, other.transaction() as conn:
        other.write(conn, "prerequisites", [Prerequisite("LD-201", "PB-LOC", "soft")])
    tab.reload()
    warning = tab.warning_frame.label.text()
    assert "PB-LOC → LD-201 ditolak: PB-LOC tidak dapat memerlukan LD-201 karena " in warning
    assert "cannot require" not in warning
