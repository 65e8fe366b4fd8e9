"""Calibration drift (core, no Qt): the active model's predicted P against what happened.

For every outcome with a label for the active model's target (success = completed and
L3 = 1: a completed row with L3 recorded, or a row not completed; see
:func:`curriculum_tool.model.dataset.label`), the model's P is computed from the features
*as of the enrolment's date*, exactly as in training (:func:`~curriculum_tool.model.
dataset.training_set`: no later completion leaks in). Enrolments that have not ended yet
(not completed, end date after today) are not outcomes and are left out.

Drift is about new data: when the model's card names the last date of its training data
(``data.last_date``), only outcomes after that date are compared, unless ``new_only`` is
False. Per province (the first segment of the learner's region code) the report gives
the rows, mean P, the observed rate and the calibration gap |mean P − observed rate|; a
province is *flagged* when its gap exceeds ``threshold`` (default
:data:`DEFAULT_THRESHOLD`) and it has at least :data:`MIN_ROWS` rows (fewer rows are too
noisy to call drift). The overall expected calibration error (ECE, ten bins) is given too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select

from ..errors import CurriculumError
from ..messages import Catalogue, Message
from ..model.dataset import training_set
from ..model.evaluate import expected_calibration_error
from ..model.persist import load_model
from ..store import schema

__all__ = [
    "DEFAULT_THRESHOLD",
    "MIN_ROWS",
    "SAID",
    "DriftReport",
    "ProvinceDrift",
    "drift",
]

#: A province is flagged when |mean P − observed rate| exceeds this.
DEFAULT_THRESHOLD = 0.05
#: A province needs at least this many labelled rows to be flagged.
MIN_ROWS = 30

SAID = Catalogue(
    "report.drift",
    {
        "bad_threshold": (
            "threshold {threshold} must be greater than 0 and less than 1",
            "ambang {threshold} harus lebih besar dari 0 dan kurang dari 1",
        ),
        "drifted": (
            "calibration drift: in {count} province(s) the observed rate is more than "
            "{threshold:.2f} away from the model's predicted P: {provinces}; consider "
            "retraining the model",
            "drift kalibrasi: di {count} provinsi tingkat teramati berbeda lebih dari "
            "{threshold:.2f} dari peluang prediksi model: {provinces}; pertimbangkan "
            "untuk melatih ulang model",
        ),
        "province_gap": ("{name} ({gap:+.2f})", "{name} ({gap:+.2f})"),
        "window_new": (
            "model '{model}': {rows:,} labelled outcomes after its training data "
            "(last date {since})",
            "model '{model}': {rows:,} hasil pelatihan berlabel sesudah data latihnya "
            "(tanggal terakhir {since})",
        ),
        "window_all": (
            "model '{model}': all {rows:,} labelled outcomes",
            "model '{model}': seluruh {rows:,} hasil pelatihan berlabel",
        ),
        "no_drift": (
            "no province drifts past {threshold:.2f} (with at least {min_rows} rows)",
            "tidak ada provinsi yang bergeser melebihi {threshold:.2f} "
            "(dengan paling sedikit {min_rows} baris)",
        ),
    },
)


@dataclass(frozen=True)
class ProvinceDrift:
    """One province: rows, mean predicted P, observed rate, and whether it drifted."""

    province: str
    name: str
    rows: int
    predicted: float
    observed: float
    flagged: bool

    @property
    def gap(self) -> float:
        """|mean P − observed rate|."""
        return abs(self.predicted - self.observed)

    def to_json(self) -> dict[str, Any]:
        return {
            "province": self.province,
            "name": self.name,
            "rows": self.rows,
            "predicted": self.predicted,
            "observed": self.observed,
            "gap": self.gap,
            "flagged": self.flagged,
        }


@dataclass(frozen=True)
class DriftReport:
    """The active model's calibration on the compared outcomes, overall and per province."""

    model: str
    target: str
    since: str  # outcomes after this date only ("" = all labelled outcomes)
    rows: int
    threshold: float
    min_rows: int
    ece: float | None
    predicted: float | None
    observed: float | None
    provinces: list[ProvinceDrift] = field(default_factory=list)

    @property
    def flagged(self) -> list[ProvinceDrift]:
        return [p for p in self.provinces if p.flagged]

    @property
    def warning(self) -> Message | None:
        """What to tell a person when any province drifted (None when none did)."""
        flagged = self.flagged
        if not flagged:
            return None
        shown = [
            SAID("province_gap", name=p.name or p.province, gap=p.predicted - p.observed)
            for p in flagged
        ]
        return SAID(
            "drifted",
            count=len(flagged),
            threshold=self.threshold,
            provinces=_joined(shown),
        )

    @property
    def summary(self) -> Message:
        """Which outcomes were compared, by which model."""
        if self.since:
            return SAID("window_new", model=self.model, rows=self.rows, since=self.since)
        return SAID("window_all", model=self.model, rows=self.rows)

    @property
    def verdict(self) -> Message:
        """The warning, or that nothing drifted."""
        return self.warning or SAID("no_drift", threshold=self.threshold, min_rows=self.min_rows)

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "target": self.target,
            "since": self.since or None,
            "rows": self.rows,
            "threshold": self.threshold,
            "min_rows": self.min_rows,
            "ece": self.ece,
            "predicted": self.predicted,
            "observed": self.observed,
            "provinces": [p.to_json() for p in self.provinces],
            "flagged": [p.province for p in self.flagged],
            "warning": None if self.warning is None else str(self.warning),
        }


def _joined(parts: list[Message]) -> Message:
    """Messages joined with ", " in each language."""
    return Message(
        ", ".join(str(p) for p in parts),
        ", ".join(p.render("id") for p in parts),
        "report.drift:joined",
    )


def drift(
    workspace,
    threshold: float = DEFAULT_THRESHOLD,
    new_only: bool = True,
    min_rows: int = MIN_ROWS,
) -> DriftReport:
    """The active model's predicted P against the observed rate per province; see the
    module's docstring. ``new_only``: only outcomes after the card's ``data.last_date``
    (when the card has one)."""
    if not 0 < float(threshold) < 1:
        raise CurriculumError(SAID("bad_threshold", threshold=threshold))
    model = load_model(workspace)
    target = str(model.card.get("target") or "l3")
    since = str((model.card.get("data") or {}).get("last_date") or "") if new_only else ""
    empty = DriftReport(model.name, target, since, 0, float(threshold), min_rows, None, None, None)
    try:
        after = dt.date.fromisoformat(since[:10]) if since else None
        data = training_set(workspace, target, after=after)
    except CurriculumError as error:
        if getattr(error.args[0] if error.args else None, "kind", "") == (
            "model.dataset:no_labelled_outcomes"
        ):
            return empty
        raise
    dates = data.date.astype("datetime64[D]")
    keep = dates <= np.datetime64(dt.date.today(), "D")  # enrolments not ended: not outcomes
    if since:
        keep &= dates > np.datetime64(since[:10], "D")
    if not keep.any():
        return empty
    features = data.features[keep]
    p = model.estimator.predict_proba(features)[:, 1]
    y = data.label[keep].astype(int)
    provinces = features["province"].astype(str).to_numpy()
    frame = pd.DataFrame({"province": provinces, "p": p, "y": y})
    table = frame.groupby("province", sort=True).agg(
        rows=("y", "size"), predicted=("p", "mean"), observed=("y", "mean")
    )
    names = _names(workspace)
    rows = [
        ProvinceDrift(
            str(code),
            names.get(str(code), ""),
            int(row["rows"]),
            float(row["predicted"]),
            float(row["observed"]),
            bool(
                row["rows"] >= min_rows
                and abs(row["predicted"] - row["observed"]) > float(threshold)
            ),
        )
        for code, row in table.iterrows()
    ]
    return DriftReport(
        model.name,
        target,
        since,
        len(y),
        float(threshold),
        min_rows,
        expected_calibration_error(y, p),
        float(np.mean(p)),
        float(np.mean(y)),
        rows,
    )


def _names(workspace) -> dict[str, str]:
    r = schema.regions
    with workspace.engine.connect() as conn:
        return {str(c): str(n) for c, n in conn.execute(select(r.c.code, r.c.name))}
