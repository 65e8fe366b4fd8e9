"""Gaps, and which modules one learner can take: every other one left out with its reason.

A module is *takeable* when it is approved, offered in the learner's region (national,
or local to the region or a parent), deliverable there (connectivity) and to this
learner (digital literacy), not yet completed, fits in one period, and every hard
prerequisite is completed or itself takeable. Modules that would raise a gap but fail
one of these are *excluded* with the first failing reason, in that order, and, where
only the delivery is the problem, the takeable module that teaches the same competency
instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..domain import Exclusion
from ..domain.reasons import CONNECTIVITY_ID, MODALITY_ID, Reason, in_language
from ..domain.vocab import CONNECTIVITY, MODALITIES
from ..model.pairs import LearnerArrays, PairContext

__all__ = ["CatalogArrays", "LearnerSituation", "situation"]


@dataclass
class LearnerSituation:
    """One learner against the catalog: gaps, gains, takeable modules, exclusions."""

    row: int                  # the learner's row in LearnerArrays
    region: int
    levels: np.ndarray        # C, current level per competency
    targets: np.ndarray       # C, contract §3 target per competency
    gaps: np.ndarray          # C, max(0, target − level)
    gain: np.ndarray          # M × C, max(0, taught − level)
    done: np.ndarray          # M, completed
    takeable: np.ndarray      # M
    useful: np.ndarray        # M, raises a gap competency
    #: online modules left out for an offline one teaching the same (low connectivity)
    offline_instead: dict[int, int] = field(default_factory=dict)
    _explain: tuple = ()      # (context, connectivity, literacy, period_cap) for exclusions
    _excluded: list[Exclusion] | None = None

    @property
    def excluded(self) -> list[Exclusion]:
        """Gap-closing modules the learner cannot take, each with its reason (computed on
        first use: a batch that needs no reasons does not pay for them)."""
        if self._excluded is None:
            self._excluded = _exclusions(self, *self._explain)
        return self._excluded

    @property
    def candidates(self) -> np.ndarray:
        """Indices of takeable modules (gap-closing or not: fillers and prerequisites too)."""
        return np.flatnonzero(self.takeable)


class CatalogArrays:
    """Per-catalog arrays every learner's situation reads, computed once."""

    def __init__(self, context: PairContext):
        self.context = context
        self.hard = context.hard_prerequisites.toarray()     # dense: catalogs are small
        self.taught = context.module_levels.astype(np.int16)
        self.teaches = self.taught > 0


def situation(context: PairContext, learners: LearnerArrays, row: int,
              period_cap: int, catalog: CatalogArrays | None = None,
              done: np.ndarray | None = None) -> LearnerSituation:
    """Everything the selection needs to know about learner ``row``.

    ``catalog`` and ``done`` (the learner's completed modules as a dense boolean row) let
    a caller that plans many learners compute them once.
    """
    catalog = catalog or CatalogArrays(context)
    region = int(learners.region[row])
    levels = learners.levels[row].astype(np.int16)
    targets = learners.targets[row].astype(np.int16)
    gaps = np.maximum(targets - levels, 0)
    gain = np.where(catalog.teaches, np.maximum(catalog.taught - levels, 0), 0)
    useful = (gain[:, gaps > 0] > 0).any(axis=1)
    if done is None:
        done = learners.completed[row].toarray().ravel()

    connectivity = int(context.region_connectivity[region])
    literacy = int(learners.digital_literacy[row])
    offered = context.region_offered[region]
    reach = context.module_min_connectivity <= connectivity
    skills = context.module_min_digital_literacy <= literacy
    fits = context.module_jp <= period_cap
    takeable = offered & reach & skills & ~done & fits
    takeable = _with_prerequisites(catalog.hard, takeable, done)
    instead: dict[int, int] = {}
    if connectivity < len(CONNECTIVITY) - 1:
        # A module another takeable module hard-requires stays: it unlocks that one.
        unlocking = (catalog.hard & takeable[:, None]).any(axis=0)
        instead = _offline_instead(context, takeable & useful & ~unlocking, takeable & useful,
                                   gain, gaps)
        if instead:
            takeable[list(instead)] = False
            takeable = _with_prerequisites(catalog.hard, takeable, done)

    return LearnerSituation(row, region, levels, targets, gaps, gain, done, takeable, useful,
                            instead, (context, connectivity, literacy, period_cap))


def _offline_instead(context: PairContext, candidates: np.ndarray, alternatives: np.ndarray,
                     gain: np.ndarray, gaps: np.ndarray) -> dict[int, int]:
    """Online disaster-risk modules a takeable offline module dominates (at least the same
    gain on every gap competency): with weak connectivity, drills and hands-on training are
    taken instead (measured: applying the rule to every online module costs path value)."""
    closing = np.minimum(gain, gaps)
    online = np.flatnonzero(candidates & (context.module_online == 1)
                            & (context.module_n_hazards > 0))
    offline = np.flatnonzero(alternatives & (context.module_online == 0))
    if len(online) == 0 or len(offline) == 0:
        return {}
    covers = (closing[offline][:, None, :] >= closing[online][None, :, :]).all(axis=2)
    found = {}
    for j, m in enumerate(online):
        if closing[m].sum() > 0 and covers[:, j].any():
            options = offline[covers[:, j]]
            found[int(m)] = int(options[np.argmax(closing[options].sum(axis=1))])
    return found


def _with_prerequisites(hard: np.ndarray, takeable: np.ndarray,
                        done: np.ndarray) -> np.ndarray:
    """Drop modules with a hard prerequisite that is neither completed nor takeable."""
    takeable = takeable.copy()
    while True:
        blocked = (hard & ~(takeable | done)).any(axis=1)
        still = takeable & ~blocked
        if (still == takeable).all():
            return takeable
        takeable = still


def _exclusions(s: LearnerSituation, context: PairContext, connectivity: int,
                literacy: int, period_cap: int) -> list[Exclusion]:
    left_out = np.flatnonzero(s.useful & ~s.takeable)
    if len(left_out) == 0:
        return []
    region = context.region_codes[s.region]
    chain = {context.region_codes[i] for i in context.region_chains[s.region]}
    alternatives = _alternatives(s, left_out)
    reasons: dict[int, str] = {}
    for m in left_out:
        reasons[int(m)] = _reason(context, s, int(m), region, chain, connectivity, literacy,
                                  period_cap, reasons, alternatives)
    return [Exclusion(context.module_codes[m], reasons[m]) for m in sorted(reasons)]


def _alternatives(s: LearnerSituation, left_out: np.ndarray) -> dict[int, int]:
    """For each left-out module, the takeable module closing most of the same gaps."""
    takeable = np.flatnonzero(s.takeable)
    if len(takeable) == 0:
        return {}
    closing = (s.gain[left_out] > 0) & (s.gaps > 0)                # E × C
    closes = np.minimum(s.gain[takeable], s.gaps)                  # T × C
    score = closes @ closing.T                                     # T × E
    best = score.argmax(axis=0)
    return {int(m): int(takeable[best[i]]) for i, m in enumerate(left_out)
            if score[best[i], i] > 0}


def _reason(context: PairContext, s: LearnerSituation, m: int, region: str, chain: set[str],
            connectivity: int, literacy: int, period_cap: int, known: dict[int, str],
            alternatives: dict[int, int]) -> str:
    if s.done[m]:
        return Reason("already completed", "sudah diselesaikan")
    if not context.module_approved[m]:
        return Reason("not approved yet", "belum disetujui")
    if m in s.offline_instead:
        other = s.offline_instead[m]
        code, modality = context.module_codes[other], MODALITIES[context.module_modality[other]]
        level = CONNECTIVITY[connectivity]
        return Reason(f"online delivery with {level} connectivity in {region}; {code} "
                      f"({modality}) teaches the same",
                      f"daring dengan konektivitas {CONNECTIVITY_ID[level]} di {region}; {code} "
                      f"({MODALITY_ID[modality]}) mengajarkan hal yang sama")
    scope = context.module_scope[m]
    if context.module_is_local[m] and scope not in chain:
        return Reason(f"local module of {scope}, not offered in {region}",
                      f"modul lokal {scope}, tidak ditawarkan di {region}")
    need = int(context.module_min_connectivity[m])
    if need > connectivity:
        need_, have = CONNECTIVITY[need], CONNECTIVITY[connectivity]
        return Reason(f"needs {need_} connectivity; {region} has {have}",
                      f"memerlukan konektivitas {CONNECTIVITY_ID[need_]}; {region} "
                      f"{CONNECTIVITY_ID[have]}") + _instead(context, s, m, alternatives)
    need = int(context.module_min_digital_literacy[m])
    if need > literacy:
        return Reason(f"needs digital literacy {need}; the learner has {literacy}",
                      f"memerlukan literasi digital {need}; peserta di level {literacy}"
                      ) + _instead(context, s, m, alternatives)
    jp = int(context.module_jp[m])
    if jp > period_cap:
        return Reason(f"{jp} JP is longer than one period ({period_cap} JP)",
                      f"{jp} JP lebih panjang dari satu periode ({period_cap} JP)")
    prerequisites = context.hard_prerequisites
    for r in prerequisites.indices[prerequisites.indptr[m]:prerequisites.indptr[m + 1]]:
        r = int(r)  # an excluded prerequisite of a useful module may itself be useless
        if not s.done[r] and not s.takeable[r]:
            why = known.get(r) or _reason(context, s, r, region, chain, connectivity,
                                          literacy, period_cap, known, alternatives)
            code = context.module_codes[r]
            return Reason(f"requires {code}, which cannot be taken ({why})",
                          f"memerlukan {code}, yang tidak dapat diikuti "
                          f"({in_language(why, 'id')})")
    return Reason("cannot be taken", "tidak dapat diikuti")  # pragma: no cover - every failing condition is named above


def _instead(context: PairContext, s: LearnerSituation, m: int,
             alternatives: dict[int, int]) -> Reason:
    """``; PB-201 (klasikal) teaches PB-KAJI instead`` when a takeable module does."""
    best = alternatives.get(m)
    if best is None:
        return Reason("")
    closing = (s.gain[m] > 0) & (s.gaps > 0) & (s.gain[best] > 0)
    taught = [context.competency_codes[c] for c in np.flatnonzero(closing)]
    code, modality = context.module_codes[best], MODALITIES[context.module_modality[best]]
    return Reason(f"; {code} ({modality}) teaches {', '.join(taught)} instead",
                  f"; {code} ({MODALITY_ID[modality]}) mengajarkan {', '.join(taught)} "
                  "sebagai gantinya")
