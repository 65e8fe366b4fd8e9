"""Put chosen modules in an order a learner can follow, grouped into periods.

Hard and soft prerequisites among the chosen modules both come first (soft ones are
"better first"); among modules free to go next, the more valuable goes first. Periods
hold at most ``max_jp / periods`` JP each; a module goes in the earliest period that
has room and is not before any of its prerequisites' periods.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import scipy.sparse as sp

__all__ = ["order_steps", "assign_periods"]


def order_steps(modules: Sequence[int], requires: sp.csr_matrix,
                priority: Sequence[float]) -> list[int]:
    """``modules`` (context indices) in an order where what a module requires comes first.

    ``requires`` is the M × M hard-and-soft prerequisite matrix; ``priority`` is aligned
    with ``modules`` (higher first among modules that are free to go).
    """
    chosen = {m: i for i, m in enumerate(modules)}
    needs = {m: {int(r) for r in requires.indices[requires.indptr[m]:requires.indptr[m + 1]]
                 if int(r) in chosen} for m in modules}
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
    if len(order) != len(modules):  # pragma: no cover - the workspace refuses cycles
        raise ValueError("prerequisite cycle among the chosen modules")
    return order


def assign_periods(order: Sequence[int], jp: Sequence[int], requires: sp.csr_matrix,
                   periods: int, cap: float) -> list[int] | None:
    """Period (1-based) of each module in ``order``, or None when they do not fit."""
    load = [0.0] * periods
    period_of: dict[int, int] = {}
    result = []
    for m, hours in zip(order, jp):
        earliest = max((period_of[int(r)] for r in
                        requires.indices[requires.indptr[m]:requires.indptr[m + 1]]
                        if int(r) in period_of), default=0)
        slot = next((p for p in range(earliest, periods) if load[p] + hours <= cap + 1e-9),
                    None)
        if slot is None:
            return None
        load[slot] += hours
        period_of[m] = slot
        result.append(slot + 1)
    return result
