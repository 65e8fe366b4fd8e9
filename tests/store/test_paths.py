"""Stored learner paths: round trip, replacement, cascades, and the schema-1 upgrade."""

import json
import sqlite3

import pytest
from sqlalchemy import func, inspect, select

from curriculum_tool.domain import RECORD_TYPES, Exclusion, LearnerPath, PathStep
from curriculum_tool.errors import WorkspaceError
from curriculum_tool.io import import_file
from curriculum_tool.store import Workspace, schema
from curriculum_tool.store.paths import load_paths, save_paths

BUDI, DEMO = "199001012015011001", "DEMO-001"
NEW_TABLES = ("paths", "path_steps", "path_exclusions", "models")


def step(module: str, jp: int, value: float = 0.5, period: int = 1, reasons=()) -> PathStep:
    return PathStep(
        module, f"Judul {module}", period, jp, "klasikal", 0.8125, value, tuple(reasons)
    )


def demo_path(**changes) -> LearnerPath:
    fields = {
        "learner": DEMO,
        "position": "analis-kebijakan",
        "region": "72.71",
        "steps": (  # deliberately not in code order
            step(
                "PB-201",
                32,
                0.92,
                2,
                [
                    "closes gap in PB-KAJI 0→2",
                    "gempa_bumi risk 0.95 in 72.71",
                    "needs PB-101 first",
                ],
            ),
            step("PB-101", 24, 0.0, 1, ["unlocks PB-201"]),
            step("LD-101", 8, 0.25, 1, []),
        ),
        "excluded": (
            Exclusion("LD-201", "needs low connectivity; learner has none"),
            Exclusion("PB-LOC", "not approved"),
            Exclusion("LD-101", "already planned, ignore"),
        ),
        "expected_value": 2.4137,
        "min_jp": 20,
        "max_jp": 80,
        "periods": 2,
        "model_name": "default",
        "model_sha256": "ab" * 32,
        "created": "2024-05-01T08:00:00+00:00",
    }
    fields.update(changes)
    return LearnerPath(**fields)


def budi_path() -> LearnerPath:
    return LearnerPath(BUDI, "analis-kebijakan", "31", (step("LD-201", 12, 1.0),), max_jp=40)


def row_counts(ws) -> dict[str, int]:
    with ws.engine.connect() as conn:
        return {
            t: conn.execute(select(func.count()).select_from(schema.tables[t])).scalar_one()
            for t in ("paths", "path_steps", "path_exclusions")
        }


def stored(ws) -> list[LearnerPath]:
    with ws.engine.connect() as conn:
        return load_paths(conn)


def test_save_and_load_round_trip(workspace):
    with workspace.transaction() as conn:
        assert save_paths(conn, [demo_path(), budi_path()]) == 2
        # visible inside the same transaction already
        assert [p.learner for p in load_paths(conn)] == [BUDI, DEMO]
    loaded = stored(workspace)
    assert loaded == [budi_path(), demo_path()]  # by learner id
    demo = loaded[1]
    assert demo.modules == ("PB-201", "PB-101", "LD-101")
    assert demo.steps[0].reasons == (
        "closes gap in PB-KAJI 0→2",
        "gempa_bumi risk 0.95 in 72.71",
        "needs PB-101 first",
    )
    assert demo.steps[2].reasons == ()
    assert [e.module for e in demo.excluded] == ["LD-201", "PB-LOC", "LD-101"]
    assert demo.total_jp == 64
    assert demo.to_json() == demo_path().to_json()
    assert row_counts(workspace) == {"paths": 2, "path_steps": 4, "path_exclusions": 3}


def test_resaving_a_learner_replaces_the_old_path(workspace):
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(), budi_path()])
    shorter = demo_path(
        steps=(step("LD-201", 12, 1.0, 1, ["new reason"]),),
        excluded=(),
        expected_value=1.0,
        max_jp=40,
        periods=1,
    )
    with workspace.transaction() as conn:
        assert save_paths(conn, [shorter]) == 1
    assert stored(workspace) == [budi_path(), shorter]
    assert row_counts(workspace) == {"paths": 2, "path_steps": 2, "path_exclusions": 0}


def test_a_reason_with_a_line_break_round_trips(workspace):
    path = demo_path(steps=(step("LD-101", 8, 1.0, 1, ["first line\nsecond line"]),))
    with workspace.transaction() as conn:
        save_paths(conn, [path])
    assert stored(workspace)[0].steps[0].reasons == ("first line\nsecond line",)


def test_saving_nothing_changes_nothing(workspace):
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path()])
    with workspace.transaction() as conn:
        assert save_paths(conn, []) == 0
    assert stored(workspace) == [demo_path()]


def test_a_failed_transaction_stores_no_path(workspace):
    with pytest.raises(RuntimeError), workspace.transaction() as conn:
        save_paths(conn, [demo_path()])
        raise RuntimeError("boom")
    assert stored(workspace) == []
    assert row_counts(workspace) == {"paths": 0, "path_steps": 0, "path_exclusions": 0}


@pytest.mark.parametrize(
    "bad",
    [
        LearnerPath("NOBODY", "analis-kebijakan", "31", (step("LD-101", 8),)),
        LearnerPath(DEMO, "analis-kebijakan", "72.71", (step("NO-SUCH", 8),)),
        LearnerPath(DEMO, "analis-kebijakan", "72.71", (), (Exclusion("NO-SUCH", "x"),)),
    ],
)
def test_paths_naming_unknown_learners_or_modules_are_refused_whole(workspace, bad):
    with workspace.transaction() as conn:
        save_paths(conn, [budi_path()])
    changed_budi = LearnerPath(BUDI, "analis-kebijakan", "31", (step("LD-101", 8),))
    with pytest.raises(WorkspaceError, match="FOREIGN KEY constraint failed"):
        with workspace.transaction() as conn:
            save_paths(conn, [changed_budi, bad])
    assert stored(workspace) == [budi_path()]


# -- cascades through import --replace ------------------------------------------------------


def _learner_rows(mini_row, *extra):
    return [mini_row("learners", 0), mini_row("learners", 1), *extra]


def test_replacing_learners_without_one_deletes_its_path(
    workspace, workspace_path, write_csv, mini_row, run_cli
):
    new = mini_row("learners", 0, id="NEW-1", name="Peserta Baru")
    code, _, err = run_cli(
        "import", workspace_path, "learners", write_csv("add.csv", "learners", [new])
    )
    assert code == 0, err
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(learner="NEW-1")])
    assert row_counts(workspace) == {"paths": 1, "path_steps": 3, "path_exclusions": 3}
    code, _, err = run_cli(
        "import",
        workspace_path,
        "learners",
        write_csv("learners.csv", "learners", _learner_rows(mini_row)),
        "--replace",
    )
    assert code == 0, err
    assert {learner.id for learner in workspace.load("learners")} == {BUDI, DEMO}
    assert stored(workspace) == []
    assert row_counts(workspace) == {"paths": 0, "path_steps": 0, "path_exclusions": 0}


def test_merging_learners_keeps_their_paths(
    workspace, workspace_path, write_csv, mini_row, run_cli
):
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(), budi_path()])
    changed = mini_row("learners", 0, name="Nama Baru", competencies="M.01:2")
    code, _, err = run_cli(
        "import", workspace_path, "learners", write_csv("learners.csv", "learners", [changed])
    )
    assert code == 0, err
    assert stored(workspace) == [budi_path(), demo_path()]


def test_replacing_learners_keeps_the_paths_of_learners_still_present(
    workspace, workspace_path, write_csv, mini_row, run_cli
):
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(), budi_path()])
    code, _, err = run_cli(
        "import",
        workspace_path,
        "learners",
        write_csv("learners.csv", "learners", _learner_rows(mini_row)),
        "--replace",
    )
    assert code == 0, err
    assert stored(workspace) == [budi_path(), demo_path()]


def test_replacing_modules_refuses_to_strand_a_stored_step(
    workspace, workspace_path, write_csv, mini_row, run_cli, snapshot
):
    from helpers import new_module_row

    code, _, err = run_cli(
        "import",
        workspace_path,
        "modules",
        write_csv("add.csv", "modules", [new_module_row("NEW-1")]),
    )
    assert code == 0, err
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(steps=(step("NEW-1", 8),))])
    before = snapshot(workspace)
    rows = [mini_row("modules", i) for i in range(5)]
    code, out, err = run_cli(
        "import", workspace_path, "modules", write_csv("modules.csv", "modules", rows), "--replace"
    )
    assert code == 2
    assert out == ""
    assert "path_steps" in err and "'NEW-1'" in err
    assert DEMO not in err  # learner ids are personal data
    assert snapshot(workspace) == before


# -- upgrades of older workspaces (versions 1, 2 and 3 → current) -----------------------------

#: What each schema version added to the one before: new tables, and new columns of tables
#: that existed (with the indexes on them). From version 4 on, the schema says so itself.
ADDED_TABLES = {
    2: NEW_TABLES,
    3: ("obligations",),
    **{
        version: tuple(
            t.name for t in reversed(schema.metadata.sorted_tables) if schema.since(t) == version
        )
        for version in (4, 5)
    },
}
ADDED_COLUMNS = {
    **{
        version: {
            t.name: tuple(c.name for c in t.columns if schema.since(c) == version)
            for t in schema.metadata.sorted_tables
            if schema.since(t) < version and any(schema.since(c) == version for c in t.columns)
        }
        for version in (4, 5)
    },
    3: {
        "modules": ("audience",),
        "job_standards": ("jenjang",),
        "learners": ("status", "unit", "supervisor"),
        "paths": ("obligations", "below_minimum"),
        "path_exclusions": ("kind", "params"),
    },
}
ADDED_INDEXES = {3: ("ix_learners_supervisor",)}


def _downgrade(path, version: int) -> dict[str, tuple[list[str], list[tuple]]]:
    """Turn a current SQLite workspace into one written by schema ``version``: drop what
    later versions added, store path reasons as version 2 wrote them ([English,
    Indonesian]). Returns each remaining table's columns and rows."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        if version < 4:  # the audit triggers and the session rows came with version 4
            triggers = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            for (trigger,) in triggers.fetchall():
                conn.execute(f'DROP TRIGGER "{trigger}"')
            conn.execute("DELETE FROM meta WHERE key LIKE 'session:%'")
        for later in range(schema.SCHEMA_VERSION, version, -1):
            for index in ADDED_INDEXES.get(later, ()):
                conn.execute(f'DROP INDEX "{index}"')
            for table in ADDED_TABLES.get(later, ()):
                conn.execute(f'DROP TABLE "{table}"')
            for table, columns in ADDED_COLUMNS.get(later, {}).items():
                for column in columns:
                    conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        if version == 2:
            steps = conn.execute("SELECT learner, pos, reasons FROM path_steps").fetchall()
            for learner, pos, reasons in steps:
                conn.execute(
                    "UPDATE path_steps SET reasons = ? WHERE learner = ? AND pos = ?",
                    (
                        json.dumps([r[:2] for r in json.loads(reasons)], ensure_ascii=False),
                        learner,
                        pos,
                    ),
                )
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
        conn.commit()
        return _raw_tables(conn)
    finally:
        conn.close()


def _raw_tables(conn) -> dict[str, tuple[list[str], list[tuple]]]:
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    result = {}
    for name in names:
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
        result[name] = (
            columns,
            sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr),
        )
    return result


def _look(path, query: str) -> list[tuple]:
    """Read a SQLite file without opening it as a workspace (which would upgrade it)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _assert_current_schema_keeping(path, old: dict[str, tuple[list[str], list[tuple]]]):
    """The file has exactly the current tables, columns and indexes, and every row the old
    file had, unchanged in the old columns (the new ones NULL)."""
    conn = sqlite3.connect(path)
    try:
        for table in schema.metadata.sorted_tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table.name}")')]
            assert sorted(columns) == sorted(c.name for c in table.columns), table.name
            indexes = {r[1] for r in conn.execute(f'PRAGMA index_list("{table.name}")')}
            assert {i.name for i in table.indexes} <= indexes, table.name
        for name, (columns, rows) in old.items():
            listed = ", ".join(f'"{c}"' for c in columns)
            where = ""
            if name == "meta":  # the one changed row; who wrote last is not data
                rows = [
                    (k, str(schema.SCHEMA_VERSION) if k == "schema_version" else v) for k, v in rows
                ]
                where = " WHERE key NOT LIKE 'session:%'"
            found = conn.execute(f'SELECT {listed} FROM "{name}"{where}').fetchall()
            assert sorted(found, key=repr) == rows, name
            for version in (3, 4):
                added = [c for c in ADDED_COLUMNS[version].get(name, ()) if c not in columns]
                for column in added:
                    default = schema.tables[name].c[column].server_default
                    value = "1" if default is not None else None  # row_version starts at 1
                    condition = "IS NOT NULL" if value is None else f"<> {value}"
                    assert conn.execute(
                        f'SELECT count(*) FROM "{name}" WHERE "{column}" {condition}'
                    ).fetchone() == (0,), (name, column)
    finally:
        conn.close()


def test_the_schema_version_is_5():
    # The upgrade tests below rebuild versions 1, 2 and 3 from what later versions added.
    assert schema.SCHEMA_VERSION == 5


def test_version_1_workspace_is_upgraded_on_open(workspace, workspace_path):
    before = {kind: workspace.load(kind) for kind in ("modules", "learners", "outcomes")}
    workspace.close()
    old = _downgrade(workspace_path, 1)
    assert not set(old) & {*NEW_TABLES, "obligations"}
    assert "audience" not in old["modules"][0] and "supervisor" not in old["learners"][0]

    with Workspace.open(workspace_path) as upgraded:
        assert upgraded.get_meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert set(NEW_TABLES) | {"obligations"} <= set(inspect(upgraded.engine).get_table_names())
        assert {kind: upgraded.load(kind) for kind in before} == before
        assert upgraded.load("obligations") == []
        with upgraded.transaction() as conn:
            save_paths(conn, [demo_path()])
        assert stored(upgraded) == [demo_path()]
    _assert_current_schema_keeping(workspace_path, old)

    # the added tables carry their foreign keys, with the cascade from learners
    fks = _look(workspace_path, "PRAGMA foreign_key_list('paths')")
    assert [(fk[2], fk[3], fk[4], fk[6]) for fk in fks] == [
        ("learners", "learner", "id", "CASCADE")
    ]
    # opening again is a no-op
    with Workspace.open(workspace_path) as again:
        assert stored(again) == [demo_path()]


def test_version_1_workspace_is_upgraded_by_a_cli_command(workspace, workspace_path, run_cli):
    path = workspace_path
    workspace.close()
    old = _downgrade(path, 1)
    code, out, err = run_cli("lint", path)
    assert code == 0, out + err
    _assert_current_schema_keeping(path, old)  # looked at without opening it


def test_version_2_workspace_is_upgraded_in_place_and_keeps_every_row(
    workspace, workspace_path, write_csv, mini_row
):
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(), budi_path()])
    before = {kind: workspace.load(kind) for kind in RECORD_TYPES if kind != "obligations"}
    workspace.close()
    old = _downgrade(workspace_path, 2)
    assert "obligations" not in old and set(NEW_TABLES) <= set(old)
    assert "kind" not in old["path_exclusions"][0]
    assert all(len(r) == 2 for row in old["path_steps"][1] for r in json.loads(row[-1]))

    with Workspace.open(workspace_path) as upgraded:
        assert upgraded.get_meta("schema_version") == str(schema.SCHEMA_VERSION)
        # Every record reads back as before: a NULL new column reads as its default.
        assert {kind: upgraded.load(kind) for kind in before} == before
        assert {(r.status, r.unit, r.supervisor) for r in upgraded.load("learners")} == {
            ("pns", "", None)
        }
        # Paths stored by version 2 load, without obligations or a below-minimum reason.
        paths = stored(upgraded)
        assert paths == [budi_path(), demo_path()]
        assert [(p.obligations, p.below_minimum) for p in paths] == [((), None)] * 2
        assert paths[1].steps[0].reasons[0] == "closes gap in PB-KAJI 0→2"
        assert [e.kind for e in paths[1].excluded] == [""] * 3
    _assert_current_schema_keeping(workspace_path, old)

    # The new columns and table take data at once, through the same checks.
    with Workspace.open(workspace_path) as again:
        import_file(
            again,
            "learners",
            write_csv(
                "l.csv",
                "learners",
                [mini_row("learners", 0, status="cpns", unit="BPBD Kota Palu", supervisor=BUDI)],
            ),
        )
        import_file(
            again,
            "obligations",
            write_csv(
                "o.csv",
                "obligations",
                [{"who": "cpns", "module": "LD-101", "regulation": "PerLAN 1/2021"}],
            ),
        )
        demo = {r.id: r for r in again.load("learners")}[DEMO]
        assert (demo.status, demo.unit, demo.supervisor) == ("cpns", "BPBD Kota Palu", BUDI)
        assert [o.key() for o in again.load("obligations")] == [("cpns", "LD-101")]
        assert stored(again) == [budi_path(), demo_path()]


def test_an_upgrade_that_fails_changes_nothing(workspace, workspace_path, monkeypatch):
    workspace.close()
    _downgrade(workspace_path, 2)
    before = sqlite_file_contents_with_columns(workspace_path)

    def fail(self, conn, key, value):
        raise RuntimeError("power cut")

    monkeypatch.setattr(Workspace, "set_meta", fail)
    with pytest.raises(RuntimeError, match="power cut"):
        Workspace.open(workspace_path)
    assert sqlite_file_contents_with_columns(workspace_path) == before


def sqlite_file_contents_with_columns(path):
    conn = sqlite3.connect(path)
    try:
        return _raw_tables(conn), sorted(
            conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall(), key=repr
        )
    finally:
        conn.close()


def test_newer_workspace_is_refused(workspace, workspace_path):
    workspace.close()
    conn = sqlite3.connect(workspace_path)
    conn.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match=r"newer curriculum-tool \(schema 6 > 5\)"):
        Workspace.open(workspace_path)


def test_two_paths_for_one_learner_in_one_save_are_refused(workspace):
    from curriculum_tool.domain import LearnerPath
    from curriculum_tool.errors import CurriculumError
    from curriculum_tool.store.paths import load_paths, save_paths

    learner = workspace.load("learners")[0]
    path = LearnerPath(learner.id, learner.position, learner.region, ())
    with pytest.raises(CurriculumError, match="more than one path"):
        with workspace.transaction() as conn:
            save_paths(conn, [path, path])
    with workspace.engine.connect() as conn:
        assert load_paths(conn) == []
