"""Wilayah & Modul Lokal: regions, their hazards, regional standards and local modules.

Regional staff (BPBD, BPSDM provinsi) pick a province or regency in a tree and see
what the recommender sees there: its hazard indices (a regency's own, and its
province's where it states none), connectivity and 3T status. They keep the region's
competency standards and its local modules here, and take a local module through its
review (draft → review → approved, or back to draft with a note). Every write goes
through the core's edit service (``Record.from_row``, then references, cycles, the
actor's permissions and the versions read) in one transaction; a refused write shows
every problem and changes nothing, and what the actor may not do is greyed out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ...domain import Region
from ...store import Workspace
from .modules_panel import LocalModulesPanel
from .region_data import RegionData
from .region_summary import RegionSummary
from .region_tree import RegionTree
from .standards_panel import RegionalStandardsPanel

__all__ = ["RegionsTab"]


class RegionsTab(QWidget):
    """Wilayah & Modul Lokal: the region tree beside the current region's summary, its
    regional standards and its local modules; the tab reads the workspace again after
    every write a panel makes."""

    #: A short message for the status bar after an action.
    status_message = Signal(str)
    #: Emitted after each successful write to the workspace.
    workspace_edited = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.data = RegionData()
        self.region: Region | None = None

        self.region_tree = RegionTree(self)
        self.summary = RegionSummary(self)
        self.standards_panel = RegionalStandardsPanel(workspace, self)
        self.modules_panel = LocalModulesPanel(workspace, self)
        self.region_tree.region_changed.connect(self._show_region)
        self.standards_panel.edited.connect(self._edited)
        self.modules_panel.edited.connect(self._edited)

        details = QWidget(self)
        box = QVBoxLayout(details)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addWidget(self.standards_panel, 2)
        box.addWidget(self.modules_panel, 3)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.region_tree)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([600, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.reload()

    def set_workspace(self, workspace: Workspace) -> None:
        """Show another workspace (the caller owns and closes the previous one)."""
        self.workspace = workspace
        self.standards_panel.workspace = workspace
        self.modules_panel.workspace = workspace
        self.region = None
        self.reload()

    def reload(self) -> None:
        """Read the workspace again, keeping the selected region when it still exists."""
        keep = self.region.code if self.region else None
        self.data = RegionData.load(self.workspace)
        self.region_tree.fill(self.data.regions)
        self.region = None
        if keep is None or not self.select_region(keep):
            self._show_region(None)

    def select_region(self, code: str) -> bool:
        """Make ``code`` the current region in the tree; False when absent or filtered."""
        return self.region_tree.select(code)

    def _show_region(self, region: Region | None) -> None:
        self.region = region
        self.summary.show_region(region, self.data.regions)
        self.standards_panel.show_region(region, self.data)
        self.modules_panel.show_region(region, self.data)

    def _edited(self, message: str) -> None:
        self.reload()
        self.status_message.emit(message)
        self.workspace_edited.emit()
