"""Held-out metrics of a probability model: discrimination, calibration, and by province.

A training officer acts on the probabilities themselves (a path's value is a sum of
them), so calibration matters as much as ranking: the report has ROC AUC, log loss,
Brier score, expected calibration error, a reliability table and per-province slices.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

__all__ = ["calibration_table", "expected_calibration_error", "province_slices", "scores"]

_EPS = 1e-6


def scores(y: np.ndarray, p: np.ndarray) -> dict[str, float | None]:
    """ROC AUC (None when one class only), log loss, Brier score and ECE."""
    y = np.asarray(y, dtype=int)
    p = np.clip(np.asarray(p, dtype=float), _EPS, 1 - _EPS)
    both = 0 < y.sum() < len(y)
    return {
        "auc": float(roc_auc_score(y, p)) if both else None,
        "log_loss": float(log_loss(y, p, labels=[0, 1])),
        "brier": float(brier_score_loss(y, p)),
        "ece": expected_calibration_error(y, p),
    }


def calibration_table(y: np.ndarray, p: np.ndarray, bins: int = 10) -> list[dict[str, Any]]:
    """Equal-width probability bins: rows, mean predicted, observed rate."""
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    which = np.minimum((p * bins).astype(int), bins - 1)
    table = []
    for b in range(bins):
        inside = which == b
        n = int(inside.sum())
        table.append(
            {
                "bin": f"{b / bins:.1f}–{(b + 1) / bins:.1f}",
                "rows": n,
                "predicted": float(p[inside].mean()) if n else None,
                "observed": float(y[inside].mean()) if n else None,
            }
        )
    return table


def expected_calibration_error(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Row-weighted mean |observed − predicted| over :func:`calibration_table` bins."""
    table = calibration_table(y, p, bins)
    total = sum(row["rows"] for row in table)
    return float(
        sum(row["rows"] * abs(row["observed"] - row["predicted"]) for row in table if row["rows"])
        / max(total, 1)
    )


def province_slices(
    y: np.ndarray, p: np.ndarray, province: np.ndarray, min_rows: int = 30
) -> list[dict[str, Any]]:
    """Metrics per province with at least ``min_rows`` held-out rows, largest first."""
    frame = pd.DataFrame(
        {
            "y": np.asarray(y, dtype=int),
            "p": np.asarray(p, dtype=float),
            "province": np.asarray(province).astype(str),
        }
    )
    rows = []
    for code, part in frame.groupby("province", sort=True):
        if len(part) < min_rows:
            continue
        rows.append(
            {
                "province": code,
                "rows": len(part),
                "rate": float(part["y"].mean()),
                "predicted": float(part["p"].mean()),
                **scores(part["y"].to_numpy(), part["p"].to_numpy()),
            }
        )
    return sorted(rows, key=lambda r: (-r["rows"], r["province"]))
