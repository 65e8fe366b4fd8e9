"""The JP ledger: per learner and year, JP planned against JP completed and the minimum.

PP 11/2017 (art. 203) gives every civil servant at least 20 JP of competency development
a year. The ledger of a year puts side by side, for each learner:

- what was planned: the steps of the latest version of the learner's plan for that year
  (:func:`~curriculum_tool.store.path_history.load_year`) and, apart, its outstanding
  compulsory programmes (outside the JP budget, contract §3);
- what was done: the JP of the modules with an outcome ``completed`` 1 dated in that
  calendar year (the day the enrolment ended), at the module's JP in the catalog; a module
  completed twice in one year counts once;
- how much of that was in the plan (a step or a compulsory programme of it);
- whether the completed JP reach the minimum.

Learners with a plan for the year are listed, and those without one who completed
something that year (``everyone`` lists every learner of the workspace). Plain data;
core module, never Qt.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import and_, select

from ..domain.vocab import DEFAULT_MIN_JP, PLAN_YEARS
from ..errors import CurriculumError
from ..messages import Catalogue
from ..store import schema
from ..store.path_history import load_year

__all__ = [
    "LEDGER_COLUMNS",
    "LEDGER_SHEET",
    "LEDGER_SHEET_COLUMNS",
    "LedgerRow",
    "check_year",
    "jp_ledger",
    "ledger_rows",
    "ledger_sheet",
]

SAID = Catalogue(
    "report.ledger",
    {
        "bad_year": (
            "the year must be between {first} and {last}, not {year}",
            "tahun harus antara {first} dan {last}, bukan {year}",
        ),
    },
)


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One learner's JP in one calendar year."""

    learner: str
    year: int
    planned_jp: int
    obligation_jp: int
    completed_jp: int
    completed_planned_jp: int
    minimum: int
    met: bool
    has_plan: bool
    name: str = ""
    unit: str = ""
    region: str = ""
    position: str = ""
    supervisor: str | None = None
    #: The plan version the planned figures come from (0: no plan).
    plan_version: int = 0
    #: The modules completed that year, by code.
    completed_modules: tuple[str, ...] = field(default=())

    @property
    def shortfall_jp(self) -> int:
        """JP still missing to reach the minimum (0 when met)."""
        return max(0, self.minimum - self.completed_jp)


def check_year(year: int) -> int:
    """``year`` when it is a plan year the tool knows; else a clear refusal."""
    if year not in PLAN_YEARS:
        raise CurriculumError(
            SAID("bad_year", first=PLAN_YEARS.start, last=PLAN_YEARS.stop - 1, year=year)
        )
    return year


def jp_ledger(workspace: Any, year: int, everyone: bool = False) -> list[LedgerRow]:
    """The JP ledger of calendar ``year``, one row per learner, by learner id."""
    check_year(year)
    o, learners, modules = schema.outcomes, schema.tables["learners"], schema.tables["modules"]
    done = select(o.c.learner, o.c.module).where(
        and_(
            o.c.completed.is_(True),
            o.c.date >= dt.date(year, 1, 1),
            o.c.date <= dt.date(year, 12, 31),
        )
    )
    with workspace.engine.connect() as conn:
        plans = {path.learner: path for path in load_year(conn, year)}
        jp = {row.code: row.jp for row in conn.execute(select(modules.c.code, modules.c.jp))}
        completed: dict[str, set[str]] = defaultdict(set)
        for row in conn.execute(done):
            completed[row.learner].add(row.module)
        people = {row.id: row for row in conn.execute(select(learners))}
    ids = set(plans) | set(completed) | (set(people) if everyone else set())
    rows = []
    for learner in sorted(ids):
        path = plans.get(learner)
        person = people.get(learner)
        finished = tuple(sorted(completed.get(learner, ())))
        planned = set() if path is None else set(path.modules)
        planned |= set() if path is None else {o.module for o in path.obligations}
        completed_jp = sum(jp.get(m, 0) for m in finished)
        rows.append(
            LedgerRow(
                learner=learner,
                year=year,
                planned_jp=0 if path is None else path.total_jp,
                obligation_jp=0 if path is None else sum(o.jp for o in path.obligations),
                completed_jp=completed_jp,
                completed_planned_jp=sum(jp.get(m, 0) for m in finished if m in planned),
                minimum=DEFAULT_MIN_JP,
                met=completed_jp >= DEFAULT_MIN_JP,
                has_plan=path is not None,
                name="" if person is None else person.name,
                unit="" if person is None else person.unit or "",
                region=person.region if person is not None else getattr(path, "region", ""),
                position=person.position if person is not None else getattr(path, "position", ""),
                supervisor=None if person is None else person.supervisor,
                plan_version=0 if path is None else (path.plan_version or 1),
                completed_modules=finished,
            )
        )
    return rows


#: The ledger as a table (CLI CSV/XLSX, English keys as every machine-readable output).
LEDGER_COLUMNS = (
    "learner",
    "name",
    "year",
    "unit",
    "region",
    "position",
    "has_plan",
    "plan_version",
    "planned_jp",
    "obligation_jp",
    "completed_jp",
    "completed_planned_jp",
    "minimum",
    "met",
    "shortfall_jp",
    "completed_modules",
)


def ledger_rows(rows: list[LedgerRow], label: Any = str, name: Any = str) -> list[dict[str, str]]:
    """``rows`` as text cells of :data:`LEDGER_COLUMNS`; ``label`` and ``name`` show a
    learner id and a name (masking them, e.g. ``ReportContext.learner_label``)."""
    return [
        {
            "learner": label(row.learner),
            "name": name(row.learner),
            "year": str(row.year),
            "unit": row.unit,
            "region": row.region,
            "position": row.position,
            "has_plan": "1" if row.has_plan else "0",
            "plan_version": str(row.plan_version) if row.has_plan else "",
            "planned_jp": str(row.planned_jp),
            "obligation_jp": str(row.obligation_jp),
            "completed_jp": str(row.completed_jp),
            "completed_planned_jp": str(row.completed_planned_jp),
            "minimum": str(row.minimum),
            "met": "1" if row.met else "0",
            "shortfall_jp": str(row.shortfall_jp),
            "completed_modules": ";".join(row.completed_modules),
        }
        for row in rows
    ]


#: The agency workbook's sheet of the ledger (:func:`ledger_sheet`), after the summary's.
LEDGER_SHEET = "JP per Tahun"
LEDGER_SHEET_COLUMNS = (
    "Tahun",
    "Pegawai",
    "Nama",
    "Unit Kerja",
    "Wilayah",
    "Ada Rencana",
    "Versi Rencana",
    "JP Direncanakan",
    "JP Program Wajib",
    "JP Selesai",
    "JP Selesai Sesuai Rencana",
    "Minimum JP",
    "Memenuhi Minimum",
    "Kekurangan JP",
)


def ledger_sheet(workspace: Any, context: Any) -> pd.DataFrame:
    """The ledger of every plan year of the workspace (oldest first), one row per learner
    and year, Indonesian headers; ids and names as ``context`` (a
    :class:`~curriculum_tool.report.context.ReportContext`) shows them, masked by default."""
    from ..store.path_history import plan_years

    with workspace.engine.connect() as conn:
        years = plan_years(conn)
    table = []
    for year in years:
        rows = [
            {
                "Tahun": row.year,
                "Pegawai": context.learner_label(row.learner),
                "Nama": context.learner_name(row.learner),
                "Unit Kerja": row.unit,
                "Wilayah": row.region,
                "Ada Rencana": "ya" if row.has_plan else "tidak",
                "Versi Rencana": row.plan_version or None,
                "JP Direncanakan": row.planned_jp,
                "JP Program Wajib": row.obligation_jp,
                "JP Selesai": row.completed_jp,
                "JP Selesai Sesuai Rencana": row.completed_planned_jp,
                "Minimum JP": row.minimum,
                "Memenuhi Minimum": "ya" if row.met else "tidak",
                "Kekurangan JP": row.shortfall_jp,
            }
            for row in jp_ledger(workspace, year)
        ]
        # Sorted by the label as shown: masked rows do not reveal the order of the NIPs.
        table.extend(sorted(rows, key=lambda r: r["Pegawai"]))
    return pd.DataFrame(table, columns=list(LEDGER_SHEET_COLUMNS))
