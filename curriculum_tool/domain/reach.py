"""The reach rule (contract §3): how far above a learner a module may teach and still lift
them.

A module lifts a competency only when it is *within reach* on it: at most ``REACH`` levels
above the learner (*directly*), or after a *rung* earlier in the same path, a module within
reach teaching that competency at most ``REACH`` levels lower. Arrays are levels per
competency (0 = not taught or none); the recommender, its explanations and the gap chart
all read reach from here.
"""

from __future__ import annotations

import numpy as np

from .vocab import REACH

__all__ = ["is_rung", "reach_along", "within_direct_reach"]


def within_direct_reach(taught: np.ndarray, levels: np.ndarray) -> np.ndarray:
    """Where a module teaches above the learner by at most ``REACH`` levels (broadcasts:
    modules × competencies against the learner's levels).

    >>> within_direct_reach(np.array([[2, 3, 1]]), np.array([0, 0, 1])).tolist()
    [[True, False, False]]
    """
    return (taught > levels) & (taught - levels <= REACH)


def is_rung(lower: np.ndarray, taught: np.ndarray) -> np.ndarray:
    """Whether teaching at ``lower`` is a rung below teaching at ``taught``."""
    return (lower >= taught - REACH) & (lower < taught)


def reach_along(taught: np.ndarray, levels: np.ndarray) -> np.ndarray:
    """For modules taken in order (rows of ``taught``), whether each is within reach on each
    competency it teaches above ``levels``.

    >>> reach_along(np.array([[4], [2], [4]]), np.array([0])).ravel().tolist()
    [False, True, True]
    """
    taught = np.asarray(taught, dtype=np.int16)
    reached = np.zeros(taught.shape, dtype=bool)
    for i, row in enumerate(taught):
        rung = (is_rung(taught[:i], row) & reached[:i]).any(axis=0)
        reached[i] = within_direct_reach(row, levels) | ((row > levels) & rung)
    return reached
