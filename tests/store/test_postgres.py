"""The same workspace scenarios on SQLite and on a throwaway PostgreSQL cluster.

The PostgreSQL cluster is started once per module in a temporary directory, listening on
a unix socket only, when ``initdb`` and ``pg_ctl`` are on PATH; otherwise the postgres
variants skip with a reason. As root (CI), the server runs as the ``postgres`` user.
"""

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers import assert_same_export, new_module_row
from sqlalchemy import create_engine, inspect, text

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import RECORD_TYPES, Exclusion, LearnerPath, Module, PathStep
from curriculum_tool.errors import CurriculumError, CycleError, ValidationError, WorkspaceError
from curriculum_tool.io import export_file, import_file
from curriculum_tool.store import Workspace, resolve_url, schema
from curriculum_tool.store.audit import AUDITED
from curriculum_tool.store.paths import load_paths, save_paths
from curriculum_tool.store.staging import PathStaging

KINDS = tuple(RECORD_TYPES)
MINI = Path(__file__).resolve().parents[1] / "data" / "mini"


# -- the throwaway cluster -----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Cluster:
    socket_dir: Path
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}&port={self.port}"

    def admin(self):
        import psycopg

        return psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user="postgres",
            dbname="postgres",
            autocommit=True,
        )


@pytest.fixture(scope="module")
def pg_cluster():
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries (initdb/pg_ctl) not installed")
    prefix: list[str] = []
    owner = None
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run initdb/pg_ctl")
        runuser = shutil.which("runuser")
        if not runuser:
            pytest.skip("running as root and runuser is not installed to run initdb/pg_ctl")
        prefix = [runuser, "-u", "postgres", "--"]
    # A short path: the unix socket's full name must fit in 107 bytes.
    base = Path(tempfile.mkdtemp(prefix="ctpg-"))
    if owner is not None:
        os.chown(base, owner.pw_uid, owner.pw_gid)
    data, log = base / "data", base / "server.log"
    port = _free_port()

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*prefix, *map(str, args)],
            check=check,
            capture_output=True,
            text=True,
            timeout=120,
            cwd=base,
        )

    try:
        run(
            initdb,
            "-D",
            data,
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        run(
            pg_ctl,
            "-D",
            data,
            "-l",
            log,
            "-w",
            "-t",
            "60",
            "-o",
            f"-k {base} -c listen_addresses='' -p {port} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off",
            "start",
        )
    except subprocess.CalledProcessError as error:
        server_log = log.read_text(errors="replace") if log.exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        pytest.fail(f"could not start a PostgreSQL cluster: {error.stderr}\n{server_log}")
    try:
        yield Cluster(base, port)
    finally:
        run(pg_ctl, "-D", data, "-m", "immediate", "stop", check=False)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def new_pg_database(pg_cluster):
    """``new_pg_database(options="")`` → URL of a fresh, empty database."""

    def make(options: str = "") -> str:
        name = f"ws_{uuid.uuid4().hex[:12]}"
        with pg_cluster.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" {options}')
        return pg_cluster.url(name)

    return make


@dataclass
class Backend:
    name: str
    dialect: str
    new_target: Callable[[], str]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request, tmp_path):
    if request.param == "sqlite":
        counter = itertools.count()
        return Backend(
            "sqlite", "sqlite", lambda: str(tmp_path / f"backend-{next(counter)}.sqlite")
        )
    return Backend("postgres", "postgresql", request.getfixturevalue("new_pg_database"))


@pytest.fixture
def seeded(backend):
    """A workspace seeded from tests/data/mini on the backend, and its target."""
    target = backend.new_target()
    ws = create_workspace(target, directory=MINI)
    yield ws, target
    ws.close()


# -- helpers -------------------------------------------------------------------------------


def _without_meta(tables):
    """The data alone: not the workspace's own bookkeeping, nor when each row was written
    (two workspaces seeded a moment apart)."""
    return {name: rows for name, rows in tables.items() if name not in ("meta", "audit")}


def _export_all(ws, folder: Path, suffix: str) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for kind in KINDS:
        paths[kind] = folder / f"{kind}{suffix}"
        export_file(ws, kind, paths[kind], unmask=True)
    return paths


# -- shared scenarios ----------------------------------------------------------------------


def test_seeded_workspace_loads_like_sqlite(seeded, backend, workspace, snapshot):
    ws, _ = seeded
    assert ws.dialect == backend.dialect
    for kind in KINDS:
        assert ws.load(kind) == workspace.load(kind), kind
        assert ws.count(kind) == workspace.count(kind)
    assert _without_meta(snapshot(ws)["tables"]) == _without_meta(snapshot(workspace)["tables"])


def test_reopen_through_the_target(seeded):
    ws, target = seeded
    with Workspace.open(target) as again:
        assert again.load("modules") == ws.load("modules")
        assert again.get_meta("pseudonym_key") == ws.get_meta("pseudonym_key")


def test_create_refuses_an_existing_workspace(seeded, snapshot):
    ws, target = seeded
    before = snapshot(ws)
    with pytest.raises(WorkspaceError, match="already"):
        create_workspace(target, empty=True)
    assert snapshot(ws) == before


def test_failed_seed_leaves_nothing_behind(backend, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "competencies.csv").write_bytes((MINI / "competencies.csv").read_bytes())
    (broken / "modules.csv").write_text(
        (MINI / "modules.csv").read_text(encoding="utf-8").replace("LITDIG:1", "NOPE:1"),
        encoding="utf-8",
    )
    target = backend.new_target()
    with pytest.raises(ValidationError, match="modules.csv:2:competencies: unknown competency"):
        create_workspace(target, directory=broken)
    if backend.name == "sqlite":
        assert not Path(target).exists()
    else:
        engine = create_engine(target)
        try:
            assert inspect(engine).get_table_names() == []
        finally:
            engine.dispose()
    with create_workspace(target, directory=MINI) as ws:
        assert ws.count("modules") == 5


def test_open_something_that_is_not_a_workspace(backend):
    target = backend.new_target()
    if backend.name == "sqlite":
        import sqlite3

        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    with pytest.raises(WorkspaceError, match="is not a curriculum-tool workspace"):
        Workspace.open(target)


def test_failing_import_changes_nothing(seeded, write_csv, run_cli, snapshot):
    ws, target = seeded
    path = write_csv(
        "modules.csv",
        "modules",
        [
            new_module_row("LD-101", jp="10"),  # 2 valid update
            new_module_row("NEW-A", jp="0"),  # 3
            new_module_row("NEW-B"),  # 4 valid
            new_module_row("NEW-C", competencies="NOPE:1"),  # 5
            new_module_row("NEW-D", level="9"),  # 6
        ],
    )
    before = snapshot(ws)
    code, out, err = run_cli("import", target, "modules", path)
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        "modules.csv:3:jp: jp 0 is outside 1–400",
        "modules.csv:5:competencies: unknown competency 'NOPE'; add it to competencies first",
        "modules.csv:6:level: level 9 is outside 1–5",
    ]
    assert snapshot(ws) == before


def test_replace_leaving_dangling_references_changes_nothing(seeded, write_csv, snapshot):
    ws, _ = seeded
    path = write_csv(
        "competencies.csv",
        "competencies",
        [{"code": "M.01", "name": "Integritas", "group": "manajerial"}],
    )
    before = snapshot(ws)
    with pytest.raises(ValidationError) as info:
        import_file(ws, "competencies", path, replace=True)
    text = info.value.report()
    assert "still refer to competency 'LITDIG'" in text
    assert "still refer to competency 'PB-KAJI'" in text
    assert all(p.row == 1 and p.column == "code" for p in info.value.problems)
    assert snapshot(ws) == before


def test_cycle_is_refused(seeded, write_csv, snapshot):
    ws, _ = seeded
    path = write_csv(
        "prerequisites.csv",
        "prerequisites",
        [
            {"module": "PB-LOC", "requires": "PB-201", "kind": "soft"},
            {"module": "PB-101", "requires": "PB-LOC", "kind": "soft"},
        ],
    )
    before = snapshot(ws)
    with pytest.raises(CycleError) as info:
        import_file(ws, "prerequisites", path)
    assert info.value.cycle == ["PB-101", "PB-LOC", "PB-201", "PB-101"]
    assert str(info.value) == (
        "prerequisites.csv:2:requires: prerequisite cycle PB-101 → PB-LOC → PB-201 → PB-101; "
        "remove one of these edges"
    )
    assert snapshot(ws) == before


def test_region_parent_cycle_is_refused(seeded, write_csv, snapshot):
    ws, _ = seeded
    path = write_csv(
        "regions.csv",
        "regions",
        [
            {
                "code": "72",
                "name": "Sulawesi Tengah",
                "parent": "72.71",
                "connectivity": "low",
                "is_3t": "1",
            }
        ],
    )
    before = snapshot(ws)
    with pytest.raises(CycleError) as info:
        import_file(ws, "regions", path)
    assert info.value.cycle == ["72", "72.71", "72"]
    assert snapshot(ws) == before


def test_merge_updates_lists_and_adds(seeded, write_csv):
    ws, _ = seeded
    path = write_csv(
        "modules.csv",
        "modules",
        [
            new_module_row("LD-101", jp="10", competencies="M.01:1;PB-KAJI:1", hazards="banjir"),
            new_module_row("NEW-1"),
        ],
    )
    summary = import_file(ws, "modules", path)
    assert (summary.added, summary.updated) == (1, 1)
    modules = {m.code: m for m in ws.load("modules")}
    assert len(modules) == 6
    assert modules["LD-101"].jp == 10
    assert modules["LD-101"].competencies == (("M.01", 1), ("PB-KAJI", 1))
    assert modules["LD-101"].hazards == ("banjir",)
    assert modules["PB-201"].competencies == (("PB-KAJI", 2), ("M.01", 2))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_export_is_identical_to_sqlites(seeded, backend, workspace, tmp_path, suffix):
    ws, _ = seeded
    reference = _export_all(workspace, tmp_path / "sqlite", suffix)
    first = _export_all(ws, tmp_path / "first", suffix)
    for kind in KINDS:
        assert_same_export(reference[kind], first[kind])
    with create_workspace(backend.new_target(), empty=True) as fresh:
        for kind in KINDS:
            import_file(fresh, kind, first[kind])
        second = _export_all(fresh, tmp_path / "second", suffix)
        for kind in KINDS:
            assert fresh.load(kind) == ws.load(kind)
    for kind in KINDS:
        assert_same_export(first[kind], second[kind])


def test_merge_without_optional_columns_keeps_stored_values(seeded, write_csv, mini_row):
    ws, _ = seeded
    import_file(
        ws,
        "learners",
        write_csv(
            "l.csv",
            "learners",
            [
                mini_row(
                    "learners",
                    0,
                    status="cpns",
                    unit="BPBD Kota Palu",
                    supervisor="199001012015011001",
                )
            ],
        ),
    )
    header = [c for c in RECORD_TYPES["learners"].COLUMNS if c not in ("status", "supervisor")]
    summary = import_file(
        ws,
        "learners",
        write_csv(
            "m.csv",
            header,
            [
                mini_row("learners", 0, unit="Bappeda Kota Palu"),
                {
                    "id": "NEW-L",
                    "name": "Siti",
                    "position": "analis-kebijakan",
                    "region": "31",
                    "digital_literacy": "1",
                },
            ],
        ),
    )
    assert (summary.added, summary.updated) == (1, 1)
    learners = {r.id: r for r in ws.load("learners")}
    assert (
        learners["DEMO-001"].status,
        learners["DEMO-001"].unit,
        learners["DEMO-001"].supervisor,
    ) == ("cpns", "Bappeda Kota Palu", "199001012015011001")
    assert (learners["NEW-L"].status, learners["NEW-L"].supervisor) == ("pns", None)


def test_a_named_supervisor_cannot_be_deleted(seeded, write_csv, mini_row, snapshot):
    from helpers import assert_named_supervisor_cannot_be_deleted

    assert_named_supervisor_cannot_be_deleted(seeded[0], write_csv, mini_row, snapshot)


def test_replacing_modules_under_an_obligation_is_refused(seeded, write_csv, mini_row, snapshot):
    ws, _ = seeded
    before = snapshot(ws)
    with pytest.raises(ValidationError) as info:
        import_file(
            ws,
            "modules",
            write_csv("m.csv", "modules", [mini_row("modules", i) for i in range(4)]),
            replace=True,
        )
    assert [str(p) for p in info.value.problems] == [
        "m.csv:1:code: 1 row of obligations (e.g. pengawas) still refers to module 'PB-LOC', "
        "which is not in modules (--replace would leave it dangling)"
    ]
    assert snapshot(ws) == before


#: What schema version 3 added to version 2 (tables, columns of existing tables, indexes),
#: and what version 2 added to version 1.
V3_COLUMNS = {
    "modules": ("audience",),
    "job_standards": ("jenjang",),
    "learners": ("status", "unit", "supervisor"),
    "paths": ("obligations", "below_minimum"),
    "path_exclusions": ("kind", "params"),
}
V2_TABLES = ("path_steps", "path_exclusions", "paths", "models")


def _downgrade(target: str, version: int) -> None:
    """Make ``target`` a workspace as schema ``version`` wrote it (on either engine)."""
    engine = create_engine(resolve_url(target))
    try:
        with engine.begin() as conn:
            _drop_version_4(conn)
            conn.exec_driver_sql('DROP INDEX "ix_learners_supervisor"')
            conn.exec_driver_sql('DROP TABLE "obligations"')
            for table, columns in V3_COLUMNS.items():
                for column in columns:
                    conn.exec_driver_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
            if version == 1:
                for table in V2_TABLES:
                    conn.exec_driver_sql(f'DROP TABLE "{table}"')
            conn.exec_driver_sql(
                f"UPDATE meta SET value = '{version}' WHERE key = 'schema_version'"
            )
    finally:
        engine.dispose()


def _drop_version_4(conn) -> None:
    """Take away what version 4 added: the audit triggers, its tables and columns."""
    if conn.dialect.name == "sqlite":
        triggers = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        for (name,) in triggers.fetchall():
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    else:
        for table in AUDITED:
            conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "audit_{table}" ON "{table}"')
    for table in reversed(schema.metadata.sorted_tables):
        if schema.since(table) == 4:
            conn.exec_driver_sql(f'DROP TABLE "{table.name}"')
        else:
            for column in table.columns:
                if schema.since(column) == 4:
                    conn.exec_driver_sql(f'ALTER TABLE "{table.name}" DROP COLUMN "{column.name}"')
    conn.execute(text("DELETE FROM meta WHERE key LIKE 'session:%'"))


def _columns(target: str) -> dict[str, set[str]]:
    engine = create_engine(resolve_url(target))
    try:
        found = inspect(engine)
        return {
            t: {c["name"] for c in found.get_columns(t)}
            | {f"index {i['name']}" for i in found.get_indexes(t)}
            for t in found.get_table_names()
        }
    finally:
        engine.dispose()


@pytest.mark.parametrize("version", [1, 2])
def test_older_workspace_is_upgraded_in_place(backend, version, write_csv, mini_row):
    target = backend.new_target()
    with create_workspace(target, directory=MINI) as ws:
        current = _columns(target)
        before = {kind: ws.load(kind) for kind in KINDS if kind != "obligations"}
    _downgrade(target, version)
    old = _columns(target)
    assert "obligations" not in old and "audience" not in old["modules"]
    assert ("paths" in old) == (version == 2)
    with Workspace.open(target) as ws:
        assert ws.get_meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert _columns(target) == current  # every table, column and index of version 3
        assert {kind: ws.load(kind) for kind in before} == before
        assert ws.load("obligations") == []
        import_file(
            ws,
            "learners",
            write_csv(
                "l.csv",
                "learners",
                [mini_row("learners", 0, status="pppk", supervisor="199001012015011001")],
            ),
        )
        assert {r.id: r.supervisor for r in ws.load("learners")}["DEMO-001"] == "199001012015011001"
    with Workspace.open(target) as again:  # a second open has nothing to do
        assert again.get_meta("schema_version") == str(schema.SCHEMA_VERSION)


def test_two_users_opening_an_old_workspace_at_once_both_get_in(backend):
    # A shared BPSDM database after a tool update: whoever opens second waits for the first
    # upgrade, then finds nothing left to do.
    url = backend.new_target()
    create_workspace(url, directory=MINI).close()
    _downgrade(url, 2)
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_it() -> None:
        barrier.wait()
        try:
            Workspace.open(url).close()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    with Workspace.open(url) as ws:
        assert ws.get_meta("schema_version") == str(schema.SCHEMA_VERSION)
        assert ws.count("modules") == 5


def test_readers_never_wait_and_a_second_writer_is_told_since_when(
    seeded, write_csv, run_cli, tmp_path, monkeypatch
):
    ws, target = seeded
    second = write_csv("second.csv", "modules", [new_module_row("SECOND-1")])
    monkeypatch.setenv("CURRICULUM_TOOL_BUSY_TIMEOUT", "0.2")  # for the CLI's workspaces
    began = datetime.now().replace(second=0, microsecond=0)
    with ws.transaction() as conn:
        ws.write(conn, "modules", [Module.from_row(new_module_row("HELD-1"))])
        code, _, err = run_cli("export", target, "modules", tmp_path / "m.csv")
        assert (code, err) == (0, "")
        assert "HELD-1" not in (tmp_path / "m.csv").read_text(encoding="utf-8")
        code, out, err = run_cli("import", target, "modules", second)
        ended = datetime.now()
    minutes = {
        f"{began + timedelta(minutes=n):%H:%M}"
        for n in range(int((ended - began).total_seconds() // 60) + 1)
    }
    assert (code, out) == (2, "")
    assert err in {
        f"error: workspace is busy: another process is writing (since {hhmm}); try again\n"
        for hhmm in minutes
    }
    codes = [m.code for m in ws.load("modules")]
    assert "HELD-1" in codes and "SECOND-1" not in codes


# -- PostgreSQL only -----------------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_workspace_through_the_cli(new_pg_database, tmp_path, run_cli):
    url = new_pg_database()
    code, out, err = run_cli("init", url, "--empty")
    assert (code, err) == (0, "")
    assert "created empty workspace" in out
    for kind in KINDS:
        code, out, err = run_cli("import", url, kind, MINI / f"{kind}.csv")
        assert (code, err) == (0, ""), err
    code, _, err = run_cli("export", url, "learners", tmp_path / "learners.csv")
    assert (code, err) == (0, "")
    assert "199001012015011001" not in (tmp_path / "learners.csv").read_text(encoding="utf-8")


@pytest.mark.postgres
def test_export_order_does_not_depend_on_the_database_collation(
    new_pg_database, workspace, write_csv, tmp_path
):
    # A shared BPSDM server is usually initialised with a linguistic locale (en_US, id_ID);
    # the contract's files must not change order with it.
    try:
        url = new_pg_database("TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'")
    except Exception as error:  # noqa: BLE001 - a server built without ICU
        pytest.skip(f"this PostgreSQL cannot create an ICU-collated database: {error}")
    path = write_csv(
        "competencies.csv",
        "competencies",
        [
            {"code": code, "name": f"Kompetensi {code}", "group": "teknis"}
            for code in ("ab", "AC", "B1", "b-2", "a_1", "Z9")
        ],
    )
    with (
        create_workspace(tmp_path / "sqlite.sqlite", empty=True) as lite,
        create_workspace(url, empty=True) as pg,
    ):
        import_file(lite, "competencies", path)
        import_file(pg, "competencies", path)
        export_file(lite, "competencies", tmp_path / "lite.csv")
        export_file(pg, "competencies", tmp_path / "pg.csv")
        keys = [r.key() for r in pg.load("competencies")]
    assert keys == sorted(keys)
    assert (tmp_path / "pg.csv").read_bytes() == (tmp_path / "lite.csv").read_bytes()


# -- staged paths (an agency batch) ---------------------------------------------------------


def _path(learner: str, module: str, value: float) -> LearnerPath:
    from curriculum_tool.domain.reasons import Reason

    step = PathStep(module, "judul", 1, 8, "klasikal", 0.5, value, (Reason.of("completed"),))
    excluded = (Exclusion("LD-201", Reason.of("completed")),)
    return LearnerPath(learner, "analis-kebijakan", "72.71", (step,), excluded, value)


def _stored(ws) -> dict[str, tuple]:
    with ws.engine.connect() as conn:
        return {
            p.learner: (p.expected_value, tuple(s.module for s in p.steps), len(p.excluded))
            for p in load_paths(conn)
        }


def _with_one_stored_path(ws) -> dict[str, tuple]:
    """Store DEMO-001's path (LD-101, value 1) and return what is stored."""
    with ws.transaction() as conn:
        save_paths(conn, [_path("DEMO-001", "LD-101", 1.0)])
    return _stored(ws)


def test_staged_paths_replace_the_stored_ones_only_on_swap(seeded):
    ws, target = seeded
    before = _with_one_stored_path(ws)
    with PathStaging(ws) as staging:
        staging.add([_path("DEMO-001", "LD-201", 2.0)])
        staging.add([_path("199001012015011001", "LD-101", 3.0)])
        # Staged rows take no lock: another writer gets in at once and sees the old paths.
        with Workspace.open(target) as other, other.transaction() as conn:
            assert {p.learner for p in load_paths(conn)} == {"DEMO-001"}
        assert _stored(ws) == before
        assert staging.swap() == 2
    assert _stored(ws) == {
        "DEMO-001": (2.0, ("LD-201",), 1),
        "199001012015011001": (3.0, ("LD-101",), 1),
    }


def test_staging_closed_without_swap_changes_nothing_and_leaves_no_tables(seeded):
    ws, _ = seeded
    before = _with_one_stored_path(ws)
    with PathStaging(ws) as staging:
        staging.add([_path("DEMO-001", "LD-201", 5.0)])
        with pytest.raises(CurriculumError, match="already staged"):
            staging.add([_path("DEMO-001", "LD-101", 6.0)])
    assert _stored(ws) == before
    with PathStaging(ws) as again:  # a pooled connection would still hold the old tables
        again.add([_path("DEMO-001", "LD-201", 7.0)])
        again.swap()
    assert _stored(ws)["DEMO-001"] == (7.0, ("LD-201",), 1)
