"""Put chosen modules in an order a learner can follow, grouped into periods.

Hard and soft prerequisites among the chosen modules both come first (soft ones are
"better first"), and so do the rungs that bring a module within reach; among modules free
to go next, the more valuable goes first. Periods hold at most ``max_jp / periods`` JP
each; a module goes in the earliest period that has room and is not before any of its
prerequisites' periods, and is after the period of a literacy module it waits for
(``strict``: the literacy a period raises counts from the next period on).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence

import scipy.sparse as sp

__all__ = ["assign_periods", "order_steps"]


def _before(m: int, requires: sp.csr_matrix, extra: Mapping[int, set[int]]) -> set[int]:
    return {int(r) for r in requires.indices[requires.indptr[m] : requires.indptr[m + 1]]} | set(
        extra.get(m, ())
    )


def order_steps(
    modules: Sequence[int],
    requires: sp.csr_matrix,
    priority: Sequence[float],
    extra: Mapping[int, set[int]] | None = None,
) -> list[int]:
    """``modules`` (context indices) in an order where what a module requires comes first.

    ``requires`` is the M × M hard-and-soft prerequisite matrix, ``extra`` more modules
    that must come before a module (its rungs, its literacy module); ``priority`` is
    aligned with ``modules`` (higher first among modules that are free to go). Raises
    ValueError when these form a cycle.
    """
    extra = extra or {}
    chosen = {m: i for i, m in enumerate(modules)}
    needs = {m: {r for r in _before(m, requires, extra) if r in chosen} for m in modules}
    unlocks: dict[int, list[int]] = {m: [] for m in modules}
    for m, required in needs.items():
        for r in required:
            unlocks[r].append(m)
    waiting = {m: len(required) for m, required in needs.items()}
    ready = [(-priority[chosen[m]], m) for m in modules if not waiting[m]]
    heapq.heapify(ready)
    order = []
    while ready:
        _, m = heapq.heappop(ready)
        order.append(m)
        for later in unlocks[m]:
            waiting[later] -= 1
            if not waiting[later]:
                heapq.heappush(ready, (-priority[chosen[later]], later))
    if len(order) != len(modules):
        raise ValueError("the chosen modules must come before each other in a cycle")
    return order


def assign_periods(
    order: Sequence[int],
    jp: Sequence[int],
    requires: sp.csr_matrix,
    periods: int,
    cap: float,
    extra: Mapping[int, set[int]] | None = None,
    strict: Mapping[int, set[int]] | None = None,
) -> list[int] | None:
    """Period (1-based) of each module in ``order``, or None when they do not fit.

    A module is in no earlier period than what ``requires`` or ``extra`` put before it,
    and in a later period than its ``strict`` predecessors.
    """
    extra, strict = extra or {}, strict or {}
    load = [0.0] * periods
    period_of: dict[int, int] = {}
    result = []
    for m, hours in zip(order, jp):
        earliest = max(
            [period_of[r] for r in _before(m, requires, extra) if r in period_of]
            + [period_of[r] + 1 for r in strict.get(m, ()) if r in period_of],
            default=0,
        )
        slot = next((p for p in range(earliest, periods) if load[p] + hours <= cap + 1e-9), None)
        if slot is None:
            return None
        load[slot] += hours
        period_of[m] = slot
        result.append(slot + 1)
    return result
