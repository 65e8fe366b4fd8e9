"""Synthetic learners and enrolment outcomes drawn from a documented ground truth.

Real outcome data is scarce and never shows what *would* have happened, so the model and
the path engine are measured on data drawn from a known truth
(:mod:`curriculum_tool.simulate.ground_truth`, written down in ``docs/simulator.md``).
:func:`simulate` draws learners over the catalog's positions and regions, their
enrolments between 2021-01-01 and 2025-12-31, and each enrolment's Kirkpatrick outcome;
:func:`simulate_to_dir` writes ``learners.csv`` and ``outcomes.csv`` in the contract's
format, plus ``truth.csv`` with the true probabilities of every enrolment.

Everything is drawn with numpy from ``np.random.default_rng(seed)``: the same seed gives
the same files. Enrolments are processed in date order, one step per learner at a time
(a loop over steps, vectorised over learners), because whether a hard prerequisite was
completed before an enrolment depends on the outcomes drawn before it.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..domain import RECORD_TYPES, Learner
from ..domain.gaps import gap
from ..errors import CurriculumError, ValidationError
from ..index import CatalogIndex, LearnerArrays
from ..io.atomic import atomic_output
from ..messages import Catalogue
from ..model.pairs import pair_frame
from .ground_truth import true_probabilities

__all__ = ["END", "START", "Simulation", "load_context", "simulate", "simulate_to_dir"]

#: Why a simulation is refused.
SAID = Catalogue(
    "simulate",
    {
        "no_table": (
            "no {kind}.csv in catalog folder '{directory}'",
            "tidak ada {kind}.csv di folder katalog '{directory}'",
        ),
        "too_few_learners": (
            "the number of learners must be at least 1, not {n}",
            "jumlah peserta minimal 1, bukan {n}",
        ),
        "no_positions": (
            "the catalog has no job standards: no position to simulate",
            "katalog tidak memiliki standar kompetensi jabatan: tidak ada jabatan untuk "
            "disimulasikan",
        ),
        "no_region": (
            "the catalog has no region with an approved module",
            "katalog tidak memiliki wilayah dengan modul yang disetujui",
        ),
    },
)

#: The enrolment window.
START = np.datetime64("2021-01-01", "D")
END = np.datetime64("2025-12-31", "D")

# -- generation parameters (documented in docs/simulator.md) -------------------------------

#: Share of learners placed in a regency/city (the rest in a province), when both exist.
REGENCY_SHARE = 0.7
#: P(digital literacy = 0, 1, 2, 3) by the kind of region the learner works in.
LITERACY_BY_REGION = {
    "remote": (0.35, 0.40, 0.18, 0.07),  # connectivity none, or a 3T region
    "low": (0.15, 0.40, 0.33, 0.12),
    "high": (0.05, 0.20, 0.45, 0.30),
}
#: Share of a learner's target competencies already at target (the rest are below).
AT_TARGET_SHARE = 0.15
#: Share of competencies outside the target profile held at level 1–2 (the rest 0).
OTHER_COMPETENCY_SHARE = 0.10
#: First enrolments per learner: ENROLMENTS_MIN + Binomial(ENROLMENTS_SPREAD, 0.5), i.e.
#: 5–13 (mean 9; with prerequisites followed and retakes about 10 enrolments a learner).
ENROLMENTS_MIN, ENROLMENTS_SPREAD = 4, 7
#: Share of enrolments chosen among modules that teach one of the learner's gaps.
GAP_SHARE = 0.65
#: Share of a chosen module's hard prerequisites the learner also enrols in (one level).
PREREQ_FOLLOW = 0.5
#: Enrolments are taken roughly by module level: level + Normal(0, ORDER_NOISE).
ORDER_NOISE = 1.0
#: Share of not-completed enrolments retaken later (30–365 days after, within the window).
RETAKE_SHARE = 0.3
RETAKE_DELAY_DAYS = (30, 365)
#: Share of completed enrolments whose supervisor never reported l3 (no label).
L3_MISSING = 0.10
#: Share of enrolments with an l1 (reaction) score: completed, not completed.
L1_PRESENT = (0.95, 0.40)
#: Share of completed enrolments with an l2 (post-test) score.
L2_PRESENT = 0.90
#: Share of l3 = 1 enrolments with an l4 (unit result) report, and P(l4 = 1) then.
L4_PRESENT, L4_POSITIVE = 0.30, 0.60
#: Learners per block when choosing enrolments (bounds memory at learners × modules).
BLOCK = 20_000

_NEVER = np.iinfo(np.int32).max
_LEARNER_COLUMNS = RECORD_TYPES["learners"].COLUMNS
_OUTCOME_COLUMNS = RECORD_TYPES["outcomes"].COLUMNS
TRUTH_COLUMNS = ("learner", "module", "date", "p_completed", "p_success")


@dataclass(eq=False)
class Simulation:
    """A simulated agency.

    ``learners`` and ``outcomes`` hold exactly the contract's columns (nullable integers
    for empty l1–l4); ``truth`` the true probabilities of each outcome row (same order);
    ``pairs`` the pair frame of each outcome row, with ``prereq_missing`` as it was at
    that enrolment; ``learner_arrays`` the learners aligned with ``context``.
    """

    context: CatalogIndex
    learner_arrays: LearnerArrays
    learners: pd.DataFrame
    outcomes: pd.DataFrame
    truth: pd.DataFrame
    pairs: pd.DataFrame

    def learner_records(self) -> list[Learner]:
        """The learners as validated :class:`Learner` records (slow for many learners)."""
        return [
            Learner.from_row({str(k): str(v) for k, v in row.items()})
            for row in self.learners.to_dict("records")
        ]


def load_context(catalog_directory: str | os.PathLike[str] | None = None) -> CatalogIndex:
    """A :class:`CatalogIndex` of a catalog folder (default: the shipped ``catalog/``)."""
    from ..catalog import catalog_dir
    from ..io.importer import parse_file

    directory = Path(catalog_directory) if catalog_directory is not None else catalog_dir()
    kinds = (
        "competencies",
        "regions",
        "modules",
        "prerequisites",
        "regional_standards",
        "job_standards",
    )
    for kind in ("modules", "regions", "job_standards"):
        if not (directory / f"{kind}.csv").is_file():
            raise CurriculumError(SAID("no_table", kind=kind, directory=str(directory)))
    records: dict[str, list[Any]] = {}  # each kind's own record type
    problems = []
    for kind in kinds:
        path = directory / f"{kind}.csv"
        if not path.is_file():
            records[kind] = []
            continue
        parsed = parse_file(kind, path)
        problems.extend(parsed.problems)
        records[kind] = parsed.records
    if problems:
        raise ValidationError(problems)
    return CatalogIndex.from_records(
        records["modules"],
        records["regions"],
        records["prerequisites"],
        records["job_standards"],
        records["regional_standards"],
        records["competencies"],
    )


# -- learners ------------------------------------------------------------------------------


def _draw_regions(context: CatalogIndex, rng: np.random.Generator, n: int) -> np.ndarray:
    regencies = np.flatnonzero(context.region_parent >= 0)
    provinces = np.flatnonzero(context.region_parent < 0)
    if len(regencies) == 0 or len(provinces) == 0:
        pool = regencies if len(regencies) else provinces
        return pool[rng.integers(0, len(pool), n)].astype(np.int32)
    in_regency = rng.random(n) < REGENCY_SHARE
    regency = regencies[rng.integers(0, len(regencies), n)]
    province = provinces[rng.integers(0, len(provinces), n)]
    return np.where(in_regency, regency, province).astype(np.int32)


def _draw_literacy(
    context: CatalogIndex, rng: np.random.Generator, region: np.ndarray
) -> np.ndarray:
    remote = (context.region_connectivity == 0) | (context.region_is_3t == 1)
    high = context.region_connectivity == 2
    table = np.where(
        remote[:, None],
        LITERACY_BY_REGION["remote"],
        np.where(high[:, None], LITERACY_BY_REGION["high"], LITERACY_BY_REGION["low"]),
    )
    cumulative = np.cumsum(table, axis=1)[region]
    return (rng.random(len(region))[:, None] > cumulative[:, :-1]).sum(axis=1).astype(np.int8)


def _draw_levels(rng: np.random.Generator, targets: np.ndarray) -> np.ndarray:
    shape = targets.shape
    at_target = rng.random(shape) < AT_TARGET_SHARE
    below = np.floor(rng.random(shape) * targets)  # uniform 0 … target − 1
    other = np.where(rng.random(shape) < OTHER_COMPETENCY_SHARE, rng.integers(1, 3, shape), 0)
    levels = np.where(targets > 0, np.where(at_target, targets, below), other)
    return np.clip(levels, 0, 5).astype(np.int8)


# -- enrolments ----------------------------------------------------------------------------


def _gap_modules(context: CatalogIndex, levels: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """learners × modules: the module raises a competency where the learner has a gap."""
    below = gap(targets, levels) > 0
    taught = context.module_levels
    hits = np.zeros((len(levels), taught.shape[0]), dtype=np.float32)
    for value in range(int(levels.max(initial=0)) + 1):
        learner_side = (below & (levels == value)).astype(np.float32)
        hits += learner_side @ (taught > value).astype(np.float32).T
    return hits > 0


def _first_k(rng: np.random.Generator, eligible: np.ndarray, k: np.ndarray) -> tuple:
    """(row, column) of ``k[row]`` distinct eligible columns per row, chosen uniformly."""
    keys = np.where(eligible, rng.random(eligible.shape), 2.0)
    order = np.argsort(keys, axis=1, kind="stable")
    rows, ranks = np.nonzero(np.arange(eligible.shape[1])[None, :] < k[:, None])
    return rows, order[rows, ranks]


def _choose_enrolments(
    context: CatalogIndex, rng: np.random.Generator, learners: LearnerArrays
) -> tuple[np.ndarray, np.ndarray]:
    """Learner and module index of each first enrolment (distinct modules per learner)."""
    learner_parts, module_parts = [], []
    for start in range(0, len(learners), BLOCK):
        block = slice(start, min(start + BLOCK, len(learners)))
        offered = context.region_offered[learners.region[block]]
        closing = offered & _gap_modules(context, learners.levels[block], learners.targets[block])
        other = offered & ~closing
        n_gap, n_other = closing.sum(axis=1), other.sum(axis=1)
        total = ENROLMENTS_MIN + rng.binomial(ENROLMENTS_SPREAD, 0.5, len(n_gap))
        total = np.minimum(total, n_gap + n_other)
        want_gap = rng.binomial(total, GAP_SHARE)
        take_gap = np.clip(np.maximum(want_gap, total - n_other), 0, n_gap)
        take_other = np.minimum(total - take_gap, n_other)
        for eligible, k in ((closing, take_gap), (other, take_other)):
            rows, modules = _first_k(rng, eligible, k)
            learner_parts.append(rows + start)
            module_parts.append(modules)
    learner = np.concatenate(learner_parts).astype(np.int64)
    module = np.concatenate(module_parts).astype(np.int64)
    learner, module = _follow_prerequisites(context, rng, learners, learner, module)
    order = np.lexsort((module, learner))
    return learner[order], module[order]


def _follow_prerequisites(
    context: CatalogIndex,
    rng: np.random.Generator,
    learners: LearnerArrays,
    learner: np.ndarray,
    module: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Add, with probability PREREQ_FOLLOW each, the offered hard prerequisites of the
    chosen modules that the learner did not choose already."""
    graph = context.hard_prerequisites
    counts = np.diff(graph.indptr)[module]
    owner = np.repeat(learner, counts)
    starts = np.repeat(graph.indptr[module], counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    required = graph.indices[starts + offsets].astype(np.int64)
    keep = (rng.random(len(required)) < PREREQ_FOLLOW) & context.region_offered[
        learners.region[owner], required
    ]
    n_modules = len(context.module_codes)
    chosen = learner * n_modules + module
    extra = np.setdiff1d(owner[keep] * n_modules + required[keep], chosen)
    everything = np.concatenate([chosen, extra])
    return everything // n_modules, everything % n_modules


def _dates(
    context: CatalogIndex, rng: np.random.Generator, learner: np.ndarray, module: np.ndarray
) -> np.ndarray:
    """Day offsets from START: uniform, sorted per learner, lower-level modules first."""
    span = int((END - START).astype(int))
    key = context.module_level[module] + rng.normal(0.0, ORDER_NOISE, len(module))
    by_key = np.lexsort((key, learner))
    days = rng.integers(0, span + 1, len(module))
    by_day = np.lexsort((days, learner))
    result = np.empty(len(module), dtype=np.int32)
    result[by_key] = days[by_day]  # same learner blocks: the k-th by key gets the k-th day
    return result


# -- simulation ----------------------------------------------------------------------------


def simulate(context: CatalogIndex, n_learners: int, seed: int = 0) -> Simulation:
    """Draw ``n_learners`` learners, their enrolments and outcomes from the ground truth."""
    if n_learners < 1:
        raise CurriculumError(SAID("too_few_learners", n=n_learners))
    if not context.position_codes:
        raise CurriculumError(SAID("no_positions"))
    if not context.region_codes or not context.region_offered.any():
        raise CurriculumError(SAID("no_region"))
    rng = np.random.default_rng(seed)
    n = n_learners
    width = max(6, len(str(n)))
    ids = np.array([f"SIM-{i:0{width}d}" for i in range(1, n + 1)], dtype=object)
    region = _draw_regions(context, rng, n)
    position = rng.integers(0, len(context.position_codes), n).astype(np.int32)
    literacy = _draw_literacy(context, rng, region)
    levels = _draw_levels(rng, context.targets(region, position))
    positions = np.array(context.position_codes, dtype=object)[position]
    learners = context.make_learner_arrays(ids, region, positions, literacy, levels)

    # First enrolments, then a possible retake of each (used only if it was not completed).
    first_learner, first_module = _choose_enrolments(context, rng, learners)
    first_day = _dates(context, rng, first_learner, first_module)
    span = int((END - START).astype(int))
    retake_day = first_day + rng.integers(
        RETAKE_DELAY_DAYS[0], RETAKE_DELAY_DAYS[1] + 1, len(first_day)
    )
    retake = (rng.random(len(first_day)) < RETAKE_SHARE) & (retake_day <= span)
    origin = np.concatenate([np.full(len(first_day), -1), np.flatnonzero(retake)])
    li = np.concatenate([first_learner, first_learner[retake]])
    mi = np.concatenate([first_module, first_module[retake]])
    day = np.concatenate([first_day, retake_day[retake]])
    u_complete = rng.random(len(li))
    u_apply = rng.random(len(li))

    order = np.lexsort((mi, day, li))
    li, mi, day, u_complete, u_apply = (a[order] for a in (li, mi, day, u_complete, u_apply))
    position_of = np.empty(len(order), dtype=np.int64)
    position_of[order] = np.arange(len(order))
    origin = origin[order]
    origin = np.where(origin >= 0, position_of[np.maximum(origin, 0)], -1)
    starts = np.r_[0, np.flatnonzero(np.diff(li)) + 1]
    step = np.arange(len(li)) - np.repeat(starts, np.diff(np.r_[starts, len(li)]))

    empty = sp.csr_matrix((len(li), len(context.module_codes)), dtype=bool)
    frame = pair_frame(context, learners, li, mi, completed=empty)
    missing = frame["prereq_missing"].to_numpy().copy()
    p_completed = np.zeros(len(li))
    p_success = np.zeros(len(li))
    completed = np.zeros(len(li), dtype=bool)
    applied = np.zeros(len(li), dtype=bool)
    active = origin < 0
    completed_on = np.full((n, len(context.module_codes)), _NEVER, dtype=np.int32)
    for s in range(int(step.max(initial=-1)) + 1):
        rows = np.flatnonzero(step == s)
        is_retake = origin[rows] >= 0
        active[rows[is_retake]] = ~completed[origin[rows[is_retake]]]
        rows = rows[active[rows]]
        if len(rows) == 0:
            continue
        done_before = completed_on[li[rows]] < day[rows, None]
        missing[rows] = context.prereq_missing(mi[rows], done_before)
        sub = frame.iloc[rows].copy()
        sub["prereq_missing"] = missing[rows]
        p_completed[rows], p_success[rows] = true_probabilities(sub)
        completed[rows] = u_complete[rows] < p_completed[rows]
        applied[rows] = completed[rows] & (u_apply[rows] * p_completed[rows] < p_success[rows])
        done = rows[completed[rows]]
        completed_on[li[done], mi[done]] = day[done]

    keep = np.flatnonzero(active)
    frame["prereq_missing"] = missing
    pairs = frame.iloc[keep].reset_index(drop=True)
    li, mi, day = li[keep], mi[keep], day[keep]
    completed, applied = completed[keep], applied[keep]
    p_completed, p_success = p_completed[keep], p_success[keep]

    rows, cols = np.nonzero(completed_on < _NEVER)
    final = sp.csr_matrix((np.ones(len(rows), dtype=bool), (rows, cols)), shape=completed_on.shape)
    learners = replace(learners, completed=final)

    dates = (START + day.astype("timedelta64[D]")).astype(str)
    module_codes = np.array(context.module_codes, dtype=object)
    outcomes = _outcomes(
        rng, ids[li], module_codes[mi], dates, completed, applied, p_completed, p_success
    )
    truth = pd.DataFrame(
        {
            "learner": ids[li],
            "module": module_codes[mi],
            "date": dates,
            "p_completed": p_completed,
            "p_success": p_success,
        }
    )
    table = _learner_table(context, learners, li[completed], mi[completed])
    return Simulation(context, learners, table, outcomes, truth, pairs)


def _nullable(values: np.ndarray, present: np.ndarray) -> pd.arrays.IntegerArray:
    return pd.arrays.IntegerArray(values.astype(np.int8), ~present)


def _outcomes(
    rng: np.random.Generator,
    learner: np.ndarray,
    module: np.ndarray,
    dates: np.ndarray,
    completed: np.ndarray,
    applied: np.ndarray,
    p_completed: np.ndarray,
    p_success: np.ndarray,
) -> pd.DataFrame:
    """The Kirkpatrick columns: l3 from the draw, l1/l2 noisy scores tracking the truth."""
    n = len(learner)
    p_applied = p_success / np.maximum(p_completed, 1e-12)
    l1 = np.clip(np.rint(45 + 40 * p_completed + rng.normal(0, 12, n)), 0, 100)
    l1_present = rng.random(n) < np.where(completed, L1_PRESENT[0], L1_PRESENT[1])
    l2 = np.clip(np.rint(40 + 45 * p_applied + rng.normal(0, 12, n)), 0, 100)
    l2_present = completed & (rng.random(n) < L2_PRESENT)
    l3_present = completed & (rng.random(n) >= L3_MISSING)
    l4_present = l3_present & applied & (rng.random(n) < L4_PRESENT)
    l4 = rng.random(n) < L4_POSITIVE
    return pd.DataFrame(
        {
            "learner": learner,
            "module": module,
            "date": dates,
            "completed": completed.astype(np.int8),
            "l1": _nullable(l1, l1_present),
            "l2": _nullable(l2, l2_present),
            "l3": _nullable(applied, l3_present),
            "l4": _nullable(l4, l4_present),
        },
        columns=list(_OUTCOME_COLUMNS),
    )


def _joined(n: int, owner: np.ndarray, tokens: np.ndarray) -> list[str]:
    """For each of ``n`` owners, its tokens (``owner`` sorted) joined with ``;``."""
    bounds = np.searchsorted(owner, np.arange(n + 1))
    items = tokens.tolist()
    return [";".join(items[a:b]) for a, b in itertools.pairwise(bounds)]


def _learner_table(
    context: CatalogIndex,
    learners: LearnerArrays,
    done_learner: np.ndarray,
    done_module: np.ndarray,
) -> pd.DataFrame:
    """learners.csv: nonzero levels as CODE:LEVEL, completed modules in date order, the
    optional columns empty."""
    n = len(learners)
    rows, cols = np.nonzero(learners.levels)
    codes = np.array(context.competency_codes, dtype=object)
    tokens = codes[cols] + ":" + learners.levels[rows, cols].astype(str).astype(object)
    module_codes = np.array(context.module_codes, dtype=object)
    order = np.argsort(done_learner, kind="stable")  # already in date order per learner
    return pd.DataFrame(
        {
            "id": learners.ids,
            "name": [f"Peserta Simulasi {i}" for i in range(1, n + 1)],
            "position": np.array(context.position_codes, dtype=object)[learners.position],
            "region": np.array(context.region_codes, dtype=object)[learners.region],
            "digital_literacy": learners.digital_literacy,
            "competencies": _joined(n, rows, tokens),
            "completed": _joined(n, done_learner[order], module_codes[done_module[order]]),
            # The optional columns, empty: status pns (the default), no unit, no supervisor.
            **dict.fromkeys(RECORD_TYPES["learners"].OPTIONAL, ""),
        },
        columns=list(_LEARNER_COLUMNS),
    )


def _write_csv(frame: pd.DataFrame, path: Path, float_format: str | None = None) -> None:
    with atomic_output(path, "w", newline="", encoding="utf-8") as handle:
        frame.to_csv(handle, index=False, lineterminator="\n", float_format=float_format)


def simulate_to_dir(
    outdir: str | os.PathLike[str],
    n_learners: int,
    seed: int = 0,
    catalog_directory: str | os.PathLike[str] | None = None,
) -> Simulation:
    """Simulate from a catalog folder and write learners.csv, outcomes.csv and truth.csv."""
    simulation = simulate(load_context(catalog_directory), n_learners, seed)
    outdir = Path(outdir)
    _write_csv(simulation.learners, outdir / "learners.csv")
    _write_csv(simulation.outcomes, outdir / "outcomes.csv")
    _write_csv(simulation.truth, outdir / "truth.csv", float_format="%.6f")
    return simulation
