"""The success model: learner×module features and, later, training and scoring."""

from .pairs import (
    CATEGORICAL_COLUMNS,
    NUMERIC_COLUMNS,
    ONLINE_MODALITIES,
    PAIR_COLUMNS,
    LearnerArrays,
    PairContext,
    pair_frame,
)

__all__ = [
    "CATEGORICAL_COLUMNS",
    "NUMERIC_COLUMNS",
    "ONLINE_MODALITIES",
    "PAIR_COLUMNS",
    "LearnerArrays",
    "PairContext",
    "pair_frame",
]
