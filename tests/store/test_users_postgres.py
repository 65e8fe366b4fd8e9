"""``users W setup|add|list|remove`` on a throwaway PostgreSQL cluster, and every write path
a role is allowed working under that person's own login once the database enforces the
roles (imports, stored paths, a batch's staged paths in temporary tables, reviews and
approvals, regions and people)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from store.test_postgres import pg_cluster  # noqa: F401 - the fixture

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Competency, LearnerPath, PathStep, RegionalStandard
from curriculum_tool.edit.permissions import NotAllowed
from curriculum_tool.edit.service import approve_path, review_module, save_records
from curriculum_tool.errors import CurriculumError, WorkspaceError, describe
from curriculum_tool.io import import_file
from curriculum_tool.store import Workspace
from curriculum_tool.store.audit import read_audit
from curriculum_tool.store.paths import load_paths, save_paths
from curriculum_tool.store.staging import PathStaging

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
BUDI = "199001012015011001"  # Budi Santoso, region 31; made DEMO-001's supervisor below


def _url_of(url: str, login: str) -> str:
    return url.replace("postgresql+psycopg://postgres@", f"postgresql+psycopg://{login}@")


@pytest.fixture(scope="module")
def shared(pg_cluster):  # noqa: F811 - the fixture imported above
    """The mini workspace (regions 72 > 72.71, and 31), set up by its owner; DEMO-001
    (72.71) is supervised by Budi, and has a stored path."""
    name = f"users_{uuid.uuid4().hex[:8]}"
    with pg_cluster.admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_cluster.url(name)
    with create_workspace(url, directory=MINI) as owner:
        demo = next(r for r in owner.load("learners") if r.id == "DEMO-001")
        save_records(owner, "learners", [replace(demo, supervisor=BUDI)])
        with owner.transaction() as conn:
            save_paths(conn, [_path("DEMO-001", 1.0), _path(BUDI, 1.0)])
    from curriculum_tool.cli import main

    assert main(["users", url, "setup"]) == 0
    return url


def _path(learner: str, value: float) -> LearnerPath:
    step = PathStep("LD-101", "Literasi", 1, 8, "klasikal", 0.5, value, ())
    return LearnerPath(learner, "analis-kebijakan", "72.71", (step,), (), value)


def _login() -> str:
    return f"u_{uuid.uuid4().hex[:8]}"


def _query(url: str, sql: str, **params):
    with Workspace.open(url) as owner, owner.engine.connect() as conn:
        return conn.execute(text(sql), params).all()


def _roles(url: str, login: str) -> list[tuple]:
    """``(groups of login)`` rows, none when the login does not exist."""
    return _query(
        url,
        "SELECT array(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g "
        "ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1) FROM pg_roles r "
        "WHERE r.rolname = :login",
        login=login,
    )


def _people(url: str, login: str) -> list[tuple]:
    return _query(
        url, "SELECT role, scope, active, row_version FROM people WHERE login = :l", l=login
    )


# -- the command -----------------------------------------------------------------------------


def test_users_refuses_a_sqlite_workspace_in_both_languages(workspace, workspace_path, run_cli):
    for lang, said in (("en", "is a SQLite workspace, one person's file"), ("id", "berkas milik")):
        code, out, err = run_cli("users", workspace_path, "list", "--lang", lang)
        assert (code, out) == (2, "") and said in err


@pytest.mark.postgres
@pytest.mark.parametrize(
    "login", ["Siti", 'x"; DROP TABLE people; --', "pg_siti", "ct_admin", "9lives", "a" * 64]
)
def test_a_bad_login_name_is_refused_and_nothing_is_made(shared, run_cli, login):
    roles = _roles(shared, login)  # ct_admin is a group, not a login
    code, out, err = run_cli("users", shared, "add", login, "--role", "wilayah", "--lang", "id")
    assert (code, out) == (2, "")
    assert "tidak dapat dijadikan login" in err
    assert _people(shared, login) == [] and _roles(shared, login) == roles


@pytest.mark.postgres
def test_add_refuses_an_unknown_scope_units_for_another_role_or_a_missing_password(
    shared, run_cli, monkeypatch
):
    login = _login()
    monkeypatch.delenv("CT_NO_SUCH_PASSWORD", raising=False)
    for args, said in (
        (["--role", "wilayah", "--scope", "99.99"], "no region '99.99'"),
        (["--role", "wilayah", "--units", "BPBD"], "--units is for a training officer"),
        (["--role", "pembaca", "--password-from-env", "CT_NO_SUCH_PASSWORD"], "not set"),
    ):
        code, out, err = run_cli("users", shared, "add", login, *args)
        assert (code, out) == (2, "") and said in err, err
    assert _people(shared, login) == [] and _roles(shared, login) == []


@pytest.mark.postgres
def test_add_makes_a_login_with_a_hashed_password_and_a_second_add_changes_its_role(
    shared, run_cli, monkeypatch
):
    login = _login()
    monkeypatch.setenv("CT_PASSWORD", "rahasia-sekali")
    code, out, err = run_cli(
        "users", shared, "add", login, "--role", "wilayah", "--scope", "72",
        "--name", "Siti Aminah", "--password-from-env", "CT_PASSWORD",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert f"{login} is now wilayah of 72; they connect as postgresql+psycopg://{login}@" in out
    stored = _query(shared, "SELECT rolpassword FROM pg_authid WHERE rolname = :l", l=login)
    assert stored[0][0].startswith("SCRAM-SHA-256$") and "rahasia" not in stored[0][0]
    assert _roles(shared, login) == [(["ct_wilayah"],)]
    with Workspace.open(_url_of(shared, login)) as ws:
        assert (ws.actor.role, ws.actor.scope, ws.actor.name) == ("wilayah", "72", "Siti Aminah")

    code, out, err = run_cli("users", shared, "add", login, "--role", "pengelola")
    assert (code, err) == (0, "") and "created" not in out
    assert _roles(shared, login) == [(["ct_pengelola"],)]
    assert _people(shared, login) == [("pengelola", None, True, 2)]


@pytest.mark.postgres
def test_list_masks_names_and_learner_ids_unless_unmask(shared, run_cli):
    login = _login()
    args = ["--role", "atasan", "--learner", BUDI, "--name", "Budi Santoso"]
    assert run_cli("users", shared, "add", login, *args)[0] == 0
    code, out, err = run_cli("users", shared, "list", "--lang", "id")
    assert (code, err) == (0, "")
    line = next(line for line in out.splitlines() if line.startswith(login))
    assert line.split("\t")[1:] == ["atasan", "-", "-", line.split("\t")[4], "B*** S***", "aktif"]
    assert line.split("\t")[4].startswith("ANON-") and BUDI not in out
    assert "disamarkan" in out
    code, out, _ = run_cli("users", shared, "list", "--unmask")
    line = next(line for line in out.splitlines() if line.startswith(login))
    assert line.split("\t")[4:] == [BUDI, "Budi Santoso", "active"]


@pytest.mark.postgres
def test_remove_deactivates_the_person_and_revokes_their_group(shared, run_cli):
    login = _login()
    assert run_cli("users", shared, "add", login, "--role", "wilayah", "--scope", "72")[0] == 0
    code, out, err = run_cli("users", shared, "remove", login)
    assert (code, err) == (0, "")
    assert out.strip() == f"{login} deactivated; groups revoked: ct_wilayah"
    assert _people(shared, login) == [("wilayah", "72", False, 2)]
    assert _roles(shared, login) == [([],)]
    with pytest.raises(WorkspaceError):  # the login reads nothing any more
        Workspace.open(_url_of(shared, login))
    code, out, _ = run_cli("users", shared, "list")
    assert f"{login}\twilayah\t72\t-\t-\t-\tinactive" in out
    code, _, err = run_cli("users", shared, "remove", "u_nobody", "--lang", "id")
    assert code == 2 and "u_nobody bukan orang yang terdaftar" in err


@pytest.mark.postgres
def test_only_the_owner_sets_up_and_only_an_admin_adds_people(shared, run_cli, pg_cluster):  # noqa: F811
    admin, officer, newcomer = _login(), _login(), _login()
    assert run_cli("users", shared, "add", admin, "--role", "admin")[0] == 0
    assert run_cli("users", shared, "add", officer, "--role", "wilayah", "--scope", "72")[0] == 0

    code, _, err = run_cli("users", _url_of(shared, admin), "setup", "--lang", "id")
    assert (
        code == 2
        and f"hanya pemilik tabel ruang kerja (DBA) yang dapat menjalankan setup; {admin}" in err
    )

    code, _, err = run_cli("users", _url_of(shared, officer), "add", newcomer, "--role", "admin")
    assert code == 2 and "may not change people" in err
    # an admin without the right to create logins: nothing is made, not even the row
    code, _, err = run_cli("users", _url_of(shared, admin), "add", newcomer, "--role", "pembaca")
    assert code == 2 and f"cannot create or grant the login {newcomer}" in err
    assert _people(shared, newcomer) == [] and _roles(shared, newcomer) == []
    # given that right by the DBA, they add people themselves
    with pg_cluster.admin() as conn:
        conn.execute(f'ALTER ROLE "{admin}" CREATEROLE')
        groups = ", ".join(f"ct_{r}" for r in ("pembaca", "wilayah"))
        conn.execute(f'GRANT {groups} TO "{admin}" WITH ADMIN OPTION')
    code, _, err = run_cli("users", _url_of(shared, admin), "add", newcomer, "--role", "pembaca")
    assert (code, err) == (0, "")
    assert _people(shared, newcomer) == [("pembaca", None, True, 1)]
    assert _roles(shared, newcomer) == [(["ct_pembaca"],)]


# -- each role's own write paths under its login ---------------------------------------------


def _person(shared: str, run_cli, role: str, *args: str) -> Workspace:
    login = _login()
    assert run_cli("users", shared, "add", login, "--role", role, *args)[0] == 0
    ws = Workspace.open(_url_of(shared, login))
    assert ws.actor.role == role
    return ws


def _last(ws: Workspace, table: str):
    with ws.engine.connect() as conn:
        return next(read_audit(conn, tables=[table], limit=1))


def _stored_value(ws: Workspace, learner: str) -> float:
    with ws.engine.connect() as conn:
        return next(p.expected_value for p in load_paths(conn) if p.learner == learner)


@pytest.mark.postgres
def test_a_training_officer_imports_and_stores_paths_of_their_scope(
    shared, run_cli, write_csv, mini_row
):
    ws = _person(shared, run_cli, "pengelola", "--scope", "72")
    try:
        row = mini_row("learners", 0, name="Peserta Demo 01 (revisi)", supervisor=BUDI)
        import_file(ws, "learners", write_csv("l.csv", "learners", [row]))
        assert _last(ws, "learners").actor == ws.actor.login
        with ws.transaction() as conn:
            save_paths(conn, [_path("DEMO-001", 2.0)])
        assert _stored_value(ws, "DEMO-001") == 2.0
        with PathStaging(ws) as staging:  # a batch: temporary tables of its own connection
            staging.add([_path("DEMO-001", 3.0)])
            assert staging.swap() == 1
        assert _stored_value(ws, "DEMO-001") == 3.0
        assert _last(ws, "paths").actor == ws.actor.login
        # Budi's path (region 31) is outside their scope: the database refuses the swap
        with PathStaging(ws) as staging:
            staging.add([_path(BUDI, 9.0)])
            with pytest.raises(WorkspaceError, match="row-level security"):
                staging.swap()
        assert _stored_value(ws, BUDI) == 1.0
    finally:
        ws.close()


@pytest.mark.postgres
def test_review_and_approval_under_each_login(shared, run_cli):
    officer = _person(shared, run_cli, "wilayah", "--scope", "72")
    designer = _person(shared, run_cli, "perancang")
    supervisor = _person(shared, run_cli, "atasan", "--learner", BUDI)
    admin = _person(shared, run_cli, "admin")
    try:
        review_module(officer, "PB-LOC", "review", note="siap ditinjau")
        with pytest.raises(NotAllowed):
            review_module(officer, "PB-LOC", "approved")
        review_module(designer, "PB-LOC", "approved", note="disetujui")
        entry = _last(designer, "modules")
        assert (entry.actor, entry.after["status"], entry.note) == (
            designer.actor.login,
            "approved",
            "disetujui",
        )
        approve_path(supervisor, "DEMO-001")
        assert _last(supervisor, "paths").after["approved_by"] == supervisor.actor.login
        outcome = next(o for o in supervisor.load("outcomes") if o.learner == "DEMO-001")
        save_records(supervisor, "outcomes", [replace(outcome, l4=True)])
        assert _last(supervisor, "outcomes").actor == supervisor.actor.login
        with pytest.raises(NotAllowed, match="may change only"):
            save_records(supervisor, "outcomes", [replace(outcome, l1=10)])
        region = next(r for r in admin.load("regions") if r.code == "72.71")
        save_records(admin, "regions", [replace(region, name="Kota Palu (baru)")])
        assert _last(admin, "regions").actor == admin.actor.login
    finally:
        for ws in (officer, designer, supervisor, admin):
            ws.close()


@pytest.mark.postgres
def test_a_refusal_by_the_database_is_said_in_both_languages(shared, run_cli):
    officer = _person(shared, run_cli, "wilayah", "--scope", "31")
    try:
        officer.actor = replace(officer.actor, role="admin")  # past the app's own check
        standard = RegionalStandard("72", "LITDIG", 2, "bukan wilayahnya")
        with pytest.raises(CurriculumError) as refused:
            save_records(officer, "regional_standards", [standard])
        assert "row-level security" in str(refused.value)
        assert describe(refused.value, "id").startswith("ruang kerja ")
    finally:
        officer.close()


@pytest.mark.postgres
def test_a_dba_who_is_no_superuser_sets_up_and_adds_people(pg_cluster, run_cli):  # noqa: F811
    dba, name = _login(), f"dba_{uuid.uuid4().hex[:8]}"
    with pg_cluster.admin() as conn:  # what the README asks of the server's superuser
        conn.execute(f'CREATE ROLE "{dba}" LOGIN CREATEROLE')
        conn.execute(f'CREATE DATABASE "{name}" OWNER "{dba}"')
    url = _url_of(pg_cluster.url(name), dba)
    assert run_cli("init", url, "--empty")[0] == 0
    assert run_cli("users", url, "setup")[:3:2] == (0, "")
    officer = _login()
    code, _, err = run_cli("users", url, "add", officer, "--role", "perancang")
    assert (code, err) == (0, "")
    with Workspace.open(url.replace(f"//{dba}@", f"//{officer}@")) as ws:
        assert ws.actor.role == "perancang"
        save_records(ws, "competencies", [Competency("K.01", "Kepemimpinan", "manajerial")])
        assert _last(ws, "competencies").actor == officer


@pytest.mark.postgres
def test_a_login_nobody_added_is_told_to_ask_the_admin(shared, pg_cluster):  # noqa: F811
    stranger = _login()
    with pg_cluster.admin() as conn:
        conn.execute(f'CREATE ROLE "{stranger}" LOGIN')
    with pytest.raises(WorkspaceError) as refused:
        Workspace.open(_url_of(shared, stranger))
    assert "ask the workspace's admin to add you" in str(refused.value)
    assert "minta admin ruang kerja menambahkan Anda" in describe(refused.value, "id")
