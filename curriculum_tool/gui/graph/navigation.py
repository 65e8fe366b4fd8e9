"""What is selected in the graph editor and how it shows: highlight, details, a refused cycle."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from ...graph import Finding, PrerequisiteGraph
from ..i18n import in_app_language
from .details_panel import DetailsPanel
from .document import GraphDocument
from .scene import GraphScene, highlight_roles
from .texts import SEP, GraphTexts
from .view import GraphView
from .warning_bar import WarningBar

__all__ = ["GraphNavigation"]


class GraphNavigation(QObject):
    """The selected modules or edge, drawn highlighted and described in the details panel;
    finding a module by code or title; a refused cycle drawn red with a warning.

    Follows clicks on arrows and the details panel's lists, and the scene's selection
    through :meth:`follow_selection`; says what it did through ``status_message``.
    """

    status_message = Signal(str)
    #: the selection was shown anew (it, or the graph, changed)
    refreshed = Signal()

    def __init__(
        self,
        document: GraphDocument,
        scene: GraphScene,
        view: GraphView,
        details: DetailsPanel,
        warning: WarningBar,
        texts: GraphTexts,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.document, self.scene, self.view = document, scene, view
        self.details, self.warning, self.texts = details, warning, texts
        #: The cycle a refused edge would have closed, drawn red until the user moves on.
        self.cycle: list[str] | None = None
        view.edge_clicked.connect(self.select_edge)
        details.edge_chosen.connect(self.select_edge)
        details.module_chosen.connect(lambda code: self.select_modules([code]))
        warning.closed.connect(self.dismiss_warning)

    @property
    def graph(self) -> PrerequisiteGraph:
        return self.document.graph

    def refresh(self) -> None:
        """Highlight and describe the selection again (after the graph changed)."""
        self._update_highlight()
        self._show_details()
        self.refreshed.emit()

    def _update_highlight(self) -> None:
        roles = highlight_roles(
            self.graph, self.scene.selected_codes(), self.scene.selected_edge, self.cycle
        )
        self.scene.highlight(*roles)

    def _show_details(self) -> None:
        self.details.show_selection(
            self.graph, self.scene.selected_codes(), self.scene.selected_edge
        )

    def follow_selection(self) -> None:
        """Highlight and describe the scene's selection anew (it changed)."""
        if self.cycle is not None:  # the user moved on from the refused edge
            self.cycle = None
            self.scene.clear_ghost()
        if self.scene.selected_codes():
            self.scene.select_edge(None)
        self.refresh()

    def select_modules(
        self, codes: list[str], edge: tuple[str, str] | None = None, center: bool = True
    ) -> None:
        """Select these modules (and one edge), highlight them and center the first."""
        codes = [c for c in codes if c in self.scene.nodes]
        self.scene.blockSignals(True)
        try:
            self.scene.clearSelection()
            for code in codes:
                self.scene.nodes[code].setSelected(True)
        finally:
            self.scene.blockSignals(False)
        self.follow_selection()
        if edge is not None and edge in self.scene.edges:
            self.scene.select_edge(edge)
            self.refresh()
        if center and codes:
            self.view.center_on_module(codes[0])

    def select_edge(self, module: str, requires: str) -> None:
        """Select the edge ``module → requires`` alone (``""``: a click on the background)."""
        if not module:
            if self.scene.selected_edge is not None:
                self.scene.select_edge(None)
                self.refresh()
            return
        self.scene.blockSignals(True)
        try:
            self.scene.clearSelection()
        finally:
            self.scene.blockSignals(False)
        self.cycle = None
        self.scene.clear_ghost()
        self.scene.select_edge((module, requires))
        self.refresh()
        self.status_message.emit(
            self.tr("Dipilih: {edge}. Tekan Delete untuk menghapus.").format(
                edge=self.texts.edge(module, requires, self.graph.kind(module, requires))
            )
        )

    def show_refused(self, module: str, requires: str, cycle: list[str], message: str) -> None:
        """Draw the refused edge as a red ghost, its cycle red, and warn with ``message``."""
        self.cycle = list(cycle)
        self.scene.select_edge(None)
        self._update_highlight()
        self.scene.show_ghost(module, requires)
        self.warning.show_message(message)
        self.view.show_modules(cycle)

    def dismiss_warning(self) -> None:
        """Hide the cycle warning and its red highlight."""
        self.warning.hide()
        self.scene.clear_ghost()
        if self.cycle is not None:
            self.cycle = None
            self._update_highlight()

    def show_finding(self, finding: Finding) -> None:
        """Select the modules (and the edge) a lint finding names."""
        codes = [c for c in finding.modules if c in self.scene.nodes]
        if not codes:
            self.status_message.emit(self.tr("Temuan ini tidak menunjuk modul tertentu."))
            return
        edge = (finding.modules[0], finding.modules[1]) if len(finding.modules) == 2 else None
        self.select_modules(codes, edge if edge in self.scene.edges else None)
        self.status_message.emit(in_app_language(finding.message))

    def find_module(self, text: str) -> str | None:
        """Select and center the module best matching ``text`` (code first, then title)."""
        query = text.split(SEP)[0].strip() if SEP in text else text.strip()
        if not query:
            return None
        needle = query.lower()
        codes = sorted(self.scene.nodes)
        match = (
            next((c for c in codes if c.lower() == needle), None)
            or next((c for c in codes if c.lower().startswith(needle)), None)
            or next((c for c in codes if needle in c.lower()), None)
            or next((c for c in codes if needle in self.graph.module(c).title.lower()), None)
        )
        if match is None:
            self.status_message.emit(
                self.tr("Tidak ada modul yang cocok dengan “{text}”.").format(text=query)
            )
            return None
        self.select_modules([match])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status_message.emit(
            self.tr("Ditemukan: {code}{sep}{title}").format(
                code=match, sep=SEP, title=self.graph.module(match).title
            )
        )
        return match
