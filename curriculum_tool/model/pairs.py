"""The model's features: observable facts about a learner taking a module, for many
learner×module pairs at once.

The trained model's features and the simulator's ground truth both read the same table,
built here, so the model is measured against a truth that speaks of the same observable
facts: who the learner is (position, region, digital literacy, current levels, what they
completed), what the module is (JP, level, modality, what it needs and teaches, which
hazards it addresses) and how the two meet (literacy and connectivity margins, gaps the
module closes, hazard exposure, missing prerequisites).

:func:`pair_frame` builds one row per (learner, module) pair from the catalog index
(:class:`~curriculum_tool.index.CatalogIndex`, which holds the contract's rules: targets,
inherited hazards) with numpy only: no Python loop over pairs, so a million pairs take
well under a second.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..domain.gaps import gap
from ..domain.vocab import CONNECTIVITY_RANK, MODALITIES, ONLINE_MODALITIES
from ..index import CatalogIndex, LearnerArrays, province_of

__all__ = [
    "CATEGORICAL_COLUMNS",
    "NUMERIC_COLUMNS",
    "ONLINE_MODALITIES",
    "PAIR_COLUMNS",
    "LearnerArrays",
    "PairContext",
    "pair_frame",
    "position_family",
    "province_of",
]

#: The catalog index under its former name (``PairContext``); use :class:`CatalogIndex`.
PairContext = CatalogIndex

#: Text columns of :func:`pair_frame` (pandas Categorical; encode by value).
CATEGORICAL_COLUMNS = ("module", "modality", "position", "position_family", "province")

#: Numeric columns of :func:`pair_frame`, in frame order.
NUMERIC_COLUMNS = (
    # learner and region
    "digital_literacy",
    "connectivity",
    "is_3t",
    # module
    "jp",
    "level",
    "min_connectivity",
    "min_digital_literacy",
    "is_local",
    "online",
    "n_competencies",
    "n_hazards",
    # learner × module
    "literacy_margin",
    "connectivity_margin",
    "online_low_connectivity",
    "hazard_exposure",
    "job_relevance",
    "target_gap",
    "gain",
    "level_jump",
    "current_level",
    "prereq_total",
    "prereq_missing",
)

#: Every column of :func:`pair_frame`, in order.
PAIR_COLUMNS = CATEGORICAL_COLUMNS + NUMERIC_COLUMNS

_HIGH = CONNECTIVITY_RANK["high"]


def position_family(position: str) -> str:
    """A position's family: the text before the first ``-``: ``analis-kebijakan`` → ``analis``."""
    return position.split("-", 1)[0]


def pair_frame(
    index: CatalogIndex,
    learners: LearnerArrays,
    learner_idx: np.ndarray,
    module_idx: np.ndarray,
    completed: Any = None,
) -> pd.DataFrame:
    """One row per pair (``learner_idx[k]``, ``module_idx[k]``), fully vectorised.

    ``completed`` optionally replaces the learners' completed sets with one boolean row
    per pair (sparse or dense, pairs × modules): the modules completed before that
    enrolment, for training on history.

    Columns (see :data:`PAIR_COLUMNS`):

    categorical (pandas Categorical; categories are the index's codes)
      ``module`` code, ``modality``, ``position`` (the learner's, known or not),
      ``position_family`` (position text before the first ``-``), ``province``
      (region code before the first ``.``).
    learner and region
      ``digital_literacy`` 0–3, ``connectivity`` rank 0 none / 1 low / 2 high,
      ``is_3t`` 0/1.
    module
      ``jp``, ``level``, ``min_connectivity`` (rank), ``min_digital_literacy``,
      ``is_local`` 0/1, ``online`` 0/1 (e_learning, microlearning), ``n_competencies``,
      ``n_hazards`` (hazards the module addresses).
    learner × module
      ``literacy_margin`` = digital_literacy − min_digital_literacy;
      ``connectivity_margin`` = connectivity − min_connectivity;
      ``online_low_connectivity`` = online and connectivity below high;
      ``hazard_exposure`` = max over the module's hazards of the region's index
      (inherited from parents), 0 if the module addresses none;
      ``job_relevance`` = share of the module's competencies whose target exceeds the
      learner's level; ``target_gap`` = Σ max(0, target − level) over them;
      ``gain`` = Σ max(0, taught − level); ``level_jump`` = max (taught − level), 0 if
      the module teaches none; ``current_level`` = mean learner level on them;
      ``prereq_total`` = hard prerequisites of the module; ``prereq_missing`` = those
      not in the completed set.
    """
    li = np.asarray(learner_idx, dtype=np.int64)
    mi = np.asarray(module_idx, dtype=np.int64)
    if li.shape != mi.shape or li.ndim != 1:
        raise ValueError("learner_idx and module_idx must be 1-D arrays of equal length")
    region = learners.region[li]
    literacy = learners.digital_literacy[li]
    connectivity = index.region_connectivity[region]
    online = index.module_online[mi]
    min_literacy = index.module_min_digital_literacy[mi]
    min_connectivity = index.module_min_connectivity[mi]

    comp = index.taught_competency[mi]  # N × K
    mask = index.taught_mask[mi]
    taught = index.taught_level[mi].astype(np.int16)
    level = learners.levels[li[:, None], comp].astype(np.int16)
    target = learners.targets[li[:, None], comp].astype(np.int16)
    n_comp = index.module_n_competencies[mi]
    denominator = np.maximum(n_comp, 1)
    gaps = gap(target, level) * mask
    gap_mask = gaps > 0
    jump = np.where(mask, taught - level, np.iinfo(np.int16).min).max(axis=1, initial=-99)
    jump = np.where(n_comp > 0, jump, 0)

    if completed is None:
        missing = index.prereq_missing(mi, learners.completed, rows=li)
    else:
        if completed.shape != (len(mi), len(index.module_codes)):
            raise ValueError(
                f"completed must be pairs × modules "
                f"({len(mi)} × {len(index.module_codes)}), "
                f"not {completed.shape[0]} × {completed.shape[1]}"
            )
        if sp.issparse(completed):
            completed = sp.csr_matrix(completed)
        missing = index.prereq_missing(mi, completed)

    category = learners.position_category[li]
    families = [position_family(p) for p in learners.position_categories]
    family_categories = sorted(set(families))
    family_lookup = np.array([family_categories.index(f) for f in families] or [0], dtype=np.int32)
    columns = {
        "module": pd.Categorical.from_codes(mi, categories=pd.Index(index.module_codes)),
        "modality": pd.Categorical.from_codes(
            index.module_modality[mi], categories=pd.Index(MODALITIES)
        ),
        "position": pd.Categorical.from_codes(
            category, categories=pd.Index(learners.position_categories)
        ),
        "position_family": pd.Categorical.from_codes(
            family_lookup[category], categories=pd.Index(family_categories)
        ),
        "province": pd.Categorical.from_codes(
            index.region_province[region], categories=pd.Index(index.province_codes)
        ),
        "digital_literacy": literacy,
        "connectivity": connectivity,
        "is_3t": index.region_is_3t[region],
        "jp": index.module_jp[mi],
        "level": index.module_level[mi],
        "min_connectivity": min_connectivity,
        "min_digital_literacy": min_literacy,
        "is_local": index.module_is_local[mi],
        "online": online,
        "n_competencies": n_comp,
        "n_hazards": index.module_n_hazards[mi],
        "literacy_margin": (literacy - min_literacy).astype(np.int8),
        "connectivity_margin": (connectivity - min_connectivity).astype(np.int8),
        "online_low_connectivity": (online.astype(bool) & (connectivity < _HIGH)).astype(np.int8),
        "hazard_exposure": index.exposure[region, mi],
        "job_relevance": gap_mask.sum(axis=1) / denominator,
        "target_gap": gaps.sum(axis=1).astype(np.int16),
        "gain": (np.maximum(taught - level, 0) * mask).sum(axis=1).astype(np.int16),
        "level_jump": jump.astype(np.int8),
        "current_level": (level * mask).sum(axis=1) / denominator,
        "prereq_total": index.module_prereq_total[mi],
        "prereq_missing": missing,
    }
    return pd.DataFrame(columns, copy=False)
