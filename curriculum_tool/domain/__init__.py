"""Plain records and vocabularies of the ASN competency-development domain."""

from .paths import Exclusion as Exclusion, LearnerPath as LearnerPath
from .records import (
    RECORD_TYPES as RECORD_TYPES,
    Competency as Competency,
    JobStandard as JobStandard,
    Learner as Learner,
    Module as Module,
    Obligation as Obligation,
    Outcome as Outcome,
    PathStep as PathStep,
    Prerequisite as Prerequisite,
    Record as Record,
    Reference as Reference,
    Region as Region,
    RegionalStandard as RegionalStandard,
    RowError as RowError,
)
