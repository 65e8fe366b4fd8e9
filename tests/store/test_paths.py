"""Stored learner paths: round trip, replacement, cascades, and the schema-1 upgrade."""

import sqlite3

import pytest
from sqlalchemy import func, inspect, select

from curriculum_tool.domain import Exclusion, LearnerPath, PathStep
from curriculum_tool.errors import WorkspaceError
from curriculum_tool.store import Workspace, schema
from curriculum_tool.store.paths import load_paths, save_paths

BUDI, DEMO = "199001012015011001", "DEMO-001"
NEW_TABLES = ("paths", "path_steps", "path_exclusions", "models")


def step(module: str, jp: int, value: float = 0.5, period: int = 1, reasons=()) -> PathStep:
    return PathStep(module, f"Judul {module}", period, jp, "klasikal", 0.8125, value,
                    tuple(reasons))


def demo_path(**changes) -> LearnerPath:
    fields = dict(
        learner=DEMO, position="analis-kebijakan", region="72.71",
        steps=(  # deliberately not in code order
            step("PB-201", 32, 0.92, 2, ["closes gap in PB-KAJI 0→2",
                                         "gempa_bumi risk 0.95 in 72.71",
                                         "needs PB-101 first"]),
            step("PB-101", 24, 0.0, 1, ["unlocks PB-201"]),
            step("LD-101", 8, 0.25, 1, []),
        ),
        excluded=(Exclusion("LD-201", "needs low connectivity; learner has none"),
                  Exclusion("PB-LOC", "not approved"),
                  Exclusion("LD-101", "already planned, ignore")),
        expected_value=2.4137, min_jp=20, max_jp=80, periods=2,
        model_name="default", model_sha256="ab" * 32, created="2024-05-01T08:00:00+00:00")
    fields.update(changes)
    return LearnerPath(**fields)


def budi_path() -> LearnerPath:
    return LearnerPath(BUDI, "analis-kebijakan", "31", (step("LD-201", 12, 1.0),),
                       max_jp=40)


def row_counts(ws) -> dict[str, int]:
    with ws.engine.connect() as conn:
        return {t: conn.execute(select(func.count()).select_from(schema.tables[t])).scalar_one()
                for t in ("paths", "path_steps", "path_exclusions")}


def stored(ws) -> list[LearnerPath]:
    with ws.engine.connect() as conn:
        return load_paths(conn)


def test_save_and_load_round_trip(workspace):
    with workspace.transaction() as conn:
        assert save_paths(conn, [demo_path(), budi_path()]) == 2
        # visible inside the same transaction already
        assert [p.learner for p in load_paths(conn)] == [BUDI, DEMO]
    loaded = stored(workspace)
    assert loaded == [budi_path(), demo_path()]   # by learner id
    demo = loaded[1]
    assert demo.modules == ("PB-201", "PB-101", "LD-101")
    assert demo.steps[0].reasons == ("closes gap in PB-KAJI 0→2",
                                     "gempa_bumi risk 0.95 in 72.71", "needs PB-101 first")
    assert demo.steps[2].reasons == ()
    assert [e.module for e in demo.excluded] == ["LD-201", "PB-LOC", "LD-101"]
    assert demo.total_jp == 64
    assert demo.to_json() == demo_path().to_json()
    assert row_counts(workspace) == {"paths": 2, "path_steps": 4, "path_exclusions": 3}


def test_resaving_a_learner_replaces_the_old_path(workspace):
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(), budi_path()])
    shorter = demo_path(steps=(step("LD-201", 12, 1.0, 1, ["new reason"]),), excluded=(),
                        expected_value=1.0, max_jp=40, periods=1)
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
    with pytest.raises(RuntimeError):
        with workspace.transaction() as conn:
            save_paths(conn, [demo_path()])
            raise RuntimeError("boom")
    assert stored(workspace) == []
    assert row_counts(workspace) == {"paths": 0, "path_steps": 0, "path_exclusions": 0}


@pytest.mark.parametrize("bad", [
    LearnerPath("NOBODY", "analis-kebijakan", "31", (step("LD-101", 8),)),
    LearnerPath(DEMO, "analis-kebijakan", "72.71", (step("NO-SUCH", 8),)),
    LearnerPath(DEMO, "analis-kebijakan", "72.71", (), (Exclusion("NO-SUCH", "x"),)),
])
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


def test_replacing_learners_without_one_deletes_its_path(workspace, workspace_path, write_csv,
                                                         mini_row, run_cli):
    new = mini_row("learners", 0, id="NEW-1", name="Peserta Baru")
    code, _, err = run_cli("import", workspace_path, "learners",
                           write_csv("add.csv", "learners", [new]))
    assert code == 0, err
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(learner="NEW-1")])
    assert row_counts(workspace) == {"paths": 1, "path_steps": 3, "path_exclusions": 3}
    code, _, err = run_cli("import", workspace_path, "learners",
                           write_csv("learners.csv", "learners", _learner_rows(mini_row)),
                           "--replace")
    assert code == 0, err
    assert {learner.id for learner in workspace.load("learners")} == {BUDI, DEMO}
    assert stored(workspace) == []
    assert row_counts(workspace) == {"paths": 0, "path_steps": 0, "path_exclusions": 0}


def test_merging_learners_keeps_their_paths(workspace, workspace_path, write_csv, mini_row,
                                            run_cli):
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(), budi_path()])
    changed = mini_row("learners", 0, name="Nama Baru", competencies="M.01:2")
    code, _, err = run_cli("import", workspace_path, "learners",
                           write_csv("learners.csv", "learners", [changed]))
    assert code == 0, err
    assert stored(workspace) == [budi_path(), demo_path()]


def test_replacing_learners_keeps_the_paths_of_learners_still_present(
        workspace, workspace_path, write_csv, mini_row, run_cli):
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(), budi_path()])
    code, _, err = run_cli("import", workspace_path, "learners",
                           write_csv("learners.csv", "learners", _learner_rows(mini_row)),
                           "--replace")
    assert code == 0, err
    assert stored(workspace) == [budi_path(), demo_path()]


def test_replacing_modules_refuses_to_strand_a_stored_step(workspace, workspace_path,
                                                           write_csv, mini_row, run_cli,
                                                           snapshot):
    from helpers import new_module_row

    code, _, err = run_cli("import", workspace_path, "modules",
                           write_csv("add.csv", "modules", [new_module_row("NEW-1")]))
    assert code == 0, err
    with workspace.transaction() as conn:
        save_paths(conn, [demo_path(steps=(step("NEW-1", 8),))])
    before = snapshot(workspace)
    rows = [mini_row("modules", i) for i in range(5)]
    code, out, err = run_cli("import", workspace_path, "modules",
                             write_csv("modules.csv", "modules", rows), "--replace")
    assert code == 2
    assert out == ""
    assert "path_steps" in err and "'NEW-1'" in err
    assert DEMO not in err  # learner ids are personal data
    assert snapshot(workspace) == before


# -- schema version 1 → 2 --------------------------------------------------------------------


def _downgrade_to_version_1(path):
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        for table in ("path_steps", "path_exclusions", "paths", "models"):
            conn.execute(f'DROP TABLE "{table}"')
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        conn.commit()
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    finally:
        conn.close()
    assert not names & set(NEW_TABLES)
    assert version == "1"


def test_version_1_workspace_is_upgraded_on_open(workspace, workspace_path, snapshot):
    before = {kind: workspace.load(kind) for kind in ("modules", "learners", "outcomes")}
    workspace.close()
    _downgrade_to_version_1(workspace_path)

    with Workspace.open(workspace_path) as upgraded:
        assert upgraded.get_meta("schema_version") == str(schema.SCHEMA_VERSION) == "2"
        assert set(NEW_TABLES) <= set(inspect(upgraded.engine).get_table_names())
        assert {kind: upgraded.load(kind) for kind in before} == before
        with upgraded.transaction() as conn:
            save_paths(conn, [demo_path()])
        assert stored(upgraded) == [demo_path()]

    # the added tables carry their foreign keys, with the cascade from learners
    conn = sqlite3.connect(workspace_path)
    try:
        fks = conn.execute("PRAGMA foreign_key_list('paths')").fetchall()
        version = conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    finally:
        conn.close()
    assert [(fk[2], fk[3], fk[4], fk[6]) for fk in fks] == [("learners", "learner", "id",
                                                             "CASCADE")]
    assert version == "2"
    # opening again is a no-op
    with Workspace.open(workspace_path) as again:
        assert stored(again) == [demo_path()]


def test_version_1_workspace_is_upgraded_by_a_cli_command(workspace, workspace_path, run_cli):
    path = workspace_path
    workspace.close()
    _downgrade_to_version_1(path)
    code, out, err = run_cli("lint", path)
    assert code == 0, out + err
    conn = sqlite3.connect(path)  # look without opening (which would upgrade by itself)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    finally:
        conn.close()
    assert set(NEW_TABLES) <= names
    assert version == "2"


def test_newer_workspace_is_refused(workspace, workspace_path):
    workspace.close()
    conn = sqlite3.connect(workspace_path)
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match=r"newer curriculum-tool \(schema 3 > 2\)"):
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
