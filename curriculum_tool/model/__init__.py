"""The success model: learner×module features, training, persistence and scoring."""

from .pairs import (
    CATEGORICAL_COLUMNS as CATEGORICAL_COLUMNS,
    NUMERIC_COLUMNS as NUMERIC_COLUMNS,
    ONLINE_MODALITIES as ONLINE_MODALITIES,
    PAIR_COLUMNS as PAIR_COLUMNS,
    LearnerArrays as LearnerArrays,
    PairContext as PairContext,
    pair_frame as pair_frame,
)
