"""Writing records into a workspace: all-or-nothing, every problem located.

Every change of records (a file import, an edit in the app, a Moodle or CASE package)
comes here already parsed, as :class:`ParsedFile`. It is checked against the workspace as
it would be after the merge (every code it names, no cycle, nothing left dangling), by
who is making it (:mod:`.permissions`) and against the versions it was read at
(:mod:`.conflicts`), then written in one transaction. Any problem means nothing changes.

The change stamps of the tables are taken before a file is read: if another import or
edit changed a table this import writes meanwhile, the import is refused (it was checked
against a workspace that no longer exists).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace as replace_fields
from typing import Any, cast

import networkx as nx
from sqlalchemy import Connection

from ..domain import RECORD_TYPES, Prerequisite, Record, Region
from ..domain.validation_text import refusal
from ..errors import CycleError, Problem, ValidationError
from ..graph import find_cycles, format_cycle
from ..messages import Catalogue, Message
from ..store import Workspace
from ..store.integrity import dangling_references
from ..store.names import table_name
from ..store.stamps import Stamp
from .conflicts import check_versions
from .permissions import check_allowed

__all__ = ["ImportSummary", "ParsedFile", "import_parsed", "joined"]

SAID = Catalogue(
    "edit.records",
    {
        "checking": (
            "{file}: checking {rows:,} rows and writing",
            "{file}: memeriksa {rows:,} baris lalu menyimpannya",
        ),
        "stale": (
            "{kind} changed since this import started reading it ({when}by another import "
            "or edit); nothing was written; run the import again",
            "data {kind} berubah sejak impor ini mulai membacanya ({when}oleh impor atau "
            "penyuntingan lain); tidak ada yang disimpan; jalankan impor sekali lagi",
        ),
        "stale_at": ("at {time}, ", "pukul {time}, "),
        "would_dangle": (
            "{reference} (--replace would leave it dangling)",
            "{reference} (--replace akan membuatnya merujuk ke data yang tidak ada)",
        ),
        "prerequisite_cycle": (
            "prerequisite cycle {cycle}; remove one of these edges",
            "siklus prasyarat {cycle}; hapus salah satu hubungan prasyarat ini",
        ),
        "region_parent_cycle": (
            "region parent cycle {cycle}; remove one of these edges",
            "siklus induk wilayah {cycle}; hapus salah satu hubungan induk ini",
        ),
        # -- the summary of an import ---------------------------------------------------
        "replaced": (
            "{file}: {kind} replaced with {rows} rows",
            "{file}: data {kind} diganti dengan {rows} baris",
        ),
        "merged": (
            "{file}: {added} added, {updated} updated ({kind})",
            "{file}: {added} ditambahkan, {updated} diperbarui ({kind})",
        ),
        "note": ("  note: {note}", "  catatan: {note}"),
        "lines": ("{before}\n{line}", "{before}\n{line}"),
    },
)


def joined(lines: Sequence[str]) -> str:
    """``lines`` one per line, as one message when any line is one (each line in the same
    language).

    >>> text = joined([SAID("note", note="a"), "b"])
    >>> str(text), text.indonesian
    ('  note: a\\nb', '  catatan: a\\nb')
    """
    if not lines:
        return ""
    text = lines[0]
    for line in lines[1:]:
        text = SAID("lines", before=text, line=line)
    return text


_TARGET_NAMES = {
    "competencies": ("competency", "competencies"),
    "regions": ("region", "regions"),
    "modules": ("module", "modules"),
    "learners": ("learner", "learners"),
    "positions": ("position", "job_standards (no job standard defines it)"),
}


@dataclass(frozen=True)
class ImportSummary:
    """What one file did to the workspace."""

    kind: str
    file: str
    rows: int
    added: int
    updated: int
    replaced: bool
    #: What the reader changed or left out on the way, one line each (not errors)
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        return str(self.message)

    @property
    def message(self) -> Message:
        """The summary and its notes, one per line, in English and Indonesian."""
        kind = table_name(self.kind)
        if self.replaced:
            head = SAID("replaced", file=self.file, kind=kind, rows=self.rows)
        else:
            head = SAID("merged", file=self.file, added=self.added, updated=self.updated, kind=kind)
        return cast(Message, joined([head, *(SAID("note", note=note) for note in self.notes)]))


@dataclass
class ParsedFile:
    """A file's valid records with their row numbers, and the problems of the others."""

    kind: str
    label: str
    records: list[Record]
    rows: list[int]
    problems: list[Problem]
    #: Optional columns the file leaves out: a merge keeps their stored values.
    absent: frozenset[str] = field(default_factory=frozenset)
    #: What the reader changed or left out (derived codes, skipped items): reported with
    #: the import's summary, never a reason to refuse it.
    notes: list[str] = field(default_factory=list)


def import_parsed(
    workspace: Workspace,
    parsed_files: Iterable[ParsedFile],
    replace: bool = False,
    conn: Connection | None = None,
    progress: Callable[[str], None] | None = None,
    read_stamps: Mapping[str, Stamp | None] | None = None,
    expected: Mapping[Any, int | None] | None = None,
) -> list[ImportSummary]:
    """Check and write already parsed records (from a contract file or an interchange
    format such as Moodle or CASE), in order, in one transaction.

    ``read_stamps`` are :meth:`Workspace.change_stamps` taken before the records were
    read: a file whose kind has another stamp now is refused, and nothing is written.
    ``expected`` are the versions an edit read its records at (key → ``row_version``,
    None for a record it adds): a record changed since is refused (:mod:`.conflicts`).
    Every change must be one the workspace's actor may make (:mod:`.permissions`).
    """
    if conn is None:
        with workspace.transaction() as own:
            return import_parsed(
                workspace, parsed_files, replace, own, progress, read_stamps, expected
            )
    if read_stamps is not None:
        parsed_files = list(parsed_files)
        _refuse_stale(workspace, conn, parsed_files, read_stamps)
    summaries = []
    for parsed in parsed_files:
        if progress is not None:
            progress(SAID("checking", file=parsed.label, rows=len(parsed.records)))
        summaries.append(_apply(workspace, conn, parsed, replace, expected))
    return summaries


def _refuse_stale(
    workspace: Workspace,
    conn: Connection,
    parsed_files: list[ParsedFile],
    read_stamps: Mapping[str, Stamp | None],
) -> None:
    """Refuse the import when a kind it writes changed since ``read_stamps`` were taken
    (kinds missing from ``read_stamps`` are not checked)."""
    kinds = {p.kind for p in parsed_files if p.kind in read_stamps}
    now = workspace.change_stamps(kinds, conn)
    problems, named = [], set()
    for parsed in parsed_files:
        if (
            parsed.kind in kinds
            and parsed.kind not in named
            and (stamp := now[parsed.kind]) != read_stamps[parsed.kind]
        ):
            named.add(parsed.kind)
            problems.append(Problem(parsed.label, 1, "-", _stale_message(parsed.kind, stamp)))
    if problems:
        raise ValidationError(problems)


def _stale_message(kind: str, stamp: Stamp | None) -> Message:
    when = "" if stamp is None else SAID("stale_at", time=f"{stamp.time.astimezone():%H:%M:%S}")
    return SAID("stale", kind=table_name(kind), when=when)


def _apply(
    workspace: Workspace,
    conn: Connection,
    parsed: ParsedFile,
    replace: bool,
    expected: Mapping[Any, int | None] | None = None,
) -> ImportSummary:
    problems = parsed.problems + _reference_problems(workspace, conn, parsed, replace)
    cycle_error = None if problems else _cycle_error(workspace, conn, parsed, replace)
    if cycle_error is not None:
        raise cycle_error
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: p.row))
    before = 0 if replace else workspace.count(parsed.kind, conn)
    records = parsed.records
    if parsed.absent and not replace:
        records = _keep_stored(workspace, conn, parsed)
    # Who may first: on PostgreSQL the version check's locking read sees only the rows
    # the login may change, so a forbidden row would look deleted.
    check_allowed(workspace, conn, parsed.kind, records, replace)
    if expected is not None:
        check_versions(conn, parsed.kind, expected)
    workspace.write(conn, parsed.kind, records, replace=replace)
    dangling = dangling_references(conn)
    if dangling:
        key_column = RECORD_TYPES[parsed.kind].KEY[0]
        raise ValidationError(
            [
                Problem(
                    parsed.label, 1, key_column, SAID("would_dangle", reference=reference.message)
                )
                for reference in dangling
            ]
        )
    added = workspace.count(parsed.kind, conn) - before
    return ImportSummary(
        parsed.kind,
        parsed.label,
        len(parsed.records),
        len(parsed.records) if replace else added,
        0 if replace else len(parsed.records) - added,
        replace,
        tuple(parsed.notes),
    )


def _keep_stored(workspace: Workspace, conn: Connection, parsed: ParsedFile) -> list[Record]:
    """The file's records, with the optional columns it leaves out taken from the stored
    rows they update (contract §2); new rows keep the defaults."""
    stored = {record.key(): record for record in workspace.load(parsed.kind, conn)}
    return [
        # Every record type is a dataclass; the ``Record`` base they share is not one.
        replace_fields(cast(Any, record), **{name: getattr(old, name) for name in parsed.absent})
        if (old := stored.get(record.key())) is not None
        else record
        for record in parsed.records
    ]


def _reference_problems(
    workspace: Workspace, conn: Connection, parsed: ParsedFile, replace: bool
) -> list[Problem]:
    known: dict[str, set[Any]] = {}

    def keys_of(kind: str) -> set[Any]:
        if kind not in known:
            if kind == parsed.kind:  # a region's parent, a supervisor: single-column keys
                own_keys = {record.key()[0] for record in parsed.records}
                known[kind] = own_keys if replace else own_keys | workspace.keys(kind, conn)
            else:
                known[kind] = workspace.keys(kind, conn)
        return known[kind]

    problems = []
    for record, row in zip(parsed.records, parsed.rows):
        for reference in record.references():
            if reference.key not in keys_of(reference.kind):
                singular, plural = _TARGET_NAMES[reference.kind]
                problems.append(
                    Problem(
                        parsed.label,
                        row,
                        reference.column,
                        refusal(
                            "unknown_reference",
                            singular=singular,
                            plural=plural,
                            value=reference.key,
                        ),
                    )
                )
    return problems


#: Kinds whose records are edges of a graph that must stay acyclic: how a record gives its
#: edge (or None), the column to blame, and the kind of message that names the cycle.
_EDGES: dict[str, tuple[Callable[[Any], tuple[str, str] | None], str, str]] = {
    Prerequisite.KIND: (lambda r: (r.module, r.requires), "requires", "prerequisite_cycle"),
    Region.KIND: (
        lambda r: None if r.parent is None else (r.code, r.parent),
        "parent",
        "region_parent_cycle",
    ),
}


def _cycle_error(
    workspace: Workspace, conn: Connection, parsed: ParsedFile, replace: bool
) -> CycleError | None:
    """Prerequisites (hard and soft together) and region parents must not form a cycle."""
    if parsed.kind not in _EDGES:
        return None
    edge_of, column, what = _EDGES[parsed.kind]
    merged = {} if replace else {r.key(): r for r in workspace.load(parsed.kind, conn)}
    merged.update((r.key(), r) for r in parsed.records)
    cycles = find_cycles(nx.DiGraph([e for r in merged.values() if (e := edge_of(r))]))
    if not cycles:
        return None
    rows = {edge_of(r): row for r, row in zip(parsed.records, parsed.rows)}
    problems = []
    for cycle in cycles:
        edges_in_file = [rows[e] for e in itertools.pairwise(cycle) if e in rows]
        row = min(edges_in_file) if edges_in_file else 1
        problems.append(Problem(parsed.label, row, column, SAID(what, cycle=format_cycle(cycle))))
    return CycleError([str(node) for node in cycles[0]], problems)
