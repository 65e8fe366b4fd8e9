"""A model card's metrics as text a training officer can read at the command line."""

from __future__ import annotations

from typing import Any

__all__ = ["metrics_text"]

_BASELINE_NAMES = {
    "base_rate": "baseline: overall rate",
    "module_rate": "baseline: module rate",
    "logistic": "baseline: logistic regression",
}


def _number(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def metrics_text(card: dict[str, Any], provinces: int = 10) -> str:
    """Held-out metrics against the baselines, the ceiling, calibration and provinces."""
    metrics = card["metrics"]
    evaluation = card["evaluation"]
    lines = [
        f"target: {card['target_meaning']}; trained on {card['data']['rows']:,} labelled "
        f"enrolments ({card['data']['first_date']} … {card['data']['last_date']})",
        f"held out: {evaluation['test_rows']:,} enrolments of other learners from "
        f"{evaluation['cutoff']} (trained on {evaluation['train_rows']:,} before it)",
        "",
        f"{'':32} {'AUC':>6} {'logloss':>7} {'Brier':>6} {'ECE':>6}",
    ]
    rows = [("model", metrics["model"])]
    rows += [(_BASELINE_NAMES.get(k, k), v) for k, v in metrics["baselines"].items()]
    for name, m in rows:
        lines.append(
            f"{name:32} {_number(m['auc'])} {_number(m['log_loss']):>7} "
            f"{_number(m['brier'])} {_number(m['ece'])}"
        )
    ceiling = metrics.get("ceiling_auc")
    if ceiling is not None:
        share = (metrics["model"]["auc"] - 0.5) / (ceiling - 0.5) if ceiling > 0.5 else 0
        lines.append(
            f"{'ground-truth ceiling':32} {_number(ceiling)}   (model reaches "
            f"{share:.1%} of the way from 0.5)"
        )
    lines += ["", "calibration (held out):  predicted → observed (rows)"]
    lines += [
        f"  {row['bin']}:  {_number(row['predicted'])} → {_number(row['observed'])} "
        f"({row['rows']:,})"
        for row in metrics["calibration"]
        if row["rows"]
    ]
    if metrics["provinces"]:
        lines += ["", f"largest provinces (held out, first {provinces}):"]
        lines += [
            f"  {row['province']:>4}: {row['rows']:6,} rows, rate {row['rate']:.3f}, "
            f"predicted {row['predicted']:.3f}, AUC {_number(row['auc'])}"
            for row in metrics["provinces"][:provinces]
        ]
    return "\n".join(lines)
