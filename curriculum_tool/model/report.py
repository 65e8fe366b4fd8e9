"""A model card's metrics as text a training officer can read at the command line.

:func:`metrics_lines` gives each line as a message (English as ``train`` has always
printed it, and Indonesian with the language's numbers: ``0,809``, ``16.469``);
:func:`metrics_text` joins them in one language.
"""

from __future__ import annotations

from typing import Any

from ..errors import in_language
from ..messages import Catalogue
from .card_text import calibration_bin, card_text
from .gate import card_message

__all__ = ["SAID", "gate_lines", "metrics_lines", "metrics_text"]

SAID = Catalogue(
    "model.report",
    {
        "trained_on": (
            "target: {meaning}; trained on {rows:,} labelled enrolments ({first} … {last})",
            "sasaran: {meaning}; dilatih pada {rows:,} pendaftaran berlabel ({first} … {last})",
        ),
        "held_out": (
            "held out: {test_rows:,} enrolments of other learners from {cutoff} "
            "(trained on {train_rows:,} before it)",
            "data uji: {test_rows:,} pendaftaran peserta lain sejak {cutoff} "
            "(dilatih pada {train_rows:,} sebelum tanggal itu)",
        ),
        # A metric, six characters wide; "-" where it could not be measured.
        "number": ("{value:6.3f}", "{value:6.3f}"),
        "no_number": ("   -  ", "   -  "),
        "row": (
            "{name:32} {auc} {log_loss:>7} {brier} {ece}",
            "{name:32} {auc} {log_loss:>7} {brier} {ece}",
        ),
        "model": ("model", "model yang dilatih"),
        "baseline_base_rate": ("baseline: overall rate", "pembanding: tingkat keseluruhan"),
        "baseline_module_rate": ("baseline: module rate", "pembanding: tingkat per modul"),
        "baseline_logistic": (
            "baseline: logistic regression",
            "pembanding: regresi logistik",
        ),
        "ceiling": (
            "{label:32} {ceiling}   (model reaches {share:.1%} of the way from 0.5)",
            "{label:32} {ceiling}   (model menempuh {share:.1%} jarak dari 0,5)",
        ),
        "ceiling_label": ("ground-truth ceiling", "batas atas (peluang sebenarnya)"),
        "calibration": (
            "calibration (held out):  predicted → observed (rows)",
            "kalibrasi (data uji):  prediksi → teramati (baris)",
        ),
        "calibration_row": (
            "  {bin}:  {predicted} → {observed} ({rows:,})",
            "  {bin}:  {predicted} → {observed} ({rows:,})",
        ),
        "provinces": (
            "largest provinces (held out, first {count}):",
            "provinsi terbesar (data uji, {count} pertama):",
        ),
        "gate": (
            "promotion gate (the same {rows:,} held-out enrolments):",
            "gerbang promosi ({rows:,} pendaftaran uji yang sama):",
        ),
        "gate_row": ("  {name:32} {auc} {ece}", "  {name:32} {auc} {ece}"),
        "gate_candidate": ("candidate (this model)", "kandidat (model ini)"),
        "gate_active": ("active model '{name}'", "model aktif '{name}'"),
        "gate_reason": ("  - {reason}", "  - {reason}"),
        "decision": ("decision: {summary}", "keputusan: {summary}"),
        "override": (
            "override by {by} at {at}: {reason}",
            "gerbang diabaikan oleh {by} pada {at}: {reason}",
        ),
        "province_row": (
            "  {province:>4}: {rows:6,} rows, rate {rate:.3f}, predicted {predicted:.3f}, "
            "AUC {auc}",
            "  {province:>4}: {rows:6,} baris, tingkat {rate:.3f}, prediksi {predicted:.3f}, "
            "AUC {auc}",
        ),
    },
)

#: The table's header: the metrics' names, the same in both languages.
_HEADER = f"{'':32} {'AUC':>6} {'logloss':>7} {'Brier':>6} {'ECE':>6}"
_GATE_HEADER = f"  {'':32} {'AUC':>6} {'ECE':>6}"


def _number(value: float | None) -> str:
    return SAID("no_number") if value is None else SAID("number", value=value)


def _metrics_row(name: str, metrics: dict[str, Any]) -> str:
    return SAID(
        "row",
        name=name,
        **{key: _number(metrics[key]) for key in ("auc", "log_loss", "brier", "ece")},
    )


def metrics_lines(card: dict[str, Any], provinces: int = 10) -> list[str]:
    """The lines of :func:`metrics_text`: messages, and plain text where a line reads
    the same in both languages (the table's header, a blank line)."""
    metrics = card["metrics"]
    evaluation = card["evaluation"]
    data = card["data"]
    lines: list[str] = [
        SAID(
            "trained_on",
            meaning=card_text(card, "target_meaning"),
            rows=data["rows"],
            first=data["first_date"],
            last=data["last_date"],
        ),
        SAID(
            "held_out",
            test_rows=evaluation["test_rows"],
            cutoff=evaluation["cutoff"],
            train_rows=evaluation["train_rows"],
        ),
        "",
        _HEADER,
    ]
    lines.append(_metrics_row(SAID("model"), metrics["model"]))
    for key, values in metrics["baselines"].items():
        name = SAID(f"baseline_{key}") if f"baseline_{key}" in SAID.templates else key
        lines.append(_metrics_row(name, values))
    ceiling = metrics.get("ceiling_auc")
    if ceiling is not None:
        share = (metrics["model"]["auc"] - 0.5) / (ceiling - 0.5) if ceiling > 0.5 else 0
        lines.append(
            SAID("ceiling", label=SAID("ceiling_label"), ceiling=_number(ceiling), share=share)
        )
    lines += ["", SAID("calibration")]
    lines += [
        SAID(
            "calibration_row",
            bin=calibration_bin(row["bin"]),
            predicted=_number(row["predicted"]),
            observed=_number(row["observed"]),
            rows=row["rows"],
        )
        for row in metrics["calibration"]
        if row["rows"]
    ]
    if metrics["provinces"]:
        lines += ["", SAID("provinces", count=provinces)]
        lines += [
            SAID(
                "province_row",
                province=row["province"],
                rows=row["rows"],
                rate=row["rate"],
                predicted=row["predicted"],
                auc=_number(row["auc"]),
            )
            for row in metrics["provinces"][:provinces]
        ]
    return lines + gate_lines(card)


def gate_lines(card: dict[str, Any]) -> list[str]:
    """The promotion gate's comparison and decision, and any override (none for a card
    without a gate)."""
    gate = card.get("gate")
    if not isinstance(gate, dict):
        return []
    lines: list[str] = ["", SAID("gate", rows=gate.get("holdout_rows", 0)), _GATE_HEADER]

    def row(name: str, values: Any) -> None:
        values = values if isinstance(values, dict) else {}
        auc, ece = _number(values.get("auc")), _number(values.get("ece"))
        lines.append(SAID("gate_row", name=name, auc=auc, ece=ece))

    row(SAID("gate_candidate"), gate.get("candidate"))
    if gate.get("compared_with") and gate.get("active") is not None:
        row(SAID("gate_active", name=gate["compared_with"]), gate.get("active"))
    for key, values in (gate.get("baselines") or {}).items():
        kind = f"baseline_{key}"
        row(SAID(kind) if kind in SAID.templates else key, values)
    lines += [SAID("gate_reason", reason=card_message(r)) for r in gate.get("reasons", [])]
    lines.append(SAID("decision", summary=card_message(gate.get("summary", ""))))
    for entry in card.get("overrides", []):
        if isinstance(entry, dict):
            lines.append(
                SAID(
                    "override",
                    by=entry.get("by", "?"),
                    at=entry.get("at", "?"),
                    reason=entry.get("reason", ""),
                )
            )
    return lines


def metrics_text(card: dict[str, Any], provinces: int = 10, lang: str = "en") -> str:
    """Held-out metrics against the baselines, the ceiling, calibration and provinces, in
    ``lang`` (``en``, as ``train`` prints them, or ``id``)."""
    return "\n".join(in_language(line, lang) for line in metrics_lines(card, provinces))
