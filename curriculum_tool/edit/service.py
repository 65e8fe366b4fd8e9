"""Changes made by a person in the app or on the command line: single records, the review
of a local module, a learner's stored path and its approval, and the people of a shared
workspace. The ``check_*`` functions refuse as the change would, writing nothing: the app
asks them first to grey out what the person may not do.

Each runs in one transaction with the same checks as a file import (cells, references,
cycles: :mod:`.records`), by the workspace's actor (:mod:`.permissions`), from the
versions the person read (:mod:`.conflicts`), and leaves its audit rows, with the
person's note, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, update

from ..domain import RECORD_TYPES, LearnerPath, Record
from ..domain.review import APPROVED, FIRST_STATUS, next_status
from ..domain.roles import ADMIN, PERANCANG, ROLES, Actor
from ..errors import SAID as SAID_PLACE, CurriculumError, Problem, ValidationError
from ..messages import Catalogue
from ..store import Workspace, schema
from ..store.integrity import dangling_references
from ..store.mapping import mapping_for
from ..store.paths import path_rows, planned_columns, save_paths
from ..store.session import set_note
from .conflicts import check_versions, stored_versions
from .permissions import NotAllowed, check_deletion, refuse_unless_allowed, role_name
from .records import ParsedFile, import_parsed

__all__ = [
    "EDIT_LABEL",
    "RETURNED",
    "approve_path",
    "check_path_approval",
    "check_path_save",
    "check_review",
    "delete_records",
    "review_module",
    "save_path",
    "save_person",
    "save_records",
    "versions",
]

#: How an edit made in the app is named in problem messages.
EDIT_LABEL = SAID_PLACE("edit")
#: A reviewer sends a module back: it returns to the first status, with their note.
RETURNED = "returned"

SAID = Catalogue(
    "edit.service",
    {
        "cannot_delete": ("cannot delete: {reference}", "tidak dapat dihapus: {reference}"),
        "no_such_module": ("no module {code}", "tidak ada modul {code}"),
        "no_such_path": (
            "learner {learner} has no stored path",
            "peserta {learner} belum memiliki jalur tersimpan",
        ),
        "not_a_step": (
            "a module in '{status}' can go to '{allowed}', not '{to}'",
            "modul berstatus '{status}' dapat dibawa ke '{allowed}', bukan '{to}'",
        ),
        "note_required": (
            "returning a module needs a note saying what to change",
            "mengembalikan modul memerlukan catatan tentang apa yang harus diperbaiki",
        ),
        "approves_modules": (
            "{actor} ({role}) may not approve modules; a curriculum designer does",
            "{actor} ({role}) tidak berwenang menyetujui modul; perancang kurikulum yang "
            "menyetujuinya",
        ),
        "unknown_role": (
            "unknown role '{role}'; one of: {roles}",
            "peran '{role}' tidak dikenal; pilih salah satu: {roles}",
        ),
    },
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def _transaction(workspace: Workspace, conn: Connection | None) -> Iterator[Connection]:
    """``conn`` when the caller holds a write transaction open, else a new one."""
    if conn is not None:
        yield conn
    else:
        with workspace.transaction() as own:
            yield own


def versions(workspace: Workspace, kind: str, keys: Sequence[Any]) -> dict[Any, int]:
    """The stored version of each of ``keys`` (an edit form reads them with its records:
    the versions first, so that the records read are never older than them)."""
    with workspace.engine.connect() as conn:
        return stored_versions(conn, kind, list(keys), lock=False)


def save_records(
    workspace: Workspace,
    kind: str,
    records: Sequence[Record],
    expected: Mapping[Any, int | None] | None = None,
    note: str = "",
    conn: Connection | None = None,
) -> dict[Any, int]:
    """Add or update ``records`` of ``kind``; refuse (changing nothing) as an import would,
    and when a record changed since ``expected`` was read. With ``conn``, inside that open
    write transaction (several changes kept or refused together).

    Returns the version each record was left at, read in the same transaction: what the
    next edit of them (an undo) expects to find."""
    parsed = ParsedFile(kind, EDIT_LABEL, list(records), list(range(2, len(records) + 2)), [])
    with _transaction(workspace, conn) as conn:
        if note:
            set_note(conn, note)
        import_parsed(workspace, [parsed], conn=conn, expected=expected)
        keys = [key[0] if len(key) == 1 else key for key in (r.key() for r in records)]
        return stored_versions(conn, kind, keys, lock=False)


def delete_records(
    workspace: Workspace,
    kind: str,
    keys: Sequence[Any],
    expected: Mapping[Any, int | None] | None = None,
    note: str = "",
    conn: Connection | None = None,
) -> None:
    """Delete the records with ``keys``; refuse when other records still refer to them, or
    one changed since ``expected`` was read. With ``conn``, inside that open write
    transaction."""
    record_type = RECORD_TYPES[kind]
    with _transaction(workspace, conn) as conn:
        if note:
            set_note(conn, note)
        check_deletion(workspace, conn, kind, list(keys))  # who may first (see records)
        if expected is not None:
            check_versions(conn, kind, expected)
        workspace.delete(conn, kind, keys)
        dangling = dangling_references(conn)
        if dangling:
            raise ValidationError(
                [
                    Problem(
                        EDIT_LABEL,
                        1,
                        record_type.KEY[0],
                        SAID("cannot_delete", reference=reference.message),
                    )
                    for reference in dangling
                ]
            )


def _module_row(conn: Connection, code: str) -> dict[str, Any]:
    modules = schema.tables["modules"]
    row = conn.execute(select(modules).where(modules.c.code == code)).mappings().first()
    if row is None:
        raise CurriculumError(SAID("no_such_module", code=code))
    return dict(row)


def check_review(conn: Connection, actor: Actor, code: str, to: str) -> tuple[dict[str, Any], str]:
    """Module ``code``'s stored row and the status taking it ``to`` leads to, or the
    refusal :func:`review_module` would raise (not a step from its status, approving by a
    role that does not approve, a module outside the actor's scope). Nothing is written:
    the app asks first, to grey out what the person may not do."""
    before = _module_row(conn, code)
    status = before["status"]
    allowed = [s for s in (next_status(status), RETURNED if status != FIRST_STATUS else None) if s]
    if to not in allowed:
        listed = "', '".join(allowed) or "-"
        raise CurriculumError(SAID("not_a_step", status=status, allowed=listed, to=to))
    target = FIRST_STATUS if to == RETURNED else to
    if target == APPROVED and actor.role not in (ADMIN, PERANCANG):
        raise NotAllowed(SAID("approves_modules", actor=actor.login, role=role_name(actor)))
    after = {**before, "status": target}
    carried = mapping_for("modules").columns.values()
    refuse_unless_allowed(
        conn,
        actor,
        "modules",
        [({c: before[c] for c in carried}, {c: after[c] for c in carried})],
    )
    return before, target


def review_module(
    workspace: Workspace,
    code: str,
    to: str,
    note: str = "",
    expected: int | None = None,
) -> None:
    """Move module ``code`` one step in its review (draft → review → approved), or return
    it to draft (``to="returned"``, with a note saying what to change).

    A regional officer submits their region's modules for review; approving is for a
    curriculum designer (or an admin). The reviewer, the time and the note are kept on the
    module and in the audit trail.
    """
    actor = workspace.actor
    with workspace.transaction() as conn:
        _, target = check_review(conn, actor, code, to)
        if expected is not None:
            check_versions(conn, "modules", {code: expected})
        if to == RETURNED and not note.strip():
            raise CurriculumError(SAID("note_required"))
        set_note(conn, note)
        modules = schema.tables["modules"]
        conn.execute(
            update(modules)
            .where(modules.c.code == code)
            .values(
                status=target,
                review_note=note,
                reviewed_by=actor.login,
                reviewed_at=_now(),
                row_version=modules.c.row_version + 1,
            )
        )


def check_path_approval(conn: Connection, actor: Actor, learner: str) -> None:
    """Refuse as :func:`approve_path` would (no stored path, not the actor's to approve);
    nothing is written."""
    _approval_change(conn, actor, learner, _now())


def _approval_change(
    conn: Connection, actor: Actor, learner: str, at: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The stored path row of ``learner`` before and after ``actor`` approves it at
    ``at``, once the actor is found allowed to."""
    paths = schema.tables["paths"]
    before = conn.execute(select(paths).where(paths.c.learner == learner)).mappings().first()
    if before is None:
        raise CurriculumError(SAID("no_such_path", learner=learner))
    after = {**before, "approval": APPROVED, "approved_by": actor.login, "approved_at": at}
    after["row_version"] = before["row_version"] + 1
    refuse_unless_allowed(conn, actor, "paths", [(dict(before), after)])
    return dict(before), after


def approve_path(workspace: Workspace, learner: str, expected: int | None = None) -> None:
    """Approve the stored path of ``learner`` as its supervisor (or a training officer of
    the learner's region, or an admin): who and when are kept with the path."""
    actor = workspace.actor
    paths = schema.tables["paths"]
    with workspace.transaction() as conn:
        at = _now()
        _approval_change(conn, actor, learner, at)
        if expected is not None:
            check_versions(conn, "paths", {learner: expected})
        conn.execute(
            update(paths)
            .where(paths.c.learner == learner)
            .values(
                approval=APPROVED,
                approved_by=actor.login,
                approved_at=at,
                row_version=paths.c.row_version + 1,
            )
        )


def check_path_save(conn: Connection, actor: Actor, path: LearnerPath) -> None:
    """Refuse storing ``path`` as its learner's current path unless the actor may write
    that learner's paths (a training officer of the learner's region or units, an admin);
    nothing is written."""
    paths = schema.tables["paths"]
    stored = conn.execute(select(paths).where(paths.c.learner == path.learner)).mappings().first()
    before = None if stored is None else dict(stored)
    heads, _, _ = path_rows([path])
    after: dict[str, Any] = dict(zip(planned_columns(paths), heads[0], strict=True))
    version = 1 if before is None else before["row_version"] + 1
    after.update(approval=None, approved_by=None, approved_at=None, row_version=version)
    refuse_unless_allowed(conn, actor, "paths", [(before, after)])
    # Its steps and left-out modules are rewritten too: rows of the same learner, so one
    # stands for all (an atasan, who may approve the path, may not change what it holds).
    for table in ("path_steps", "path_exclusions"):
        refuse_unless_allowed(conn, actor, table, [(None, {"learner": path.learner, "pos": 0})])


def save_path(workspace: Workspace, path: LearnerPath) -> None:
    """Store ``path`` as its learner's current path: a new proposal, replacing the
    earlier one (and its approval), if the workspace's actor may write it."""
    with workspace.transaction() as conn:
        check_path_save(conn, workspace.actor, path)
        save_paths(conn, [path])


def save_person(
    workspace: Workspace,
    login: str,
    role: str,
    scope: str | None = None,
    name: str = "",
    units: Sequence[str] = (),
    learner: str | None = None,
    active: bool = True,
) -> None:
    """Add or update a person of a shared workspace (an admin's change)."""
    if role not in ROLES:
        raise CurriculumError(SAID("unknown_role", role=role, roles=", ".join(ROLES)))
    people = schema.tables["people"]
    row = {
        "login": login,
        "name": name,
        "role": role,
        "scope": scope,
        "units": ";".join(units) or None,
        "learner": learner,
        "active": active,
    }
    with workspace.transaction() as conn:
        stored = conn.execute(select(people).where(people.c.login == login)).mappings().first()
        before = None if stored is None else {k: stored[k] for k in row}
        refuse_unless_allowed(conn, workspace.actor, "people", [(before, row)])
        if stored is None:
            conn.execute(people.insert().values(**row))
        else:
            conn.execute(
                update(people)
                .where(people.c.login == login)
                .values(**row, row_version=people.c.row_version + 1)
            )
