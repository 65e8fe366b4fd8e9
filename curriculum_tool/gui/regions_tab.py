"""Wilayah & Modul Lokal: where the regions tab is imported from.

The tab is split by panel in :mod:`curriculum_tool.gui.regions`; this module keeps the
names the main window and the tests import.
"""

from __future__ import annotations

from ..domain.regions import RegionHazard, effective_hazards
from ..domain.review import NEXT_STATUS
from .regions.display import CODE_ROLE
from .regions.standard_dialog import StandardDialog
from .regions.tab import RegionsTab

__all__ = [
    "CODE_ROLE",
    "NEXT_STATUS",
    "RegionHazard",
    "RegionsTab",
    "StandardDialog",
    "effective_hazards",
]
