"""Two people edit the same module in two app instances: the second save is refused with a
dialog naming the first person; "Muat ulang" shows their value, "Simpan versi saya" keeps
the second edit on top of theirs, "Batal" leaves the form open; an undo that would
overwrite the other's newer change asks the same way.

Each instance is a catalog tab on its own ``Workspace.open`` of one workspace: a
PostgreSQL one (two database logins, both curriculum designers) and, so the dialog is
covered where PostgreSQL is absent, one SQLite file opened twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy.engine import make_url
from store.test_postgres import new_pg_database, pg_cluster  # noqa: F401 - fixtures

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Competency
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.service import delete_records, save_person, save_records, versions
from curriculum_tool.gui.catalog_tab import CatalogTab
from curriculum_tool.gui.conflict_dialog import ConflictDialog
from curriculum_tool.gui.record_form import RecordForm
from curriculum_tool.store import Workspace
from curriculum_tool.store.audit import read_audit
from curriculum_tool.store.policies import group_role, policy_statements

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


@dataclass
class Person:
    """One app instance: who works in it, and its catalog tab."""

    login: str
    tab: CatalogTab

    @property
    def workspace(self) -> Workspace:
        return self.tab.workspace


def _postgres_urls(cluster, url: str) -> list[str]:
    """Two logins, curriculum designers of the workspace at ``url`` (set up as a DBA
    would: group roles, grants and row-level policies, then a ``people`` row each)."""
    import psycopg

    with psycopg.connect(
        host=str(cluster.socket_dir),
        port=cluster.port,
        user="postgres",
        dbname=make_url(url).database,
    ) as conn:
        for statement in policy_statements():
            conn.execute(statement)
    owner = Workspace.open(url)
    urls = []
    for who in ("dedi", "ani"):
        login = f"{who}_{uuid.uuid4().hex[:6]}"
        with cluster.admin() as conn:
            conn.execute(f'CREATE ROLE "{login}" LOGIN IN ROLE {group_role("perancang")}')
        save_person(owner, login, "perancang")
        urls.append(url.replace("postgresql+psycopg://postgres@", f"postgresql+psycopg://{login}@"))
    owner.close()
    return urls


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def people(request, qtbot, tmp_path):
    """Two app instances on one workspace: the first person, then the second."""
    if request.param == "sqlite":
        target = tmp_path / "w.sqlite"
        create_workspace(target, directory=MINI).close()
        workspaces = [Workspace.open(target), Workspace.open(target)]
        for ws, login in zip(workspaces, ("dedi", "ani")):
            ws.actor = Actor(login, "perancang")  # one file: whoever the app says works
    else:
        url = request.getfixturevalue("new_pg_database")()
        create_workspace(url, directory=MINI).close()
        cluster = request.getfixturevalue("pg_cluster")
        workspaces = [Workspace.open(u) for u in _postgres_urls(cluster, url)]
    pair = []
    for ws in workspaces:
        tab = CatalogTab(ws)
        qtbot.addWidget(tab)
        pair.append(Person(ws.actor.login, tab))
    yield pair
    for ws in workspaces:
        ws.close()


_timers: list[QTimer] = []


@pytest.fixture(autouse=True)
def _no_waiting_left():
    """A test that fails half-way leaves no watcher to answer the next test's dialogs."""
    yield
    for timer in _timers:
        timer.stop()
    _timers.clear()


def when_shown(kind: type, act: Callable, parent: QWidget | None = None) -> QTimer:
    """Call ``act(window)`` once a window of ``kind`` (of ``parent``) is shown: the app
    opens its dialogs modally, so the test acts from inside their event loop."""

    def poll() -> None:
        for window in QApplication.topLevelWidgets():
            if (
                isinstance(window, kind)
                and window.isVisible()
                and (parent is None or window.parent() is parent)
            ):
                timer.stop()
                act(window)
                return

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(poll)
    timer.start()
    _timers.append(timer)
    return timer


def type_into(qtbot, form: RecordForm, changes: dict[str, str]) -> None:
    for column, text in changes.items():
        field = form.fields[column]
        field.clear()
        qtbot.keyClicks(field, text)


def edit(qtbot, person: Person, code: str, changes: dict[str, str]) -> None:
    """``person`` opens ``code``'s form, types ``changes`` and saves (it goes through)."""
    browser = person.tab.modules
    when_shown(RecordForm, lambda form: (type_into(qtbot, form, changes), form.accept()), browser)
    browser.select_key((code,))
    browser.edit_selected()


def module(person: Person, code: str = "PB-101"):
    return next(m for m in person.workspace.load("modules") if m.code == code)


def version(person: Person, code: str = "PB-101") -> int:
    return versions(person.workspace, "modules", [code])[code]


def save_while_other_saves(qtbot, first: Person, second: Person, on_conflict: Callable) -> dict:
    """The second person opens PB-101 and types a new title; meanwhile the first saves jp
    40; then the second saves, and ``on_conflict(dialog, seen)`` answers the dialog."""
    seen: dict = {}

    def second_form(form: RecordForm) -> None:
        edit(qtbot, first, "PB-101", {"jp": "40"})
        seen["theirs"] = version(first)
        type_into(qtbot, form, {"title": "Judul kedua"})

        def answer(dialog: ConflictDialog) -> None:
            seen["text"] = dialog.text()
            on_conflict(dialog, seen)

        when_shown(ConflictDialog, answer)
        form.accept()

    browser = second.tab.modules
    when_shown(RecordForm, second_form, browser)
    browser.select_key(("PB-101",))
    browser.edit_selected()
    return seen


def test_the_second_save_names_the_first_editor_and_reload_shows_their_value(people, qtbot):
    first, second = people
    title = module(first).title

    def reload(dialog: ConflictDialog, seen: dict) -> None:
        def read_form(form: RecordForm) -> None:  # open again, as stored now
            seen["form"] = {c: form.fields[c].text() for c in ("jp", "title")}
            form.reject()

        when_shown(RecordForm, read_form, second.tab.modules)
        dialog.reload_button.click()

    seen = save_while_other_saves(qtbot, first, second, reload)
    assert f"telah diubah oleh {first.login}" in seen["text"]
    assert f"{first.login} (Perancang kurikulum)" in seen["text"]  # who
    assert "JP: 24 → 40" in seen["text"]  # what, as the form names the field
    assert seen["form"] == {"jp": "40", "title": title}  # theirs shown, mine dropped
    assert (module(second).jp, module(second).title) == (40, title)
    assert version(second) == seen["theirs"]  # nothing written by the second
    assert second.tab.undo.count() == 0


def test_keep_mine_saves_the_second_edit_on_top_of_the_first(people, qtbot):
    first, second = people
    title = module(first).title
    seen = save_while_other_saves(
        qtbot, first, second, lambda dialog, _seen: dialog.keep_button.click()
    )
    assert f"telah diubah oleh {first.login}" in seen["text"]
    stored = module(first)
    assert (stored.title, stored.jp) == ("Judul kedua", 40)  # mine, and theirs kept
    assert version(first) == seen["theirs"] + 1
    with first.workspace.engine.connect() as conn:
        last = next(read_audit(conn, tables=["modules"], limit=1))
    assert (last.actor, last.key, last.changed()) == (
        second.login,
        ("PB-101",),
        ["title", "row_version"],
    )
    second.tab.undo.undo()  # back to the first person's version, not to before it
    assert (module(first).title, module(first).jp) == (title, 40)


def test_cancel_keeps_the_form_open_with_the_edit(people, qtbot):
    first, second = people
    title = module(first).title

    def cancel(dialog: ConflictDialog, seen: dict) -> None:
        def read_form(form: RecordForm) -> None:
            seen["form"] = form.fields["title"].text()
            form.reject()

        when_shown(RecordForm, read_form, second.tab.modules)
        dialog.cancel_button.click()

    seen = save_while_other_saves(qtbot, first, second, cancel)
    assert seen["form"] == "Judul kedua"
    assert (module(first).title, version(first)) == (title, seen["theirs"])


def test_an_undo_over_a_newer_change_asks_first(people, qtbot):
    first, second = people
    title = module(first).title
    edit(qtbot, second, "PB-101", {"title": "Judul kedua"})
    mine = version(second)
    save_records(first.workspace, "modules", [replace(module(first), jp=40)], {"PB-101": mine})
    seen: dict = {}

    def reload(dialog: ConflictDialog) -> None:
        seen["text"] = dialog.text()
        dialog.reload_button.click()

    when_shown(ConflictDialog, reload)
    second.tab.undo.undo()
    assert f"telah diubah oleh {first.login}" in seen["text"] and "Pembatalan" in seen["text"]
    assert (module(first).title, module(first).jp, version(first)) == ("Judul kedua", 40, mine + 1)
    assert second.tab.undo.count() == 0  # refused: the undo left the stack

    edit(qtbot, second, "PB-101", {"title": "Judul ketiga"})
    save_records(first.workspace, "modules", [replace(module(first), jp=41)])
    when_shown(ConflictDialog, lambda dialog: dialog.keep_button.click())
    second.tab.undo.undo()  # keep mine: my title goes back, their jp stays
    assert (module(first).title, module(first).jp) == ("Judul kedua", 41)
    unexpected = when_shown(
        ConflictDialog,
        lambda dialog: (seen.update(unexpected=dialog.text()), dialog.cancel_button.click()),
    )
    second.tab.undo.redo()  # and comes again, from the version the undo wrote
    unexpected.stop()
    assert "unexpected" not in seen
    assert (module(first).title, module(first).jp) == ("Judul ketiga", 41)
    assert title != "Judul kedua"


def test_a_record_deleted_meanwhile_says_by_whom_and_reload_closes_the_form(people, qtbot):
    first, second = people
    save_records(first.workspace, "competencies", [Competency("TMP.1", "Sementara", "teknis")])
    second.tab.reload()
    browser = second.tab.competencies
    seen: dict = {}

    def second_form(form: RecordForm) -> None:
        delete_records(first.workspace, "competencies", ["TMP.1"])
        type_into(qtbot, form, {"name": "Dipakai lagi"})

        def reload(dialog: ConflictDialog) -> None:
            seen["text"] = dialog.text()
            dialog.reload_button.click()

        when_shown(ConflictDialog, reload)
        form.accept()

    when_shown(RecordForm, second_form, browser)
    browser.select_key(("TMP.1",))
    browser.edit_selected()  # returns: nothing is left to edit
    assert f"telah dihapus oleh {first.login}" in seen["text"]
    assert "data ini dihapus" in seen["text"]
    assert "TMP.1" not in {c.code for c in second.workspace.load("competencies")}
    assert "TMP.1" not in {c.code for c in browser.model.records()}  # the table reloaded
