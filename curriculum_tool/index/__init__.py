"""The compiled index of a catalog, between ``io`` and ``model`` in the layers.

:class:`CatalogIndex` turns the catalog records into sorted codes and index arrays once;
:class:`LearnerArrays` does the same for learners, aligned with it. The recommender, the
model's pair features, the simulator and the reports all read the catalog through it.
"""

from .catalog_index import CatalogIndex, province_of
from .learners import LearnerArrays, learner_arrays, make_learner_arrays
from .targets import regional_targets, target_levels

__all__ = [
    "CatalogIndex",
    "LearnerArrays",
    "learner_arrays",
    "make_learner_arrays",
    "province_of",
    "regional_targets",
    "target_levels",
]
