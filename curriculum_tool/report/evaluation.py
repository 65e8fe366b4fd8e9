"""Evaluation views (core, no Qt): the Kirkpatrick funnel and planned against actual.

The funnel counts, per group of enrolments, how many got how far: enrolled (every
outcome row, including an enrolment recorded before it ends), completed
(``completed`` = 1), L1 and L2 recorded (a reaction score, a post-test score), L3 = 1
(applied at work) and L4 = 1 (the unit's result improved). Groups are the module, its
modality, the learner's province (the first segment of their region code) or the
*year*: the calendar year of the outcome's date, i.e. the year the enrolment ended (or
will end). An enrolment therefore belongs to the plan year of its end date.

Planned against actual joins what each learner's plan for a year said (the latest plan
version of that year, :func:`~curriculum_tool.store.path_history.load_year`) to the
modules they completed in that calendar year, per learner or per work unit.

Everything is read with one SQL query each and counted with pandas: no Python loop per
outcome, so a million outcomes take seconds, not minutes. Drift (predicted P against the
observed rate) lives in :mod:`.drift`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Integer, String, cast, select

from ..errors import CurriculumError
from ..io.masking import mask_name, pseudonym
from ..messages import Catalogue, Message
from ..store import schema
from ..store.path_history import load_year

__all__ = [
    "GROUPINGS",
    "PLAN_GROUPINGS",
    "SAID",
    "STAGES",
    "FunnelRow",
    "PlanRow",
    "funnel",
    "funnel_total",
    "outcome_table",
    "planned_vs_actual",
    "stage_name",
]

#: The funnel's stages, in order.
STAGES = ("enrolled", "completed", "l1", "l2", "l3", "l4")
#: What a funnel can be grouped by.
GROUPINGS = ("module", "modality", "region", "year")
#: What planned against actual can be grouped by.
PLAN_GROUPINGS = ("learner", "unit")

SAID = Catalogue(
    "report.evaluation",
    {
        "bad_grouping": (
            "cannot group by '{by}'; one of: {choices}",
            "tidak dapat dikelompokkan menurut '{by}'; pilih salah satu dari: {choices}",
        ),
        "bad_year": (
            "year {year} is out of range (1900–2200)",
            "tahun {year} di luar rentang (1900–2200)",
        ),
        "no_unit": ("(no unit)", "(tanpa unit)"),
        "all_groups": ("all", "semua"),
        "stage_enrolled": ("enrolled", "terdaftar"),
        "stage_completed": ("completed", "selesai"),
        "stage_l1": ("L1 reaction recorded", "L1 reaksi tercatat"),
        "stage_l2": ("L2 post-test recorded", "L2 pascates tercatat"),
        "stage_l3": ("L3 applied at work", "L3 diterapkan di tempat kerja"),
        "stage_l4": ("L4 unit result improved", "L4 hasil unit kerja membaik"),
    },
)


def stage_name(stage: str) -> Message:
    """A funnel stage's name for a person (``enrolled`` → "terdaftar" in Indonesian)."""
    return SAID(f"stage_{stage}")


@dataclass(frozen=True)
class FunnelRow:
    """One group's funnel: counts per stage and the mean L1/L2 scores (None when none)."""

    group: str  # module code, modality key, province code, year ("" for the total)
    label: str  # module title, modality key, province name, year
    enrolled: int
    completed: int
    l1: int
    l2: int
    l3: int
    l4: int
    in_progress: int  # enrolments not ended yet (completed 0, date after today)
    mean_l1: float | None
    mean_l2: float | None

    def counts(self) -> tuple[int, ...]:
        """The count of each of :data:`STAGES`, in order."""
        return tuple(int(getattr(self, stage)) for stage in STAGES)

    def share(self, stage: str) -> float:
        """The stage's count as a share of the enrolled (0 when none enrolled)."""
        return getattr(self, stage) / self.enrolled if self.enrolled else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "label": self.label,
            **{stage: getattr(self, stage) for stage in STAGES},
            "in_progress": self.in_progress,
            "mean_l1": self.mean_l1,
            "mean_l2": self.mean_l2,
        }


def _check_year(year: int | None) -> None:
    if year is not None and not 1900 <= int(year) <= 2200:
        raise CurriculumError(SAID("bad_year", year=year))


def outcome_table(workspace, year: int | None = None) -> pd.DataFrame:
    """Every outcome (of calendar ``year`` only, when given) with its learner's region,
    province and unit and its module's modality, title and JP.

    The outcomes are read in one query, without a join: learner and module become
    categoricals, and their facts are looked up once per learner and module, not per row.
    """
    _check_year(year)
    o = schema.outcomes
    query = select(
        o.c.learner,
        o.c.module,
        cast(o.c.date, String).label("date"),
        cast(o.c.completed, Integer).label("completed"),
        o.c.l1,
        o.c.l2,
        cast(o.c.l3, Integer).label("l3"),
        cast(o.c.l4, Integer).label("l4"),
    )
    if year is not None:
        query = query.where(
            o.c.date >= dt.date(int(year), 1, 1), o.c.date <= dt.date(int(year), 12, 31)
        )
    learners, modules = schema.learners, schema.modules
    with workspace.engine.connect() as conn:
        frame = pd.read_sql_query(query, conn)
        people = pd.read_sql_query(select(learners.c.id, learners.c.region, learners.c.unit), conn)
        courses = pd.read_sql_query(
            select(modules.c.code, modules.c.modality, modules.c.title, modules.c.jp), conn
        )
    frame["date"] = pd.to_datetime(frame["date"].astype(str).str.slice(0, 10), format="%Y-%m-%d")
    frame["year"] = frame["date"].dt.year.astype(str)
    frame["learner"] = frame["learner"].astype("category")
    frame["module"] = frame["module"].astype("category")
    people = people.set_index("id")
    people["province"] = people["region"].astype(str).str.split(".", n=1).str[0]
    people["unit"] = people["unit"].fillna("")
    courses = courses.set_index("code")
    for column in ("region", "province", "unit"):
        frame[column] = frame["learner"].map(people[column])
    for column in ("modality", "title", "jp"):
        frame[column] = frame["module"].map(courses[column])
    for column in ("completed", "l1", "l2", "l3", "l4"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    frame["completed"] = frame["completed"].fillna(0).astype(bool)
    return frame


def _province_names(workspace) -> dict[str, str]:
    r = schema.regions
    with workspace.engine.connect() as conn:
        return {str(c): str(n) for c, n in conn.execute(select(r.c.code, r.c.name))}


def funnel(workspace, by: str, year: int | None = None) -> list[FunnelRow]:
    """The Kirkpatrick funnel per ``by`` group (``module``, ``modality``, ``region`` =
    the learner's province, ``year`` = the calendar year of the outcome date, which is the
    plan year of the enrolment), of calendar ``year`` only when given; groups by key."""
    if by not in GROUPINGS:
        raise CurriculumError(SAID("bad_grouping", by=by, choices=", ".join(GROUPINGS)))
    frame = outcome_table(workspace, year)
    if frame.empty:
        return []
    key = {"module": "module", "modality": "modality", "region": "province", "year": "year"}[by]
    today = pd.Timestamp(dt.date.today())
    counted = pd.DataFrame(
        {
            "key": frame[key],
            "enrolled": 1,
            "completed": frame["completed"].astype(int),
            "l1": frame["l1"].notna().astype(int),
            "l2": frame["l2"].notna().astype(int),
            "l3": (frame["l3"] == 1).astype(int),
            "l4": (frame["l4"] == 1).astype(int),
            "in_progress": ((~frame["completed"]) & (frame["date"] > today)).astype(int),
            "l1_sum": frame["l1"].fillna(0),
            "l2_sum": frame["l2"].fillna(0),
        }
    )
    sums = counted.groupby("key", sort=True, observed=True).sum()
    if by == "module":
        labels = frame.drop_duplicates("module").set_index("module")["title"].astype(str)
    elif by == "region":
        labels = pd.Series(_province_names(workspace))
    else:
        labels = pd.Series(dtype=object)
    return [
        FunnelRow(
            str(group),
            str(labels.get(group, group)),
            **{stage: int(row[stage]) for stage in (*STAGES, "in_progress")},
            mean_l1=float(row["l1_sum"] / row["l1"]) if row["l1"] else None,
            mean_l2=float(row["l2_sum"] / row["l2"]) if row["l2"] else None,
        )
        for group, row in sums.iterrows()
    ]


def funnel_total(rows: list[FunnelRow], label: str = "") -> FunnelRow:
    """All groups together: summed counts, means weighted by how many scores each had."""
    counts = {name: sum(getattr(r, name) for r in rows) for name in (*STAGES, "in_progress")}

    def mean(score: str) -> float | None:
        total = sum(getattr(r, score) for r in rows)
        weighted = sum((getattr(r, f"mean_{score}") or 0.0) * getattr(r, score) for r in rows)
        return weighted / total if total else None

    return FunnelRow(
        "",
        label or SAID("all_groups"),
        **counts,
        mean_l1=mean("l1"),
        mean_l2=mean("l2"),
    )


@dataclass(frozen=True)
class PlanRow:
    """One learner's (or unit's) plan for a year against what they completed that year."""

    key: str  # the learner id (masked unless unmasked) or the unit ("" = no unit)
    label: str  # the learner's name (masked unless unmasked) or the unit as shown
    unit: str
    learners: int  # 1 per learner row; how many learners a unit row sums
    planned_modules: int
    planned_jp: int
    completed_modules: int  # distinct modules completed in the year
    completed_jp: int
    planned_completed: int  # planned modules among those completed in the year

    @property
    def plan_rate(self) -> float | None:
        """The share of planned modules completed (None when nothing was planned)."""
        return self.planned_completed / self.planned_modules if self.planned_modules else None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": str(self.label),
            "unit": str(self.unit),
            "learners": self.learners,
            "planned_modules": self.planned_modules,
            "planned_jp": self.planned_jp,
            "completed_modules": self.completed_modules,
            "completed_jp": self.completed_jp,
            "planned_completed": self.planned_completed,
            "plan_rate": self.plan_rate,
        }


def _plans(workspace, year: int) -> pd.DataFrame:
    """learner, module, jp: the steps and obligations of the latest plan of ``year``."""
    with workspace.engine.connect() as conn:
        paths = load_year(conn, year)
    rows = [(path.learner, step.module, step.jp) for path in paths for step in path.steps]
    rows += [(path.learner, duty.module, duty.jp) for path in paths for duty in path.obligations]
    plans = pd.DataFrame(rows, columns=["learner", "module", "jp"])
    planned_learners = pd.Series([p.learner for p in paths], dtype=object)
    # A plan with no step at all still says "nothing planned" for its learner.
    empty = planned_learners[~planned_learners.isin(plans["learner"])]
    if len(empty):
        plans = pd.concat(
            [plans, pd.DataFrame({"learner": empty, "module": None, "jp": 0})], ignore_index=True
        )
    return plans.drop_duplicates(["learner", "module"])


def _learner_facts(workspace) -> pd.DataFrame:
    table = schema.learners
    with workspace.engine.connect() as conn:
        frame = pd.read_sql_query(select(table.c.id, table.c.name, table.c.unit), conn)
    frame["unit"] = frame["unit"].fillna("").astype(str).str.strip()
    return frame.set_index("id")


def planned_vs_actual(
    workspace, year: int, by: str = "learner", unmask: bool = False
) -> list[PlanRow]:
    """Per learner (or work unit): modules and JP planned for ``year`` (steps and
    obligations of the latest plan version of that year) against the distinct modules
    completed in that calendar year and how many of the planned ones they are.

    Learners with a plan or a completion that year are listed; ids and names are masked
    (as exports mask them) unless ``unmask``. A learner without a unit counts under
    "(no unit)"."""
    if by not in PLAN_GROUPINGS:
        raise CurriculumError(SAID("bad_grouping", by=by, choices=", ".join(PLAN_GROUPINGS)))
    _check_year(year)
    plans = _plans(workspace, int(year))
    outcomes = outcome_table(workspace, int(year))
    done = outcomes.loc[outcomes["completed"], ["learner", "module", "jp"]]
    done = done.astype({"learner": str, "module": str, "jp": int}).drop_duplicates(
        ["learner", "module"]
    )
    planned = plans.groupby("learner").agg(
        planned_modules=("module", "count"), planned_jp=("jp", "sum")
    )
    completed = done.groupby("learner").agg(
        completed_modules=("module", "count"), completed_jp=("jp", "sum")
    )
    hits = done.merge(plans.dropna(subset=["module"])[["learner", "module"]])
    hit_counts = hits.groupby("learner").size().rename("planned_completed")
    table = planned.join(completed, how="outer").join(hit_counts, how="left")
    table = table.fillna(0).astype(np.int64)
    facts = _learner_facts(workspace)
    table = table.join(facts, how="left")
    table["unit"] = table["unit"].fillna("")
    table["learners"] = 1
    numbers = [
        "learners",
        "planned_modules",
        "planned_jp",
        "completed_modules",
        "completed_jp",
        "planned_completed",
    ]
    if by == "unit":
        units = table.groupby("unit", sort=True)[numbers].sum()
        return [
            PlanRow(
                str(unit),
                str(unit) if unit else SAID("no_unit"),
                str(unit),
                *(int(row[n]) for n in numbers),
            )
            for unit, row in units.iterrows()
        ]
    secret = "" if unmask else (workspace.get_meta("pseudonym_key") or "")
    out = []
    for learner, row in table.sort_index().iterrows():  # one row per learner, not per outcome
        name = str(row["name"]) if isinstance(row["name"], str) else ""
        out.append(
            PlanRow(
                str(learner) if unmask else pseudonym(secret, str(learner)),
                name if unmask else mask_name(name),
                str(row["unit"]),
                *(int(row[n]) for n in numbers),
            )
        )
    return out
