"""Tindak lanjut: the L3 follow-up due list in the app, overdue rows highlighted, a
follow-up entered from the list (and gone from it), outcomes recorded, ids masked."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.outcomes import read_outcome, record_outcome
from curriculum_tool.gui import conflict_dialog
from curriculum_tool.gui.followup_dialogs import FollowupDialog, OutcomeDialog
from curriculum_tool.gui.followup_tab import OVERDUE_COLOR, FollowupTab

TODAY = dt.date(2026, 12, 1)
D = dt.date


@pytest.fixture
def workspace(tmp_path):
    """DEMO-001 (atasan DEMO-007) completed PB-201 on 1 June: due; DEMO-002 (atasan
    DEMO-003) completed ADM-101 on 10 January: overdue."""
    ws = create_workspace(tmp_path / "w.sqlite")
    record_outcome(ws, "DEMO-001", "PB-201", D(2026, 6, 1), completed=True, today=TODAY)
    record_outcome(ws, "DEMO-002", "ADM-101", D(2026, 1, 10), completed=True, today=TODAY)
    yield ws
    ws.close()


def _settled(qtbot, tab: FollowupTab) -> FollowupTab:
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    return tab


def _tab(qtbot, workspace) -> FollowupTab:
    tab = FollowupTab(workspace)
    qtbot.addWidget(tab)
    _settled(qtbot, tab)
    tab.today = TODAY
    tab.reload()
    return _settled(qtbot, tab)


def _answer(monkeypatch, l3: bool, l4=None):
    """The L3 dialog answers as a person would: Ya/Tidak ticked, L4 chosen, Simpan."""

    def exec_(dialog: FollowupDialog) -> int:
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
        (dialog.yes if l3 else dialog.no).setChecked(True)
        dialog.l4.setCurrentIndex(dialog.l4.findData(l4))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FollowupDialog, "exec", exec_)


def _outcome(workspace, learner, module, day):
    with workspace.engine.connect() as conn:
        return read_outcome(conn, learner, module, day)[0]


def test_overdue_first_highlighted_and_masked(qtbot, workspace):
    tab = _tab(qtbot, workspace)
    assert [(i.learner, i.status) for i in tab.shown] == [
        ("DEMO-002", "overdue"),
        ("DEMO-001", "due"),
    ]
    assert tab.status_texts() == ["Terlambat", "Jatuh tempo"]
    overdue = tab.table.item(0, 0)
    assert overdue.background().color() == OVERDUE_COLOR and overdue.font().bold()
    assert tab.table.item(1, 0).background().color() != OVERDUE_COLOR
    cells = [tab.table.item(r, c).text() for r in range(2) for c in range(tab.table.columnCount())]
    assert not any("DEMO-" in text or "Peserta Demo" in text for text in cells)
    tab.show_personal.setChecked(True)  # the workspace's owner is an admin
    assert tab.table.item(0, 1).text() == "DEMO-002"


def test_l3_entered_from_the_due_list_leaves_it(qtbot, workspace, monkeypatch):
    tab = _tab(qtbot, workspace)
    assert not tab.followup_button.isEnabled()  # nothing selected yet
    assert tab.select("DEMO-001", "PB-201") == 1
    assert tab.followup_button.isEnabled()
    _answer(monkeypatch, l3=True, l4=True)
    with qtbot.waitSignal(tab.workspace_edited):
        tab.followup_button.click()
    _settled(qtbot, tab)
    assert [i.learner for i in tab.shown] == ["DEMO-002"]
    stored = _outcome(workspace, "DEMO-001", "PB-201", D(2026, 6, 1))
    assert (stored.completed, stored.l3, stored.l4) == (True, True, True)


def test_atasan_sees_their_learners_and_records_l3_no(qtbot, workspace, monkeypatch):
    workspace.actor = Actor("bos", "atasan", learner="DEMO-003")
    tab = _tab(qtbot, workspace)
    assert tab.supervisor.currentData() == "DEMO-003"  # their own learners first
    assert [i.learner for i in tab.shown] == ["DEMO-002"]
    assert not tab.show_personal.isEnabled() and not tab.outcome_button.isEnabled()
    tab.table.selectRow(0)
    _answer(monkeypatch, l3=False)
    tab.table.cellDoubleClicked.emit(0, 0)
    _settled(qtbot, tab)
    assert tab.shown == []
    assert _outcome(workspace, "DEMO-002", "ADM-101", D(2026, 1, 10)).l3 is False


def test_refusal_shown_and_nothing_changed(qtbot, workspace, monkeypatch):
    workspace.actor = Actor("bos", "atasan", learner="DEMO-003")
    tab = _tab(qtbot, workspace)
    tab.supervisor.setCurrentIndex(0)  # every atasan: DEMO-001 is not theirs
    tab.select("DEMO-001", "PB-201")
    _answer(monkeypatch, l3=True)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    assert tab.record_followup() is False
    assert said and "bawahan langsung" in said[0]
    assert _outcome(workspace, "DEMO-001", "PB-201", D(2026, 6, 1)).l3 is None


def test_conflict_asks_and_keep_mine_saves(qtbot, workspace, monkeypatch):
    tab = _tab(qtbot, workspace)
    tab.select("DEMO-001", "PB-201")
    record_outcome(workspace, "DEMO-001", "PB-201", D(2026, 6, 1), l1=90)  # someone else
    asked = []
    monkeypatch.setattr(
        "curriculum_tool.gui.followup_tab.ask",
        lambda error, parent: asked.append(error) or conflict_dialog.KEEP_MINE,
    )
    _answer(monkeypatch, l3=True)
    assert tab.record_followup() is True
    assert len(asked) == 1
    stored = _outcome(workspace, "DEMO-001", "PB-201", D(2026, 6, 1))
    assert (stored.l1, stored.l3) == (90, True)  # theirs kept, mine on top


def test_outcome_dialog_records_an_enrolment_and_a_completion(qtbot, workspace, monkeypatch):
    tab = _tab(qtbot, workspace)
    answers = iter(
        [
            ("DEMO-005", "ADM-101", "enrolled", D(2027, 1, 20), -1, -1),
            ("DEMO-006", "ADM-102", "completed", D(2026, 10, 1), 85, 70),
        ]
    )

    def exec_(dialog: OutcomeDialog) -> int:
        learner, module, state, day, l1, l2 = next(answers)
        dialog.learner.setCurrentIndex(dialog.learner.findData(learner))
        dialog.module.setCurrentIndex(dialog.module.findData(module))
        dialog.state.setCurrentIndex(dialog.state.findData(state))
        dialog.date.setDate(day)
        assert dialog.l1.isEnabled() == (state != "enrolled")
        dialog.l1.setValue(l1)
        dialog.l2.setValue(l2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OutcomeDialog, "exec", exec_)
    assert tab.outcome_button.isEnabled()
    assert tab.record_outcome() is True
    enrolled = _outcome(workspace, "DEMO-005", "ADM-101", D(2027, 1, 20))
    assert (enrolled.completed, enrolled.l1) == (False, None)
    assert tab.record_outcome() is True
    done = _outcome(workspace, "DEMO-006", "ADM-102", D(2026, 10, 1))
    assert (done.completed, done.l1, done.l2, done.l3) == (True, 85, 70, None)
    _settled(qtbot, tab)
    assert "DEMO-006" not in [i.learner for i in tab.shown]  # its window opens in January
    tab.upcoming.setChecked(True)
    _settled(qtbot, tab)
    assert ("DEMO-006", "upcoming") in [(i.learner, i.status) for i in tab.shown]


def test_tab_in_the_main_window(qtbot, workspace):
    from curriculum_tool.gui.main_window import MainWindow

    window = MainWindow(workspace)
    window.keep_workspace_open = True
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Tindak lanjut" in titles
    assert window.followups in window.task_tabs
    _settled(qtbot, window.followups)
