"""Choose a path's modules: maximise the contract's path value under the JP budget.

Path value (contract §3): ``V = Σ_c min(g(c), Σ_m P(m)·gain(m,c))``, where a module lifts
a competency only when it is *within reach* on it: at most ``REACH`` levels above the
learner, or after a *rung* (a module within reach teaching the competency at most
``REACH`` levels lower) in the same path. A module pitched too high (above the learner on
some competency, within reach on none) is not allowed at all. Every chosen module brings
its hard prerequisites (completed, or chosen too), and a module the learner's digital
literacy allows only after a literacy module brings one of those.

One method, exact, everywhere: a mixed-integer program solved by HiGHS
(``scipy.optimize.milp``) with binary ``x_m``; for each (module, competency) above the
learner and out of direct reach a reach variable ``z ≤ x_m``, ``z ≤ Σ reach of its
rungs``; ``y_c ≤ g(c)``, ``y_c ≤ Σ P·gain·(x or z)``; ``Σ jp·x ≤ budget``; ``x_m ≤ x_r``
for each hard prerequisite ``r``. Ties go to fewer JP, then to the lower module code, so
the same learner always gets the same path.

When the result has fewer than ``min_jp`` JP, a second program keeps it and adds the
modules that bring it to ``min_jp`` with the least JP over it (a subset sum, not a first
fit), the most relevant first. When nothing added to it reaches ``min_jp`` within the
budget, the most valuable path that does; when no combination reaches ``min_jp``, the one
with the most JP.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from ..domain.reach import is_rung, within_direct_reach

__all__ = ["METHODS", "Selection", "SelectionProblem", "most_jp", "path_value", "select"]

METHODS = ("exact",)
#: Value given up to save one JP when breaking ties: far below any real difference.
_JP_TIE = 2e-5
#: Value given up per module rank (among one learner's candidates, rarely over 150) when
#: breaking the remaining ties by module code: below one JP's tie, above HiGHS's tolerance.
_CODE_TIE = 1e-7
#: HiGHS stops at this relative gap: tight enough for the tie-breaks to count.
_GAP = 1e-9
#: HiGHS options scipy does not document (it passes them on, with a warning): the
#: feasibility-jump heuristic costs about half of each solve on these small programs and
#: finds nothing the root LP and cuts do not (measured: 10.2 → 5.3 ms a learner, the same
#: answer for 200 of 200 learners); HiGHS's absolute gap (1e-6 by default) would let it
#: stop before the 1e-7 code tie-break counts.
_OPTIONS = {
    "mip_rel_gap": _GAP,
    "mip_abs_gap": 1e-10,
    "mip_heuristic_run_feasibility_jump": False,
}
# scipy passes options it does not document straight to HiGHS, with a warning.
warnings.filterwarnings("ignore", message="Unrecognized options detected", category=Warning)


class SelectionProblem:
    """The numbers one learner's selection needs, over the candidate modules only.

    ``taught[k, c]`` is the level module k teaches competency c at (0 = not taught),
    ``levels[c]`` the learner's level; ``gain[k, j]`` and ``gaps[j]`` are over the gap
    competencies ``gap_columns`` (indices into ``c``). ``need[k]`` = the candidates k
    requires (transitively, hard), itself included. ``enablers[k]``: for a module the
    learner may take only after a literacy module, the candidates that raise their
    literacy enough (k needs one of them in an earlier period).
    """

    def __init__(
        self,
        modules: np.ndarray,
        jp: np.ndarray,
        p: np.ndarray,
        taught: np.ndarray,
        levels: np.ndarray,
        gap_columns: np.ndarray,
        gaps: np.ndarray,
        prerequisites: np.ndarray,
        relevance: np.ndarray,
        required: np.ndarray | None = None,
        enablers: np.ndarray | None = None,
        one_of: np.ndarray | None = None,
    ):
        k = len(modules)
        self.modules = modules  # K context indices
        self.jp = jp.astype(np.float64)  # K
        self.p = p.astype(np.float64)  # K
        self.taught = taught.astype(np.int16)  # K × C
        self.levels = levels.astype(np.int16)  # C
        self.gap_columns = gap_columns  # G
        self.gaps = gaps.astype(np.float64)  # G
        self.above = self.taught > self.levels  # K × C
        self.direct = within_direct_reach(self.taught, self.levels)
        gain = np.maximum(self.taught[:, gap_columns] - self.levels[gap_columns], 0)
        self.a = p[:, None] * gain.astype(np.float64)  # K × G, when reached
        self.relevance = relevance  # K, filler ranking
        self.edges = prerequisites  # K × K bool, row k: direct hard prerequisites
        need = np.eye(k, dtype=bool)
        step = prerequisites.astype(np.float32)
        while True:
            grown = need | ((need.astype(np.float32) @ step) > 0)
            if (grown == need).all():
                break
            need = grown
        self.need = need
        self.enablers = np.zeros((k, k), dtype=bool) if enablers is None else enablers
        #: modules that must be in the path (with their prerequisites), e.g. tier-1 digital
        #: literacy for a learner whose other modules all need it
        required = np.zeros(k, dtype=bool) if required is None else required
        self.required = need[required].any(axis=0) if required.any() else required
        #: the path holds at least one of these when it can (e.g. a locally relevant module
        #: towards an unmet regional standard); empty = no such rule
        self.one_of = np.zeros(k, dtype=bool) if one_of is None else one_of
        #: out of direct reach: (module, competency) pairs that need a rung
        self.climbs = np.argwhere(self.above & ~self.direct)
        #: modules with competencies above the learner, none within direct reach
        self.too_high: np.ndarray = np.any(self.above, axis=1) & ~np.any(self.direct, axis=1)
        #: the rows of its programs, built once (see ``_structure``)
        self.programs: dict[bool, _Rows] = {}

    def rungs(self, k: int, c: int) -> np.ndarray:
        """Candidates that can be the rung below module k on competency c."""
        level = self.taught[k, c]
        return np.flatnonzero(is_rung(self.taught[:, c], level) & self.above[:, c])

    def value(self, chosen: np.ndarray, reached: np.ndarray | None = None) -> float:
        """V of ``chosen`` (``reached``: K × G, whether each module's gain counts)."""
        a = self.a if reached is None else self.a * reached
        return path_value(self.gaps, a[chosen].sum(axis=0))


def path_value(gaps: np.ndarray, coverage: np.ndarray) -> float:
    """``Σ_c min(g(c), coverage(c))``."""
    return float(np.minimum(gaps, coverage).sum())


@dataclass(frozen=True)
class Selection:
    """The chosen modules, and which of them the minimum-filling program added."""

    chosen: np.ndarray  # K bool
    filled: np.ndarray  # K bool, added to reach min_jp
    #: the most JP any combination allowed, when below ``min_jp`` (else None)
    short_of: float | None = None


def select(
    problem: SelectionProblem, max_jp: int, min_jp: int, forbidden: np.ndarray | None = None
) -> Selection:
    """The chosen path (before ordering): the most valuable under ``max_jp``, then filled
    to ``min_jp`` where the candidates allow. ``forbidden`` modules are never chosen."""
    k = len(problem.modules)
    forbidden = np.zeros(k, dtype=bool) if forbidden is None else forbidden
    if k == 0:
        empty = np.zeros(0, dtype=bool)
        return Selection(empty, empty, 0.0 if min_jp > 0 else None)
    fixed = problem.required & ~forbidden
    nothing = np.zeros(k, dtype=bool)
    one_of = problem.one_of & ~forbidden
    chosen = _solve(problem, max_jp, fixed, forbidden, "value", one_of=one_of)
    if chosen is None:  # no module of ``one_of`` fits: that rule gives way
        one_of = nothing
        chosen = _solve_feasible(problem, max_jp, fixed, forbidden, "value")
    used = float(problem.jp[chosen].sum())
    filled = np.zeros(k, dtype=bool)
    if used >= min_jp:
        return Selection(chosen, filled)
    # ``chosen`` already holds a module of ``one_of`` where that rule applies.
    fill = _solve(problem, max_jp, chosen, forbidden, "fill", min_jp, one_of=nothing)
    if fill is not None:
        return Selection(fill, fill & ~chosen)
    # The best path does not leave room to reach the minimum: the most valuable path that
    # reaches it, since the yearly minimum is the law (PP 11/2017).
    for rule in (one_of, nothing):
        reaching = _solve(problem, max_jp, fixed, forbidden, "value", min_jp, one_of=rule)
        if reaching is not None:
            return Selection(reaching, reaching & (problem.a.sum(axis=1) == 0))
    most = _solve_feasible(problem, max_jp, fixed, forbidden, "most")
    return Selection(most, most & (problem.a.sum(axis=1) == 0), float(problem.jp[most].sum()))


def most_jp(problem: SelectionProblem, budget: float) -> float:
    """The most JP any allowed combination of the candidates totals within ``budget``."""
    if len(problem.modules) == 0:
        return 0.0
    none = np.zeros(len(problem.modules), dtype=bool)
    return float(problem.jp[_solve(problem, budget, none, none, "most", one_of=none)].sum())


def _solve(
    problem: SelectionProblem,
    budget: float,
    fixed: np.ndarray,
    forbidden: np.ndarray,
    goal: str,
    min_jp: float = 0.0,
    *,
    one_of: np.ndarray,
) -> np.ndarray | None:
    """One HiGHS program over x (K), z (reach, Z) and y (coverage, G).

    ``goal``: ``value`` (max V, then fewer JP, then lower codes), ``fill`` (JP at least
    ``min_jp`` with the least over it, then relevance) or ``most`` (the most JP); at least
    one module of ``one_of`` when it has any. Returns None when ``fill``, ``value`` with a
    ``min_jp``, or a ``one_of`` rule is infeasible.
    """
    k, g = problem.a.shape
    z = len(problem.climbs)
    n = k + z + g
    rank = np.argsort(np.argsort(problem.modules))  # module codes are sorted by index
    cost = np.zeros(n)
    if goal == "value":
        cost[:k] = _JP_TIE * problem.jp + _CODE_TIE * rank
        cost[k + z :] = -1.0
    elif goal == "fill":
        cost[:k] = (
            problem.jp
            - 1e-3 * problem.relevance / max(problem.relevance.max(), 1e-12)
            + _CODE_TIE * rank
        )
    else:
        cost[:k] = -problem.jp + _CODE_TIE * rank
    rows = _structure(problem, coverage=goal == "value")
    # The shared rows, then the budget (and the one-of rule) of this program.
    triplets = [(rows.row, rows.col, rows.value)]
    low, high = [*rows.low, min_jp or -np.inf], [*rows.high, budget]
    triplets.append((np.full(k, len(low) - 1), np.arange(k), problem.jp))
    if one_of.any():
        members = np.flatnonzero(one_of)
        low.append(1.0)
        high.append(np.inf)
        triplets.append((np.full(len(members), len(low) - 1), members, np.ones(len(members))))
    row, col, value = (np.concatenate(part) for part in zip(*triplets, strict=True))
    matrix = sp.csr_matrix((value, (row, col)), shape=(len(low), n))
    upper_y = problem.gaps if goal == "value" else np.zeros(g)
    bounds = Bounds(
        np.r_[fixed.astype(float), np.zeros(z + g)],
        np.r_[(~forbidden).astype(float), np.ones(z), upper_y],
    )
    with _quiet_stdout():
        result = milp(
            cost,
            constraints=[LinearConstraint(matrix, np.array(low), np.array(high))],
            integrality=np.r_[np.ones(k), np.zeros(z + g)],
            bounds=bounds,
            options=_OPTIONS,
        )
    if result.x is None:
        if min_jp or one_of.any():
            return None
        raise RuntimeError(f"path selection failed: {result.message}")  # pragma: no cover
    return result.x[:k] > 0.5


@dataclass(frozen=True)
class _Rows:
    """The rows every program of one problem shares, as sparse triplets (duplicates add
    up), with their bounds."""

    row: np.ndarray
    col: np.ndarray
    value: np.ndarray
    low: tuple[float, ...]
    high: tuple[float, ...]


def _structure(problem: SelectionProblem, coverage: bool) -> _Rows:
    """Reach (``z ≤ x``, ``z ≤ Σ reach of the rungs``), too-high modules, literacy
    enablers, hard prerequisites, and with ``coverage`` the ``y ≤ Σ P·gain·reach`` rows.
    Built once per problem and kept: a selection solves up to four programs."""
    cached = problem.programs.get(coverage)
    if cached is not None:
        return cached
    k, _ = problem.a.shape
    climbs = problem.climbs
    z_of = {(int(m), int(c)): k + i for i, (m, c) in enumerate(climbs)}
    row: list[int] = []
    col: list[int] = []
    value: list[float] = []
    count = 0

    def add(entry: list[tuple[int, float]]) -> None:
        nonlocal count
        for c, v in entry:
            row.append(count)
            col.append(c)
            value.append(v)
        count += 1

    def reach(m: int, c: int) -> int:
        """The column that says module m lifts competency c: x_m, or its z."""
        return m if problem.direct[m, c] else z_of[(m, c)]

    for i, (m, c) in enumerate(climbs.tolist()):
        add([(k + i, 1.0), (m, -1.0)])
        add([(k + i, 1.0)] + [(reach(r, c), -1.0) for r in problem.rungs(m, c).tolist()])
    for m in np.flatnonzero(problem.too_high).tolist():
        add([(m, 1.0)] + [(z_of[(m, c)], -1.0) for c in np.flatnonzero(problem.above[m]).tolist()])
    for m in np.flatnonzero(problem.enablers.any(axis=1)).tolist():
        add([(m, 1.0)] + [(e, -1.0) for e in np.flatnonzero(problem.enablers[m]).tolist()])
    for m, r in zip(*(side.tolist() for side in np.nonzero(problem.edges))):
        add([(m, 1.0), (r, -1.0)])
    if coverage:
        z = len(climbs)
        for j, c in enumerate(problem.gap_columns.tolist()):
            lifting = np.flatnonzero(problem.a[:, j] > 0).tolist()
            add([(k + z + j, 1.0)] + [(reach(m, c), -float(problem.a[m, j])) for m in lifting])
    rows = _Rows(
        np.array(row, dtype=np.int64),
        np.array(col, dtype=np.int64),
        np.array(value),
        (-np.inf,) * count,
        (0.0,) * count,
    )
    problem.programs[coverage] = rows
    return rows


def _solve_feasible(
    problem: SelectionProblem, budget: float, fixed: np.ndarray, forbidden: np.ndarray, goal: str
) -> np.ndarray:
    """:func:`_solve` without a minimum or a ``one_of`` rule: always feasible."""
    nothing = np.zeros(len(problem.modules), dtype=bool)
    chosen = _solve(problem, budget, fixed, forbidden, goal, one_of=nothing)
    if chosen is None:  # pragma: no cover - _solve raises first
        raise RuntimeError("path selection failed")
    return chosen


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """HiGHS prints solver notes straight to file descriptor 1, which would corrupt
    ``recommend --format json``: point it at /dev/null while the solver runs."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # no real stdout (GUI, captured)
        fd = 1
    sys.stdout.flush()
    saved = os.dup(fd)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
