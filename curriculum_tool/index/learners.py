"""Learners as arrays aligned with a catalog index: regions, positions, levels, targets,
completed modules and audience bits, one row per learner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from ..domain import Learner
from ..domain.vocab import DEFAULT_LEARNER_STATUS, LEARNER_STATUSES

if TYPE_CHECKING:
    from .catalog_index import CatalogIndex

__all__ = ["LearnerArrays", "learner_arrays", "make_learner_arrays"]


def code_index(codes: Sequence[str] | np.ndarray) -> dict[str, int]:
    """Code → position in ``codes``."""
    return {code: i for i, code in enumerate(codes)}


@dataclass(frozen=True, eq=False)
class LearnerArrays:
    """Learners as arrays aligned with a :class:`CatalogIndex` (row ``i`` = learner ``i``).

    ``position`` is -1 for a position without a job standard (its targets are then only
    the regional ones). ``levels`` and ``targets`` are learners × competencies (0 = none);
    ``completed`` is a learners × modules boolean CSR matrix.
    """

    ids: np.ndarray  # object, learner ids
    region: np.ndarray  # int32, index into CatalogIndex.region_codes
    position: np.ndarray  # int32, index into CatalogIndex.position_codes or -1
    position_category: np.ndarray  # int32, index into position_categories
    position_categories: tuple[str, ...]
    digital_literacy: np.ndarray  # int8
    levels: np.ndarray  # int8, learners × competencies
    targets: np.ndarray  # int8, learners × competencies (contract §3 target)
    completed: sp.csr_matrix  # bool, learners × modules
    #: int16 bits over ``AUDIENCES``: the learner's status and their position's jenjang
    audience: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def index(self) -> dict[str, int]:
        """Learner id → row."""
        return code_index(self.ids)


def learner_arrays(index: CatalogIndex, learners: Sequence[Learner]) -> LearnerArrays:
    """Learner records as arrays; raise ValueError for a region the index lacks.

    Competencies and completed modules unknown to the index are ignored.
    """
    n, c = len(learners), len(index.competency_codes)
    region = np.empty(n, dtype=np.int32)
    levels = np.zeros((n, c), dtype=np.int8)
    rows: list[int] = []
    cols: list[int] = []
    for i, learner in enumerate(learners):
        try:
            region[i] = index.region_index[learner.region]
        except KeyError:
            raise ValueError(f"learner {learner.id}: unknown region '{learner.region}'") from None
        for code, level in learner.competencies:
            j = index.competency_index.get(code)
            if j is not None:
                levels[i, j] = min(level, 5)
        for code in learner.completed:
            m = index.module_index.get(code)
            if m is not None:
                rows.append(i)
                cols.append(m)
    completed = sp.csr_matrix(
        (np.ones(len(rows), dtype=bool), (rows, cols)), shape=(n, len(index.module_codes))
    )
    return make_learner_arrays(
        index,
        ids=[learner.id for learner in learners],
        region=region,
        positions=[learner.position for learner in learners],
        digital_literacy=np.array(
            [learner.digital_literacy for learner in learners], dtype=np.int8
        ),
        levels=levels,
        completed=completed,
        status=np.array(
            [LEARNER_STATUSES.index(learner.status) for learner in learners], dtype=np.int8
        ),
    )


def make_learner_arrays(
    index: CatalogIndex,
    ids: Sequence[str] | np.ndarray,
    region: np.ndarray,
    positions: Sequence[str] | np.ndarray,
    digital_literacy: np.ndarray,
    levels: np.ndarray,
    completed: sp.spmatrix | None = None,
    status: np.ndarray | None = None,
) -> LearnerArrays:
    """:class:`LearnerArrays` from arrays already aligned with ``index`` (``status``:
    index into ``LEARNER_STATUSES``, default PNS); the targets follow the contract's
    target-level rule."""
    positions = np.asarray(positions, dtype=object)
    n = len(positions)
    unknown = sorted(set(positions.tolist()) - set(index.position_codes))
    categories = index.position_codes + tuple(unknown)
    lookup = code_index(categories)
    category = np.array([lookup[p] for p in positions.tolist()], dtype=np.int32)
    position = np.where(category < len(index.position_codes), category, -1).astype(np.int32)
    region = np.asarray(region, dtype=np.int32)
    levels = np.asarray(levels, dtype=np.int8)
    if completed is None:
        completed = sp.csr_matrix((n, len(index.module_codes)), dtype=bool)
    if status is None:
        status = np.full(n, LEARNER_STATUSES.index(DEFAULT_LEARNER_STATUS), dtype=np.int8)
    return LearnerArrays(
        ids=np.asarray(ids, dtype=object),
        region=region,
        position=position,
        position_category=category,
        position_categories=categories,
        digital_literacy=np.asarray(digital_literacy, dtype=np.int8),
        levels=levels,
        targets=index.targets(region, position),
        completed=sp.csr_matrix(completed, dtype=bool),
        audience=index.audience_bits(position, np.asarray(status)),
    )
