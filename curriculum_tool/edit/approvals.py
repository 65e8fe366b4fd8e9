"""Approvals as the app shows them: the last review of each module, a learner's stored
path with its approval, and whether the workspace's actor may take a step now.

The ``*_refusal`` functions run the edit service's own checks (:func:`.service.
check_review`, :func:`.service.check_path_approval`, :func:`.service.check_path_save`)
without writing and return the error the change would raise, or None: the app greys out
a button with that reason as its tooltip, and what it offers is exactly what the service
accepts.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from ..domain import LearnerPath
from ..errors import CurriculumError
from ..store import Workspace, schema
from ..store.paths import load_paths
from .service import check_path_approval, check_path_save, check_review

__all__ = [
    "ModuleReview",
    "approval_refusal",
    "module_reviews",
    "path_save_refusal",
    "review_refusal",
    "stored_path",
]


@dataclass(frozen=True)
class ModuleReview:
    """The last step of a module's review: the reviewer's note, who and when (ISO, UTC)."""

    note: str
    by: str
    at: str


def module_reviews(conn: Connection) -> dict[str, ModuleReview]:
    """The last review of every module that has had one, by module code."""
    modules = schema.tables["modules"]
    query = select(
        modules.c.code, modules.c.review_note, modules.c.reviewed_by, modules.c.reviewed_at
    ).where(modules.c.reviewed_by.is_not(None))
    return {
        code: ModuleReview(note or "", by, at or "") for code, note, by, at in conn.execute(query)
    }


def review_refusal(workspace: Workspace, code: str, to: str) -> CurriculumError | None:
    """Why the workspace's actor may not take module ``code`` ``to`` a status (or
    ``"returned"``) now, or None when they may (the note is asked for afterwards)."""
    with workspace.engine.connect() as conn:
        try:
            check_review(conn, workspace.actor, code, to)
        except CurriculumError as refused:
            return refused
    return None


def stored_path(workspace: Workspace, learner: str) -> LearnerPath | None:
    """``learner``'s stored current path with its approval, or None when there is none."""
    with workspace.engine.connect() as conn:
        found = load_paths(conn, [learner])
    return found[0] if found else None


def approval_refusal(workspace: Workspace, learner: str) -> CurriculumError | None:
    """Why the workspace's actor may not approve ``learner``'s stored path, or None: it
    is for the learner's atasan, a training officer of their region, or an admin."""
    with workspace.engine.connect() as conn:
        try:
            check_path_approval(conn, workspace.actor, learner)
        except CurriculumError as refused:
            return refused
    return None


def path_save_refusal(workspace: Workspace, path: LearnerPath) -> CurriculumError | None:
    """Why the workspace's actor may not store ``path`` as its learner's current path,
    or None when they may."""
    with workspace.engine.connect() as conn:
        try:
            check_path_save(conn, workspace.actor, path)
        except CurriculumError as refused:
            return refused
    return None
