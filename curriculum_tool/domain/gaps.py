"""The gap rule (contract §3): how far a learner is below the target on a competency.

``g(c) = max(0, t(c) − level_u(c))``, where the target ``t(c)`` is the higher of the job
standard of the learner's position and the regional standards of their region and its
parents (the catalog index computes it: :mod:`curriculum_tool.index.targets`). The
recommender's candidates, the pair features, the agency summary, the learner's document
and the gap chart all read gaps from here.
"""

from __future__ import annotations

from typing import overload

import numpy as np

__all__ = ["gap"]


@overload
def gap(target: int, level: int) -> int: ...
@overload
def gap(target: np.ndarray, level: np.ndarray | int) -> np.ndarray: ...


def gap(target, level):
    """``max(0, target − level)``: for two levels, or element-wise for arrays of levels
    (the array's integer type is kept).

    >>> gap(3, 1), gap(1, 3)
    (2, 0)
    >>> gap(np.array([[3, 1, 2]]), np.array([1, 3, 2])).tolist()
    [[2, 0, 0]]
    """
    if isinstance(target, (int, np.integer)) and isinstance(level, (int, np.integer)):
        return max(0, int(target) - int(level))
    return np.maximum(np.subtract(target, level), 0)
