"""Changes made by a person in the app or on the command line: single records, the review
of a local module, the approval of a path, and the people of a shared workspace.

Each runs in one transaction with the same checks as a file import (cells, references,
cycles: :mod:`.records`), by the workspace's actor (:mod:`.permissions`), from the
versions the person read (:mod:`.conflicts`), and leaves its audit rows, with the
person's note, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, update

from ..domain import RECORD_TYPES, Record
from ..domain.review import APPROVED, FIRST_STATUS, next_status
from ..domain.roles import ADMIN, PERANCANG, ROLES
from ..errors import SAID as SAID_PLACE, CurriculumError, Problem, ValidationError
from ..messages import Catalogue
from ..store import Workspace, schema
from ..store.integrity import dangling_references
from ..store.mapping import mapping_for
from ..store.session import set_note
from .conflicts import check_versions, stored_versions
from .permissions import NotAllowed, check_deletion, refuse_unless_allowed, role_name
from .records import ParsedFile, import_parsed

__all__ = [
    "EDIT_LABEL",
    "RETURNED",
    "approve_path",
    "delete_records",
    "review_module",
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


def versions(workspace: Workspace, kind: str, keys: Sequence[Any]) -> dict[Any, int]:
    """The stored version of each of ``keys`` (an edit form reads them with its records)."""
    with workspace.engine.connect() as conn:
        return stored_versions(conn, kind, list(keys))


def save_records(
    workspace: Workspace,
    kind: str,
    records: Sequence[Record],
    expected: Mapping[Any, int | None] | None = None,
    note: str = "",
) -> None:
    """Add or update ``records`` of ``kind``; refuse (changing nothing) as an import would,
    and when a record changed since ``expected`` was read."""
    parsed = ParsedFile(kind, EDIT_LABEL, list(records), list(range(2, len(records) + 2)), [])
    with workspace.transaction() as conn:
        if note:
            set_note(conn, note)
        import_parsed(workspace, [parsed], conn=conn, expected=expected)


def delete_records(
    workspace: Workspace,
    kind: str,
    keys: Sequence[Any],
    expected: Mapping[Any, int | None] | None = None,
    note: str = "",
) -> None:
    """Delete the records with ``keys``; refuse when other records still refer to them, or
    one changed since ``expected`` was read."""
    record_type = RECORD_TYPES[kind]
    with workspace.transaction() as conn:
        if note:
            set_note(conn, note)
        if expected is not None:
            check_versions(conn, kind, expected)
        check_deletion(workspace, conn, kind, list(keys))
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
        if expected is not None:
            check_versions(conn, "modules", {code: expected})
        before = _module_row(conn, code)
        status = before["status"]
        returning = to == RETURNED
        allowed = [
            s for s in (next_status(status), RETURNED if status != FIRST_STATUS else None) if s
        ]
        if to not in allowed:
            listed = "', '".join(allowed) or "-"
            raise CurriculumError(SAID("not_a_step", status=status, allowed=listed, to=to))
        if returning and not note.strip():
            raise CurriculumError(SAID("note_required"))
        target = FIRST_STATUS if returning else to
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


def approve_path(workspace: Workspace, learner: str, expected: int | None = None) -> None:
    """Approve the stored path of ``learner`` as its supervisor (or a training officer of
    the learner's region, or an admin): who and when are kept with the path."""
    actor = workspace.actor
    paths = schema.tables["paths"]
    with workspace.transaction() as conn:
        if expected is not None:
            check_versions(conn, "paths", {learner: expected})
        before = conn.execute(select(paths).where(paths.c.learner == learner)).mappings().first()
        if before is None:
            raise CurriculumError(SAID("no_such_path", learner=learner))
        at = _now()
        after = {**before, "approval": APPROVED, "approved_by": actor.login, "approved_at": at}
        after["row_version"] = before["row_version"] + 1
        refuse_unless_allowed(conn, actor, "paths", [(dict(before), after)])
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
