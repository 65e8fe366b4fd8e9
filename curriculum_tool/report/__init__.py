"""Reports on stored learner paths: the agency summary workbook (core, no Qt).

The printable PDF of one learner's path is rendered with Qt and lives in
:mod:`curriculum_tool.gui.path_pdf`; it uses :class:`ReportContext` and
:func:`shortfall_reason` from here.
"""

from .summary import (
    ReportContext,
    agency_summary,
    exclusion_kind,
    shortfall_reason,
    write_agency_summary,
)

__all__ = [
    "ReportContext",
    "agency_summary",
    "exclusion_kind",
    "shortfall_reason",
    "write_agency_summary",
]
