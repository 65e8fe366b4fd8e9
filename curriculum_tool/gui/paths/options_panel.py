"""The officer's knobs for one path: JP budget, yearly minimum, periods, seed policies."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from ...domain.vocab import DEFAULT_MIN_JP
from ...recommend.planner import PathOptions

__all__ = ["PathOptionsPanel"]


class PathOptionsPanel(QWidget):
    """One row of knobs; ``changed`` whenever one of them changes (the path is planned
    again), ``options()`` their values as the planner's options."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.max_jp = self._spin(
            1,
            800,
            40,
            self.tr("Anggaran JP: paling banyak sekian JP untuk jalur ini (1 JP = 45 menit)"),
        )
        self.min_jp = self._spin(
            0,
            40,
            DEFAULT_MIN_JP,
            self.tr(
                "Minimum JP per tahun (PP 11/2017 pasal 203: 20 JP); jalur diisi sampai minimum "
                "bila modul penutup kesenjangan kurang"
            ),
        )
        self.periods = self._spin(
            1,
            4,
            1,
            self.tr(
                "Jalur dibagi ke dalam beberapa periode, masing-masing paling banyak "
                "anggaran/periode JP, dengan prasyarat lebih dulu"
            ),
        )
        self.offline_instead = self._policy(
            self.tr("&Luring bila koneksi lemah"),
            self.tr(
                "Bila konektivitas wilayah lemah, modul kebencanaan daring diganti modul luring "
                "yang mengajarkan hal yang sama"
            ),
        )
        self.literacy_first = self._policy(
            self.tr("Literasi &digital dulu"),
            self.tr(
                "Peserta berliterasi digital 0 yang terhalang modul penutup kesenjangannya "
                "mendapat modul literasi digital tingkat 1 lebih dulu"
            ),
        )
        self.hazard_first = self._policy(
            self.tr("Risiko &wilayah dulu"),
            self.tr(
                "Bila modul untuk bahaya di wilayah peserta menutup kesenjangan yang dituntut "
                "jabatannya (staf kebencanaan), jalur memuat sedikitnya satu modul seperti itu"
            ),
        )
        self.max_jp.valueChanged.connect(self._budget_changed)
        self.min_jp.valueChanged.connect(self.changed)
        self.periods.valueChanged.connect(self.changed)
        knobs = QHBoxLayout(self)
        knobs.setContentsMargins(0, 0, 0, 0)
        for text, widget in (
            (self.tr("&Anggaran JP"), self.max_jp),
            (self.tr("M&inimum JP"), self.min_jp),
            (self.tr("&Periode"), self.periods),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            knobs.addWidget(label)
            knobs.addWidget(widget)
            knobs.addSpacing(10)
        knobs.addWidget(self.offline_instead)
        knobs.addWidget(self.literacy_first)
        knobs.addWidget(self.hazard_first)
        knobs.addStretch(1)

    def options(self) -> PathOptions:
        """The knobs as core options (raises CurriculumError for an impossible mix)."""
        return PathOptions(
            max_jp=self.max_jp.value(),
            min_jp=self.min_jp.value(),
            periods=self.periods.value(),
            offline_instead=self.offline_instead.isChecked(),
            literacy_first=self.literacy_first.isChecked(),
            hazard_first=self.hazard_first.isChecked(),
        )

    def _budget_changed(self, value: int) -> None:
        for spin, high in ((self.min_jp, value), (self.periods, min(4, value))):
            spin.blockSignals(True)
            spin.setMaximum(high)  # clamps the value when the budget drops below it
            spin.blockSignals(False)
        self.changed.emit()

    def _policy(self, text: str, tip: str) -> QCheckBox:
        """A seed policy's switch, on by default; toggling it plans the path again."""
        box = QCheckBox(text, self)
        box.setChecked(True)
        box.setToolTip(tip)
        box.toggled.connect(self.changed)
        return box

    def _spin(self, low: int, high: int, value: int, tip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(" JP" if high > 4 else "")
        spin.setToolTip(tip)
        # Typing "32" must not plan for 3 JP first: apply on Enter, arrows or focus out.
        spin.setKeyboardTracking(False)
        spin.setAccelerated(True)
        return spin
