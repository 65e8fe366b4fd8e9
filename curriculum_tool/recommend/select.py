"""Choose a path's modules: maximise the contract's path value under the JP budget.

Path value (contract §3): ``V = Σ_c min(g(c), Σ_m P(m)·gain(m,c))``. Every chosen module
brings its hard prerequisites (completed, or chosen too). Two methods:

- ``exact``: a mixed-integer program solved by HiGHS (``scipy.optimize.milp``): binary
  ``x_m``, continuous ``y_c ≤ g(c)``, ``y_c ≤ Σ P·gain·x``, ``Σ jp·x ≤ budget``,
  ``x_m ≤ x_r`` for each hard prerequisite ``r`` of ``m``; ties go to fewer JP;
- ``greedy``: repeatedly add the module (with its missing prerequisites) that adds the
  most value per JP, then keep the better of that and the best single bundle (the
  classic guard that makes a knapsack greedy at least half-optimal).

``benchmarks/results/paths.md`` measures both; ``auto`` uses the exact method for
one learner and the greedy one for batches when it is as good on the benchmark.
When the result has fewer than ``min_jp`` JP, the most valuable remaining modules fill
it up (PP 11/2017: at least 20 JP a year).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

__all__ = ["SelectionProblem", "select", "path_value", "METHODS"]

METHODS = ("exact", "greedy")
#: Value given up to save one JP when breaking ties: far below any real difference.
_JP_TIE = 1e-5


class SelectionProblem:
    """The numbers one learner's selection needs, over the takeable modules only.

    ``a[k, j]`` = P(module k) × gain of module k on gap competency j; ``need[k]`` = the
    takeable modules k requires (transitively, hard), itself included.
    """

    def __init__(self, modules: np.ndarray, jp: np.ndarray, p: np.ndarray,
                 gain: np.ndarray, gaps: np.ndarray, prerequisites: np.ndarray,
                 relevance: np.ndarray, required: np.ndarray | None = None):
        self.modules = modules                    # K context indices
        self.jp = jp.astype(np.float64)           # K
        self.p = p.astype(np.float64)             # K
        self.gaps = gaps.astype(np.float64)       # G
        self.a = p[:, None] * gain.astype(np.float64)  # K × G
        self.relevance = relevance                # K, filler ranking (P × gain on targets)
        self.edges = prerequisites                # K × K bool, row k: direct hard prerequisites
        need = np.eye(len(modules), dtype=bool)
        step = prerequisites.astype(np.float32)
        while True:
            grown = need | ((need.astype(np.float32) @ step) > 0)
            if (grown == need).all():
                break
            need = grown
        self.need = need
        #: modules that must be in the path (with their prerequisites), e.g. tier-1 digital
        #: literacy for a learner whose other modules all need it
        required = np.zeros(len(modules), dtype=bool) if required is None else required
        self.required = need[required].any(axis=0) if required.any() else required

    def value(self, chosen: np.ndarray) -> float:
        return path_value(self.gaps, self.a[chosen].sum(axis=0))


def path_value(gaps: np.ndarray, coverage: np.ndarray) -> float:
    """``Σ_c min(g(c), coverage(c))``."""
    return float(np.minimum(gaps, coverage).sum())


def select(problem: SelectionProblem, max_jp: int, min_jp: int, method: str) -> np.ndarray:
    """Boolean over the problem's modules: the chosen path (before ordering)."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    if len(problem.modules) == 0:
        return np.zeros(0, dtype=bool)
    chosen = _exact(problem, max_jp) if method == "exact" else _greedy(problem, max_jp)
    return _fill(problem, chosen, max_jp, min_jp)


def _exact(problem: SelectionProblem, budget: int) -> np.ndarray:
    k, g = problem.a.shape
    useful = problem.a.sum(axis=1) > 0
    if g == 0 or not useful.any():
        return problem.required.copy()
    # x_0..x_{k-1} binary, then y_0..y_{g-1} continuous in [0, gap].
    cost = np.concatenate([_JP_TIE * problem.jp, -np.ones(g)])
    cover = sp.hstack([-sp.csr_matrix(problem.a.T), sp.identity(g)])
    budget_row = sp.hstack([sp.csr_matrix(problem.jp[None, :]), sp.csr_matrix((1, g))])
    edges = sp.coo_matrix(problem.edges)
    order = sp.csr_matrix((np.r_[np.ones(edges.nnz), -np.ones(edges.nnz)],
                           (np.r_[np.arange(edges.nnz), np.arange(edges.nnz)],
                            np.r_[edges.row, edges.col])), shape=(edges.nnz, k + g))
    constraints = [LinearConstraint(cover, -np.inf, 0),
                   LinearConstraint(budget_row, -np.inf, budget)]
    if edges.nnz:
        constraints.append(LinearConstraint(order, -np.inf, 0))
    with _quiet_stdout():
        result = milp(cost, constraints=constraints,
                      integrality=np.r_[np.ones(k), np.zeros(g)],
                      bounds=Bounds(np.r_[problem.required.astype(float), np.zeros(g)],
                                    np.r_[np.ones(k), problem.gaps]))
    if result.x is None:  # pragma: no cover - x = 0 is always feasible
        return _greedy(problem, budget)
    return result.x[:k] > 0.5


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


def _greedy(problem: SelectionProblem, budget: int) -> np.ndarray:
    chosen = problem.required.copy()
    used = float(problem.jp[chosen].sum())
    current = problem.value(chosen)
    while True:
        bundles = problem.need & ~chosen                  # what each module still brings
        cost = bundles @ problem.jp
        fits = (cost > 0) & (used + cost <= budget)
        if not fits.any():
            break
        coverage = problem.a[chosen].sum(axis=0)
        values = np.minimum(problem.gaps, coverage + bundles.astype(float) @ problem.a).sum(
            axis=1) - current
        ratio = np.where(fits & (values > 1e-9), values / np.maximum(cost, 1), -1.0)
        best = int(np.argmax(ratio))
        if ratio[best] <= 0:
            break
        chosen |= bundles[best]
        used += cost[best]
        current += values[best]
    # Guard: the single most valuable bundle that fits (with what is required), if it
    # beats the greedy path.
    bundles = problem.need | problem.required
    costs = bundles @ problem.jp
    singles = np.minimum(problem.gaps, bundles.astype(float) @ problem.a).sum(axis=1)
    singles = np.where(costs <= budget, singles, -1.0)
    best = int(np.argmax(singles))
    if singles[best] > current + 1e-9:
        return bundles[best].copy()
    return chosen


def _fill(problem: SelectionProblem, chosen: np.ndarray, max_jp: int,
          min_jp: int) -> np.ndarray:
    """Add the most valuable remaining modules (and their prerequisites) up to ``min_jp``."""
    chosen = chosen.copy()
    used = float(problem.jp[chosen].sum())
    while used < min_jp:
        bundles = problem.need & ~chosen
        cost = bundles @ problem.jp
        fits = (cost > 0) & (used + cost <= max_jp)
        if not fits.any():
            break
        coverage = problem.a[chosen].sum(axis=0)
        marginal = np.minimum(problem.gaps, coverage + bundles.astype(float) @ problem.a).sum(
            axis=1)
        rank = np.lexsort((-problem.jp, problem.relevance, marginal))  # best last
        best = next(int(i) for i in rank[::-1] if fits[i])
        chosen |= bundles[best]
        used += cost[best]
    return chosen
