"""Plain records and vocabularies of the ASN competency-development domain."""

from .paths import Exclusion, LearnerPath
from .records import (
    RECORD_TYPES,
    Competency,
    JobStandard,
    Learner,
    Module,
    Obligation,
    Outcome,
    PathStep,
    Prerequisite,
    Record,
    Reference,
    Region,
    RegionalStandard,
    RowError,
)

__all__ = [
    "RECORD_TYPES",
    "Competency",
    "Exclusion",
    "JobStandard",
    "Learner",
    "LearnerPath",
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
