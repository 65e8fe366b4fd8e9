"""Gaps, and which modules one learner can take: every other one left out with its reason.

A module is a *candidate* when it is approved, offered in the learner's region (national,
or local to the region or a parent), locally relevant (no hazards, or one of its hazards
with index at least 0.3 in the region), meant for the learner (its ``audience``), not a
compulsory programme (those are listed apart, as obligations), deliverable there
(connectivity) and to this learner (digital literacy, now or after a literacy module of an
earlier period), not yet completed, fits in one period, and every hard prerequisite is
completed or itself a candidate. Modules that would raise a gap but fail one of these are
*excluded* with the first failing reason (where the module is meant for — region,
hazards, people — first, then approval and delivery), and, where only the delivery is
the problem, the candidate that teaches the same competency instead.

The reach rule (contract §3) is not a filter: a module pitched too high for the learner
stays a candidate, since a rung earlier in the same path may bring it within reach; the
selection decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..domain import Exclusion
from ..domain.gaps import gap
from ..domain.reach import within_direct_reach
from ..domain.reasons import Reason
from ..domain.regions import offered_in
from ..domain.vocab import (
    AUDIENCES,
    CONNECTIVITY,
    DIGITAL_LITERACY,
    DIGITAL_LITERACY_COMPETENCY,
    HAZARDS,
    JENJANG,
    LEARNER_STATUSES,
    MODALITIES,
    REACH,
    RELEVANT_HAZARD_INDEX,
)
from ..index import CatalogIndex, LearnerArrays

__all__ = ["OFFLINE_LENGTH", "CatalogArrays", "LearnerSituation", "literacy_tiers", "situation"]

#: An offline module replaces an online one only when it is at most this many times as long.
OFFLINE_LENGTH = 2


def literacy_tiers(context: CatalogIndex) -> np.ndarray:
    """The digital-literacy tier (0–3) each module brings a learner who succeeds at it: the
    level it teaches the digital-literacy competency at, capped at 3 (LD-101 → 1,
    LD-201 → 2, LD-301 → 3); 0 for modules that do not teach it."""
    column = context.competency_index.get(DIGITAL_LITERACY_COMPETENCY)
    if column is None:
        return np.zeros(len(context.module_codes), dtype=np.int8)
    return np.minimum(context.module_levels[:, column], max(DIGITAL_LITERACY)).astype(np.int8)


@dataclass
class LearnerSituation:
    """One learner against the catalog: gaps, gains, candidates, exclusions, obligations."""

    row: int  # the learner's row in LearnerArrays
    region: int
    levels: np.ndarray  # C, current level per competency
    targets: np.ndarray  # C, contract §3 target per competency
    gaps: np.ndarray  # C, max(0, target − level)
    gain: np.ndarray  # M × C, max(0, taught − level) (before the reach rule)
    done: np.ndarray  # M, completed
    takeable: np.ndarray  # M, candidates
    useful: np.ndarray  # M, raises a gap competency
    literacy: int  # the learner's digital literacy now
    #: M × C: where a module teaches within direct reach of the learner (reach rule)
    within: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=bool))
    #: M: gap-closing modules the learner could take but for their digital literacy
    literacy_blocked: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    #: M: candidates the learner can take only after a literacy module of an earlier period
    needs_literacy: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    #: online modules left out for an offline one teaching the same (low connectivity)
    offline_instead: dict[int, int] = field(default_factory=dict)
    #: compulsory programmes the learner has not completed (context indices)
    obligations: list[int] = field(default_factory=list)
    _explain: tuple = ()  # (catalog, learners, bits, connectivity, period_cap)
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
        """Indices of candidate modules (gap-closing or not: fillers, prerequisites, rungs)."""
        return np.flatnonzero(self.takeable)


@dataclass(frozen=True)
class Names:
    """What reasons call things: competency and region names."""

    competencies: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)

    def competency(self, code: str) -> str:
        return self.competencies.get(code, code)

    def region(self, code: str) -> str:
        return self.regions.get(code, code)


class CatalogArrays:
    """Per-catalog arrays every learner's situation reads, computed once.

    ``obligations`` maps a holder (a jenjang key or ``cpns``) to the modules compulsory
    for it, with their regulation.
    """

    def __init__(
        self,
        context: CatalogIndex,
        obligations: dict[str, list[tuple[str, str]]] | None = None,
        names: Names | None = None,
    ):
        self.context = context
        self.names = names or Names()
        self.hard = context.hard_prerequisites.toarray()  # dense: catalogs are small
        self.taught = context.module_levels.astype(np.int16)
        self.teaches = self.taught > 0
        self.tiers = literacy_tiers(context)
        n = len(context.module_codes)
        self.compulsory = np.zeros(n, dtype=bool)
        #: audience bit → [(module index, regulation)]
        self.obligations: dict[int, list[tuple[int, str]]] = {}
        self.obligation_holder: dict[int, str] = {}
        self.regulation: dict[int, str] = {}
        for who, modules in (obligations or {}).items():
            bit = 1 << AUDIENCES.index(who)
            for code, regulation in modules:
                m = context.module_index.get(code)
                if m is None:
                    continue
                self.compulsory[m] = True
                self.obligations.setdefault(bit, []).append((m, regulation))
                self.obligation_holder.setdefault(m, who)
                self.regulation.setdefault(m, regulation)


def situation(
    context: CatalogIndex,
    learners: LearnerArrays,
    row: int,
    period_cap: int,
    catalog: CatalogArrays | None = None,
    done: np.ndarray | None = None,
    periods: int = 1,
    offline_instead: bool = True,
) -> LearnerSituation:
    """Everything the selection needs to know about learner ``row``.

    ``catalog`` and ``done`` (the learner's completed modules as a dense boolean row) let
    a caller that plans many learners compute them once. With ``periods`` above 1, a
    module needing more digital literacy than the learner has stays a candidate when a
    candidate literacy module of an earlier period can raise it.
    """
    catalog = catalog or CatalogArrays(context)
    region = int(learners.region[row])
    levels = learners.levels[row].astype(np.int16)
    targets = learners.targets[row].astype(np.int16)
    gaps = gap(targets, levels)
    gain = np.where(catalog.teaches, np.maximum(catalog.taught - levels, 0), 0)
    useful = np.any(gain[:, gaps > 0] > 0, axis=1)
    if done is None:
        done = learners.completed[row].toarray().ravel()
    bits = int(learners.audience[row]) if learners.audience is not None else 0

    connectivity = int(context.region_connectivity[region])
    literacy = int(learners.digital_literacy[row])
    audience = (context.module_audience == 0) | ((context.module_audience & bits) != 0)
    allowed = (
        context.region_offered[region]
        & context.region_relevant[region]
        & audience
        & ~catalog.compulsory
        & ~done
        & (context.module_jp <= period_cap)
        & (context.module_min_connectivity <= connectivity)
    )
    literate = context.module_min_digital_literacy <= literacy
    takeable = _with_prerequisites(catalog.hard, allowed & literate, done)
    needs_literacy = np.zeros_like(takeable)
    if periods > 1:
        takeable, needs_literacy = _literacy_ladder(
            catalog, allowed, takeable, done, literacy, periods
        )
    instead: dict[int, int] = {}
    if offline_instead and connectivity < len(CONNECTIVITY) - 1:
        # What needs a replaced module goes with it (its exclusion names the prerequisite
        # and why): the offline route through the catalog is taken instead.
        instead = _offline_instead(context, takeable & useful, takeable & useful, gain, gaps)
        if instead:
            takeable[list(instead)] = False
            takeable = _with_prerequisites(catalog.hard, takeable, done)
            needs_literacy &= takeable
    obligations = [
        m
        for bit, modules in catalog.obligations.items()
        if bits & bit
        for m, _ in modules
        if not done[m]
    ]
    return LearnerSituation(
        row,
        region,
        levels,
        targets,
        gaps,
        gain,
        done,
        takeable,
        useful,
        literacy,
        within_direct_reach(catalog.taught, levels),
        useful & allowed & ~literate,
        needs_literacy,
        instead,
        sorted(set(obligations)),
        (catalog, learners, bits, connectivity, period_cap),
    )


def _literacy_ladder(
    catalog: CatalogArrays,
    allowed: np.ndarray,
    takeable: np.ndarray,
    done: np.ndarray,
    literacy: int,
    periods: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Add the modules a literacy module of an earlier period brings within the learner's
    digital literacy: one tier a period at most (the literacy raised counts from the next
    period on)."""
    context = catalog.context
    need = context.module_min_digital_literacy
    reachable = literacy
    needs_literacy = np.zeros_like(takeable)
    for _ in range(periods - 1):
        raised = int(catalog.tiers[takeable].max(initial=0))
        if raised <= reachable:
            break
        reachable = raised
        grown = _with_prerequisites(catalog.hard, takeable | (allowed & (need <= reachable)), done)
        needs_literacy |= grown & ~takeable
        takeable = grown
    return takeable, needs_literacy & (need > literacy)


def _offline_instead(
    context: CatalogIndex,
    candidates: np.ndarray,
    alternatives: np.ndarray,
    gain: np.ndarray,
    gaps: np.ndarray,
) -> dict[int, int]:
    """Online disaster-risk modules a candidate offline module dominates (at least the same
    gain on every gap competency, within the same reach, at most ``OFFLINE_LENGTH`` times
    as long): with weak connectivity, drills and hands-on training are taken instead
    (measured: applying the rule to every online module costs path value)."""
    closing = np.minimum(gain, gaps)
    online = np.flatnonzero(
        candidates & (context.module_online == 1) & (context.module_n_hazards > 0)
    )
    offline = np.flatnonzero(alternatives & (context.module_online == 0))
    if len(online) == 0 or len(offline) == 0:
        return {}
    covers = (closing[offline][:, None, :] >= closing[online][None, :, :]).all(axis=2)
    reach = gain.max(axis=1)
    jp = context.module_jp
    found = {}
    for j, m in enumerate(online):
        # Within reach, and of comparable length: a 2-JP micro-module is not replaced by a
        # 16-JP course (measured: that costs path value and changes nothing an officer
        # asked for).
        fits = (
            covers[:, j]
            & (reach[offline] <= max(reach[m], REACH))
            & (jp[offline] <= OFFLINE_LENGTH * jp[m])
        )
        if closing[m].sum() > 0 and fits.any():
            options = offline[fits]
            found[int(m)] = int(options[np.argmax(closing[options].sum(axis=1))])
    return found


def _with_prerequisites(hard: np.ndarray, takeable: np.ndarray, done: np.ndarray) -> np.ndarray:
    """Drop modules with a hard prerequisite that is neither completed nor takeable."""
    takeable = takeable.copy()
    while True:
        blocked = (hard & ~(takeable | done)).any(axis=1)
        still = takeable & ~blocked
        if (still == takeable).all():
            return takeable
        takeable = still


# -- reasons ---------------------------------------------------------------------------


def _exclusions(
    s: LearnerSituation,
    catalog: CatalogArrays,
    learners: LearnerArrays,
    bits: int,
    connectivity: int,
    period_cap: int,
) -> list[Exclusion]:
    left_out = np.flatnonzero(s.useful & ~s.takeable)
    left_out = left_out[~np.isin(left_out, s.obligations)]
    if len(left_out) == 0:
        return []
    alternatives = _alternatives(s, left_out)
    reasons: dict[int, Reason] = {}
    why = _Why(catalog, s, learners, bits, connectivity, period_cap, reasons, alternatives)
    for m in left_out:
        reasons[int(m)] = why(int(m))
    return [Exclusion(catalog.context.module_codes[m], reasons[m]) for m in sorted(reasons)]


def _alternatives(s: LearnerSituation, left_out: np.ndarray) -> dict[int, int]:
    """For each left-out module, the candidate closing most of the same gaps within the
    learner's reach."""
    takeable = np.flatnonzero(s.takeable & ~s.needs_literacy)
    if len(takeable) == 0:
        return {}
    closing = (s.gain[left_out] > 0) & (s.gaps > 0)  # E × C
    closes = np.minimum(s.gain[takeable], s.gaps) * s.within[takeable]  # T × C
    score = closes @ closing.T  # T × E
    best = score.argmax(axis=0)
    return {int(m): int(takeable[best[i]]) for i, m in enumerate(left_out) if score[best[i], i] > 0}


class _Why:
    """The first reason a module cannot be taken, in the order of the module docstring."""

    def __init__(
        self,
        catalog: CatalogArrays,
        s: LearnerSituation,
        learners: LearnerArrays,
        bits: int,
        connectivity: int,
        period_cap: int,
        known: dict[int, Reason],
        alternatives: dict[int, int],
    ):
        self.catalog, self.context, self.s = catalog, catalog.context, s
        self.learners, self.bits = learners, bits
        self.connectivity, self.period_cap = connectivity, period_cap
        self.known, self.alternatives = known, alternatives
        code = self.context.region_codes[s.region]
        self.where = {"region": code, "region_name": catalog.names.region(code)}
        self.chain = {self.context.region_codes[r] for r in self.context.region_chains[s.region]}

    def __call__(self, m: int) -> Reason:
        context, s = self.context, self.s
        if s.done[m]:
            return Reason.of("completed")
        # Where a module is meant for: another region, other hazards, other people; these
        # come first, since approval or delivery would not make it the learner's.
        scope = context.module_scope[m]
        if not offered_in(scope, self.chain):
            return Reason.of(
                "local_elsewhere",
                scope=scope,
                scope_name=self.catalog.names.region(scope),
                **self.where,
            )
        if not context.region_relevant[s.region, m]:
            hazards = [HAZARDS[h] for h in np.flatnonzero(context.module_hazards[m])]
            return Reason.of(
                "not_relevant", hazards=hazards, threshold=RELEVANT_HAZARD_INDEX, **self.where
            )
        if self.catalog.compulsory[m]:
            who = self.catalog.obligation_holder[m]
            if m in s.obligations:
                return Reason.of("obligation", who=who, regulation=self.catalog.regulation[m])
            return Reason.of("obligation_of_others", who=who)
        audience = int(context.module_audience[m])
        if audience and not audience & self.bits:
            return Reason.of(
                "outside_audience", audience=_keys(audience), learner=_learner_keys(self.bits)
            )
        if not context.module_approved[m]:
            return Reason.of("not_approved")
        if m in s.offline_instead:
            other = s.offline_instead[m]
            return Reason.of(
                "offline_instead",
                connectivity=CONNECTIVITY[self.connectivity],
                instead=context.module_codes[other],
                instead_modality=MODALITIES[context.module_modality[other]],
                **self.where,
            )
        need = int(context.module_min_connectivity[m])
        if need > self.connectivity:
            return Reason.of(
                "connectivity",
                need=CONNECTIVITY[need],
                have=CONNECTIVITY[self.connectivity],
                **self.where,
                **self._instead(m),
            )
        need = int(context.module_min_digital_literacy[m])
        if need > s.literacy and not s.needs_literacy[m]:
            return Reason.of("digital_literacy", need=need, have=s.literacy, **self._instead(m))
        jp = int(context.module_jp[m])
        if jp > self.period_cap:
            return Reason.of("longer_than_period", jp=jp, cap=self.period_cap)
        prerequisites = context.hard_prerequisites
        for r in prerequisites.indices[prerequisites.indptr[m] : prerequisites.indptr[m + 1]]:
            r = int(r)  # an excluded prerequisite of a useful module may itself be useless
            if not s.done[r] and not s.takeable[r]:
                why = self.known.get(r) or self(r)
                self.known.setdefault(r, why)
                return Reason.of("requires", module=context.module_codes[r], why=why.nested())
        return Reason.of(
            "not_approved"
        )  # pragma: no cover - every failing condition is named above

    def _instead(self, m: int) -> dict[str, object]:
        """``; PB-201 (klasikal) teaches PB-KAJI instead`` when a candidate does."""
        best = self.alternatives.get(m)
        if best is None:
            return {}
        s, context = self.s, self.context
        closing = (s.gain[m] > 0) & (s.gaps > 0) & (s.gain[best] > 0)
        taught = [
            self.catalog.names.competency(context.competency_codes[c])
            for c in np.flatnonzero(closing)
        ]
        return {
            "instead": context.module_codes[best],
            "instead_modality": MODALITIES[context.module_modality[best]],
            "instead_teaches": taught,
        }


def _keys(bits: int) -> list[str]:
    return [name for i, name in enumerate(AUDIENCES) if bits >> i & 1]


def _learner_keys(bits: int) -> list[str]:
    """The learner's jenjang when known, else their status."""
    keys = _keys(bits)
    jenjang = [k for k in keys if k in JENJANG]
    return jenjang or [k for k in keys if k in LEARNER_STATUSES] or ["pns"]
