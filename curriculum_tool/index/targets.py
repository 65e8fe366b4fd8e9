"""The target-level rule (contract §3) over the catalog's arrays.

The target level of a competency for a learner in region ``r`` holding position ``p`` is
the higher of the job standard of ``p`` and the regional standards of ``r`` and its
parents. :class:`~curriculum_tool.index.CatalogIndex` computes every region's part once
(:func:`regional_targets`) and each learner's target from it (:func:`target_levels`); the
gap a learner has is then :func:`curriculum_tool.domain.gaps.gap`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["regional_targets", "target_levels"]


def regional_targets(standards: np.ndarray, chains: Sequence[Sequence[int]]) -> np.ndarray:
    """Regions × competencies: the highest regional standard over each region and its
    parents (``standards``: each region's own, 0 = none; ``chains[r]``: region ``r``'s
    ancestry as row indices, itself first).

    >>> standards = np.array([[2, 0], [0, 1]])  # a province, then its regency
    >>> regional_targets(standards, [(0,), (1, 0)]).tolist()
    [[2, 0], [2, 1]]
    """
    targets = np.zeros_like(standards)
    for region, chain in enumerate(chains):
        targets[region] = standards[list(chain)].max(axis=0)
    return targets


def target_levels(job: np.ndarray, regional: np.ndarray) -> np.ndarray:
    """The target level per competency: the higher of the job standard (``job``) and the
    regional target (``regional``, from :func:`regional_targets`); broadcasts.

    >>> target_levels(np.array([3, 0, 1]), np.array([2, 2, 0])).tolist()
    [3, 2, 1]
    """
    return np.maximum(job, regional)
