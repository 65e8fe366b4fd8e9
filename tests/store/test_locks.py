"""Locks that tell the truth: readers never wait for a writer, a busy writer is told who
holds the workspace and since when, a stale import is refused, and temporary files left
by a killed write are removed by the next one."""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers import new_module_row

from curriculum_tool.catalog import create_workspace
from curriculum_tool.edit import records
from curriculum_tool.errors import ValidationError, WorkspaceBusyError, WorkspaceError
from curriculum_tool.io import case, export_file, import_file, importer
from curriculum_tool.io.atomic import atomic_output
from curriculum_tool.io.interchange import export_interchange, import_interchange
from curriculum_tool.processes import process_running
from curriculum_tool.store import Workspace
from curriculum_tool.store.busy import BUSY_TIMEOUT_VARIABLE, WriterRecord, busy_message

STALE = re.compile(
    r"(\w+) changed since this import started reading it \(at "
    r"\d\d:\d\d:\d\d, by another import or edit\); nothing was written; "
    r"run the import again"
)


def _minutes(start: datetime, end: datetime) -> set[str]:
    """Every HH:MM from ``start`` to ``end``: what a 'since' taken between them may say."""
    shown, moment = set(), start.replace(second=0, microsecond=0)
    while moment <= end:
        shown.add(f"{moment:%H:%M}")
        moment += timedelta(minutes=1)
    return shown


@contextmanager
def import_held(target: Path, kind: str, path: Path, monkeypatch) -> Iterator[datetime]:
    """Run ``import_file`` in a thread and hold it mid-write (rows written, not committed)
    for the block; it commits when the block ends. Yields the time it began to write."""
    holding, release = threading.Event(), threading.Event()
    real_check = records.dangling_references
    outcome: dict[str, object] = {}

    def check_then_wait(conn):
        found = real_check(conn)
        holding.set()
        assert release.wait(60), "the test never released the writer"
        return found

    monkeypatch.setattr(records, "dangling_references", check_then_wait)

    def run() -> None:
        try:
            with Workspace.open(target) as workspace:
                outcome["summary"] = import_file(workspace, kind, path)
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
            outcome["error"] = error
        finally:
            holding.set()

    began = datetime.now()
    writer = threading.Thread(target=run)
    writer.start()
    try:
        assert holding.wait(60)
        assert "error" not in outcome, outcome.get("error")
        yield began
    finally:
        release.set()
        writer.join(60)
        monkeypatch.setattr(records, "dangling_references", real_check)
    assert "error" not in outcome, outcome.get("error")
    assert "summary" in outcome


def _codes(target: Path) -> list[str]:
    with Workspace.open(target) as workspace:
        return [m.code for m in workspace.load("modules")]


# -- readers never wait ----------------------------------------------------------------------


def test_export_during_an_import_succeeds_at_once(
    workspace, workspace_path, write_csv, run_cli, tmp_path, monkeypatch
):
    before = _codes(workspace_path)
    new = write_csv("new.csv", "modules", [new_module_row("NEW-1")])
    out = tmp_path / "modules-out.csv"
    with import_held(workspace_path, "modules", new, monkeypatch):
        code, stdout, err = run_cli("export", workspace_path, "modules", out)
        assert (code, err) == (0, "")
        assert "exported 5 modules" in stdout
        exported = out.read_text(encoding="utf-8")
        assert "NEW-1" not in exported and all(code in exported for code in before)
        with Workspace.open(workspace_path) as reader:  # opening is a read too
            assert reader.count("modules") == len(before)
        assert _codes(workspace_path) == before  # the import has not committed yet
    assert _codes(workspace_path) == sorted([*before, "NEW-1"])


def test_recommend_during_an_import_succeeds_at_once(tmp_path, write_csv, run_cli, monkeypatch):
    target = tmp_path / "catalog.sqlite"
    create_workspace(target).close()
    new = write_csv("new.csv", "modules", [new_module_row("NEW-1")])
    with import_held(target, "modules", new, monkeypatch):
        code, out, err = run_cli("recommend", target, "DEMO-001", "--format", "json")
        assert (code, err) == (0, "")
        assert '"learner": "DEMO-001"' in out


def test_open_during_a_write_is_not_called_a_foreign_database(
    workspace, workspace_path, write_csv, monkeypatch
):
    new = write_csv("new.csv", "modules", [new_module_row("NEW-1")])
    with (
        import_held(workspace_path, "modules", new, monkeypatch),
        Workspace.open(workspace_path) as again,
    ):
        assert again.get_meta("schema_version") is not None


def test_a_locked_rollback_journal_file_is_busy_not_foreign(workspace, workspace_path, monkeypatch):
    # A file another program holds in rollback-journal mode mid-write: opening it waits the
    # busy timeout, then says so (it used to say "not a curriculum-tool workspace").
    workspace.close()
    holder = sqlite3.connect(workspace_path, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=DELETE")
        holder.execute("BEGIN EXCLUSIVE")
        monkeypatch.setenv(BUSY_TIMEOUT_VARIABLE, "0.2")
        with pytest.raises(WorkspaceBusyError) as info:
            Workspace.open(workspace_path)
        assert str(info.value) == busy_message(None)
    finally:
        holder.close()


# -- writers take turns and say who is writing -------------------------------------------------


def test_a_second_import_while_one_writes_is_busy(
    workspace, workspace_path, write_csv, run_cli, monkeypatch
):
    first = write_csv("first.csv", "modules", [new_module_row("FIRST-1")])
    second = write_csv("second.csv", "modules", [new_module_row("SECOND-1")])
    monkeypatch.setenv(BUSY_TIMEOUT_VARIABLE, "0.2")
    with import_held(workspace_path, "modules", first, monkeypatch) as began:
        code, out, err = run_cli("import", workspace_path, "modules", second)
        ended = datetime.now()
    assert (code, out) == (2, "")
    assert err in {
        f"error: workspace is busy: another process is writing (since {hhmm}); try again\n"
        for hhmm in _minutes(began, ended)
    }
    codes = _codes(workspace_path)
    assert "FIRST-1" in codes and "SECOND-1" not in codes
    assert [p.name for p in workspace_path.parent.iterdir() if p.suffix == ".writer"] == []


def test_a_writer_waits_up_to_the_busy_timeout_then_goes_ahead(
    workspace, workspace_path, write_csv
):
    # Within the timeout the second writer just waits its turn, then lands.
    first_held, done = threading.Event(), threading.Event()
    second = write_csv("s.csv", "modules", [new_module_row("SECOND-1")])

    def second_import() -> None:
        first_held.wait(60)
        with Workspace.open(workspace_path) as other:
            import_file(other, "modules", second)
        done.set()

    thread = threading.Thread(target=second_import)
    thread.start()
    with workspace.transaction() as conn:
        workspace.write(conn, "regions", [workspace.load("regions", conn)[0]])
        first_held.set()
        assert not done.wait(0.3)  # it waits for this writer (no timing: it cannot finish)
    thread.join(60)
    assert done.is_set()
    assert "SECOND-1" in _codes(workspace_path)


def test_a_stale_writer_record_is_ignored_and_removed(workspace, workspace_path):
    record = WriterRecord(workspace_path)
    record.path.write_text(
        json.dumps(
            {
                "pid": _dead_pid(),
                "host": socket.gethostname(),
                "since": "2020-01-01T00:00:00+00:00",
                "token": "x",
            }
        )
    )
    assert record.since() is None
    assert not record.path.exists()


def test_a_bad_busy_timeout_is_refused(workspace_path, monkeypatch, run_cli, workspace):
    monkeypatch.setenv(BUSY_TIMEOUT_VARIABLE, "soon")
    with pytest.raises(WorkspaceError, match="CURRICULUM_TOOL_BUSY_TIMEOUT must be a number"):
        Workspace.open(workspace_path)
    code, _, err = run_cli("export", workspace_path, "modules", workspace_path.parent / "m.csv")
    assert code == 2 and err.count("\n") == 1 and "'soon'" in err


# -- stale imports are refused -----------------------------------------------------------------


def _commit_meanwhile(monkeypatch, module, name: str, target: Path, kind: str, path: Path) -> None:
    """Make ``module.name`` (a reader) first let another import of ``kind`` commit."""
    real = getattr(module, name)
    calls = {"n": 0}

    def read_while_another_commits(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            monkeypatch.setattr(module, name, real)
            with Workspace.open(target) as other:
                import_file(other, kind, path)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, read_while_another_commits)


def test_an_import_whose_table_changed_while_reading_is_refused(
    workspace, workspace_path, write_csv, run_cli, monkeypatch
):
    other = write_csv("other.csv", "modules", [new_module_row("OTHER-1")])
    mine = write_csv("mine.csv", "modules", [new_module_row("MINE-1")])
    _commit_meanwhile(monkeypatch, importer, "parse_file", workspace_path, "modules", other)
    code, out, err = run_cli("import", workspace_path, "modules", mine)
    assert (code, out) == (2, "")
    assert err.startswith("mine.csv:1:")
    line = err.rstrip("\n")
    assert "\n" not in line and STALE.search(line)[1] == "modules"
    codes = _codes(workspace_path)
    assert "OTHER-1" in codes and "MINE-1" not in codes
    # Run again, it goes through.
    assert run_cli("import", workspace_path, "modules", mine)[0] == 0
    assert "MINE-1" in _codes(workspace_path)


def test_a_change_to_another_table_does_not_stale_an_import(
    workspace, workspace_path, write_csv, mini_row, monkeypatch
):
    other = write_csv("c.csv", "competencies", [mini_row("competencies", 0, name="Baru")])
    mine = write_csv("mine.csv", "modules", [new_module_row("MINE-1")])
    _commit_meanwhile(monkeypatch, importer, "parse_file", workspace_path, "competencies", other)
    assert import_file(workspace, "modules", mine).added == 1


def test_a_case_import_whose_table_changed_while_reading_is_refused(
    workspace, workspace_path, tmp_path, write_csv, mini_row, monkeypatch
):
    package = tmp_path / "mini.json"
    export_interchange(workspace, "case", package)
    renamed = write_csv("c.csv", "competencies", [mini_row("competencies", 0, name="Baru")])
    _commit_meanwhile(monkeypatch, case, "read_case", workspace_path, "competencies", renamed)
    with pytest.raises(ValidationError) as info:
        import_interchange(workspace, "case", package)
    assert [(p.file, p.row, STALE.fullmatch(p.message)[1]) for p in info.value.problems] == [
        ("mini.json", 1, "competencies")
    ]
    # The package still has the old name: had it been written, the name would be back.
    assert {c.code: c.name for c in workspace.load("competencies")}[
        mini_row("competencies", 0)["code"]
    ] == "Baru"


def test_every_write_and_delete_moves_the_stamp(workspace):
    before = workspace.change_stamps(["modules", "regions"])
    module = workspace.load("modules")[0]
    with workspace.transaction() as conn:
        workspace.write(conn, "modules", [module])
    middle = workspace.change_stamps(["modules", "regions"])
    assert middle["regions"] == before["regions"]
    assert middle["modules"] != before["modules"]
    with workspace.transaction() as conn:
        workspace.delete(conn, "prerequisites", [])  # deletes nothing: no change
        assert workspace.change_stamps(["prerequisites"], conn) == workspace.change_stamps(
            ["prerequisites"]
        )
        workspace.delete(conn, "modules", ["NOT-THERE"])
    assert workspace.change_stamps(["modules"])["modules"].counter == middle["modules"].counter + 1


# -- temporary files left by a killed write ---------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    pid = int(child.stdout)
    assert not process_running(pid)
    return pid


def _killed_mid_write(target: Path) -> Path:
    """Kill a process in the middle of ``atomic_output(target)``; its temporary file."""
    code = (
        "import sys, time\n"
        "from curriculum_tool.io.atomic import atomic_output\n"
        "with atomic_output(sys.argv[1]) as handle:\n"
        "    handle.write('half a file'); handle.flush()\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(120)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline() == "writing\n"
    finally:
        child.kill()
        child.wait(30)
        child.stdout.close()
    [left] = [p for p in target.parent.iterdir() if p.name.startswith(f".{target.name}.")]
    assert left.name.startswith(f".{target.name}.{child.pid}.") and left.suffix == ".tmp"
    return left


def test_the_next_export_removes_what_a_killed_one_left(workspace, tmp_path, run_cli):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "out.csv"
    killed = _killed_mid_write(target)
    dead = folder / f".out.csv.{_dead_pid()}.abcd1234.tmp"
    old_style = folder / ".out.csv.k3j4h5g6.tmp"
    young_old_style = folder / ".out.csv.z9y8x7w6.tmp"
    live = folder / f".out.csv.{os.getpid()}.livewrit.tmp"  # a write in progress here
    other_target = folder / f".other.csv.{_dead_pid()}.abcd1234.tmp"
    for path in (dead, old_style, young_old_style, live, other_target):
        path.write_text("partial")
    two_hours_ago = time.time() - 7200
    os.utime(old_style, (two_hours_ago, two_hours_ago))
    code, _, err = run_cli("export", workspace.target, "modules", target)
    assert (code, err) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["out.csv", young_old_style.name, live.name, other_target.name]
    )
    assert not killed.exists()


def test_a_failed_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "x.csv"
    with pytest.raises(RuntimeError), atomic_output(target) as handle:
        handle.write("half")
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


def test_export_file_in_process_keeps_a_live_temporary_file(workspace, tmp_path):
    target = tmp_path / "m.csv"
    live = tmp_path / f".m.csv.{os.getpid()}.abcdefgh.tmp"
    live.write_text("another write in progress")
    export_file(workspace, "modules", target)
    assert live.exists() and target.exists()
