"""A stored model's card: how it was tested, how it did, and what it is for.

The card shows the held-out metrics against the baselines (and the ground-truth ceiling
on simulated data), a reliability diagram, per-province slices and the card's details
(data, evaluation, estimator, features, library versions, intended use and limits). A
refused model's card is still shown, under the reason it is refused. A trained model's
card also shows the promotion gate: the candidate against the model active when it was
trained and the baselines, on the same held-out rows, with the decision, its reasons and
any override (its written reason, who, when).
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ..messages import Message
from ..model.card_text import card_text
from ..model.gate import PROMOTED, card_message
from ..model.persist import StoredModel
from ..model.versions import version_mismatches
from .calibration_chart import CalibrationChart
from .i18n import in_app_language
from .model_metrics import GateTable, MetricsTable
from .province_slices import ProvinceTable
from .table_cells import percent_text

__all__ = ["ModelCard", "created_text", "state_text"]


def state_text(state: str) -> str:
    """A model's state in words: Kandidat, Aktif or Pensiun."""
    if state == "candidate":
        return QCoreApplication.translate("ModelCard", "Kandidat")
    if state == "active":
        return QCoreApplication.translate("ModelCard", "Aktif")
    if state == "retired":
        return QCoreApplication.translate("ModelCard", "Pensiun")
    return state


def created_text(created: str) -> str:
    """A card's UTC ISO timestamp as local ``YYYY-MM-DD HH:MM``."""
    try:
        moment = dt.datetime.fromisoformat(created)
    except (TypeError, ValueError):
        return str(created or "")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class ModelCard(QWidget):
    """One model's card, or an invitation to train when there is none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal.setStyleSheet(
            "QLabel { background: #fdecea; color: #8b1a10; "
            "border: 1px solid #f5c2bd; border-radius: 3px; "
            "padding: 6px; }"
        )
        self.refusal.hide()

        self.metrics = MetricsTable(self)
        self.metrics_note = QLabel(self)
        self.metrics_note.setWordWrap(True)
        self.metrics_note.setStyleSheet("color: #555555;")
        metrics_box = QGroupBox(self.tr("Metrik uji (peserta yang disisihkan)"), self)
        box = QVBoxLayout(metrics_box)
        box.addWidget(self.metrics)
        box.addWidget(self.metrics_note)

        self.gate_table = GateTable(self)
        self.gate_decision = QTextBrowser(self)
        self.gate_decision.setOpenLinks(False)
        self.gate_decision.setReadOnly(True)
        self.gate_decision.setMinimumHeight(90)
        self.gate_decision.setMaximumHeight(140)
        self.gate_box = QGroupBox(self.tr("Gerbang promosi (baris uji yang sama)"), self)
        gate_layout = QVBoxLayout(self.gate_box)
        gate_layout.addWidget(self.gate_table)
        gate_layout.addWidget(self.gate_decision)

        self.chart = CalibrationChart(self)
        chart_box = QGroupBox(self.tr("Kalibrasi"), self)
        QVBoxLayout(chart_box).addWidget(self.chart)

        self.provinces = ProvinceTable(self)
        province_box = QGroupBox(self.tr("Per provinsi (data uji)"), self)
        QVBoxLayout(province_box).addWidget(self.provinces)

        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.details.setReadOnly(True)
        details_box = QGroupBox(self.tr("Kartu model"), self)
        QVBoxLayout(details_box).addWidget(self.details)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 6, 0, 0)
        grid.addWidget(self.title, 0, 0, 1, 3)
        grid.addWidget(self.summary, 1, 0, 1, 3)
        grid.addWidget(self.refusal, 2, 0, 1, 3)
        grid.addWidget(metrics_box, 3, 0)
        grid.addWidget(self.gate_box, 4, 0)
        grid.addWidget(province_box, 5, 0)
        grid.addWidget(chart_box, 3, 1, 3, 1)
        grid.addWidget(details_box, 3, 2, 3, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 5)
        grid.setRowStretch(5, 1)

    def show_model(
        self,
        model: StoredModel | None,
        refused: str | None = None,
        province_names: dict[str, str] | None = None,
        any_models: bool = True,
    ) -> None:
        """Show ``model`` (refused for the reason ``refused``, if any); with no model, say
        whether none is selected or the workspace has none (``any_models``)."""
        if model is None:
            self._show_nothing(any_models)
            return
        card = model.card
        state = state_text(model.state)
        self.title.setText(
            f"<span style='font-size:large'><b>{html.escape(model.name)}</b></span>"
            f" &nbsp;·&nbsp; {html.escape(state)} &nbsp;·&nbsp; "
            + html.escape(self.tr("dibuat %1").replace("%1", created_text(model.created)))
        )
        self.summary.setText(self._summary(card))
        self.refusal.setVisible(bool(refused))
        if refused:
            self.refusal.setText(
                self.tr("Model ini ditolak dan tidak akan dipakai: %1").replace("%1", refused)
            )
        metrics = card.get("metrics", {})
        self.metrics.show_metrics(metrics)
        self.metrics_note.setText(self.metrics.note(metrics))
        self._show_gate(card)
        self.chart.set_calibration(metrics.get("calibration"))
        self.provinces.show_slices(metrics.get("provinces") or [], province_names or {})
        self.details.setHtml(self._details_html(model))

    def _show_nothing(self, any_models: bool) -> None:
        self.title.setText(
            self.tr("<b>Belum ada model dipilih</b>")
            if any_models
            else self.tr("<b>Belum ada model</b>")
        )
        self.summary.setText(
            ""
            if any_models
            else self.tr("Latih model dari hasil pelatihan workspace ini dengan “Latih model…”.")
        )
        self.refusal.hide()
        self.metrics.setRowCount(0)
        self.metrics_note.clear()
        self.gate_box.hide()
        self.chart.clear()
        self.provinces.setRowCount(0)
        self.details.clear()

    def _show_gate(self, card: dict[str, Any]) -> None:
        """The gate's comparison and decision (hidden for a model trained without one)."""
        gate = card.get("gate")
        overrides = [o for o in card.get("overrides", []) if isinstance(o, dict)]
        if not isinstance(gate, dict) and not overrides:
            self.gate_box.hide()
            self.gate_table.setRowCount(0)
            self.gate_decision.clear()
            return
        self.gate_box.show()
        self.gate_table.show_gate(gate if isinstance(gate, dict) else {})
        self.gate_decision.setHtml(self.decision_html(card))

    def decision_html(self, card: dict[str, Any]) -> str:
        """The gate's decision, its reasons, and any override, as rich text."""
        e = html.escape
        gate = card.get("gate") if isinstance(card.get("gate"), dict) else {}
        parts = []
        if gate:
            passed = gate.get("decision") == PROMOTED
            verdict = (
                self.tr("Lolos gerbang: dipromosikan")
                if passed
                else self.tr("Tidak lolos gerbang: tetap kandidat")
            )
            color = "#1e6b2f" if passed else "#8b1a10"
            parts.append(f"<b style='color:{color}'>{e(verdict)}</b>")
            summary = in_app_language(card_message(gate.get("summary", "")))
            parts.append(e(summary))
            reasons = [in_app_language(card_message(r)) for r in gate.get("reasons", [])]
            parts += [f"• {e(reason)}" for reason in reasons]
        for entry in card.get("overrides", []):
            if isinstance(entry, dict):
                parts.append(
                    e(
                        self.tr("Dipromosikan dengan alasan oleh %1 pada %2: %3")
                        .replace("%1", str(entry.get("by", "?")))
                        .replace("%2", created_text(str(entry.get("at", ""))))
                        .replace("%3", str(entry.get("reason", "")))
                    )
                )
        return "<br>".join(parts)

    def target_text(self, target: str) -> str:
        """What a card's ``target`` means, in words."""
        if target == "l3":
            return self.tr("selesai dan diterapkan di tempat kerja (Kirkpatrick level 3, l3 = 1)")
        if target == "completed":
            return self.tr("selesai mengikuti modul")
        return target

    def _count(self, value: Any) -> str:
        return self.locale().toString(int(value)) if isinstance(value, int | float) else "?"

    def _summary(self, card: dict[str, Any]) -> str:
        evaluation, data = card.get("evaluation", {}), card.get("data", {})
        text = (
            self.tr(
                "Sasaran: %1. Diuji pada %2 pendaftaran peserta yang disisihkan sejak "
                "%3; dilatih pada %4 pendaftaran peserta lain sebelum tanggal itu."
            )
            .replace("%1", self.target_text(card.get("target", "")))
            .replace("%2", self._count(evaluation.get("test_rows")))
            .replace("%3", str(evaluation.get("cutoff", "?")))
            .replace("%4", self._count(evaluation.get("train_rows")))
        )
        if evaluation.get("refitted_on_all_rows"):
            text += " " + self.tr(
                "Model yang disimpan dilatih ulang pada semua %1 baris berlabel."
            ).replace("%1", self._count(data.get("rows")))
        return text

    def _details_html(self, model: StoredModel) -> str:
        """The card as one two-column table: section headings, then label/value rows."""
        card = model.card
        data, evaluation = card.get("data", {}), card.get("evaluation", {})
        features = card.get("features", {})
        versions = card.get("library_versions", {})
        e, count = html.escape, self._count
        parts: list[str] = []

        def heading(title: str) -> None:
            parts.append(f"<tr><td colspan='2' style='padding-top:8px'><b>{e(title)}</b></td></tr>")

        def text(body: str) -> None:
            parts.append(f"<tr><td colspan='2'>{body}</td></tr>")

        def row(label: str, value: str) -> None:
            parts.append(
                f"<tr><td nowrap style='padding-right:10px;color:#555'>{e(label)}"
                f"</td><td>{value}</td></tr>"
            )

        def said(field: str) -> str:
            """The card's text of ``field``, in the interface's language when this
            version wrote it (the card keeps its English)."""
            return e(in_app_language(card_text(card, field)))

        heading(self.tr("Sasaran"))
        meaning = card_text(card, "target_meaning")
        target = e(self.target_text(card.get("target", "")))
        if meaning and not isinstance(meaning, Message):
            # a meaning this version does not write: shown as the card has it
            target += f" <span style='color:#555'>({e(meaning)})</span>"
        text(target)
        heading(self.tr("Data"))
        row(self.tr("Baris berlabel"), e(count(data.get("rows"))))
        row(self.tr("Tanpa label"), e(count(data.get("unlabelled"))))
        row(
            self.tr("Tingkat keberhasilan"),
            e(percent_text(self, data["positive_rate"])) if "positive_rate" in data else "?",
        )
        row(
            self.tr("Rentang tanggal"),
            e(f"{data.get('first_date', '?')} … {data.get('last_date', '?')}"),
        )
        row(self.tr("SHA-256 data"), f"<code>{e(str(data.get('sha256', ''))[:16])}…</code>")
        if card.get("training_data"):
            row(self.tr("Sumber"), said("training_data"))
        heading(self.tr("Evaluasi"))
        row(self.tr("Pemisahan"), said("evaluation.split"))
        row(self.tr("Batas tanggal"), e(str(evaluation.get("cutoff", "?"))))
        row(
            self.tr("Baris latih / uji"),
            e(f"{count(evaluation.get('train_rows'))} / {count(evaluation.get('test_rows'))}"),
        )
        row(
            self.tr("Dilatih ulang pada semua baris"),
            e(self.tr("ya") if evaluation.get("refitted_on_all_rows") else self.tr("tidak")),
        )
        catalog = card.get("catalog")
        if isinstance(catalog, dict):
            heading(self.tr("Katalog"))
            row(self.tr("Rilis"), e(str(catalog.get("release") or self.tr("(belum dirilis)"))))
            row(
                self.tr("SHA-256 katalog"),
                f"<code>{e(str(catalog.get('sha256', ''))[:16])}…</code>",
            )
        heading(self.tr("Model"))
        row(self.tr("Estimator"), said("estimator"))
        row(self.tr("Seed (angka acak awal)"), e(str(card.get("seed", ""))))
        row(self.tr("SHA-256 berkas"), f"<code>{e(model.sha256[:16])}…</code>")
        heading(self.tr("Fitur"))
        row(self.tr("Kategorikal"), e(", ".join(features.get("categorical", []))))
        row(self.tr("Numerik"), e(", ".join(features.get("numeric", []))))
        heading(self.tr("Versi pustaka"))
        mismatches = version_mismatches(versions) if isinstance(versions, dict) else []
        versions_text = e(", ".join(f"{k} {v}" for k, v in versions.items()))
        if mismatches:
            versions_text += (
                "<br><span style='color:#8b1a10'>"
                + e(
                    self.tr("Tidak cocok dengan instalasi ini: %1").replace(
                        "%1", "; ".join(in_app_language(m) for m in mismatches)
                    )
                )
                + "</span>"
            )
        text(versions_text)
        row(self.tr("Platform"), e(str(card.get("platform", ""))))
        heading(self.tr("Penggunaan yang dimaksud"))
        text(said("intended_use"))
        heading(self.tr("Batasan"))
        text(said("limits"))
        return "<table width='100%' cellspacing='0' cellpadding='1'>" + "".join(parts) + "</table>"
