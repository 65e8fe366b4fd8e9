"""A workspace written by an earlier release opens, migrates in place and keeps every row;
from then on each change raises its record's version and leaves an audit row.

``tests/data/workspace_v3.sqlite.gz`` was made by the release before schema version 4
(commit 072ead6): ``init``, 25 simulated learners and their 260 outcomes imported, then a
``batch`` that stored 66 paths.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from curriculum_tool.domain.roles import Actor
from curriculum_tool.io.importer import import_file
from curriculum_tool.store import Workspace, schema
from curriculum_tool.store.audit import read_audit
from curriculum_tool.store.closure import within

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "workspace_v3.sqlite.gz"


@pytest.fixture
def v3_path(tmp_path) -> Path:
    path = tmp_path / "old.sqlite"
    with gzip.open(FIXTURE) as packed, path.open("wb") as out:
        shutil.copyfileobj(packed, out)
    return path


def _rows(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        found = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = conn.execute(f'SELECT {listed} FROM "{table}"').fetchall()
            found[table] = (columns, sorted(rows, key=repr))
        return found
    finally:
        conn.close()


def test_a_version_3_workspace_migrates_in_place_and_keeps_every_row(v3_path):
    before = _rows(v3_path)
    assert before["meta"][1] and dict(before["meta"][1])["schema_version"] == "3"
    assert len(before["paths"][1]) == 66 and len(before["outcomes"][1]) == 260

    with Workspace.open(v3_path) as workspace:
        assert workspace.get_meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert workspace.backup is not None and workspace.backup.exists()
        with workspace.engine.connect() as conn:
            palu = within(conn, "72")
        assert {"72", "72.71"} <= palu  # the region chain is filled from the regions

    after = _rows(v3_path)
    for table, (columns, rows) in before.items():
        listed = after[table][0]
        kept = [tuple(row[listed.index(c)] for c in columns) for row in after[table][1]]
        if table == "meta":
            rows = [r for r in rows if r[0] != "schema_version"]
            kept = [r for r in kept if r[0] != "schema_version" and not r[0].startswith("session:")]
        assert sorted(kept, key=repr) == rows, table
    # every record starts at version 1; the migration changed no data, so audited nothing
    for table in schema.EDITABLE:
        if table in before:
            versions = {row[after[table][0].index("row_version")] for row in after[table][1]}
            assert versions <= {1}, table
    assert after["audit"][1] == []
    # the copy beside it is the workspace as it was
    assert _rows(workspace.backup) == before


def test_changes_after_the_migration_are_versioned_and_audited(v3_path, tmp_path):
    with Workspace.open(v3_path) as workspace:
        workspace.actor = Actor("siti", "admin")
        module = next(m for m in workspace.load("modules") if m.code == "PB-201")
        csv = tmp_path / "modules.csv"
        export = __import__("curriculum_tool.io.exporter", fromlist=["export_file"])
        export.export_file(workspace, "modules", csv)
        import_file(workspace, "modules", csv)  # the same rows again: nothing changes
        with workspace.engine.connect() as conn:
            assert list(read_audit(conn)) == []

        text = csv.read_text(encoding="utf-8").replace(module.title, module.title + " (revisi)")
        csv.write_text(text, encoding="utf-8")
        import_file(workspace, "modules", csv)
        with workspace.engine.connect() as conn:
            entries = list(read_audit(conn))
            version = conn.execute(
                schema.modules.select().where(schema.modules.c.code == "PB-201")
            ).one()
        assert [(e.actor, e.role, e.table, e.key, e.action) for e in entries] == [
            ("siti", "admin", "modules", ("PB-201",), "update")
        ]
        assert entries[0].changed() == ["title", "row_version"]
        assert entries[0].after["title"].endswith("(revisi)")
        assert version.row_version == 2


def test_paths_and_models_of_an_older_workspace_get_their_plan_year_and_state(v3_path):
    with Workspace.open(v3_path) as workspace, workspace.engine.connect() as conn:
        paths = conn.execute(
            select(schema.paths.c.created, schema.paths.c.plan_year, schema.paths.c.plan_version)
        ).all()
        models = conn.execute(select(schema.models.c.active, schema.models.c.state)).all()
    assert len(paths) == 66
    assert {(year, version) for created, year, version in paths} == {
        (int(created[:4]), 1) for created, _, _ in paths
    }
    assert models and {(active, state) for active, state in models} <= {
        (True, "active"),
        (False, "retired"),
    }
