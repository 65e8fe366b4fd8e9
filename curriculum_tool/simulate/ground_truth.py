"""The simulator's ground truth: the true probability that a learner succeeds at a module.

Success (contract §2) is completing the module and applying it at work (``l3 = 1``). The
truth has two stages, each a logistic model over observable columns of
:func:`curriculum_tool.model.pairs.pair_frame`, and nothing else:

- ``p_completed = sigmoid(COMPLETION · factors + MODALITY_COMPLETION[modality])``
- ``p_applied   = sigmoid(APPLICATION · factors)`` (given completed)
- ``p_success   = p_completed × p_applied``

The coefficient tables below are the single source; ``docs/simulator.md`` mirrors them
(a test checks it) and explains the situation behind each factor. Since the truth uses
only observable columns and a few simple interactions, a gradient-boosted tree trained on
simulated outcomes can learn it; the only noise is the Bernoulli draw of the outcome.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = [
    "APPLICATION",
    "COMPLETION",
    "FACTORS",
    "HAZARD_PIVOT",
    "MODALITY_COMPLETION",
    "application_logit",
    "completion_logit",
    "sigmoid",
    "true_probabilities",
]

#: Hazard exposure at which a disaster-risk module is neither more nor less applied.
HAZARD_PIVOT = 0.5

# -- coefficient tables (mirrored in docs/simulator.md) -------------------------------------

#: Stage 1, logit of P(completed): name → coefficient per unit of the factor.
COMPLETION: dict[str, float] = {
    "intercept": 1.6,
    "literacy_shortfall": -0.7,  # each digital-literacy level below the module's need
    "online_literacy_shortfall": -0.6,  # … again when the module is online
    "connectivity_shortfall": -0.9,  # each connectivity rank below the module's need
    "online_low_connectivity": -0.5,  # online module, connection below high
    "level_jump_excess": -0.4,  # each level the module jumps beyond one
    "prereq_missing": -0.7,  # each hard prerequisite not completed
    "is_3t": -0.3,  # remote (3T) region
    "job_relevance": 0.4,  # share of the module's competencies with a gap
}

#: Stage 1, added to the logit by modality (PerLAN 10/2018 learning forms).
MODALITY_COMPLETION: dict[str, float] = {
    "klasikal": 0.5,
    "blended": 0.3,
    "e_learning": -0.4,
    "microlearning": 0.0,
    "coaching": 0.4,
    "mentoring": 0.4,
    "social_learning": 0.1,
    "experiential": 0.3,
}

#: Stage 2, logit of P(applied at work | completed): name → coefficient.
APPLICATION: dict[str, float] = {
    "intercept": -0.5,
    "job_relevance": 2.6,  # training that matches the job is applied
    "hazard_fit": 3.0,  # disaster module × (regional exposure − pivot)
    "level_jump_excess": -0.35,  # too big a jump is learnt but not used
    "overqualified": -0.5,  # learner already above the taught level
    "is_local": 0.3,  # locally adapted content
}


def _column(frame: pd.DataFrame, name: str) -> np.ndarray:
    return frame[name].to_numpy(dtype=np.float64)


def _shortfall(frame: pd.DataFrame, margin: str) -> np.ndarray:
    return np.maximum(0.0, -_column(frame, margin))


#: How each factor is read from a pair frame (every one is a function of frame columns).
FACTORS: dict[str, Callable[[pd.DataFrame], np.ndarray]] = {
    "literacy_shortfall": lambda f: _shortfall(f, "literacy_margin"),
    "online_literacy_shortfall": lambda f: _column(f, "online") * _shortfall(f, "literacy_margin"),
    "connectivity_shortfall": lambda f: _shortfall(f, "connectivity_margin"),
    "online_low_connectivity": lambda f: _column(f, "online_low_connectivity"),
    "level_jump_excess": lambda f: np.maximum(0.0, _column(f, "level_jump") - 1.0),
    "prereq_missing": lambda f: _column(f, "prereq_missing"),
    "is_3t": lambda f: _column(f, "is_3t"),
    "job_relevance": lambda f: _column(f, "job_relevance"),
    "hazard_fit": lambda f: (
        (_column(f, "n_hazards") > 0) * (_column(f, "hazard_exposure") - HAZARD_PIVOT)
    ),
    "overqualified": lambda f: np.maximum(0.0, -_column(f, "level_jump")),
    "is_local": lambda f: _column(f, "is_local"),
}


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _linear(frame: pd.DataFrame, coefficients: dict[str, float]) -> np.ndarray:
    z = np.full(len(frame), coefficients.get("intercept", 0.0))
    for name, coefficient in coefficients.items():
        if name != "intercept":
            z += coefficient * FACTORS[name](frame)
    return z


def _modality_effect(modality: pd.Series) -> np.ndarray:
    if isinstance(modality.dtype, pd.CategoricalDtype):
        effects = np.array(
            [MODALITY_COMPLETION.get(str(c), 0.0) for c in modality.cat.categories] + [0.0]
        )
        return effects[modality.cat.codes.to_numpy()]  # code -1 (missing) reads 0.0
    return modality.astype(str).map(MODALITY_COMPLETION).fillna(0.0).to_numpy(np.float64)


def completion_logit(frame: pd.DataFrame) -> np.ndarray:
    """Stage 1: the logit of P(completed) for each pair."""
    return _linear(frame, COMPLETION) + _modality_effect(frame["modality"])


def application_logit(frame: pd.DataFrame) -> np.ndarray:
    """Stage 2: the logit of P(applied at work | completed) for each pair."""
    return _linear(frame, APPLICATION)


def true_probabilities(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """``(p_completed, p_success)`` for each row of a pair frame; uses only its columns."""
    p_completed = sigmoid(completion_logit(frame))
    p_applied = sigmoid(application_logit(frame))
    return p_completed, p_completed * p_applied
