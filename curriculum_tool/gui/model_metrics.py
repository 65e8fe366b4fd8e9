"""A model card's held-out metrics beside its baselines and the ground-truth ceiling, and
the promotion gate's comparison (candidate, active model, baselines: AUC and ECE)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from .table_cells import header_tip, number_text, percent_text, read_only_table

__all__ = ["BASELINES", "METRICS", "GateTable", "MetricsTable"]

#: Baseline keys of a card, in display order, with their Indonesian names.
BASELINES: tuple[tuple[str, str], ...] = (
    ("base_rate", str(QT_TRANSLATE_NOOP("MetricsTable", "Tingkat dasar"))),
    ("module_rate", str(QT_TRANSLATE_NOOP("MetricsTable", "Tingkat per modul"))),
    ("logistic", str(QT_TRANSLATE_NOOP("MetricsTable", "Regresi logistik"))),
)
#: Metric keys of a card, with column titles and whether a higher value is better.
METRICS: tuple[tuple[str, str, bool], ...] = (
    ("auc", "AUC", True),
    ("log_loss", "Log loss", False),
    ("brier", "Brier", False),
    ("ece", "ECE", False),
)


class MetricsTable(QTableWidget):
    """One row for the model, one per baseline and, on simulated data, the ceiling's AUC;
    the best value of each column bold. Its height fits its rows (no scrolling)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        read_only_table(self, [title for _key, title, _higher in METRICS])
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tips = {
            "auc": self.tr(
                "Kemampuan membedakan berhasil dari tidak: 0,5 acak, 1 sempurna; "
                "lebih besar lebih baik"
            ),
            "log_loss": self.tr("Kerugian logaritmik: lebih kecil lebih baik"),
            "brier": self.tr("Rata-rata kuadrat galat peluang: lebih kecil lebih baik"),
            "ece": self.tr(
                "Galat kalibrasi: selisih rata-rata antara peluang prediksi dan "
                "tingkat teramati; lebih kecil lebih baik"
            ),
        }
        for column, (key, _title, _higher) in enumerate(METRICS):
            header_tip(self, column, tips[key])

    def show_metrics(self, metrics: dict[str, Any]) -> None:
        """Fill the rows from a card's ``metrics`` (an empty dict clears them)."""
        rows: list[tuple[str, dict[str, Any]]] = []
        if "model" in metrics:
            rows.append((self.tr("Model"), metrics["model"]))
        baselines = metrics.get("baselines", {})
        rows += [(self.tr(label), baselines[key]) for key, label in BASELINES if key in baselines]
        rows += [(key, value) for key, value in baselines.items() if key not in dict(BASELINES)]
        ceiling = metrics.get("ceiling_auc")
        self.setRowCount(len(rows) + (ceiling is not None))
        best: dict[str, float] = {}
        for key, _title, higher in METRICS:
            found = [float(m[key]) for _label, m in rows if m.get(key) is not None]
            if found:
                best[key] = max(found) if higher else min(found)
        for row, (label, values) in enumerate(rows):
            header = QTableWidgetItem(label)
            if row == 0:
                header.setToolTip(self.tr("Model yang dilatih"))
            self.setVerticalHeaderItem(row, header)
            for column, (key, _title, _higher) in enumerate(METRICS):
                value = values.get(key)
                item = QTableWidgetItem(number_text(self, value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if value is not None and key in best and abs(value - best[key]) < 1e-12:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("Terbaik di kolom ini"))
                if row == 0:
                    item.setBackground(QColor(31, 111, 178, 28))
                self.setItem(row, column, item)
        if ceiling is not None:
            self._show_ceiling(len(rows), ceiling)
        self.setFixedHeight(
            self.horizontalHeader().height()
            + 4
            + self.verticalHeader().defaultSectionSize() * self.rowCount()
        )

    def _show_ceiling(self, row: int, ceiling: float) -> None:
        header = QTableWidgetItem(self.tr("Batas atas (peluang sebenarnya)"))
        header.setToolTip(
            self.tr(
                "AUC peluang sebenarnya dari simulator pada baris uji yang "
                "sama: tidak ada model yang dapat melampauinya"
            )
        )
        self.setVerticalHeaderItem(row, header)
        for column, (key, _title, _higher) in enumerate(METRICS):
            item = QTableWidgetItem(number_text(self, ceiling) if key == "auc" else "–")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            item.setForeground(QColor("#666666"))
            self.setItem(row, column, item)

    def note(self, metrics: dict[str, Any]) -> str:
        """How to read the table, with the share of the way to the ceiling if known."""
        note = ""
        ceiling = metrics.get("ceiling_auc")
        model_auc = metrics.get("model", {}).get("auc")
        if ceiling is not None and model_auc is not None and ceiling > 0.5:
            note = self.tr("Model menempuh %1 jarak dari AUC 0,5 (acak) ke batas atas.").replace(
                "%1", percent_text(self, (model_auc - 0.5) / (ceiling - 0.5))
            )
        return (
            note
            + (" " if note else "")
            + self.tr(
                "Cetak tebal: terbaik di kolomnya. AUC lebih besar lebih baik; "
                "yang lain lebih kecil lebih baik."
            )
        )


class GateTable(QTableWidget):
    """The promotion gate's comparison on the same held-out rows: the candidate, the
    model active when it was trained, and the baselines, by AUC and ECE. Its height fits
    its rows."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        read_only_table(self, ["AUC", "ECE"])
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_gate(self, gate: dict[str, Any]) -> None:
        """Fill the rows from a card's ``gate`` (an empty dict clears them)."""
        rows: list[tuple[str, Any]] = []
        if gate:
            rows.append((self.tr("Kandidat"), gate.get("candidate")))
            if gate.get("compared_with") is not None:
                label = self.tr("Model aktif “%1”").replace("%1", str(gate["compared_with"]))
                rows.append((label, gate.get("active")))
            baselines = gate.get("baselines") or {}
            rows += [
                (QCoreApplication.translate("MetricsTable", label), baselines[key])
                for key, label in BASELINES
                if key in baselines
            ]
            rows += [(key, v) for key, v in baselines.items() if key not in dict(BASELINES)]
        self.setRowCount(len(rows))
        for row, (label, values) in enumerate(rows):
            self.setVerticalHeaderItem(row, QTableWidgetItem(label))
            values = values if isinstance(values, dict) else {}
            for column, key in enumerate(("auc", "ece")):
                item = QTableWidgetItem(number_text(self, values.get(key)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row == 0:
                    item.setBackground(QColor(31, 111, 178, 28))
                self.setItem(row, column, item)
        self.setFixedHeight(
            self.horizontalHeader().height()
            + 4
            + self.verticalHeader().defaultSectionSize() * self.rowCount()
        )
