"""Why each step of a path is there, and why each gap-closing module is not.

Every reason is a kind with its parameters (:mod:`curriculum_tool.domain.reasons`): what a
step does to the gaps (read with the reach rule, along the path's order), the regional
standard behind a target, what it unlocks or brings within reach, the literacy it raises,
why this delivery, the regional risk; and, for a module left out by the selection, why
the path passed it over.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..domain import Exclusion, PathStep
from ..domain.reach import reach_along
from ..domain.reasons import Reason
from ..domain.vocab import CONNECTIVITY, HAZARDS, MODALITIES, RELEVANT_HAZARD_INDEX
from ..index import LearnerArrays
from .feasibility import CatalogArrays, LearnerSituation
from .options import PathOptions
from .select import Selection, SelectionProblem, most_jp

__all__ = ["Explainer", "Placed"]


@dataclass
class Placed:
    """A selection placed in order and periods."""

    selection: Selection
    steps: list[int]  # problem indices, in path order
    periods: list[int]
    reached: np.ndarray  # len(steps) × C: within reach on each competency


class Explainer:
    """Turns a placed selection into explained steps and left-out modules."""

    def __init__(
        self,
        catalog: CatalogArrays,
        learners: LearnerArrays,
        titles: list[str],
        standards: dict[tuple[str, str], str],
    ):
        self.catalog, self.context, self.names = catalog, catalog.context, catalog.names
        self.learners, self.titles, self.standards = learners, titles, standards

    def steps(
        self, s: LearnerSituation, problem: SelectionProblem, placed: Placed, options: PathOptions
    ) -> tuple[list[PathStep], float]:
        context, names = self.context, self.names
        region = context.region_codes[s.region]
        where = {"region": region, "region_name": names.region(region)}
        steps_k = placed.steps
        position = {k: i for i, k in enumerate(steps_k)}
        reached_gap = placed.reached[:, problem.gap_columns] if steps_k else np.zeros((0, 0))
        level_now = s.levels.astype(int).copy()
        coverage = np.zeros(len(problem.gap_columns))
        chosen = {int(problem.modules[k]) for k in steps_k}
        unlocks: dict[int, list[str]] = defaultdict(list)
        hard = context.hard_prerequisites
        for k in steps_k:
            m = int(problem.modules[k])
            for r in hard.indices[hard.indptr[m] : hard.indptr[m + 1]]:
                if int(r) in chosen:
                    unlocks[int(r)].append(context.module_codes[m])
        rung_of: dict[int, list[str]] = defaultdict(list)
        rung_competency: dict[int, int] = {}
        for k, c in problem.climbs:
            if k in position:
                for r in problem.rungs(int(k), int(c)):
                    if (
                        r in position
                        and position[r] < position[k]
                        and placed.reached[position[r], c]
                    ):
                        rung_of[int(r)].append(context.module_codes[problem.modules[k]])
                        rung_competency.setdefault(int(r), int(c))
        enables: dict[int, list[str]] = defaultdict(list)
        for k in steps_k:
            for e in np.flatnonzero(problem.enablers[k]).tolist():
                if e in position and placed.periods[position[e]] < placed.periods[position[k]]:
                    enables[int(e)].append(context.module_codes[problem.modules[k]])
        base_jp = int(problem.jp[placed.selection.chosen & ~placed.selection.filled].sum())
        steps, total = [], 0.0
        for i, k in enumerate(steps_k):
            m = int(problem.modules[k])
            before = float(np.minimum(problem.gaps, coverage).sum())
            coverage = coverage + problem.a[k] * reached_gap[i]
            value = float(np.minimum(problem.gaps, coverage).sum()) - before
            reasons = self._gap_reasons(s, m, placed.reached[i], level_now)
            if problem.required[k] and not unlocks[m]:
                reasons.insert(
                    0,
                    Reason.of(
                        "literacy_first",
                        blocked=int(s.literacy_blocked.sum()),
                        need=s.literacy + 1,
                        have=s.literacy,
                    ),
                )
            if enables[k]:
                reasons.append(Reason.of("raises_literacy", tier=int(self.catalog.tiers[m])))
            if rung_of[k]:
                c = rung_competency[k]
                reasons.append(
                    Reason.of(
                        "rung",
                        modules=sorted(set(rung_of[k])),
                        competency_name=names.competency(context.competency_codes[c]),
                    )
                )
            if unlocks[m]:
                reasons.append(Reason.of("unlocks", modules=unlocks[m]))
            if not reasons and value > 1e-9:
                raised = [
                    names.competency(context.competency_codes[problem.gap_columns[j]])
                    for j in np.flatnonzero(problem.a[k] * reached_gap[i] > 0)
                ]
                reasons.append(Reason.of("adds_chance", competency_names=raised))
            if not reasons and placed.selection.filled[k]:
                reasons.append(Reason.of("fills_minimum", min_jp=options.min_jp, before_jp=base_jp))
            if not reasons:
                reasons.append(Reason.of("no_value"))
            literacy = max(
                [s.literacy]
                + [
                    int(self.catalog.tiers[problem.modules[e]])
                    for j, e in enumerate(steps_k)
                    if placed.periods[j] < placed.periods[i]
                ]
            )
            reasons.append(self._modality_reason(s, m, where, literacy))
            reasons.extend(self._hazard_reasons(s, m, where))
            steps.append(
                PathStep(
                    context.module_codes[m],
                    self.titles[m],
                    placed.periods[i],
                    int(context.module_jp[m]),
                    MODALITIES[context.module_modality[m]],
                    float(problem.p[k]),
                    float(value),
                    tuple(reasons),
                )
            )
            total += value
        return steps, total

    def _gap_reasons(
        self, s: LearnerSituation, m: int, reached: np.ndarray, level_now: np.ndarray
    ) -> list[Reason]:
        """What step ``m`` does to the gaps, given the levels earlier steps reached."""
        context, names = self.context, self.names
        reasons = []
        for c in np.flatnonzero((context.module_levels[m] > 0) & reached):
            target, taught = int(s.targets[c]), int(context.module_levels[m, c])
            before = int(level_now[c])
            if target <= before or taught <= before:
                continue
            after = min(target, taught)
            level_now[c] = after
            code = context.competency_codes[c]
            params = {
                "competency": code,
                "competency_name": names.competency(code),
                "before": before,
                "after": after,
            }
            if after >= target:
                reasons.append(Reason.of("closes_gap", **params))
            else:
                reasons.append(Reason.of("narrows_gap", target=target, **params))
            source = self._standard_source(s, int(c))
            if source is not None:
                reasons.append(source)
        return reasons

    def _standard_source(self, s: LearnerSituation, c: int) -> Reason | None:
        """Where a target comes from when the region, not the job, sets it."""
        context = self.context
        position = int(self.learners.position[s.row])
        job = int(context.position_targets[position, c]) if position >= 0 else 0
        if int(s.targets[c]) <= job:
            return None
        code = context.competency_codes[c]
        for r in context.region_chains[s.region]:
            region = context.region_codes[r]
            if (region, code) in self.standards:
                return Reason.of(
                    "regional_standard",
                    region=region,
                    region_name=self.names.region(region),
                    level=int(s.targets[c]),
                    why=self.standards[(region, code)] or code,
                )
        return None  # pragma: no cover - a regional target always has a standard

    def _modality_reason(self, s: LearnerSituation, m: int, where: dict, literacy: int) -> Reason:
        """Why this delivery suits the learner (``literacy``: theirs in the step's period,
        raised by literacy steps of earlier periods)."""
        context = self.context
        modality = MODALITIES[context.module_modality[m]]
        connectivity = CONNECTIVITY[context.region_connectivity[s.region]]
        if context.module_online[m]:
            return Reason.of(
                "modality_online",
                modality=modality,
                literacy=literacy,
                connectivity=connectivity,
                **where,
            )
        need = CONNECTIVITY[context.module_min_connectivity[m]]
        if connectivity != "high":
            if need == "none":
                return Reason.of(
                    "modality_offline", modality=modality, connectivity=connectivity, **where
                )
            return Reason.of(
                "modality_low", modality=modality, need=need, connectivity=connectivity, **where
            )
        return Reason.of("modality", modality=modality)

    def _hazard_reasons(self, s: LearnerSituation, m: int, where: dict) -> list[Reason]:
        context = self.context
        risks = [
            (float(context.region_hazards[s.region, h]), HAZARDS[h])
            for h in np.flatnonzero(context.module_hazards[m])
            if context.region_hazards[s.region, h] >= RELEVANT_HAZARD_INDEX
        ]
        return [
            Reason.of("hazard_risk", hazard=name, index=index, **where)
            for index, name in sorted(risks, reverse=True)[:3]
        ]

    # -- what was left out -------------------------------------------------------------

    def not_selected(
        self,
        s: LearnerSituation,
        problem: SelectionProblem,
        steps: list[int],
        forbidden: np.ndarray,
        options: PathOptions,
    ) -> list[Exclusion]:
        """Gap-closing candidates left out of the path (``steps``: problem indices in path
        order), and why."""
        in_path = np.zeros(len(problem.modules), dtype=bool)
        in_path[steps] = True
        left_out = np.flatnonzero(~in_path & (problem.a.sum(axis=1) > 0))
        if len(left_out) == 0:
            return []
        context = self.context
        used = float(problem.jp[in_path].sum())
        coverage = (
            (
                problem.a[steps]
                * reach_along(problem.taught[steps], problem.levels)[:, problem.gap_columns]
            ).sum(axis=0)
            if steps
            else np.zeros(len(problem.gaps))
        )
        current = float(np.minimum(problem.gaps, coverage).sum())
        left = options.max_jp - used
        result = []
        for k in left_out:
            if forbidden[k]:
                reason = Reason.of(
                    "not_selected_periods", periods=options.periods, cap=options.period_cap
                )
            elif problem.too_high[k] and not self._reachable(problem, int(k), steps):
                reason = self._pitched_too_high(s, problem, int(k))
            else:
                bundle = problem.need[k] & ~in_path
                cost = float(problem.jp[bundle].sum())
                extra = float(np.minimum(problem.gaps, coverage + problem.a[k]).sum()) - current
                if extra <= 1e-9:
                    reason = Reason.of("not_selected_covered")
                elif cost > left:
                    reason = Reason.of(
                        "not_selected_budget", jp=int(cost), max_jp=options.max_jp, left=int(left)
                    )
                else:
                    reason = Reason.of("not_selected_value")
            result.append(Exclusion(context.module_codes[problem.modules[k]], reason))
        return result

    @staticmethod
    def _reachable(problem: SelectionProblem, k: int, steps: list[int]) -> bool:
        """Whether a rung in the path (``steps``, in order) brings module k within reach."""
        if not steps:
            return False
        return bool(reach_along(problem.taught[[*steps, k]], problem.levels)[-1].any())

    def _pitched_too_high(self, s: LearnerSituation, problem: SelectionProblem, k: int) -> Reason:
        """``pitched at level 4 of M.07; the learner is at 0: first MNJ-162``."""
        context, names = self.context, self.names
        above = np.flatnonzero(problem.above[k])
        gaps = [c for c in above if s.gaps[c] > 0]
        c = int((gaps or list(above))[0])
        taught, level = int(problem.taught[k, c]), int(problem.levels[c])
        first = np.flatnonzero(problem.direct[:, c])
        code = context.competency_codes[c]
        params = {
            "taught": taught,
            "level": level,
            "competency": code,
            "competency_name": names.competency(code),
        }
        if len(first):
            best = min(
                first,
                key=lambda r: (
                    -int(problem.taught[r, c]),
                    int(problem.jp[r]),
                    int(problem.modules[r]),
                ),
            )
            params["rung_module"] = context.module_codes[problem.modules[best]]
        return Reason.of("pitched_too_high", **params)

    def below_minimum(self, problem: SelectionProblem, total: int, options: PathOptions) -> Reason:
        """Why the path stays below ``min_jp``: too few takeable modules, or they do not
        fit the budget and periods with the chosen steps."""
        available = most_jp(problem, float(problem.jp.sum()))
        if available < options.min_jp:
            return Reason.of(
                "below_minimum_takeable", min_jp=options.min_jp, available=int(available)
            )
        return Reason.of(
            "below_minimum_fit",
            min_jp=options.min_jp,
            max_jp=options.max_jp,
            periods=options.periods,
        )
