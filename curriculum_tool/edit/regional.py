"""A region's own records as its officers keep them: regional standards, and local
modules with their prerequisites.

The rules the regions tab used to keep in its widgets live here, below every caller: a
new record may not take a key already in use (a second standard of a region for one
competency, a module code another module has), a local module's prerequisites are
offered from the modules its region's learners may take, and a module is written with
exactly the prerequisites chosen for it in one transaction. Every write goes through the
edit service (:func:`~.service.save_records`, :func:`~.service.delete_records`), from
the versions read with the records, by the workspace's actor.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, select

from ..domain import Module, Prerequisite, Region, RegionalStandard
from ..domain.regions import ancestry, offered_in
from ..errors import Problem, ValidationError
from ..messages import Catalogue
from ..store import Workspace
from ..store.mapping import mapping_for
from .service import EDIT_LABEL, delete_records, save_records

__all__ = [
    "PREREQUISITES_FIELD",
    "all_versions",
    "save_local_module",
    "save_standard",
    "usable_modules",
]

#: The field of a local module that holds its prerequisites: where a refused edge is
#: reported, whatever column of the edge it is about.
PREREQUISITES_FIELD = "prerequisites"

SAID = Catalogue(
    "edit.regional",
    {
        "module_taken": (
            "code {code} is already used by another module; choose another code",
            "kode {code} sudah dipakai modul lain; pilih kode lain",
        ),
        "standard_taken": (
            "{region} already has a standard for {competency}; change that standard instead",
            "{region} sudah punya standar untuk {competency}; ubah standar itu saja",
        ),
    },
)


def usable_modules(
    modules: Iterable[Module],
    region: str,
    regions: Mapping[str, Region],
    keep: Collection[str] = (),
) -> list[Module]:
    """The modules a local module of ``region`` may require: those its learners can take
    (national ones, and the local ones of the region or a region above it), plus those in
    ``keep`` (the edges it already has, whatever they name).

    >>> regions = {"72": Region("72", "Sulteng"), "72.71": Region("72.71", "Palu", "72")}
    >>> modules = [Module("N", "n", 8, "klasikal", 2)]
    >>> modules += [replace(modules[0], code=c, scope=c[2:]) for c in ("L-72", "L-72.71")]
    >>> [m.code for m in usable_modules(modules, "72", regions)]
    ['N', 'L-72']
    >>> [m.code for m in usable_modules(modules, "72.71", regions)]
    ['N', 'L-72', 'L-72.71']
    """
    chain = set(ancestry(region, regions))
    return [m for m in modules if offered_in(m.scope, chain) or m.code in keep]


def all_versions(conn: Connection, kind: str) -> dict[Any, int]:
    """The stored version of every record of ``kind``, by key: read before the records
    themselves, so that an edit made from them is refused rather than overwriting a
    change made in between."""
    mapping = mapping_for(kind)
    table = mapping.table
    columns = [table.c[c] for c in mapping.key_columns]
    found: dict[Any, int] = {}
    for *key, version in conn.execute(select(*columns, table.c.row_version)):
        found[key[0] if len(key) == 1 else tuple(key)] = version
    return found


def save_standard(
    workspace: Workspace, standard: RegionalStandard, version: int | None, note: str = ""
) -> None:
    """Add (``version`` None) or change a regional standard, from the version read; a
    new standard for a competency its region already has is refused, naming it."""
    key = standard.key()
    with workspace.transaction() as conn:
        if version is None and key in workspace.keys(standard.KIND, conn):
            message = SAID("standard_taken", region=standard.region, competency=standard.competency)
            raise ValidationError(Problem(EDIT_LABEL, 2, "competency", message))
        save_records(workspace, standard.KIND, [standard], {key: version}, note, conn=conn)


def save_local_module(
    workspace: Workspace,
    module: Module,
    prerequisites: Sequence[Prerequisite],
    *,
    version: int | None,
    edge_versions: Mapping[Any, int],
    note: str = "",
) -> None:
    """Add (``version`` None) or change ``module`` with exactly ``prerequisites`` as its
    edges, in one transaction: the module, then the edges it no longer has deleted, then
    its edges written. ``edge_versions`` are the stored versions of the module's edges
    as read with it. A code in use, a cycle, an unknown module, a change made meanwhile
    or one the actor may not make refuses the whole, changing nothing; problems about
    the edges are reported on :data:`PREREQUISITES_FIELD`.
    """
    code = module.code
    with workspace.transaction() as conn:
        if version is None and code in workspace.keys(module.KIND, conn):
            message = SAID("module_taken", code=code)
            raise ValidationError(Problem(EDIT_LABEL, 2, "code", message))
        save_records(workspace, module.KIND, [module], {code: version}, note, conn=conn)
        wanted = {p.key() for p in prerequisites}
        stale = [
            p.key()
            for p in workspace.load("prerequisites", conn)
            if p.module == code and p.key() not in wanted
        ]
        try:
            if stale:
                expected = {key: edge_versions.get(key) for key in stale}
                delete_records(workspace, Prerequisite.KIND, stale, expected, note, conn=conn)
            if prerequisites:
                expected = {p.key(): edge_versions.get(p.key()) for p in prerequisites}
                save_records(
                    workspace, Prerequisite.KIND, list(prerequisites), expected, note, conn=conn
                )
        except ValidationError as error:
            raise ValidationError(
                [replace(problem, column=PREREQUISITES_FIELD) for problem in error.problems]
            ) from None
