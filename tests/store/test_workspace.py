"""The SQLite workspace: create/open, PRAGMAs, transactions, atomic file writes."""

import datetime as dt
import gc
import os
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from curriculum_tool.catalog import (
    create_workspace,
    default_workspace_path,
    open_or_create_default,
)
from curriculum_tool.domain import RECORD_TYPES, Module
from curriculum_tool.errors import ValidationError, WorkspaceError
from curriculum_tool.io import import_file, parse_file
from curriculum_tool.io.tables import cell_text, read_rows, write_rows
from curriculum_tool.store import Workspace, is_url, resolve_url, schema

KINDS = tuple(RECORD_TYPES)


def _sqlite_files(folder: Path):
    return sorted(p.name for p in folder.iterdir())


# -- create --------------------------------------------------------------------------------


def test_seeded_workspace_holds_the_mini_catalog(workspace):
    assert [workspace.count(kind) for kind in KINDS] == [3, 3, 5, 3, 1, 2, 2, 3, 1]
    assert workspace.get_meta("schema_version") == str(schema.SCHEMA_VERSION)
    assert len(workspace.get_meta("pseudonym_key")) == 64
    assert workspace.dialect == "sqlite"
    budi = {r.id: r for r in workspace.load("learners")}["199001012015011001"]
    assert budi.competencies == (("M.01", 2), ("LITDIG", 1))
    assert budi.completed == ("LD-101",)
    local = {m.code: m for m in workspace.load("modules")}["PB-LOC"]
    assert local.scope == "72" and local.is_local
    # The mini files leave the optional columns out: every row has the defaults.
    assert {m.audience for m in workspace.load("modules")} == {()}
    assert {s.jenjang for s in workspace.load("job_standards")} == {None}
    assert {(r.status, r.unit, r.supervisor) for r in workspace.load("learners")} == {
        ("pns", "", None)
    }
    assert [(o.who, o.module) for o in workspace.load("obligations")] == [("pengawas", "PB-LOC")]


def test_load_is_in_key_order(workspace):
    for kind in KINDS:
        keys = [r.key() for r in workspace.load(kind)]
        assert keys == sorted(keys), kind


def test_init_refuses_an_existing_file(tmp_path, run_cli):
    target = tmp_path / "precious.sqlite"
    target.write_bytes(b"not mine to overwrite")
    code, out, err = run_cli("init", target, "--empty")
    assert code == 2
    assert out == ""
    assert err.splitlines() == [f"error: '{target}' already exists; choose another file name"]
    assert target.read_bytes() == b"not mine to overwrite"
    assert _sqlite_files(tmp_path) == ["precious.sqlite"]


def test_init_refuses_an_existing_workspace(workspace, workspace_path, run_cli, snapshot):
    before = snapshot(workspace)
    code, _, err = run_cli("init", workspace_path, "--empty")
    assert code == 2
    assert "already exists" in err
    assert snapshot(workspace) == before


def test_create_refuses_an_existing_file(tmp_path):
    target = tmp_path / "x.sqlite"
    target.write_text("x")
    with pytest.raises(WorkspaceError, match="already exists; choose another file name"):
        Workspace.create(target)
    assert target.read_text() == "x"


def test_init_empty_through_the_cli(tmp_path, run_cli):
    target = tmp_path / "sub" / "new.sqlite"
    code, out, err = run_cli("init", target, "--empty")
    assert (code, err) == (0, "")
    assert out.strip() == f"created empty workspace: {target} (0 modules, 0 regions, 0 learners)"
    with Workspace.open(target) as ws:
        assert all(ws.count(kind) == 0 for kind in KINDS)


def test_failure_mid_seed_leaves_no_file_behind(tmp_path, mini_dir):
    broken = tmp_path / "catalog"
    broken.mkdir()
    for name in ("competencies.csv", "regions.csv"):
        (broken / name).write_bytes((mini_dir / name).read_bytes())
    modules = (mini_dir / "modules.csv").read_text(encoding="utf-8")
    (broken / "modules.csv").write_text(modules.replace(",24,", ",0,"), encoding="utf-8")
    target = tmp_path / "out" / "ws.sqlite"
    with pytest.raises(ValidationError) as info:
        create_workspace(target, directory=broken)
    assert [str(p) for p in info.value.problems] == ["modules.csv:4:jp: jp 0 is outside 1–400"]
    assert not target.exists()
    assert not list(target.parent.glob("ws.sqlite*"))


def test_failure_mid_seed_through_a_reference(tmp_path, mini_dir):
    broken = tmp_path / "catalog"
    broken.mkdir()
    for kind in KINDS:
        (broken / f"{kind}.csv").write_bytes((mini_dir / f"{kind}.csv").read_bytes())
    outcomes = (broken / "outcomes.csv").read_text(encoding="utf-8")
    (broken / "outcomes.csv").write_text(
        outcomes + "NOBODY,LD-101,2024-01-01,1,,,,\n", encoding="utf-8"
    )
    target = tmp_path / "ws.sqlite"
    with pytest.raises(ValidationError, match=r"outcomes.csv:5:learner: unknown learner"):
        create_workspace(target, directory=broken)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalog"]


def test_create_then_seed_can_be_retried_after_a_failure(tmp_path, mini_dir):
    broken = tmp_path / "catalog"
    broken.mkdir()
    (broken / "competencies.csv").write_text("code,name\nX,Y\n", encoding="utf-8")
    target = tmp_path / "ws.sqlite"
    with pytest.raises(ValidationError, match="missing column 'group'"):
        create_workspace(target, directory=broken)
    with create_workspace(target, directory=mini_dir) as ws:
        assert ws.count("modules") == 5


# -- open ----------------------------------------------------------------------------------


def test_open_missing_file(tmp_path):
    target = tmp_path / "absent.sqlite"
    with pytest.raises(
        WorkspaceError,
        match=r"no workspace at '.*absent\.sqlite': create one "
        r"with 'init .*absent\.sqlite'",
    ):
        Workspace.open(target)
    assert not target.exists()


def test_open_a_foreign_sqlite_database(tmp_path):
    target = tmp_path / "other.sqlite"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(
        WorkspaceError,
        match=r"'.*other\.sqlite' is not a curriculum-tool workspace "
        r"\(no such table: meta\)",
    ):
        Workspace.open(target)


def test_open_a_file_that_is_not_a_database(tmp_path):
    target = tmp_path / "notes.sqlite"
    target.write_bytes(b"just some text, not SQLite " * 50)
    with pytest.raises(WorkspaceError, match="is not a curriculum-tool workspace"):
        Workspace.open(target)


def test_open_a_workspace_of_a_newer_schema(workspace, workspace_path):
    with workspace.transaction() as conn:
        workspace.set_meta(conn, "schema_version", str(schema.SCHEMA_VERSION + 1))
    workspace.close()
    with pytest.raises(WorkspaceError, match="newer curriculum-tool"):
        Workspace.open(workspace_path)


def test_cli_on_a_missing_workspace_exits_2(tmp_path, run_cli):
    code, _, err = run_cli("export", tmp_path / "absent.sqlite", "modules", tmp_path / "m.csv")
    assert code == 2
    assert err.startswith("error: no workspace at ")
    assert "Traceback" not in err
    assert not (tmp_path / "m.csv").exists()


@pytest.mark.parametrize("url", ["mysql://user@host/db", "nonsense+driver://x/y"])
def test_unsupported_database_url(url):
    with pytest.raises(WorkspaceError, match="cannot use database URL|unsupported database"):
        Workspace.open(url)


def test_urls_and_paths(tmp_path):
    assert is_url("postgresql+psycopg://u@h/db")
    assert not is_url(tmp_path / "w.sqlite")
    assert resolve_url(tmp_path / "w.sqlite") == f"sqlite+pysqlite:///{tmp_path / 'w.sqlite'}"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_url_password_is_hidden_in_the_label():
    ws = Workspace.__new__(Workspace)
    ws.target = "postgresql+psycopg://alice:s3cret@db.example/ws"
    assert "s3cret" not in ws.label
    assert "alice" in ws.label


# -- SQLite settings and transactions ------------------------------------------------------


def test_sqlite_is_in_wal_mode_with_foreign_keys(workspace):
    with workspace.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_wal_mode_is_persistent_in_the_file(workspace, workspace_path):
    conn = sqlite3.connect(workspace_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_foreign_keys_are_enforced_at_commit(workspace, snapshot):
    before = snapshot(workspace)
    with pytest.raises(WorkspaceError, match="FOREIGN KEY constraint failed"):
        with workspace.transaction() as conn:
            conn.execute(
                schema.module_competencies.insert(),
                {"module": "LD-101", "competency": "NOPE", "pos": 5, "level": 1},
            )
    assert snapshot(workspace) == before


def test_transaction_rolls_back_on_any_exception(workspace, snapshot):
    before = snapshot(workspace)
    new = Module.from_row({**workspace.load("modules")[0].to_row(), "code": "NEW-1"})
    with pytest.raises(RuntimeError, match="boom"), workspace.transaction() as conn:
        workspace.write(conn, "modules", [new])
        assert workspace.count("modules", conn) == 6
        raise RuntimeError("boom")
    assert snapshot(workspace) == before


def test_workspace_write_merges_by_key(workspace):
    ld101 = workspace.load("modules")[0]
    with workspace.transaction() as conn:
        assert workspace.write(conn, "modules", [ld101.edited(jp="20")]) == 1
    assert workspace.count("modules") == 5
    assert workspace.load("modules")[0].jp == 20


# -- tables: XLSX cells, atomic writes -----------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ""),
        (12.0, "12"),
        (12.5, "12.5"),
        (12, "12"),
        (0.0, "0"),
        (True, "1"),
        (False, "0"),
        (dt.datetime(2024, 3, 1), "2024-03-01"),
        (dt.datetime(2024, 3, 1, 9, 30), "2024-03-01T09:30:00"),
        (dt.date(2024, 3, 1), "2024-03-01"),
        ("  LD-101 ", "LD-101"),
    ],
)
def test_cell_text(value, expected):
    assert cell_text(value) == expected


def test_xlsx_reader_turns_numeric_cells_into_contract_text(workspace, tmp_path):
    columns = RECORD_TYPES["modules"].COLUMNS
    book = Workbook()
    sheet = book.active
    sheet.append(list(columns))
    row = {
        "code": "XL-1",
        "title": "Dari Excel",
        "jp": 12.0,
        "modality": "klasikal",
        "level": 2.0,
        "competencies": "LITDIG:2",
        "hazards": None,
        "min_connectivity": "none",
        "min_digital_literacy": 0,
        "scope": "national",
        "status": "approved",
        "owner": None,
        "audience": None,
    }
    sheet.append([row[c] for c in columns])
    path = tmp_path / "modules.xlsx"
    book.save(path)
    rows = list(read_rows(path, columns))
    assert rows[0][0] == 2
    assert rows[0][1]["jp"] == "12"
    assert rows[0][1]["level"] == "2"
    assert rows[0][1]["min_digital_literacy"] == "0"
    assert rows[0][1]["hazards"] == "" and rows[0][1]["owner"] == ""
    assert rows[0][1]["audience"] == ""
    import_file(workspace, "modules", path)
    module = {m.code: m for m in workspace.load("modules")}["XL-1"]
    assert (module.jp, module.level, module.owner, module.audience) == (12, 2, "", ())


def test_xlsx_learner_with_numeric_optional_cells(workspace, tmp_path):
    # A unit typed as a number and a supervisor id that a spreadsheet stored as a number.
    columns = RECORD_TYPES["learners"].COLUMNS
    book = Workbook()
    sheet = book.active
    sheet.append(list(columns))
    sheet.append(["4242", "Siti", "analis-kebijakan", "31", 1.0, None, None, None, 2024.0, None])
    sheet.append(["4243", "Adi", "analis-kebijakan", "31", 1, None, None, "pppk", None, 4242.0])
    path = tmp_path / "learners.xlsx"
    book.save(path)
    assert import_file(workspace, "learners", path).added == 2
    learners = {r.id: r for r in workspace.load("learners")}
    assert (learners["4242"].status, learners["4242"].unit, learners["4242"].supervisor) == (
        "pns",
        "2024",
        None,
    )
    assert (learners["4243"].status, learners["4243"].supervisor) == ("pppk", "4242")


def test_xlsx_reader_turns_date_cells_into_iso_dates(workspace, tmp_path):
    columns = RECORD_TYPES["outcomes"].COLUMNS
    book = Workbook()
    sheet = book.active
    sheet.append(list(columns))
    sheet.append(["DEMO-001", "LD-201", dt.datetime(2024, 5, 2), 1, 70.0, 65, None, None])
    path = tmp_path / "outcomes.xlsx"
    book.save(path)
    parsed = parse_file("outcomes", path)
    assert parsed.problems == []
    assert parsed.records[0].to_row() == {
        "learner": "DEMO-001",
        "module": "LD-201",
        "date": "2024-05-02",
        "completed": "1",
        "l1": "70",
        "l2": "65",
        "l3": "",
        "l4": "",
    }


def _failing_rows(columns, good=2):
    for i in range(good):
        yield dict.fromkeys(columns, f"v{i}")
    raise RuntimeError("disk on fire")


# openpyxl's write-only sheet leaves a half-run generator behind when a row fails; it is
# collected here so its harmless close-time complaint stays with this test.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_write_rows_failure_keeps_the_old_file_and_leaves_no_temp(tmp_path, suffix):
    target = tmp_path / f"out{suffix}"
    target.write_bytes(b"old content")
    with pytest.raises(RuntimeError, match="disk on fire"):
        write_rows(target, ("a", "b"), _failing_rows(("a", "b")))
    gc.collect()
    assert target.read_bytes() == b"old content"
    assert _sqlite_files(tmp_path) == [target.name]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_failure_while_flushing_keeps_the_old_file(tmp_path, monkeypatch, suffix):
    target = tmp_path / f"out{suffix}"
    target.write_bytes(b"old content")

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space left"):
        write_rows(target, ("a",), [{"a": "1"}, {"a": "2"}])
    assert target.read_bytes() == b"old content"
    assert _sqlite_files(tmp_path) == [target.name]


def test_export_failure_keeps_the_old_export(workspace, tmp_path, monkeypatch):
    from curriculum_tool.io import export_file

    target = tmp_path / "modules.csv"
    target.write_text("previous export\n")

    def broken(self):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Module, "to_row", broken)
    with pytest.raises(RuntimeError, match="database went away"):
        export_file(workspace, "modules", target)
    assert target.read_text() == "previous export\n"
    assert [name for name in _sqlite_files(tmp_path) if name.endswith(".tmp")] == []
    assert "modules.csv" in _sqlite_files(tmp_path)


def test_write_rows_replaces_atomically(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    assert write_rows(target, ("a", "b"), [{"a": "1", "b": "x,y"}]) == 1
    assert target.read_text(encoding="utf-8") == 'a,b\n1,"x,y"\n'
    assert _sqlite_files(tmp_path) == ["out.csv"]


# -- the default workspace -----------------------------------------------------------------


def test_default_workspace_lives_under_curriculum_tool_home(_isolated_home):
    assert default_workspace_path() == _isolated_home / "workspace.sqlite"


def test_open_or_create_default_creates_then_reopens(_isolated_home, monkeypatch, mini_dir):
    import curriculum_tool.catalog as catalog

    monkeypatch.setattr(catalog, "catalog_dir", lambda: mini_dir)
    with open_or_create_default() as ws:
        assert ws.count("modules") == 5
    assert (_isolated_home / "workspace.sqlite").is_file()
    with open_or_create_default() as ws:
        assert ws.count("modules") == 5


def test_an_unreachable_postgresql_server_is_named_as_a_connection_problem(tmp_path):
    pytest.importorskip("psycopg", reason="the PostgreSQL driver (psycopg) is not installed")
    url = f"postgresql+psycopg://nobody@/nodb?host={tmp_path}&port=5999"
    with pytest.raises(WorkspaceError, match="cannot connect to"):
        Workspace.open(url)
