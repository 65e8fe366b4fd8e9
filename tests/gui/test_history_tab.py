"""Riwayat: the audit trail in the app, filtered by person, table, region and date, one
change's before and after side by side, personal data masked unless an admin asks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.service import save_records
from curriculum_tool.gui.app import TAB_NAMES
from curriculum_tool.gui.history_tab import HistoryTab
from curriculum_tool.store import schema

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
NIP = "199001012015011001"
NAME = "Budi Santoso"


def _date_changes(workspace, actor: str | None, at: str) -> None:
    audit = schema.tables["audit"]
    chosen = audit.update() if actor is None else audit.update().where(audit.c.actor == actor)
    with workspace.engine.begin() as conn:
        conn.execute(chosen.values(at=at))


@pytest.fixture
def workspace(tmp_path):
    """The mini workspace (seeded on 5 January), a designer's change to a module on
    10 March and a training officer's change to a learner in Jakarta on 12 March."""
    ws = create_workspace(tmp_path / "w.sqlite", directory=MINI)
    _date_changes(ws, None, "2024-01-05T12:00:00.000Z")
    ws.actor = Actor("siti", "perancang")
    module = next(m for m in ws.load("modules") if m.code == "PB-201")
    save_records(ws, "modules", [replace(module, title="Revisi")], note="judul baru")
    ws.actor = Actor("budi", "pengelola", scope="31")
    learner = next(item for item in ws.load("learners") if item.id == NIP)
    save_records(ws, "learners", [replace(learner, digital_literacy=3)])
    _date_changes(ws, "siti", "2024-03-10T12:00:00.000Z")
    _date_changes(ws, "budi", "2024-03-12T12:00:00.000Z")
    ws.actor = Actor("admin-os", "admin")
    yield ws
    ws.close()


def _settled(qtbot, tab: HistoryTab) -> HistoryTab:
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    return tab


@pytest.fixture
def tab(qtbot, workspace):
    shown = HistoryTab(workspace)
    qtbot.addWidget(shown)
    return _settled(qtbot, shown)


def _column(tab: HistoryTab, column: int) -> list[str]:
    return [tab.model.cell(row, column) for row in range(tab.model.rowCount())]


def _choose(qtbot, tab: HistoryTab, combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)
    _settled(qtbot, tab)


def _all_text(tab: HistoryTab) -> str:
    cells = [_column(tab, c) for c in range(tab.model.columnCount())]
    return " ".join(" ".join(column) for column in cells)


def test_newest_first_with_every_person_to_choose(tab):
    assert _column(tab, 1)[:2] == ["budi", "siti"]
    assert tab.model.rowCount() > 20  # the seeding is in the trail too
    people = [tab.person.itemData(i) for i in range(tab.person.count())]
    assert people[0] is None and {"budi", "siti"} <= set(people[1:])
    assert _column(tab, 2)[:2] == ["Pengelola pelatihan", "Perancang kurikulum"]
    assert _column(tab, 6)[:2] == ["ubah", "ubah"]


def test_filtering_by_person(qtbot, tab):
    _choose(qtbot, tab, tab.person, "siti")
    assert _column(tab, 1) == ["siti"]
    assert _column(tab, 3) == ["modul"]
    assert _column(tab, 4) == ["PB-201"]
    assert _column(tab, 7) == ["title, row_version"]
    assert _column(tab, 8) == ["judul baru"]
    _choose(qtbot, tab, tab.person, None)
    assert {"budi", "siti"} < set(_column(tab, 1))


def test_filtering_by_table_and_person_together(qtbot, tab):
    _choose(qtbot, tab, tab.table, "learners")
    assert set(_column(tab, 3)) == {"peserta"}
    assert len(_column(tab, 3)) == 3  # two seeded, one changed
    _choose(qtbot, tab, tab.person, "budi")
    assert _column(tab, 1) == ["budi"] and _column(tab, 6) == ["ubah"]
    _choose(qtbot, tab, tab.table, "modules")
    assert tab.model.rowCount() == 0
    assert "0 perubahan" in tab.count_label.text()


def test_filtering_by_date(qtbot, tab):
    tab.since.setDate(QDate(2024, 3, 10))
    tab.until.setDate(QDate(2024, 3, 11))
    tab.by_date.setChecked(True)
    _settled(qtbot, tab)
    assert _column(tab, 1) == ["siti"]
    tab.until.setDate(QDate(2024, 3, 12))
    _settled(qtbot, tab)
    assert _column(tab, 1) == ["budi", "siti"]
    tab.since.setDate(QDate(2024, 1, 1))
    tab.until.setDate(QDate(2024, 1, 31))
    _settled(qtbot, tab)
    assert not {"budi", "siti"} & set(_column(tab, 1)) and tab.model.rowCount() > 20
    tab.by_date.setChecked(False)
    _settled(qtbot, tab)
    assert {"budi", "siti"} < set(_column(tab, 1))


def test_filtering_by_region_includes_its_sub_regions(qtbot, tab):
    _choose(qtbot, tab, tab.region, "72")
    regions = {cell.split()[0] for cell in _column(tab, 5)}
    assert regions == {"72", "72.71"}  # Sulawesi Tengah and Kota Palu below it
    _choose(qtbot, tab, tab.region, "31")
    assert "budi" in _column(tab, 1)
    assert {cell.split()[0] for cell in _column(tab, 5)} == {"31"}


def test_learner_ids_and_names_are_masked_by_default(qtbot, tab):
    assert not tab.show_personal.isChecked()
    assert NIP not in _all_text(tab)
    _choose(qtbot, tab, tab.person, "budi")
    assert _column(tab, 4)[0].startswith("ANON-")
    tab.view.selectRow(0)
    shown = {column: (before, after, marked) for column, before, after, marked in tab.detail_rows()}
    assert shown["id"][0].startswith("ANON-") and shown["id"][0] == shown["id"][1]
    assert shown["name"][:2] == ("B*** S***", "B*** S***")
    assert NIP not in str(shown) and NAME not in str(shown)
    # an admin may show them
    assert tab.show_personal.isEnabled()
    tab.show_personal.setChecked(True)
    assert _column(tab, 4) == [NIP]
    shown = {column: (before, after) for column, before, after, _ in tab.detail_rows()}
    assert shown["id"] == (NIP, NIP) and shown["name"] == (NAME, NAME)
    tab.show_personal.setChecked(False)
    assert NIP not in _all_text(tab)


def test_only_an_admin_may_show_personal_data(qtbot, tab, workspace):
    workspace.actor = Actor("rina", "pembaca")
    tab.set_workspace(workspace)
    _settled(qtbot, tab)
    assert not tab.show_personal.isEnabled()
    tab.show_personal.setChecked(True)  # even if it were ticked somehow
    assert not tab.show_personal.isChecked()
    assert NIP not in _all_text(tab)


def test_a_selected_change_shows_before_and_after_with_changes_marked(qtbot, tab):
    _choose(qtbot, tab, tab.person, "siti")
    tab.view.selectRow(0)
    shown = {column: (before, after, marked) for column, before, after, marked in tab.detail_rows()}
    assert shown["title"] == ("Pengkajian Risiko Bencana", "Revisi", True)
    assert shown["row_version"][2] is True
    assert shown["jp"] == ("32", "32", False)
    assert shown["code"] == ("PB-201", "PB-201", False)


def test_more_reads_the_next_page(qtbot, workspace, monkeypatch):
    monkeypatch.setattr("curriculum_tool.gui.history_tab.PAGE", 5)
    tab = HistoryTab(workspace)
    qtbot.addWidget(tab)
    _settled(qtbot, tab)
    assert tab.model.rowCount() == 5 and tab.more_button.isEnabled()
    tab.more_button.click()
    _settled(qtbot, tab)
    assert tab.model.rowCount() == 10
    assert _column(tab, 1)[:2] == ["budi", "siti"]


def test_the_main_window_has_riwayat_and_refreshes_it_after_an_edit(qtbot, workspace):
    from curriculum_tool.gui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    history = _settled(qtbot, window.history)
    assert window.tabs.widget(TAB_NAMES.index("riwayat")) is history
    before = history.model.rowCount()
    workspace.actor = Actor("siti", "perancang")
    module = next(m for m in workspace.load("modules") if m.code == "PB-201")
    save_records(workspace, "modules", [replace(module, jp=40)])
    window.catalog.workspace_edited.emit()  # what a tab says after it saved a change
    _settled(qtbot, history)
    assert history.model.rowCount() == before + 1
    assert history.model.cell(0, 7) == "jp, row_version"


def test_the_status_bar_names_who_works_here(qtbot, tmp_path):
    from curriculum_tool.catalog import create_workspace
    from curriculum_tool.domain.roles import Actor
    from curriculum_tool.gui.main_window import MainWindow

    workspace = create_workspace(tmp_path / "w.sqlite")
    workspace.actor = Actor("siti", "wilayah", "72.71")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window._update_status()
    assert window.person_label.text() == "siti · Staf wilayah · 72.71"
