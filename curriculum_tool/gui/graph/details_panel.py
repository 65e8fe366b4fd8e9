"""The details panel of the graph editor: the selected module or edge, and its neighbours."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...graph import PrerequisiteGraph
from .texts import SEP, GraphTexts

__all__ = ["DetailsPanel"]


class DetailsPanel(QGroupBox):
    """One selected module's facts with its direct prerequisites and the modules needing
    it, one selected edge, or a hint.

    A listed edge, clicked, emits ``edge_chosen``; a listed module, double-clicked or
    activated, emits ``module_chosen``.
    """

    edge_chosen = Signal(str, str)
    module_chosen = Signal(str)

    def __init__(self, texts: GraphTexts, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Rincian"))
        self.texts = texts
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setWidget(self.label)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.requires_list = QListWidget(self)
        self.required_by_list = QListWidget(self)
        for widget in (self.requires_list, self.required_by_list):
            widget.setToolTip(
                self.tr(
                    "Pilih untuk menandai panahnya (lalu Delete untuk "
                    "menghapus); klik ganda untuk membuka modulnya"
                )
            )
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setTextElideMode(Qt.TextElideMode.ElideRight)
            widget.setMaximumHeight(80)
            widget.itemClicked.connect(self._on_edge_listed)
            widget.itemDoubleClicked.connect(self._on_module_listed)
            widget.itemActivated.connect(self._on_module_listed)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        self.requires_caption = QLabel(self.tr("Prasyarat langsung:"), self)
        layout.addWidget(self.requires_caption)
        layout.addWidget(self.requires_list)
        self.required_by_caption = QLabel(self.tr("Dibutuhkan langsung oleh:"), self)
        layout.addWidget(self.required_by_caption)
        layout.addWidget(self.required_by_list)

    def show_selection(
        self, graph: PrerequisiteGraph, codes: list[str], edge: tuple[str, str] | None
    ) -> None:
        """Show the selected ``edge`` if any, else the one selected module, else a hint."""
        self.requires_list.clear()
        self.required_by_list.clear()
        if edge is not None:
            self._show_edge(graph, *edge)
        elif len(codes) == 1:
            self._show_module(graph, codes[0])
        else:
            text = (
                self.tr("{n} modul dipilih.").format(n=len(codes))
                if codes
                else self.tr(
                    "Pilih modul untuk melihat rinciannya, prasyarat yang diperlukannya "
                    "(jingga) dan modul yang dibukanya (hijau)."
                )
            )
            self.label.setText(f"<p style='color:#5F6B78'>{html.escape(text)}</p>")
            self._set_lists_visible(False)

    def _show_edge(self, graph: PrerequisiteGraph, module: str, requires: str) -> None:
        kind = graph.kind(module, requires)
        self.label.setText(
            "<h3>{}</h3><p>{}</p><p style='color:#5F6B78'>{}</p>".format(
                html.escape(self.texts.edge(module, requires, kind)),
                html.escape(
                    self.tr("{module} memerlukan {requires}: {title} diambil lebih dulu.").format(
                        module=module,
                        requires=requires,
                        title=graph.module(requires).title,
                    )
                ),
                html.escape(self.tr("Tekan Delete untuk menghapus prasyarat ini.")),
            )
        )
        self._set_lists_visible(False)

    def _show_module(self, graph: PrerequisiteGraph, code: str) -> None:
        module = graph.module(code)
        texts = self.texts
        rows = [
            (self.tr("JP"), str(module.jp)),
            (self.tr("Modalitas"), module.modality),
            (self.tr("Level"), str(module.level)),
            (self.tr("Status"), texts.status(module.status)),
            (self.tr("Cakupan"), texts.scope(module)),
            (self.tr("Pemilik"), module.owner or "–"),
            (self.tr("Kompetensi"), ", ".join(f"{c}:{lv}" for c, lv in module.competencies) or "–"),
            (self.tr("Bahaya"), ", ".join(module.hazards) or "–"),
            (
                self.tr("Memerlukan"),
                self.tr("{n} modul (langsung dan tidak langsung)").format(
                    n=len(graph.requires(code))
                ),
            ),
            (self.tr("Membuka"), self.tr("{n} modul").format(n=len(graph.unlocks(code)))),
        ]
        table = "".join(
            f"<tr><td style='color:#5F6B78; padding-right:8px'>{html.escape(k)}"
            f"</td><td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        self.label.setText(
            f"<h3 style='margin-bottom:2px'>{html.escape(code)}</h3>"
            f"<p style='margin-top:0'>{html.escape(module.title)}</p>"
            f"<table>{table}</table>"
        )
        G = graph.graph
        for target in sorted(G.successors(code)):
            self._list_edge(graph, self.requires_list, (code, target), target)
        for source in sorted(G.predecessors(code)):
            self._list_edge(graph, self.required_by_list, (source, code), source)
        self._set_lists_visible(True)

    def _list_edge(
        self, graph: PrerequisiteGraph, widget: QListWidget, key: tuple[str, str], other: str
    ) -> None:
        kind = graph.kind(*key) or ""
        title = graph.module(other).title if other in graph else ""
        item = QListWidgetItem(f"{other} ({self.texts.kind(kind)}){SEP}{title}", widget)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.UserRole + 1, other)
        item.setToolTip(self.texts.edge(*key, kind))

    def _set_lists_visible(self, visible: bool) -> None:
        for widget in (
            self.requires_list,
            self.required_by_list,
            self.requires_caption,
            self.required_by_caption,
        ):
            widget.setVisible(visible)

    def _on_edge_listed(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if key:
            self.edge_chosen.emit(*key)

    def _on_module_listed(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole + 1)
        if code:
            self.module_chosen.emit(code)
