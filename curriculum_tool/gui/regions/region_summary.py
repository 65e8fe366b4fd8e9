"""One region at a glance: its name, parent, connectivity, 3T status and hazards.

The hazard table lists the indices the recommender uses there: the region's own, or,
where it states none, those of its nearest ancestor that does (marked as inherited).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import Region
from ...domain.regions import RegionHazard, effective_hazards
from ..vocab_labels import connectivity_label, format_index, hazard_label
from .display import CODE_ROLE, BarDelegate, bold_font, severity_color, swatch

__all__ = ["RegionSummary"]


class RegionSummary(QWidget):
    """The facts of the current region and its hazard indices as bars, own or inherited."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.region_title = QLabel(self.tr("Pilih wilayah"), self)
        self.region_title.setFont(bold_font(1.4))
        self.region_subtitle = QLabel(
            self.tr("Pilih provinsi atau kabupaten/kota di pohon wilayah."), self
        )
        self.region_subtitle.setStyleSheet("color: palette(mid);")
        self.code_value = QLabel(self)
        self.parent_value = QLabel(self)
        self.connectivity_value = QLabel(self)
        self.is_3t_value = QLabel(self)
        info = QFormLayout()
        info.addRow(self.tr("Kode"), self.code_value)
        info.addRow(self.tr("Induk"), self.parent_value)
        info.addRow(self.tr("Konektivitas"), self.connectivity_value)
        info.addRow(self.tr("Daerah 3T"), self.is_3t_value)

        self.hazard_model = QStandardItemModel(0, 3, self)
        self.hazard_model.setHorizontalHeaderLabels(
            [self.tr("Bahaya"), self.tr("Indeks"), self.tr("Sumber")]
        )
        self.hazard_view = QTableView(self)
        self.hazard_view.setModel(self.hazard_model)
        self.hazard_view.setItemDelegateForColumn(1, BarDelegate(self.hazard_view))
        self.hazard_view.verticalHeader().hide()
        self.hazard_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hazard_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.hazard_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hazard_view.setShowGrid(False)
        self.hazard_view.verticalHeader().setDefaultSectionSize(24)
        header = self.hazard_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(60)
        self.hazard_view.setMinimumWidth(400)
        self.hazard_view.setMinimumHeight(24 * 6 + 28)
        self.hazard_view.setMaximumHeight(24 * 9 + 28)
        hazards = QGroupBox(self.tr("Indeks bahaya (0–1)"), self)
        QVBoxLayout(hazards).addWidget(self.hazard_view)
        hazards.setToolTip(
            self.tr(
                "Indeks per bahaya; kabupaten/kota yang tidak menyatakan "
                "suatu bahaya memakai indeks provinsinya."
            )
        )

        top = QHBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        facts = QVBoxLayout()
        facts.addWidget(self.region_title)
        facts.addWidget(self.region_subtitle)
        facts.addLayout(info)
        facts.addStretch(1)
        top.addLayout(facts, 0)
        top.addWidget(hazards, 1)

    def show_region(self, region: Region | None, regions: Mapping[str, Region]) -> None:
        """Show ``region`` (one of ``regions``), or the hint to pick one when None."""
        self.hazard_model.removeRows(0, self.hazard_model.rowCount())
        if region is None:
            self.region_title.setText(self.tr("Pilih wilayah"))
            self.region_subtitle.setText(
                self.tr("Pilih provinsi atau kabupaten/kota di pohon wilayah.")
            )
            for label in (
                self.code_value,
                self.parent_value,
                self.connectivity_value,
                self.is_3t_value,
            ):
                label.setText("")
            return
        parent = regions.get(region.parent) if region.parent else None
        self.region_title.setText(region.name)
        self.region_subtitle.setText(
            self.tr("Kabupaten/kota di {province}").format(province=parent.name)
            if parent
            else self.tr("Provinsi")
        )
        self.code_value.setText(region.code)
        self.parent_value.setText(f"{parent.name} ({parent.code})" if parent else "—")
        self.connectivity_value.setText(connectivity_label(region.connectivity))
        self.is_3t_value.setText(
            self.tr("Ya — tertinggal, terdepan, terluar") if region.is_3t else self.tr("Tidak")
        )
        for hazard in effective_hazards(region, regions):
            self.hazard_model.appendRow(self._hazard_row(hazard, regions))

    def _hazard_row(
        self, hazard: RegionHazard, regions: Mapping[str, Region]
    ) -> list[QStandardItem]:
        name = QStandardItem(hazard_label(hazard.hazard))
        name.setData(hazard.hazard, CODE_ROLE)
        name.setIcon(swatch(severity_color(hazard.index)))
        bar = QStandardItem(format_index(hazard.index))
        bar.setData(hazard.index, CODE_ROLE)
        if hazard.inherited:
            source_region = regions.get(hazard.source or "")
            is_province = source_region is not None and not source_region.parent
            text = (
                self.tr("(dari provinsi)")
                if is_province
                else self.tr("(dari {code})").format(code=hazard.source)
            )
        else:
            text = self.tr("wilayah ini")
        source = QStandardItem(text)
        source.setData(hazard.source, CODE_ROLE)
        if hazard.inherited:
            source.setForeground(QColor("#6c757d"))
        return [name, bar, source]

    def hazard_rows(self) -> list[tuple[str, float, str]]:
        """What the hazard table shows: ``(hazard key, index, source text)``."""
        return [
            (
                self.hazard_model.item(r, 0).data(CODE_ROLE),
                self.hazard_model.item(r, 1).data(CODE_ROLE),
                self.hazard_model.item(r, 2).text(),
            )
            for r in range(self.hazard_model.rowCount())
        ]
