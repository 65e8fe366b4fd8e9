"""Concurrent edits lose no work: two people change the same modules at once, every edit
made from a stale read is refused to the one who made it, naming the other, and the audit
trail keeps exactly one row per edit that went through.

The PostgreSQL test runs two editors (threads, each its own ``Workspace.open`` under its
own database login, a ``perancang`` of the workspace) over a throwaway cluster, and checks
that any login can read the versions an edit form starts from; the SQLite tests check the
key behaviours quickly on one file opened twice.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from store.test_postgres import new_pg_database, pg_cluster  # noqa: F401 - fixtures

from curriculum_tool.catalog import create_workspace
from curriculum_tool.domain import Module
from curriculum_tool.domain.roles import Actor
from curriculum_tool.edit.conflicts import ConflictError
from curriculum_tool.edit.service import delete_records, save_person, save_records, versions
from curriculum_tool.errors import describe
from curriculum_tool.store import Workspace
from curriculum_tool.store.audit import read_audit
from curriculum_tool.store.policies import group_role, policy_statements

MINI = Path(__file__).resolve().parents[1] / "data" / "mini"
#: Edits each editor makes (each one retried after a conflict until it goes through).
EDITS = 1000
#: The modules both editors work on, each editor picking one at random (with its own
#: seed: the same picks every run) for each edit, so the two keep meeting on one.
CODES = tuple(f"CC-{n}" for n in range(8))


def _module(ws: Workspace, code: str) -> Module:
    return next(m for m in ws.load("modules") if m.code == code)


def _read(ws: Workspace, code: str) -> tuple[Module, int]:
    """A module as an edit form reads it: its version first, then the record, so the
    record is never older than the version a save sends back (a change in between makes
    the save a conflict, never a lost update)."""
    version = versions(ws, "modules", [code])[code]
    return _module(ws, code), version


@dataclass
class Editor:
    """One person's run: what went through, and every conflict they were told of."""

    ws: Workspace
    other: str
    seed: int
    saved: Counter[str] = field(default_factory=Counter)
    conflicts: list[ConflictError] = field(default_factory=list)
    #: (expected, stored) versions when a conflict was reported: the save did lose.
    lost_from: list[tuple[int, int]] = field(default_factory=list)

    def run(self) -> None:
        picks = random.Random(self.seed)
        for _ in range(EDITS):
            self._edit(picks.choice(CODES))

    def _edit(self, code: str) -> None:
        while True:
            module, version = _read(self.ws, code)
            try:
                save_records(
                    self.ws, "modules", [replace(module, jp=module.jp + 1)], {code: version}
                )
            except ConflictError as error:
                self.conflicts.append(error)
                self.lost_from.append((version, versions(self.ws, "modules", [code])[code]))
                continue
            self.saved[code] += 1
            return


def _setup_roles(cluster, url: str) -> None:
    """What the DBA runs once: the group roles, grants and row-level policies."""
    import psycopg

    database = make_url(url).database
    with psycopg.connect(
        host=str(cluster.socket_dir), port=cluster.port, user="postgres", dbname=database
    ) as conn:
        for statement in policy_statements():
            conn.execute(statement)


def _login(cluster, url: str, owner: Workspace, name: str) -> str:
    """A database login that is a curriculum designer of the workspace at ``url``."""
    with cluster.admin() as conn:
        conn.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE {group_role("perancang")}')
    save_person(owner, name, "perancang", name=f"Perancang {name}")
    return url.replace("postgresql+psycopg://postgres@", f"postgresql+psycopg://{name}@")


@pytest.mark.postgres
def test_two_editors_lose_no_update_and_each_conflict_names_the_other(
    pg_cluster,  # noqa: F811 - the fixture imported above
    new_pg_database,  # noqa: F811
):
    url = new_pg_database()
    create_workspace(url, directory=MINI).close()
    _setup_roles(pg_cluster, url)
    with Workspace.open(url) as owner:
        _two_editors(pg_cluster, url, owner)


def _two_editors(cluster, url: str, owner: Workspace) -> None:
    """Two designers make EDITS edits each on CODES at once; check what they left."""
    template = _module(owner, "LD-101")
    save_records(owner, "modules", [replace(template, code=c, jp=1) for c in CODES])
    suffix = uuid.uuid4().hex[:6]
    logins = [f"ed_a_{suffix}", f"ed_b_{suffix}"]
    urls = [_login(cluster, url, owner, login) for login in logins]
    start = versions(owner, "modules", list(CODES))
    with owner.engine.connect() as conn:
        first_audit = conn.execute(text("SELECT coalesce(max(id), 0) FROM audit")).scalar_one()

    workspaces = [Workspace.open(u) for u in urls]
    try:
        assert [ws.actor for ws in workspaces] == [
            Actor(login, "perancang", name=f"Perancang {login}") for login in logins
        ]
        editors = [Editor(workspaces[0], logins[1], 1), Editor(workspaces[1], logins[0], 2)]
        with ThreadPoolExecutor(max_workers=2) as pool:
            runs = [pool.submit(editor.run) for editor in editors]
            for run in runs:
                run.result(timeout=300)  # an editor's error is raised here
    finally:
        for ws in workspaces:
            ws.close()

    # Nothing lost: each module went up once per edit that went through, by either.
    assert [sum(e.saved.values()) for e in editors] == [EDITS, EDITS]
    done = {c: sum(e.saved[c] for e in editors) for c in CODES}
    assert {c: _module(owner, c).jp for c in CODES} == {c: 1 + done[c] for c in CODES}
    assert versions(owner, "modules", list(CODES)) == {c: start[c] + done[c] for c in CODES}

    # Every conflict went to the one whose save lost, and names the other person.
    assert sum(len(e.conflicts) for e in editors) > 0  # the two did overlap
    for editor in editors:
        assert all(stored > expected for expected, stored in editor.lost_from)
        for error in editor.conflicts:
            (conflict,) = error.conflicts
            assert conflict.last is not None and conflict.last.after is not None
            # the save that won is the other's, and the very one the version moved to
            assert conflict.last.actor == editor.other
            assert conflict.last.after["row_version"] == conflict.found > conflict.expected
            assert f"was changed by {editor.other}" in str(error)
            assert f"telah diubah oleh {editor.other}" in describe(error, "id")

    # One audit row per edit that went through, under its editor's login; none for a
    # refused one.
    with owner.engine.connect() as conn:
        trail = [e for e in read_audit(conn) if e.id > first_audit]
    assert Counter((e.actor, e.table, e.action) for e in trail) == {
        (login, "modules", "update"): EDITS for login in logins
    }
    for login, editor in zip(logins, editors):
        assert Counter(e.key[0] for e in trail if e.actor == login) == editor.saved
    # and each raised jp by one from the value stored then: no edit from a stale read
    assert all(e.after and e.before and e.after["jp"] == e.before["jp"] + 1 for e in trail)


@pytest.mark.postgres
def test_a_form_reads_versions_of_rows_its_reader_may_not_change(
    pg_cluster,  # noqa: F811 - the fixture imported above
    new_pg_database,  # noqa: F811
):
    """Reading versions locks nothing: a read-only login reads them (locking would need
    the right to change the rows), and a regional officer sees national modules' too
    (a lock would go through row-level security, which hides them)."""
    url = new_pg_database()
    create_workspace(url, directory=MINI).close()
    _setup_roles(pg_cluster, url)
    suffix = uuid.uuid4().hex[:6]
    readers = {f"tamu_{suffix}": ("pembaca", None), f"siti_{suffix}": ("wilayah", "72")}
    with Workspace.open(url) as owner:
        wanted = versions(owner, "modules", ["PB-101", "PB-LOC"])
        for login, (role, scope) in readers.items():
            with pg_cluster.admin() as conn:
                conn.execute(f'CREATE ROLE "{login}" LOGIN IN ROLE {group_role(role)}')
            save_person(owner, login, role, scope)
    assert set(wanted) == {"PB-101", "PB-LOC"}
    for login in readers:
        with Workspace.open(url.replace("postgres@", f"{login}@")) as reader:
            assert reader.actor.role == readers[login][0]
            assert versions(reader, "modules", ["PB-101", "PB-LOC"]) == wanted


# -- the same behaviours on SQLite (one file, two Workspace objects) -----------------------


@pytest.fixture
def two(workspace, workspace_path):
    """The mini workspace opened twice: ``dedi`` (designer) and ``ani`` (admin)."""
    first, second = workspace, Workspace.open(workspace_path)
    first.actor, second.actor = Actor("dedi", "perancang"), Actor("ani", "admin")
    yield first, second
    second.close()


def test_a_stale_save_is_refused_saying_who_when_and_what(two, snapshot):
    dedi, ani = two
    module, seen = _read(ani, "PB-201")
    save_records(dedi, "modules", [replace(_module(dedi, "PB-201"), jp=40)], {"PB-201": seen})
    before = snapshot(ani)
    with pytest.raises(ConflictError) as refused:
        save_records(ani, "modules", [replace(module, owner="BNPB/LAN")], {"PB-201": seen})
    assert snapshot(ani) == before
    (conflict,) = refused.value.conflicts
    assert (conflict.expected, conflict.found) == (seen, seen + 1)
    assert conflict.last is not None
    when = conflict.last.at[:16].replace("T", " ")
    english, indonesian = str(refused.value), describe(refused.value, "id")
    assert english.startswith(f"modules PB-201 was changed by dedi at {when} UTC (jp) ")
    assert indonesian.startswith(f"modul PB-201 telah diubah oleh dedi pada {when} UTC (jp) ")
    assert "muat ulang" in indonesian and "was changed" not in indonesian


def test_a_save_from_the_current_version_goes_through(two):
    dedi, ani = two
    module, seen = _read(ani, "PB-201")
    left = save_records(ani, "modules", [replace(module, jp=33)], {"PB-201": seen})
    assert left == versions(dedi, "modules", ["PB-201"]) == {"PB-201": seen + 1}
    # an unchanged record saved from its version writes nothing and stays at it
    left = save_records(ani, "modules", [_module(ani, "PB-201")], {"PB-201": seen + 1})
    assert left == versions(dedi, "modules", ["PB-201"]) == {"PB-201": seen + 1}
    assert _module(dedi, "PB-201").jp == 33


def test_a_record_deleted_meanwhile_says_deleted_by(two, snapshot):
    dedi, ani = two
    save_records(dedi, "competencies", [_competency("TMP.1")])
    seen = versions(ani, "competencies", ["TMP.1"])
    delete_records(dedi, "competencies", ["TMP.1"], seen)
    before = snapshot(ani)
    with pytest.raises(ConflictError) as refused:
        save_records(ani, "competencies", [_competency("TMP.1", "Dipakai lagi")], seen)
    assert snapshot(ani) == before
    assert str(refused.value).startswith("competencies TMP.1 was deleted by dedi at ")
    assert describe(refused.value, "id").startswith("kompetensi TMP.1 telah dihapus oleh dedi")


def _competency(code: str, name: str = "Sementara"):
    from curriculum_tool.domain import Competency

    return Competency(code, name, "teknis")
