"""Reports on stored learner paths (core, no Qt): the agency summary workbook and the
content of each learner's printable path document (:mod:`.path_document`).

Only the layout of that document as an A4 PDF needs Qt: the GUI's leaf renderer
:mod:`curriculum_tool.gui.path_pdf` does it.
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
