"""The domain's records, one frozen dataclass per contract file, validated from text.

The place to import them from. The :class:`Record` base, its cells and :class:`RowError`
are in :mod:`.record_base`; the catalog's records (competencies, regions, modules,
prerequisites, standards) in :mod:`.catalog_records`; learners, their outcomes and
obligations, and path steps in :mod:`.learner_records`. This module gives
:data:`RECORD_TYPES`, the contract's kinds in load order.
"""

from __future__ import annotations

from .catalog_records import (
    Competency as Competency,
    JobStandard as JobStandard,
    Module as Module,
    Prerequisite as Prerequisite,
    Region as Region,
    RegionalStandard as RegionalStandard,
)
from .learner_records import (
    Learner as Learner,
    Obligation as Obligation,
    Outcome as Outcome,
    PathStep as PathStep,
)
from .record_base import (
    MAX_TEXT as MAX_TEXT,
    Cell as Cell,
    Record as Record,
    Reference as Reference,
    RowError as RowError,
)

__all__ = [
    "RECORD_TYPES",
    "Cell",
    "Competency",
    "JobStandard",
    "Learner",
    "Module",
    "Obligation",
    "Outcome",
    "PathStep",
    "Prerequisite",
    "Record",
    "Reference",
    "Region",
    "RegionalStandard",
    "RowError",
]

#: Contract kinds in the order they can be loaded (each refers only to earlier kinds).
RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        Competency,
        Region,
        Module,
        Prerequisite,
        RegionalStandard,
        JobStandard,
        Learner,
        Outcome,
        Obligation,
    )
}
