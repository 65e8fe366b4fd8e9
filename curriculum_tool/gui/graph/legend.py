"""The legend of the graph editor: what the colours and arrows of the drawing mean."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from .items import COLORS, CYCLE, REQUIRES, SELECTED, UNLOCKS

__all__ = ["LegendBox"]


class LegendBox(QGroupBox):
    """Module colours (national, local, draft), arrow styles (hard, soft) and highlight roles."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Keterangan"))
        legend = QLabel(self._html(), self)
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setWordWrap(True)
        QVBoxLayout(self).addWidget(legend)

    def _html(self) -> str:
        def swatch(fill: str, border: str, label: str) -> str:
            return (
                f'<span style="background:{fill}; color:{border};">&#9608;&#9608;</span>'
                f"&nbsp;{html.escape(label)}"
            )

        c = {k: v.name() for k, v in COLORS.items()}
        hard, soft = self.tr("wajib"), self.tr("anjuran")
        reading = self.tr("A → B: A memerlukan B (B diambil lebih dulu).")
        modules = [
            swatch(c["national_fill"], c["national_accent"], self.tr("nasional")),
            swatch(c["local_fill"], c["local_accent"], self.tr("lokal (daerah)")),
            swatch(c["inactive_fill"], c["inactive_accent"], self.tr("draf / ditinjau")),
            f"<b>━━▶</b> {html.escape(hard)}",
            f"<b>╍╍▶</b> {html.escape(soft)}",
        ]
        roles = [
            swatch(c[SELECTED + "_fill"], c[SELECTED], self.tr("dipilih")),
            swatch(c[REQUIRES + "_fill"], c[REQUIRES], self.tr("diperlukan")),
            swatch(c[UNLOCKS + "_fill"], c[UNLOCKS], self.tr("dibuka")),
            swatch(c[CYCLE + "_fill"], c[CYCLE], self.tr("siklus ditolak")),
            "",
        ]
        rows = "".join(
            f"<tr><td style='padding-right:14px'>{a}</td><td>{b}</td></tr>"
            for a, b in zip(modules, roles)
        )
        return f"<table>{rows}</table><p style='margin-top:4px'>{html.escape(reading)}</p>"
