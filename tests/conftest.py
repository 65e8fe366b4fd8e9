import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from curriculum_tool.catalog import create_workspace
from curriculum_tool.cli import main as cli_main
from curriculum_tool.domain import RECORD_TYPES
from curriculum_tool.store import schema

TESTS_DIR = Path(__file__).resolve().parent
MINI_DIR = TESTS_DIR / "data" / "mini"
#: Contract kinds in dependency order (each refers only to earlier kinds).
KINDS = tuple(RECORD_TYPES)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test touches the user's real data folder, the CLI never re-raises, and it
    speaks English whatever this machine's locale (tests of the language set their own)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CURRICULUM_TOOL_HOME", str(home))
    monkeypatch.delenv("CURRICULUM_TOOL_DEBUG", raising=False)
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return home


@pytest.fixture
def mini_dir() -> Path:
    return MINI_DIR


@pytest.fixture
def workspace_path(tmp_path) -> Path:
    return tmp_path / "ws.sqlite"


@pytest.fixture
def workspace(workspace_path, mini_dir):
    """A fresh SQLite workspace seeded from tests/data/mini."""
    ws = create_workspace(workspace_path, directory=mini_dir)
    yield ws
    ws.close()


@pytest.fixture
def write_csv(tmp_path):
    """``write_csv(name, header, rows)`` → Path; ``header`` may be a kind name.

    Rows are sequences of cells or dicts keyed by column (missing columns are empty).
    """

    def write(name: str, header: Sequence[str] | str, rows=(), encoding: str = "utf-8") -> Path:
        if isinstance(header, str):
            header = RECORD_TYPES[header].COLUMNS
        header = list(header)
        path = tmp_path / name
        with open(path, "w", newline="", encoding=encoding) as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            for row in rows:
                if isinstance(row, dict):
                    row = [row.get(column, "") for column in header]
                writer.writerow(list(row))
        return path

    return write


def mini_rows(kind: str) -> list[dict[str, str]]:
    with open(MINI_DIR / f"{kind}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def mini_row():
    """``mini_row(kind, index=0, **changes)``: a row of the mini catalog with changes."""

    def make(kind: str, index: int = 0, **changes: str) -> dict[str, str]:
        return {**mini_rows(kind)[index], **changes}

    return make


def load_all(ws) -> dict[str, list]:
    return {kind: ws.load(kind) for kind in KINDS}


def table_contents(ws) -> dict[str, list[tuple]]:
    """Every row of every workspace table (through SQLAlchemy, any backend), sorted."""
    result = {}
    with ws.engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            if table is schema.meta:  # change stamps move with every write, even a no-op
                rows = [row for row in rows if not row.key.startswith("changed:")]
            result[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return result


def sqlite_file_contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a SQLite file, read with the stdlib driver."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
    finally:
        conn.close()


@pytest.fixture
def snapshot():
    """``snapshot(ws)``: everything a workspace holds, to compare before/after."""

    def take(ws):
        return {"loads": load_all(ws), "tables": table_contents(ws)}

    return take


@pytest.fixture
def run_cli(capsys):
    """``run_cli(*args)`` → (exit code, stdout, stderr) of ``curriculum_tool.cli.main``."""

    def run(*args):
        capsys.readouterr()
        code = cli_main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def sqlite_contents():
    """``sqlite_contents(path)``: every table's rows of a SQLite file (stdlib driver)."""
    return sqlite_file_contents
