"""The promotion gate: a newly trained model becomes active only when it is better.

Training makes a *candidate*. The gate scores the active model on exactly the rows the
candidate was tested on (the held-out learners' enrolments from the cut-off on), beside
the candidate's own predictions from the model fitted before the refit and the
baselines fitted on the same training rows. The rule (:func:`decide`):

- with an active model, the candidate is promoted when its AUC beats the active
  model's by at least :data:`AUC_MARGIN`, is no lower than the best baseline's AUC, and
  its expected calibration error is at most the active model's plus
  :data:`ECE_TOLERANCE` (ECE is noisy on a few thousand rows; the tolerance keeps noise
  from deciding);
- with no active model, the candidate is promoted when its AUC is no lower than the best
  baseline's;
- when the active model cannot score the rows (it is refused, or was made for other
  features), the gate says so and does not promote.

Everything else needs an explicit override with a written reason, kept in the card
(:func:`~curriculum_tool.model.persist.activate_model`). The decision and every number
go into the card under ``gate`` (:func:`gate_record`) before the card is sealed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..messages import Catalogue, Message
from .evaluate import scores

__all__ = [
    "AUC_MARGIN",
    "ECE_TOLERANCE",
    "KEPT",
    "PROMOTED",
    "SAID",
    "card_message",
    "compare",
    "decide",
    "gate_passed",
]

#: The candidate's AUC must beat the active model's by at least this much.
AUC_MARGIN = 0.001
#: The candidate's AUC may fall short of the best baseline's by at most this much: two
#: models ranking the same few thousand held-out rows differ by about this by chance
#: (the README's 0.792 against a logistic 0.797 is well beyond it).
BASELINE_TOLERANCE = 0.002
#: The candidate's ECE may exceed the active model's by at most this much.
ECE_TOLERANCE = 0.005
#: An ECE below this is well calibrated whatever the active model's: a useless model that
#: predicts the overall rate everywhere is calibrated too, and must not hold back one
#: that ranks learners (the project's own calibration target, benchmarks/results/model.md).
ECE_GOOD = 0.02

#: The gate's decisions, as the card records them.
PROMOTED, KEPT = "promoted", "kept_candidate"

SAID = Catalogue(
    "model.gate",
    {
        "auc_beats_active": (
            "AUC {auc:.3f} beats the active model's {other:.3f} by at least {margin:.3f}",
            "AUC {auc:.3f} mengungguli model aktif ({other:.3f}) paling sedikit {margin:.3f}",
        ),
        "auc_not_above_active": (
            "AUC {auc:.3f} does not beat the active model's {other:.3f} by at least {margin:.3f}",
            "AUC {auc:.3f} tidak mengungguli model aktif ({other:.3f}) paling sedikit {margin:.3f}",
        ),
        "auc_reaches_baseline": (
            "AUC {auc:.3f} reaches the best baseline ({baseline}, {other:.3f}) within "
            "{tolerance:.3f}",
            "AUC {auc:.3f} menyamai pembanding terbaik ({baseline}, {other:.3f}) dalam batas "
            "{tolerance:.3f} atau melampauinya",
        ),
        "auc_below_baseline": (
            "AUC {auc:.3f} is below the best baseline ({baseline}, {other:.3f}) by more than "
            "{tolerance:.3f}",
            "AUC {auc:.3f} di bawah pembanding terbaik ({baseline}, {other:.3f}) lebih dari "
            "{tolerance:.3f}",
        ),
        "ece_within": (
            "ECE {ece:.3f} is within {tolerance:.3f} of the active model's {other:.3f}",
            "ECE {ece:.3f} berada dalam batas {tolerance:.3f} dari ECE model aktif ({other:.3f})",
        ),
        "ece_good": (
            "ECE {ece:.3f} is below {good:.3f}: well calibrated",
            "ECE {ece:.3f} di bawah {good:.3f}: terkalibrasi baik",
        ),
        "ece_worse": (
            "ECE {ece:.3f} is worse than the active model's {other:.3f} by more than "
            "{tolerance:.3f}",
            "ECE {ece:.3f} lebih buruk daripada ECE model aktif ({other:.3f}) lebih dari "
            "{tolerance:.3f}",
        ),
        "no_auc": (
            "the candidate's AUC could not be measured (the held-out rows have one label)",
            "AUC kandidat tidak dapat diukur (semua baris uji berlabel sama)",
        ),
        "active_no_auc": (
            "the active model's AUC could not be measured on the held-out rows",
            "AUC model aktif tidak dapat diukur pada baris uji",
        ),
        "no_active": (
            "there is no active model: compared with the baselines only",
            "belum ada model aktif: dibandingkan dengan pembanding saja",
        ),
        "active_unscored": (
            "the active model '{name}' cannot score the held-out rows ({problem}); "
            "promote with a written reason to override",
            "model aktif '{name}' tidak dapat menilai baris uji ({problem}); promosikan "
            "dengan alasan tertulis untuk mengabaikan gerbang",
        ),
        "active_saw_holdout": (
            "the active model was fitted on enrolments up to {last}, on or after this "
            "hold-out's cut-off {cutoff}: if they were these, its numbers are optimistic",
            "model aktif dilatih pada pendaftaran sampai {last}, pada atau sesudah batas "
            "tanggal data uji ini ({cutoff}): bila itu pendaftaran yang sama, angkanya "
            "terlalu baik",
        ),
        "promoted": (
            "promoted: better than {compared} on the same {rows:,} held-out enrolments",
            "dipromosikan: lebih baik daripada {compared} pada {rows:,} pendaftaran uji yang sama",
        ),
        "kept": (
            "kept as a candidate: not better than {compared} on the same {rows:,} held-out "
            "enrolments; promote it with a written reason to override",
            "disimpan sebagai kandidat: tidak lebih baik daripada {compared} pada {rows:,} "
            "pendaftaran uji yang sama; promosikan dengan alasan tertulis untuk mengabaikan "
            "gerbang",
        ),
        "the_active": ("the active model '{name}'", "model aktif '{name}'"),
        "the_baselines": ("the baselines", "pembanding"),
        "baseline_base_rate": ("overall rate", "tingkat keseluruhan"),
        "baseline_module_rate": ("module rate", "tingkat per modul"),
        "baseline_logistic": ("logistic regression", "regresi logistik"),
    },
)


def _both(message: Message) -> list[str]:
    """A message as the card keeps it: ``[English, Indonesian]``."""
    return [message.render("en"), message.render("id")]


def card_message(pair: Any) -> Message:
    """A text the card keeps as ``[English, Indonesian]`` as a message again (plain text
    when the card holds something else)."""
    if isinstance(pair, list | tuple) and len(pair) == 2:
        return Message(str(pair[0]), str(pair[1]), "model.gate:card")
    return Message(str(pair))


def _baseline_name(key: str) -> str:
    kind = f"baseline_{key}"
    return SAID(kind) if kind in SAID.templates else key


def best_baseline(baselines: dict[str, dict[str, Any]]) -> tuple[str, float] | None:
    """The baseline with the highest AUC, and that AUC (None when none has one)."""
    measured = [(values["auc"], key) for key, values in baselines.items() if values.get("auc")]
    if not measured:
        return None
    auc, key = max(measured)
    return key, float(auc)


def decide(
    candidate: dict[str, Any],
    active: dict[str, Any] | None,
    baselines: dict[str, dict[str, Any]],
) -> tuple[bool, list[Message]]:
    """Whether the candidate's held-out ``scores`` earn promotion, and why (one message a
    check). ``active`` is the active model's scores on the same rows, None when there is
    no active model."""
    auc, ece = candidate.get("auc"), candidate.get("ece")
    if auc is None:
        return False, [SAID("no_auc")]
    reasons: list[Message] = []
    passed = True
    if active is None:
        reasons.append(SAID("no_active"))
    elif active.get("auc") is None:
        reasons.append(SAID("active_no_auc"))
        passed = False
    else:
        better = auc >= active["auc"] + AUC_MARGIN
        kind = "auc_beats_active" if better else "auc_not_above_active"
        reasons.append(SAID(kind, auc=auc, other=active["auc"], margin=AUC_MARGIN))
        within = ece is not None and ece <= active["ece"] + ECE_TOLERANCE
        good = ece is not None and ece < ECE_GOOD
        calibrated = within or good
        kind = "ece_within" if within else "ece_good" if good else "ece_worse"
        reasons.append(
            SAID(
                kind,
                ece=ece or 0.0,
                other=active["ece"],
                tolerance=ECE_TOLERANCE,
                good=ECE_GOOD,
            )
        )
        passed = better and calibrated
    best = best_baseline(baselines)
    if best is not None:
        key, baseline_auc = best
        reaches = auc >= baseline_auc - BASELINE_TOLERANCE
        kind = "auc_reaches_baseline" if reaches else "auc_below_baseline"
        reasons.append(
            SAID(
                kind,
                auc=auc,
                baseline=_baseline_name(key),
                other=baseline_auc,
                tolerance=BASELINE_TOLERANCE,
            )
        )
        passed = passed and reaches
    return passed, reasons


def _numbers(values: dict[str, Any] | None) -> dict[str, float | None] | None:
    if values is None:
        return None
    return {"auc": values.get("auc"), "ece": values.get("ece")}


def _saw_holdout(active_card: dict[str, Any], cutoff: str) -> str | None:
    """The active model's last training date when it reaches this hold-out's cut-off."""
    last = str(active_card.get("data", {}).get("last_date") or "")
    refitted = active_card.get("evaluation", {}).get("refitted_on_all_rows", True)
    return last if last and refitted and last >= cutoff else None


def compare(
    card: dict[str, Any],
    holdout,
    active=None,
    active_problem: str | None = None,
    active_name: str | None = None,
) -> tuple[bool, dict[str, Any]]:
    """Score the ``active`` model (a :class:`~.persist.LoadedModel`, or None) on the
    candidate's ``holdout`` (:class:`~.train.Holdout`), apply :func:`decide`, and return
    whether to promote with the card's ``gate`` record.

    ``active_problem`` says why an active model ``active_name`` could not be loaded; the
    gate then does not promote.
    """
    metrics = card["metrics"]
    candidate = scores(holdout.label, holdout.predicted)
    baselines = metrics.get("baselines", {})
    cutoff = str(card.get("evaluation", {}).get("cutoff", ""))
    active_scores: dict[str, Any] | None = None
    notes: list[Message] = []
    if active is not None and active_problem is None:
        active_name = active.name
        try:
            predicted = np.asarray(active.estimator.predict_proba(holdout.features))[:, 1]
            active_scores = scores(holdout.label, predicted)
        except Exception as error:  # noqa: BLE001 - any failure to score is reported, not raised
            active_problem = f"{type(error).__name__}: {error}"
        else:
            if last := _saw_holdout(active.card, cutoff):
                notes.append(SAID("active_saw_holdout", last=last, cutoff=cutoff))
    if active_problem is not None:
        promote = False
        reasons = [SAID("active_unscored", name=active_name or "?", problem=active_problem)]
    else:
        promote, reasons = decide(candidate, active_scores, baselines)
    compared = (
        SAID("the_active", name=active_name) if active_name is not None else SAID("the_baselines")
    )
    verdict = SAID("promoted" if promote else "kept", compared=compared, rows=len(holdout))
    record = {
        "compared_with": active_name,
        "holdout_rows": len(holdout),
        "cutoff": cutoff,
        "rule": {
            "auc_margin": AUC_MARGIN,
            "baseline_tolerance": BASELINE_TOLERANCE,
            "ece_tolerance": ECE_TOLERANCE,
            "ece_good": ECE_GOOD,
        },
        "candidate": _numbers(candidate),
        "active": _numbers(active_scores),
        "baselines": {key: _numbers(values) for key, values in baselines.items()},
        "decision": PROMOTED if promote else KEPT,
        "summary": _both(verdict),
        "reasons": [_both(reason) for reason in [*reasons, *notes]],
    }
    return promote, record


def gate_passed(card: dict[str, Any], active_name: str | None) -> bool:
    """True when the card's gate promoted it over ``active_name`` (the model active now;
    None: none), so it may be promoted without a written reason."""
    gate = card.get("gate")
    if not isinstance(gate, dict) or gate.get("decision") != PROMOTED:
        return False
    return gate.get("compared_with") == active_name
