"""PostgreSQL enforces the roles itself: a person's own login writes only what
:data:`~curriculum_tool.domain.roles.WRITES` gives their role, in their scope, whatever
route the write takes, and the audit trail names them and cannot be changed.

The fuzzed test draws people of every role with random scopes among the default
workspace's regions (``users W add``), then random edits of modules (national and local),
regional standards, learners, outcomes, path approvals, regions and people. Each edit goes
one of three ways under the person's own login: through the edit service (a
``Workspace`` opened with their URL), through the edit service told that they are an
admin (so only the database stands in the way), or as raw SQL. An oracle written from
``WRITES`` and the regions' parent links (not from ``region_closure``) says whether the
edit is allowed: an allowed one must be written with an audit row naming the login; any
other must change nothing and leave no audit row. The seed is ``CT_ROLES_SEED`` (default
16), printed with every failure.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError
from store.test_postgres import pg_cluster  # noqa: F401 - the fixture

from curriculum_tool.catalog import create_workspace
from curriculum_tool.cli import main as cli_main
from curriculum_tool.domain import LearnerPath, Outcome, PathStep, RegionalStandard
from curriculum_tool.domain.roles import (
    COLUMNS,
    EVERYWHERE,
    IN_SCOPE,
    STATUS_LIMIT,
    WRITES,
    Actor,
)
from curriculum_tool.domain.vocab import STATUSES
from curriculum_tool.edit.permissions import NotAllowed
from curriculum_tool.edit.service import approve_path, delete_records, save_person, save_records
from curriculum_tool.errors import CurriculumError, describe
from curriculum_tool.store import Workspace, schema
from curriculum_tool.store.audit import AUDITED
from curriculum_tool.store.paths import save_paths

SEED = int(os.environ.get("CT_ROLES_SEED", "16"))
#: Edits each person attempts in the fuzzed test.
ATTEMPTS = 60
#: Columns a write sets to "now": not compared.
VOLATILE = {"approved_at", "reviewed_at", "row_version"}
DAY = dt.date(2024, 1, 15)


@dataclass
class Person:
    actor: Actor  # who the database should take them for
    url: str
    ws: Workspace | None = None

    @property
    def login(self) -> str:
        return self.actor.login


@dataclass
class Shared:
    url: str
    owner: Workspace
    people: list[Person] = field(default_factory=list)

    def person(self, role: str) -> Person:
        return next(p for p in self.people if p.actor.role == role)


def _url_of(url: str, login: str) -> str:
    return url.replace("postgresql+psycopg://postgres@", f"postgresql+psycopg://{login}@")


def _cli(*args: object) -> int:
    return cli_main([str(a) for a in args])


def _seed_paths_and_outcomes(owner: Workspace) -> None:
    """An outcome and a stored path for every learner: what atasan and pengelola edit."""
    learners = owner.load("learners")
    save_records(owner, "outcomes", [Outcome(r.id, "LD-101", DAY, True) for r in learners])
    step = PathStep("LD-101", "Literasi", 1, 8, "klasikal", 0.5, 1.0, ())
    paths = [LearnerPath(r.id, r.position, r.region, (step,)) for r in learners]
    with owner.transaction() as conn:
        save_paths(conn, paths)


def _chain(region: str, parents: dict[str, str | None]) -> list[str]:
    """``region`` and its ancestors, walked from the regions' parents."""
    chain: list[str] = []
    at: str | None = region
    while at is not None and at not in chain:
        chain.append(at)
        at = parents.get(at)
    return chain


@pytest.fixture(scope="module")
def shared(pg_cluster):  # noqa: F811 - the fixture imported above
    """The default workspace, set up by its owner, with people of every role added by
    ``users W add`` and each one's workspace opened under their own login."""
    rng = random.Random(SEED)
    name = f"roles_{uuid.uuid4().hex[:8]}"
    with pg_cluster.admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_cluster.url(name)
    owner = create_workspace(url)
    _seed_paths_and_outcomes(owner)
    assert _cli("users", url, "setup") == 0
    assert _cli("users", url, "setup") == 0  # idempotent
    regions = [r.code for r in owner.load("regions")]
    learners = owner.load("learners")
    supervisors = sorted({r.supervisor for r in learners if r.supervisor})
    suffix = uuid.uuid4().hex[:4]
    plan: list[tuple[str, str | None, tuple[str, ...], str | None]] = [("admin", None, (), None)]
    plan.append(("perancang", None, (), None))
    plan += [("wilayah", rng.choice(regions), (), None) for _ in range(3)]
    # a training officer's scope holds learners (a region with none gives them nothing to do)
    parents = {r.code: r.parent for r in owner.load("regions")}
    peopled = sorted({a for r in learners for a in _chain(r.region, parents)})
    plan += [("pengelola", rng.choice(peopled), (), None) for _ in range(2)]
    unit_holder = rng.choice([r for r in learners if r.unit])
    plan.append(("pengelola", unit_holder.region, (unit_holder.unit,), None))
    plan += [("atasan", None, (), learner) for learner in rng.sample(supervisors, 2)]
    plan.append(("pembaca", None, (), None))
    people = []
    for n, (role, scope, units, learner) in enumerate(plan):
        login = f"{role[:3]}{n}_{suffix}"
        args = ["users", url, "add", login, "--role", role, "--name", f"Orang {n}"]
        args += ["--scope", scope] if scope else []
        args += ["--units", ";".join(units)] if units else []
        args += ["--learner", learner] if learner else []
        assert _cli(*args) == 0, args
        actor = Actor(login, role, scope, units, learner, f"Orang {n}")
        people.append(Person(actor, _url_of(url, login)))
    # A login in a group but without a people row: it reads only.
    stray = f"stray_{suffix}"
    with pg_cluster.admin() as conn:
        conn.execute(f'CREATE ROLE "{stray}" LOGIN IN ROLE ct_wilayah')
    people.append(Person(Actor(stray, "pembaca"), _url_of(url, stray)))
    for person in people:
        person.ws = Workspace.open(person.url)
    yield Shared(url, owner, people)
    for person in people:
        if person.ws is not None:
            person.ws.close()
    owner.close()


# -- the oracle: WRITES, and the region chain walked from the regions' parents -------------


class View:
    """What the owner reads now: each learner, and each region's ancestors."""

    def __init__(self, owner: Workspace):
        parents = {r.code: r.parent for r in owner.load("regions")}
        self.ancestors = {code: set(_chain(code, parents)) for code in parents}
        self.learners = {r.id: r for r in owner.load("learners")}

    def region(self, table: str, row: dict[str, Any]) -> str | None:
        if table == "modules":
            return row["scope_region"]
        if table in ("outcomes", "paths"):
            return self.learners[row["learner"]].region
        return row.get("region")

    def unit(self, table: str, row: dict[str, Any]) -> str | None:
        if table == "learners":
            return row["unit"]
        return self.learners[row["learner"]].unit or None

    def supervisor(self, row: dict[str, Any]) -> str | None:
        return self.learners[row["learner"]].supervisor

    def allowed(self, actor: Actor, table: str, before: dict | None, after: dict | None) -> bool:
        where = WRITES[actor.role].get(table)
        if where is None:
            return False
        columns = COLUMNS.get((actor.role, table))
        if columns is not None:
            if before is None or after is None:
                return False
            if any(before[c] != after[c] for c in after if c not in columns):
                return False
        limit = STATUS_LIMIT.get(actor.role)
        if table == "modules" and limit and after is not None and _beyond(after, limit):
            return False
        if where == EVERYWHERE:
            return True
        for row in (r for r in (before, after) if r is not None):
            if where == IN_SCOPE:
                region = self.region(table, row)
                if region is None:
                    return False
                if actor.scope is not None and actor.scope not in self.ancestors[region]:
                    return False
                if actor.units and self.unit(table, row) not in actor.units:
                    return False
            elif self.supervisor(row) != actor.learner:
                return False
        return True


def _beyond(module: dict[str, Any], limit: str) -> bool:
    return STATUSES.index(module["status"]) > STATUSES.index(limit)


# -- edits ---------------------------------------------------------------------------------


@dataclass
class Edit:
    """One change of one row: the row's key, its values before (None: added) and the
    values it is given (None: deleted), and how the edit service makes it."""

    table: str
    key: dict[str, Any]
    before: dict[str, Any] | None
    changes: dict[str, Any] | None
    service: Callable[[Workspace], None] | None

    @property
    def after(self) -> dict[str, Any] | None:
        if self.changes is None:
            return None
        return {**(self.before or {}), **self.changes}

    def sql(self) -> tuple[str, dict[str, Any]]:
        keys = {f"k_{c}": v for c, v in self.key.items()}
        where = " AND ".join(f'"{c}" = :k_{c}' for c in self.key)
        if self.changes is None:
            return f'DELETE FROM "{self.table}" WHERE {where}', keys
        if self.before is None:
            names = ", ".join(f'"{c}"' for c in self.changes)
            marks = ", ".join(f":{c}" for c in self.changes)
            return f'INSERT INTO "{self.table}" ({names}) VALUES ({marks})', dict(self.changes)
        sets = [f'"{c}" = :{c}' for c in self.changes]
        if "row_version" in schema.tables[self.table].c:
            sets.append("row_version = row_version + 1")
        return f'UPDATE "{self.table}" SET {", ".join(sets)} WHERE {where}', {
            **self.changes,
            **keys,
        }


def _row(conn, table: str, key: dict[str, Any]) -> dict[str, Any] | None:
    t = schema.tables[table]
    found = conn.execute(select(t).where(*(t.c[c] == v for c, v in key.items()))).mappings()
    row = found.first()
    return None if row is None else dict(row)


class Edits:
    """Random edits, half of them (where it can) inside the actor's own scope."""

    def __init__(self, rng: random.Random, shared: Shared, view: View, actor: Actor):
        self.rng, self.owner, self.view, self.actor = rng, shared.owner, view, actor
        self.count = 0

    def _near(self, rows: list, table: str, row_of: Callable[[Any], dict]) -> Any:
        """A random row: one the actor may write, half the time; a near miss (in their
        region but of another work unit), a time in six; else any."""
        view, actor = self.view, self.actor
        mine = [r for r in rows if view.allowed(actor, table, row_of(r), row_of(r))]
        regional = replace(actor, units=())
        near = [
            r for r in rows if view.allowed(regional, table, row_of(r), row_of(r)) and r not in mine
        ]
        draw = self.rng.random()
        if mine and draw < 0.5:
            return self.rng.choice(mine)
        if near and draw < 2 / 3:
            return self.rng.choice(near)
        return self.rng.choice(rows)

    def _scope_region(self) -> str:
        """A region inside the actor's scope one time in two, else any."""
        regions = sorted(self.view.ancestors)
        if self.actor.scope and self.rng.random() < 0.5:
            return self.rng.choice(
                [r for r in regions if self.actor.scope in self.view.ancestors[r]]
            )
        return self.rng.choice(regions)

    def _stored(self, table: str, key: dict[str, Any]) -> dict[str, Any]:
        with self.owner.engine.connect() as conn:
            row = _row(conn, table, key)
        assert row is not None
        return row

    def draw(self) -> Edit:
        """An edit of any table, of a table the actor writes two times in three."""
        self.count += 1
        kinds = {
            self.module: "modules",
            self.new_module: "modules",
            self.standard: "regional_standards",
            self.new_standard: "regional_standards",
            self.drop_standard: "regional_standards",
            self.learner: "learners",
            self.outcome: "outcomes",
            self.approval: "paths",
            self.region: "regions",
            self.person: "people",
        }
        theirs = [kind for kind, table in kinds.items() if self.actor.may_write(table)]
        if theirs and self.rng.random() < 2 / 3:
            return self.rng.choice(theirs)()
        return self.rng.choice(list(kinds))()

    def module(self) -> Edit:
        modules = self.owner.load("modules")
        local = [m for m in modules if m.scope != "national"]
        pool = local if self.rng.random() < 0.6 else modules
        record = self._near(pool, "modules", _module_row)
        before = self._stored("modules", {"code": record.code})
        which = self.rng.choice(["title", "status", "scope"])
        if which == "title":
            title = f"{record.title[:60]} ~{uuid.uuid4().hex[:6]}"
            changed, changes = replace(record, title=title), {"title": title}
        elif which == "status":
            status = self.rng.choice([s for s in STATUSES if s != record.status])
            changed, changes = replace(record, status=status), {"status": status}
        else:
            scope = self.rng.choice(["national", self._scope_region()])
            if scope == record.scope:
                scope = "national" if scope != "national" else self._scope_region()
            changed = replace(record, scope=scope)
            changes = {"scope_region": None if scope == "national" else scope}
        return Edit("modules", {"code": record.code}, before, changes, _saving("modules", changed))

    def new_module(self) -> Edit:
        template = next(m for m in self.owner.load("modules") if m.code == "LD-101")
        code, region = f"FZ-{uuid.uuid4().hex[:6]}", self._scope_region()
        record = replace(template, code=code, scope=region, status="draft", owner="fuzz")
        row = {"code": code, "title": template.title, "jp": template.jp}
        row |= {"modality": template.modality, "level": template.level}
        row |= {"min_connectivity": template.min_connectivity}
        row |= {"min_digital_literacy": template.min_digital_literacy}
        row |= {"scope_region": region, "status": "draft", "owner": "fuzz"}
        return Edit("modules", {"code": code}, None, row, _saving("modules", record))

    def standard(self) -> Edit:
        standards = self.owner.load("regional_standards")
        record = self._near(standards, "regional_standards", _standard_key)
        level = self.rng.choice([n for n in range(1, 6) if n != record.level])
        key = _standard_key(record)
        before = self._stored("regional_standards", key)
        service = _saving("regional_standards", replace(record, level=level))
        return Edit("regional_standards", key, before, {"level": level}, service)

    def new_standard(self) -> Edit:
        have = {(s.region, s.competency) for s in self.owner.load("regional_standards")}
        competencies = [c.code for c in self.owner.load("competencies")]
        for _ in range(50):
            region, competency = self._scope_region(), self.rng.choice(competencies)
            if (region, competency) not in have:
                break
        row = {"region": region, "competency": competency, "level": 2, "reason": "fuzz"}
        record = RegionalStandard(region, competency, 2, "fuzz")
        key = {"region": region, "competency": competency}
        return Edit("regional_standards", key, None, row, _saving("regional_standards", record))

    def drop_standard(self) -> Edit:
        standards = self.owner.load("regional_standards")
        record = self._near(standards, "regional_standards", _standard_key)
        key = _standard_key(record)

        def service(ws: Workspace) -> None:
            delete_records(ws, "regional_standards", [(record.region, record.competency)])

        return Edit(
            "regional_standards", key, self._stored("regional_standards", key), None, service
        )

    def learner(self) -> Edit:
        learners = self.owner.load("learners")
        record = self._near(learners, "learners", _learner_row)
        before = self._stored("learners", {"id": record.id})
        if self.rng.random() < 0.5:
            level = self.rng.choice([n for n in range(4) if n != record.digital_literacy])
            changed, changes = replace(record, digital_literacy=level), {"digital_literacy": level}
        else:
            region = self._scope_region()
            if region == record.region:
                region = self.rng.choice([r for r in self.view.ancestors if r != region])
            changed, changes = replace(record, region=region), {"region": region}
        return Edit("learners", {"id": record.id}, before, changes, _saving("learners", changed))

    def outcome(self) -> Edit:
        outcomes = self.owner.load("outcomes")
        record = self._near(outcomes, "outcomes", _outcome_key)
        if self.rng.random() < 0.7:  # a level-3 follow-up: the atasan's
            l3 = not record.l3
            changed, changes = replace(record, l3=l3), {"l3": l3}
        else:
            done = not record.completed
            changed, changes = replace(record, completed=done), {"completed": done}
        key = _outcome_key(record)
        before = self._stored("outcomes", key)
        return Edit("outcomes", key, before, changes, _saving("outcomes", changed))

    def approval(self) -> Edit:
        learners = list(self.view.learners)
        learner = self._near(learners, "paths", _path_key)
        before = self._stored("paths", {"learner": learner})
        at = f"2024-02-01T00:00:{self.count % 60:02d}+00:00"
        changes = {"approval": "approved", "approved_by": self.actor.login, "approved_at": at}

        def service(ws: Workspace) -> None:
            approve_path(ws, learner)

        return Edit("paths", {"learner": learner}, before, changes, service)

    def region(self) -> Edit:
        code = self.rng.choice(sorted(self.view.ancestors))
        record = next(r for r in self.owner.load("regions") if r.code == code)
        name = f"{record.name[:60]} ~{uuid.uuid4().hex[:6]}"
        before = self._stored("regions", {"code": code})
        service = _saving("regions", replace(record, name=name))
        return Edit("regions", {"code": code}, before, {"name": name}, service)

    def person(self) -> Edit:
        login = f"zz{uuid.uuid4().hex[:8]}"
        row = {"login": login, "name": "Baru", "role": "pembaca", "active": True}

        def service(ws: Workspace) -> None:
            save_person(ws, login, "pembaca", name="Baru")

        return Edit("people", {"login": login}, None, row, service)


def _module_row(module: Any) -> dict[str, Any]:
    """What the oracle reads of a module: its region and status."""
    scope = None if module.scope == "national" else module.scope
    return {"code": module.code, "scope_region": scope, "status": module.status}


def _standard_key(standard: Any) -> dict[str, Any]:
    return {"region": standard.region, "competency": standard.competency}


def _learner_row(learner: Any) -> dict[str, Any]:
    return {"id": learner.id, "region": learner.region, "unit": learner.unit or None}


def _outcome_key(outcome: Any) -> dict[str, Any]:
    return {"learner": outcome.learner, "module": outcome.module, "date": outcome.date}


def _path_key(learner: str) -> dict[str, Any]:
    return {"learner": learner}


def _saving(kind: str, record: Any) -> Callable[[Workspace], None]:
    def save(ws: Workspace) -> None:
        save_records(ws, kind, [record])

    return save


# -- running an edit under a login ---------------------------------------------------------


def _last_audit(owner: Workspace) -> int:
    with owner.engine.connect() as conn:
        return conn.execute(text("SELECT coalesce(max(id), 0) FROM audit")).scalar_one()


def _audited_since(conn, mark: int) -> list[tuple[str, str, list[str]]]:
    """(login, table, key) of each audit row after ``mark``."""
    rows = conn.execute(text("SELECT actor, tbl, row_key FROM audit WHERE id > :m"), {"m": mark})
    return [(actor, table, [str(v) for v in json.loads(key)]) for actor, table, key in rows]


def _by_service(person: Person, edit: Edit, forged: bool) -> str:
    """The edit through the edit service under the person's login; how it ended."""
    ws = person.ws
    assert ws is not None and edit.service is not None
    actor = ws.actor
    if forged:  # the app believes they are an admin: only the database can refuse
        ws.actor = Actor(actor.login, "admin")
    try:
        edit.service(ws)
    except NotAllowed:
        return "refused by the service"
    except CurriculumError as error:
        return f"refused: {error}"
    finally:
        ws.actor = actor
    return "done"


def _by_sql(person: Person, edit: Edit, engines: dict[str, Any]) -> str:
    """The edit as raw SQL under the person's login; how it ended."""
    engine = engines.setdefault(person.login, create_engine(person.url))
    statement, params = edit.sql()
    try:
        with engine.begin() as conn:
            count = conn.execute(text(statement), params).rowcount
    except DBAPIError as error:
        state = getattr(error.orig, "sqlstate", None)
        assert state == "42501", f"{statement}: not a refusal: {error.orig}"
        return "refused by the database"
    return "done" if count else "no row matched"


def _matches(row: dict[str, Any] | None, edit: Edit) -> bool:
    """Whether the stored ``row`` is what the edit wanted."""
    if edit.changes is None:
        return row is None
    return row is not None and all(
        row[c] == v for c, v in edit.changes.items() if c not in VOLATILE
    )


@pytest.mark.postgres
def test_fuzzed_edits_write_only_in_scope_and_audit_every_write(shared):
    rng = random.Random(SEED)
    engines: dict[str, Any] = {}
    routes = ("service", "forged", "sql")
    tally: dict[tuple[str, bool], int] = {}
    written: dict[str, int] = {}
    try:
        for person in shared.people:
            view = View(shared.owner)
            edits = Edits(rng, shared, view, person.actor)
            for n in range(ATTEMPTS):
                edit, route = edits.draw(), routes[n % len(routes)]
                allowed = view.allowed(person.actor, edit.table, edit.before, edit.after)
                mark = _last_audit(shared.owner)
                if route == "sql":
                    ended = _by_sql(person, edit, engines)
                else:
                    ended = _by_service(person, edit, forged=route == "forged")
                with shared.owner.engine.connect() as conn:
                    now = _row(conn, edit.table, edit.key)
                    trail = _audited_since(conn, mark)
                said = f"seed {SEED}: {person.actor} by {route}: {edit.sql()} ({ended})"
                if allowed:
                    assert ended == "done" and _matches(now, edit), said
                    if edit.table in AUDITED:
                        key = [str(v) for v in edit.key.values()]
                        assert (person.login, edit.table, key) in trail, said
                    view = View(shared.owner)  # a learner or region may have moved
                    edits.view = view
                else:
                    assert now == edit.before, said
                    assert trail == [], said
                    if route == "service":
                        assert ended == "refused by the service", said
                tally[(route, allowed)] = tally.get((route, allowed), 0) + 1
                written[person.login] = written.get(person.login, 0) + allowed
    finally:
        for engine in engines.values():
            engine.dispose()
    # the draw reached both sides of the rule by every route
    assert all(tally.get((route, side), 0) > 5 for route in routes for side in (True, False))
    # and every role that writes wrote something
    by_role = {role: 0 for role, tables in WRITES.items() if tables}
    for person in shared.people:
        if person.actor.role in by_role:
            by_role[person.actor.role] += written[person.login]
    assert all(by_role.values()), by_role


# -- who the app and the database take a login for -----------------------------------------


@pytest.mark.postgres
def test_the_app_reads_each_login_s_role_and_scope_from_people(shared):
    for person in shared.people:
        assert person.ws is not None
        assert person.ws.actor == person.actor


@pytest.mark.postgres
def test_a_login_without_a_people_row_only_reads(shared, snapshot):
    stray = shared.people[-1]
    ws = stray.ws
    assert ws is not None and ws.actor == Actor(stray.login, "pembaca")
    assert len(ws.load("modules")) == len(shared.owner.load("modules"))
    standard = ws.load("regional_standards")[0]  # whatever the fuzz left
    before = snapshot(shared.owner)
    with pytest.raises(NotAllowed) as refused:
        save_records(ws, "regional_standards", [replace(standard, level=5)])
    assert "pembaca" in describe(refused.value, "id")
    # its group (ct_wilayah) alone lets it write nothing, whatever the app believes
    ws.actor = Actor(stray.login, "admin")
    try:
        save_records(ws, "regional_standards", [replace(standard, level=5)])
    except CurriculumError:
        pass
    finally:
        ws.actor = Actor(stray.login, "pembaca")
    assert snapshot(shared.owner) == before  # not even a change stamp


@pytest.mark.postgres
def test_a_group_that_is_not_the_people_row_s_role_writes_nothing(shared, pg_cluster):  # noqa: F811
    # A training officer's login left in the regional officers' group: neither role's
    # tables take its writes (the group needs the row's role, the row needs the group).
    login = f"mixed_{uuid.uuid4().hex[:6]}"
    assert _cli("users", shared.url, "add", login, "--role", "pengelola", "--scope", "72") == 0
    with pg_cluster.admin() as conn:
        conn.execute(f'GRANT ct_wilayah TO "{login}"')
        conn.execute(f'REVOKE ct_pengelola FROM "{login}"')
    engine = create_engine(_url_of(shared.url, login))
    try:
        for statement in (
            "UPDATE regional_standards SET level = 5 WHERE region = '72'",
            "UPDATE learners SET digital_literacy = 3 WHERE region = '72.71'",
        ):
            with engine.begin() as conn:
                try:
                    count = conn.execute(text(statement)).rowcount
                except DBAPIError as error:
                    assert error.orig.sqlstate == "42501"
                    count = 0
                assert count == 0, statement
    finally:
        engine.dispose()


def _refusals(person: Person, statements: list[str]) -> list[str]:
    """The statements the database refused under the person's login (each in its own
    transaction, rolled back)."""
    refused = []
    engine = create_engine(person.url)
    try:
        for statement in statements:
            with engine.connect() as conn:
                try:
                    conn.execute(text(statement))
                except DBAPIError as error:
                    assert error.orig.sqlstate == "42501", f"{statement}: {error.orig}"
                    refused.append(statement)
                conn.rollback()
    finally:
        engine.dispose()
    return refused


@pytest.mark.postgres
def test_the_audit_trail_is_append_only_for_every_login(shared):
    tampering = [
        "UPDATE audit SET actor = 'someone-else'",
        "DELETE FROM audit",
        "TRUNCATE audit",
        "INSERT INTO audit (at, actor, role, tbl, row_key, action) "
        "VALUES ('2024-01-01', 'x', 'admin', 'modules', '[\"X\"]', 'insert')",
        "ALTER TABLE audit DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_modules ON modules",
    ]
    for person in shared.people:
        assert _refusals(person, tampering) == tampering, person.login
    with shared.owner.engine.connect() as conn:
        actors = set(conn.execute(text("SELECT DISTINCT actor FROM audit")).scalars())
    assert shared.person("admin").login in actors  # the fuzz wrote under the logins


@pytest.mark.postgres
def test_people_and_the_region_chain_are_written_by_an_admin_alone(shared):
    suffix = uuid.uuid4().hex[:6]
    statements = [
        f"INSERT INTO people (login, name, role) VALUES ('p{suffix}', '', 'admin')",
        "UPDATE people SET role = 'admin'",
        "DELETE FROM people",
        f"INSERT INTO region_closure VALUES ('R{suffix}', 'R{suffix}')",
        "DELETE FROM region_closure",
        "UPDATE meta SET value = '9' WHERE key = 'schema_version'",
        "UPDATE regions SET name = 'x'",
    ]
    with shared.owner.engine.connect() as conn:
        before = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("people", "region_closure")
        }
    for person in shared.people:
        if person.actor.role == "admin":
            continue
        refused = _refusals(person, statements)
        # refused outright, or their policies match no row (the count is unchanged)
        assert statements[0] in refused and statements[3] in refused, person.login
    with shared.owner.engine.connect() as conn:
        after = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in before}
        version = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'"))
        assert version.scalar_one() == str(schema.SCHEMA_VERSION)
    assert after == before
    admin = shared.person("admin")
    assert _refusals(admin, statements[:1] + statements[3:4]) == []
