"""The workspace schema: one SQLAlchemy Core metadata for SQLite and PostgreSQL.

Lists inside the contract's cells (a module's competencies, a region's hazards, a
learner's completed modules) are child tables, so every code a record names is a
foreign key the database itself guards. Foreign keys are deferred to commit: an import
may replace a table whose rows others point to, and the transaction is judged whole.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = ["EDITABLE", "SCHEMA_VERSION", "metadata", "since", "tables"]

#: Bumped when the schema changes; stored in ``meta`` and checked on open. A table or a
#: column added after version 3 says so in ``info={"since": N}``: the migrations of
#: :mod:`.migrations` add exactly those when they bring a workspace to version N.
SCHEMA_VERSION = 5

CODE = String(40)
metadata = MetaData()


def since(item: Table | Column) -> int:
    """The schema version that added a table or column (3: there from the start)."""
    return int(item.info.get("since", 3))


def _row_version() -> Column:
    """Version 4: a record's version, raised by every change (optimistic concurrency)."""
    return Column("row_version", Integer, nullable=False, server_default="1", info={"since": 4})


def _fk(target: str, cascade: bool = False) -> ForeignKey:
    return ForeignKey(
        target,
        ondelete="CASCADE" if cascade else None,
        deferrable=True,
        initially="DEFERRED",
    )


meta = Table(
    "meta",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

competencies = Table(
    "competencies",
    metadata,
    Column("code", CODE, primary_key=True),
    Column("name", Text, nullable=False),
    Column("grp", String(20), nullable=False),
    Column("description", Text, nullable=False, default=""),
    _row_version(),
)

regions = Table(
    "regions",
    metadata,
    Column("code", CODE, primary_key=True),
    Column("name", Text, nullable=False),
    Column("parent", CODE, _fk("regions.code"), nullable=True, index=True),
    Column("connectivity", String(10), nullable=False),
    Column("is_3t", Boolean, nullable=False),
    _row_version(),
)

region_hazards = Table(
    "region_hazards",
    metadata,
    Column("region", CODE, _fk("regions.code", cascade=True), primary_key=True),
    Column("hazard", String(30), primary_key=True),
    Column("pos", Integer, nullable=False),
    Column("idx", Float, nullable=False),
    CheckConstraint("idx >= 0 AND idx <= 1", name="hazard_index_range"),
)

modules = Table(
    "modules",
    metadata,
    Column("code", CODE, primary_key=True),
    Column("title", Text, nullable=False),
    Column("jp", Integer, nullable=False),
    Column("modality", String(20), nullable=False),
    Column("level", Integer, nullable=False),
    Column("min_connectivity", String(10), nullable=False),
    Column("min_digital_literacy", Integer, nullable=False),
    # NULL = national; otherwise the region the local module is offered in.
    Column("scope_region", CODE, _fk("regions.code"), nullable=True, index=True),
    Column("status", String(10), nullable=False),
    Column("owner", Text, nullable=False, default=""),
    # version 3: ``;``-list of jenjang keys and statuses; NULL or empty = everyone.
    Column("audience", Text, nullable=True),
    # version 4: the last review's note, reviewer and time (draft → review → approved)
    Column("review_note", Text, nullable=True, info={"since": 4}),
    Column("reviewed_by", String(63), nullable=True, info={"since": 4}),
    Column("reviewed_at", String(32), nullable=True, info={"since": 4}),
    CheckConstraint("jp BETWEEN 1 AND 400", name="module_jp_range"),
    CheckConstraint("level BETWEEN 1 AND 5", name="module_level_range"),
    _row_version(),
)

module_competencies = Table(
    "module_competencies",
    metadata,
    Column("module", CODE, _fk("modules.code", cascade=True), primary_key=True),
    Column("competency", CODE, _fk("competencies.code"), primary_key=True, index=True),
    Column("pos", Integer, nullable=False),
    Column("level", Integer, nullable=False),
)

module_hazards = Table(
    "module_hazards",
    metadata,
    Column("module", CODE, _fk("modules.code", cascade=True), primary_key=True),
    Column("hazard", String(30), primary_key=True),
    Column("pos", Integer, nullable=False),
)

prerequisites = Table(
    "prerequisites",
    metadata,
    Column("module", CODE, _fk("modules.code"), primary_key=True),
    Column("requires", CODE, _fk("modules.code"), primary_key=True, index=True),
    Column("kind", String(4), nullable=False),
    CheckConstraint("module <> requires", name="prerequisite_not_self"),
    _row_version(),
)

regional_standards = Table(
    "regional_standards",
    metadata,
    Column("region", CODE, _fk("regions.code"), primary_key=True),
    Column("competency", CODE, _fk("competencies.code"), primary_key=True, index=True),
    Column("level", Integer, nullable=False),
    Column("reason", Text, nullable=False, default=""),
    _row_version(),
)

job_standards = Table(
    "job_standards",
    metadata,
    Column("position", CODE, primary_key=True),
    Column("competency", CODE, _fk("competencies.code"), primary_key=True, index=True),
    Column("title", Text, nullable=False),
    Column("level", Integer, nullable=False),
    Column("jenjang", String(30), nullable=True),  # version 3
    _row_version(),
)

learners = Table(
    "learners",
    metadata,
    Column("id", CODE, primary_key=True),
    Column("name", Text, nullable=False),
    Column("position", CODE, nullable=False, index=True),
    Column("region", CODE, _fk("regions.code"), nullable=False, index=True),
    Column("digital_literacy", Integer, nullable=False),
    # version 3; NULL reads as the defaults (pns, no unit, no supervisor)
    Column("status", String(10), nullable=True),
    Column("unit", Text, nullable=True),
    Column("supervisor", CODE, nullable=True, index=True),
    _row_version(),
)

learner_competencies = Table(
    "learner_competencies",
    metadata,
    Column("learner", CODE, _fk("learners.id", cascade=True), primary_key=True),
    Column("competency", CODE, _fk("competencies.code"), primary_key=True, index=True),
    Column("pos", Integer, nullable=False),
    Column("level", Integer, nullable=False),
)

learner_completed = Table(
    "learner_completed",
    metadata,
    Column("learner", CODE, _fk("learners.id", cascade=True), primary_key=True),
    Column("module", CODE, _fk("modules.code"), primary_key=True, index=True),
    Column("pos", Integer, nullable=False),
)

outcomes = Table(
    "outcomes",
    metadata,
    Column("learner", CODE, _fk("learners.id"), primary_key=True),
    Column("module", CODE, _fk("modules.code"), primary_key=True),
    Column("date", Date, primary_key=True),
    Column("completed", Boolean, nullable=False),
    Column("l1", Integer, nullable=True),
    Column("l2", Integer, nullable=True),
    Column("l3", Boolean, nullable=True),
    Column("l4", Boolean, nullable=True),
    Index("outcomes_module_date", "module", "date"),
    Index("outcomes_date", "date"),
    _row_version(),
)

# -- version 3: compulsory programmes -------------------------------------------------

obligations = Table(
    "obligations",
    metadata,
    Column("who", String(30), primary_key=True),
    Column("module", CODE, _fk("modules.code"), primary_key=True, index=True),
    Column("regulation", Text, nullable=False, default=""),
    _row_version(),
)

# -- version 2: stored learner paths and trained models ------------------------------

paths = Table(
    "paths",
    metadata,
    Column("learner", CODE, _fk("learners.id", cascade=True), primary_key=True),
    Column("position", CODE, nullable=False),
    Column("region", CODE, nullable=False),
    Column("model_name", String(80), nullable=False),
    Column("model_sha256", String(64), nullable=False),
    Column("min_jp", Integer, nullable=False),
    Column("max_jp", Integer, nullable=False),
    Column("periods", Integer, nullable=False),
    Column("expected_value", Float, nullable=False),
    Column("created", String(32), nullable=False),
    # version 3: JSON of the outstanding obligations and of the below-minimum reason
    Column("obligations", Text, nullable=True),
    Column("below_minimum", Text, nullable=True),
    # version 4: NULL = proposed; "approved" by the atasan or the BKD, with who and when
    Column("approval", String(10), nullable=True, info={"since": 4}),
    Column("approved_by", String(63), nullable=True, info={"since": 4}),
    Column("approved_at", String(32), nullable=True, info={"since": 4}),
    # version 5: the plan year it is for, its version within that year (1, 2, … as it is
    # re-planned), the catalog it was planned on and the options it was planned with
    Column("plan_year", Integer, nullable=True, info={"since": 5}),
    Column("plan_version", Integer, nullable=True, info={"since": 5}),
    Column("catalog_sha256", String(64), nullable=True, info={"since": 5}),
    Column("release", String(80), nullable=True, info={"since": 5}),
    Column("options", Text, nullable=True, info={"since": 5}),
    _row_version(),
)

path_steps = Table(
    "path_steps",
    metadata,
    Column("learner", CODE, _fk("paths.learner", cascade=True), primary_key=True),
    Column("pos", Integer, primary_key=True),
    Column("module", CODE, _fk("modules.code"), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("period", Integer, nullable=False),
    Column("jp", Integer, nullable=False),
    Column("modality", String(20), nullable=False),
    Column("p_success", Float, nullable=False),
    Column("value", Float, nullable=False),
    # JSON: [[English, Indonesian, kind, {params}], …] (version 2 rows: [English, Indonesian])
    Column("reasons", Text, nullable=False),
)

path_exclusions = Table(
    "path_exclusions",
    metadata,
    Column("learner", CODE, _fk("paths.learner", cascade=True), primary_key=True),
    Column("pos", Integer, primary_key=True),
    Column("module", CODE, _fk("modules.code"), nullable=False, index=True),
    Column("reason", Text, nullable=False),
    Column("reason_id", Text, nullable=False),  # the same reason in Bahasa Indonesia
    Column("kind", String(40), nullable=True),  # version 3: the reason's stable kind
    Column("params", Text, nullable=True),  # version 3: its parameters, JSON
)

#: Version 5: every earlier version of a learner's paths, kept when a path is replaced
#: (re-planned, or a new plan year planned): the plan, its approval and the catalog it
#: used, so what was planned can be joined to what happened. ``document`` is the path as
#: ``recommend --format json`` gives it, its steps and obligations with their reasons.
path_archive = Table(
    "path_archive",
    metadata,
    Column("learner", CODE, _fk("learners.id", cascade=True), primary_key=True),
    Column("plan_year", Integer, primary_key=True),
    Column("plan_version", Integer, primary_key=True),
    Column("position", CODE, nullable=False),
    Column("region", CODE, nullable=False),
    Column("model_name", String(80), nullable=False),
    Column("model_sha256", String(64), nullable=False),
    Column("catalog_sha256", String(64), nullable=True),
    Column("release", String(80), nullable=True),
    Column("created", String(32), nullable=False),
    Column("replaced", String(32), nullable=False),
    Column("total_jp", Integer, nullable=False),
    Column("approval", String(10), nullable=True),
    Column("approved_by", String(63), nullable=True),
    Column("approved_at", String(32), nullable=True),
    Column("document", Text, nullable=False),
    info={"since": 5},
)

#: Version 5: published releases of the catalog and graph (name, day, notes, the digest
#: of their content, who published), with that content (gzip'd canonical JSON) so two
#: releases can be compared long after the catalog moved on.
releases = Table(
    "releases",
    metadata,
    Column("name", String(80), primary_key=True),
    Column("published", String(32), nullable=False),
    Column("notes", Text, nullable=False, default=""),
    Column("sha256", String(64), nullable=False),
    Column("published_by", String(63), nullable=False, default=""),
    Column("content", LargeBinary, nullable=False),
    info={"since": 5},
)

#: Trained success models: the skops archive, the digest of archive and card, and the JSON card.
models = Table(
    "models",
    metadata,
    Column("name", String(80), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("card", Text, nullable=False),
    Column("payload", LargeBinary, nullable=False),
    Column("created", String(32), nullable=False),
    Column("active", Boolean, nullable=False),
    # version 5: candidate (trained, not yet promoted), active (the one paths use; the
    # ``active`` flag says the same) or retired; NULL (older rows) reads from ``active``
    Column("state", String(10), nullable=True, info={"since": 5}),
    _row_version(),
)

# -- version 4: people, their scopes, and what each of them changed ------------------

#: Who may work in a shared workspace: one row per database login (PostgreSQL); on SQLite
#: the person who opens the file acts as ``admin`` and needs no row.
people = Table(
    "people",
    metadata,
    Column("login", String(63), primary_key=True),
    Column("name", Text, nullable=False, default=""),
    Column("role", String(12), nullable=False),
    # the region (and its sub-regions) a wilayah or pengelola works in; NULL = everywhere
    Column("scope", CODE, _fk("regions.code"), nullable=True),
    # a pengelola scoped to an agency's units: ``;``-list of unit names; NULL = all units
    Column("units", Text, nullable=True),
    # their own learner id (NIP): they are the atasan of the learners naming it
    Column("learner", CODE, nullable=True),
    Column("active", Boolean, nullable=False, server_default="1"),
    _row_version(),
    info={"since": 4},
)

#: Every region with each of its ancestors (and itself): the one region chain both the
#: edit service and PostgreSQL's row-level policies read. The edit service keeps it.
region_closure = Table(
    "region_closure",
    metadata,
    Column("ancestor", CODE, primary_key=True),
    Column("descendant", CODE, primary_key=True, index=True),
    info={"since": 4},
)

#: Append-only: who changed which row, when, and its values before and after (JSON).
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("actor", String(63), nullable=False),
    Column("role", String(12), nullable=False),
    Column("tbl", String(40), nullable=False),
    Column("row_key", Text, nullable=False),
    Column("region", CODE, nullable=True),
    Column("action", String(8), nullable=False),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Column("note", Text, nullable=False, default=""),
    # One index only: a row's last change (who to name in a conflict). Every index is
    # written once per audited row, and an import of a million outcomes writes a million;
    # the history view reads newest first by id and filters as it goes.
    Index("audit_row", "tbl", "row_key"),
    info={"since": 4},
)

tables = metadata.tables

#: Tables whose rows people edit as records: each carries ``row_version``.
EDITABLE = tuple(name for name, table in tables.items() if "row_version" in table.c)
