"""Who may change what in a shared workspace: six roles, each writing some tables within a
scope.

One provincial BPSDM shares one database among curriculum designers, training officers,
regional officers and supervisors. :data:`WRITES` is the whole rule, read by the edit
service (every change through the app, the importers and the CLI) and turned into
PostgreSQL's grants and row-level policies, so the database refuses what the service
would, even to someone typing SQL.

A table is written by a role ``everywhere``, ``in_scope`` (rows of the actor's region and
its sub-regions; a row's region is what :data:`~curriculum_tool.store.rows.ROW_REGION`
says), or ``supervised`` (rows of learners whose ``supervisor`` is the actor's own
learner id). A role not listed for a table only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ADMIN",
    "COLUMNS",
    "EVERYWHERE",
    "IN_SCOPE",
    "READ_ONLY",
    "ROLES",
    "ROLE_NAMES",
    "STATUS_LIMIT",
    "SUPERVISED",
    "WRITES",
    "Actor",
]

ADMIN, PERANCANG, PENGELOLA, WILAYAH, ATASAN, PEMBACA = (
    "admin",
    "perancang",
    "pengelola",
    "wilayah",
    "atasan",
    "pembaca",
)
#: Every role, most powerful first.
ROLES = (ADMIN, PERANCANG, PENGELOLA, WILAYAH, ATASAN, PEMBACA)
#: What each role is, in Indonesian (the app's words) and English.
ROLE_NAMES: dict[str, tuple[str, str]] = {
    ADMIN: ("Admin", "administrator"),
    PERANCANG: ("Perancang kurikulum", "curriculum designer"),
    PENGELOLA: ("Pengelola pelatihan", "training officer"),
    WILAYAH: ("Staf wilayah", "regional officer"),
    ATASAN: ("Atasan langsung", "supervisor"),
    PEMBACA: ("Pembaca", "read-only"),
}

EVERYWHERE, IN_SCOPE, SUPERVISED = "everywhere", "in_scope", "supervised"

_CATALOG = (
    "competencies",
    "modules",
    "module_competencies",
    "module_hazards",
    "prerequisites",
    "job_standards",
    "obligations",
    "models",
    "releases",
)
_LEARNERS = ("learners", "learner_competencies", "learner_completed", "outcomes")
_PATHS = ("paths", "path_steps", "path_exclusions", "path_archive")
_PLACES = ("regions", "region_hazards", "regional_standards")
_REGIONAL = (
    "regional_standards",
    "modules",
    "module_competencies",
    "module_hazards",
    "prerequisites",
)

#: role -> table -> where it may write (insert, update, delete).
WRITES: dict[str, dict[str, str]] = {
    ADMIN: dict.fromkeys(
        (*_CATALOG, *_LEARNERS, *_PATHS, *_PLACES, "people"),
        EVERYWHERE,
    ),
    PERANCANG: dict.fromkeys(_CATALOG, EVERYWHERE),
    PENGELOLA: dict.fromkeys((*_LEARNERS, *_PATHS), IN_SCOPE),
    WILAYAH: dict.fromkeys(_REGIONAL, IN_SCOPE),
    ATASAN: dict.fromkeys(("outcomes", "paths"), SUPERVISED),
    PEMBACA: {},
}

#: Where a role may only change some columns of a table it writes (the atasan approves a
#: path and records a follow-up; nothing else of the row is theirs).
COLUMNS: dict[tuple[str, str], tuple[str, ...]] = {
    (ATASAN, "paths"): ("approval", "approved_by", "approved_at", "row_version"),
    (ATASAN, "outcomes"): ("l3", "l4", "row_version"),
}

#: The furthest a role may move a module in the review workflow (a regional officer
#: submits for review; a designer approves).
STATUS_LIMIT: dict[str, str] = {WILAYAH: "review"}

#: The tables no role writes through the app: the audit trail is append-only, and the
#: region chain follows the regions table.
READ_ONLY = ("audit", "region_closure", "meta")


@dataclass(frozen=True)
class Actor:
    """Who is making a change: a login, its role, and where the role applies.

    ``scope`` is a region code (its sub-regions included; None: everywhere), ``units``
    the work units a training officer is limited to (empty: all), ``learner`` the
    actor's own learner id, which makes them the atasan of the learners naming it.
    """

    login: str
    role: str = ADMIN
    scope: str | None = None
    units: tuple[str, ...] = ()
    learner: str | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; roles: {', '.join(ROLES)}")

    def writes(self, table: str) -> str | None:
        """Where this actor may write ``table``: ``everywhere``, ``in_scope``,
        ``supervised``, or None (read only)."""
        return WRITES[self.role].get(table)

    def may_write(self, table: str) -> bool:
        """Whether this actor writes ``table`` anywhere at all.

        >>> Actor("siti", "wilayah", "72.71").may_write("regional_standards")
        True
        >>> Actor("budi", "pembaca").may_write("modules")
        False
        """
        return self.writes(table) is not None
