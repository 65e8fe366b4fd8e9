"""Learning paths: gaps → candidates → P(success) → selection → order → reasons.

A :class:`Recommender` loads the workspace once (catalog as arrays, learners, obligations,
the verified current model); :meth:`Recommender.recommend` then plans one learner, and
:meth:`Recommender.plan_rows` plans many with one vectorised scoring call for all their
candidate modules. Both run the same code, so the app, ``recommend``, ``batch`` and the
stored path give one answer.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from ..domain import Exclusion, LearnerPath, PathStep
from ..domain.paths import ObligationStep
from ..domain.reasons import Reason
from ..domain.vocab import (
    CONNECTIVITY,
    DEFAULT_MIN_JP,
    DIGITAL_LITERACY_COMPETENCY,
    HAZARDS,
    MODALITIES,
    REACH,
    RELEVANT_HAZARD_INDEX,
)
from ..errors import CurriculumError
from ..model.score import Scorer
from .feasibility import CatalogArrays, LearnerSituation, Names, situation
from .order import assign_periods, order_steps
from .select import METHODS, Selection, SelectionProblem, most_jp, reach_along, select

__all__ = ["PathOptions", "Recommender", "recommend"]

#: Pairs below which scoring runs on one thread (one learner has about 70).
SMALL_SCORING = 50_000


@dataclass(frozen=True)
class PathOptions:
    """The officer's knobs: JP budget, yearly minimum, periods, and the two seed policies."""

    max_jp: int = 40
    min_jp: int = DEFAULT_MIN_JP
    periods: int = 1
    method: str = "exact"
    #: Which left-out modules a path lists: ``all`` (those the learner cannot take and
    #: those the selection passed over), or ``blocking`` (agency batches: only those the
    #: learner cannot take, plus the passed-over ones when the path stays below
    #: ``min_jp``; the rest would be millions of rows).
    excluded: str = "all"
    #: Where connectivity is weak, an online disaster-risk module a candidate offline one
    #: dominates is left out for it.
    offline_instead: bool = True
    #: When digital literacy blocks gap-closing modules, the next literacy tier comes first.
    literacy_first: bool = True
    #: Where a module for the hazards of the learner's region closes a gap their job sets
    #: (disaster staff), the path holds at least one such module whenever one fits.
    hazard_first: bool = True

    def __post_init__(self) -> None:
        if self.max_jp < 1:
            raise CurriculumError("--max-jp must be at least 1")
        if self.min_jp < 0 or self.min_jp > self.max_jp:
            raise CurriculumError(f"--min-jp must be between 0 and --max-jp ({self.max_jp})")
        if self.periods < 1 or self.periods > self.max_jp:
            raise CurriculumError("--periods must be at least 1 and at most --max-jp")
        if self.method not in METHODS:
            raise CurriculumError(f"method must be one of {', '.join(METHODS)}")
        if self.excluded not in ("all", "blocking"):
            raise CurriculumError("excluded must be 'all' or 'blocking'")

    @property
    def period_cap(self) -> int:
        return self.max_jp // self.periods


@dataclass
class _Placed:
    """A selection placed in order and periods."""

    selection: Selection
    steps: list[int]       # problem indices, in path order
    periods: list[int]
    reached: np.ndarray    # len(steps) × C: within reach on each competency


class Recommender:
    """Everything a path needs, loaded once from a workspace."""

    def __init__(self, workspace, model: str | None = None, scorer: Scorer | None = None):
        self.scorer = scorer or Scorer(workspace, model)
        context = self.context = self.scorer.context
        modules = {m.code: m for m in workspace.load("modules")}
        self.titles = [modules[code].title for code in context.module_codes]
        n = len(context.module_codes)
        edges = [(context.module_index[p.module], context.module_index[p.requires])
                 for p in workspace.load("prerequisites")]
        self.requires = sp.csr_matrix((np.ones(len(edges), dtype=bool),
                                       ([e[0] for e in edges], [e[1] for e in edges])),
                                      shape=(n, n))
        obligations: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for o in workspace.load("obligations"):
            obligations[o.who].append((o.module, o.regulation))
        names = Names({c.code: c.name for c in workspace.load("competencies")},
                      {r.code: r.name for r in workspace.load("regions")})
        self.names = names
        self.catalog = CatalogArrays(context, dict(obligations), names)
        self.done = self.learners.completed.toarray()
        self.standards: dict[tuple[str, str], str] = {
            (s.region, s.competency): s.reason for s in workspace.load("regional_standards")}

    @property
    def learners(self):
        return self.scorer.learners

    @property
    def model_name(self) -> str:
        return self.scorer.model.name

    def row_of(self, learner: str) -> int:
        try:
            return self.scorer.learner_row[learner]
        except KeyError:
            raise CurriculumError("unknown learner: no learner with that id in this "
                                  "workspace") from None

    def recommend(self, learner: str, options: PathOptions = PathOptions()) -> LearnerPath:
        """The path of the learner with id ``learner``."""
        return self.plan_rows([self.row_of(learner)], options)[0]

    def situation(self, row: int, options: PathOptions = PathOptions()) -> LearnerSituation:
        """Learner ``row`` against the catalog, as the planner sees them."""
        return situation(self.context, self.learners, row, options.period_cap, self.catalog,
                         self.done[row], options.periods, options.offline_instead)

    def plan_rows(self, rows: Sequence[int], options: PathOptions) -> list[LearnerPath]:
        """Paths for learner rows, scoring all their candidate modules in one call."""
        situations = [self.situation(row, options) for row in rows]
        learner_idx = np.concatenate([np.full(len(s.candidates), s.row) for s in situations]
                                     or [np.empty(0, dtype=np.int64)]).astype(np.int64)
        module_idx = np.concatenate([s.candidates for s in situations]
                                    or [np.empty(0, dtype=np.int64)]).astype(np.int64)
        # A few thousand pairs gain nothing from OpenMP threads, and stall when another
        # process holds a core; large batches use them.
        threads = 1 if len(learner_idx) < SMALL_SCORING else None
        with threadpool_limits(threads, user_api="openmp"):
            p = self.scorer.probabilities(learner_idx, module_idx)
        paths, start = [], 0
        created = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        # Tiny matrices: BLAS threads only cost (and stall when the cores are busy).
        with threadpool_limits(1, user_api="blas"):
            for s in situations:
                count = len(s.candidates)
                paths.append(self._plan(s, p[start:start + count], options, created))
                start += count
        return paths

    # -- one learner -------------------------------------------------------------------

    def problem(self, s: LearnerSituation, p: np.ndarray,
                options: PathOptions = PathOptions()) -> SelectionProblem:
        """The selection problem of situation ``s`` with success probabilities ``p`` (one
        per candidate)."""
        catalog, context = self.catalog, self.context
        candidates = s.candidates
        gap_columns = np.flatnonzero(s.gaps > 0)
        in_profile = s.targets > 0
        relevance = p * (s.gain[candidates][:, in_profile].sum(axis=1) + 1e-3)
        need = context.module_min_digital_literacy[candidates]
        tiers = catalog.tiers[candidates]
        enablers = (s.needs_literacy[candidates][:, None]
                    & (tiers[None, :] >= need[:, None]) & (tiers[None, :] > s.literacy))
        required = self._literacy_first(s, candidates, p, options)
        one_of = self._hazard_first(s, candidates) if options.hazard_first else None
        return SelectionProblem(candidates, context.module_jp[candidates], p,
                                catalog.taught[candidates], s.levels, gap_columns,
                                s.gaps[gap_columns], catalog.hard[np.ix_(candidates, candidates)],
                                relevance, required, enablers, one_of)

    def _hazard_first(self, s: LearnerSituation, candidates: np.ndarray) -> np.ndarray:
        """For a learner whose own job sets a gap that a module for their region's hazards
        lifts (disaster staff), the candidates addressing those hazards (every candidate
        with hazards is locally relevant) that lift any of their gaps within direct reach,
        so the cheapest fitting one can serve. Measured: applying it to every learner with
        a regional-standard gap, or only to modules lifting the job's gaps, costs far more
        path value."""
        context = self.context
        none = np.zeros(len(candidates), dtype=bool)
        position = int(self.learners.position[s.row])
        if position < 0:
            return none
        taught = self.catalog.taught[candidates]
        within = (taught > s.levels) & (taught - s.levels <= REACH)             # K × C
        hazard = (context.module_n_hazards[candidates] > 0) & ~s.needs_literacy[candidates]
        job_gaps = (s.gaps > 0) & (context.position_targets[position] > s.levels)
        if not (within[:, job_gaps].any(axis=1) & hazard).any():
            return none
        return hazard & within[:, s.gaps > 0].any(axis=1)

    def _plan(self, s: LearnerSituation, p: np.ndarray, options: PathOptions,
              created: str) -> LearnerPath:
        context = self.context
        problem = self.problem(s, p, options)
        placed, forbidden = self._select_and_place(problem, options)
        steps, value = self._explain(s, problem, placed, options)
        learners = self.learners
        position = learners.position_categories[learners.position_category[s.row]]
        total = sum(step.jp for step in steps)
        short = total < options.min_jp
        excluded = list(s.excluded)
        if options.excluded == "all" or short:
            excluded += self._not_selected(s, problem, placed.steps, forbidden, options)
        return LearnerPath(
            learner=str(learners.ids[s.row]), position=position,
            region=context.region_codes[s.region], steps=tuple(steps),
            excluded=tuple(excluded), expected_value=value, min_jp=options.min_jp,
            max_jp=options.max_jp, periods=options.periods, model_name=self.model_name,
            model_sha256=self.scorer.model.sha256, created=created,
            obligations=tuple(ObligationStep(context.module_codes[m], self.titles[m],
                                             int(context.module_jp[m]),
                                             self.catalog.regulation[m])
                              for m in s.obligations),
            below_minimum=self._below_minimum(problem, total, options) if short else None)

    def _literacy_first(self, s: LearnerSituation, candidates: np.ndarray, p: np.ndarray,
                        options: PathOptions) -> np.ndarray:
        """For a learner at digital literacy 0 for whom digital literacy is a gap, or whom
        literacy blocks from a gap (every module that would lift it within reach needs
        literacy) whatever the job standard says, the cheapest candidate of tier 1 is
        required: it opens those modules, which the path value alone does not see.
        Measured: forcing it where offline modules can lift every gap costs path value and
        opens nothing needed."""
        required = np.zeros(len(candidates), dtype=bool)
        column = self.context.competency_index.get(DIGITAL_LITERACY_COMPETENCY)
        literacy_gap = column is not None and s.gaps[column] > 0
        if (not options.literacy_first or s.literacy > 0
                or not (literacy_gap or self._literacy_blocks(s))):
            return required
        tiers = self.catalog.tiers[candidates]
        fits = (self.context.module_jp[candidates] <= options.period_cap) & ~s.needs_literacy[
            candidates]
        next_tier = np.flatnonzero((tiers == s.literacy + 1) & fits)
        if len(next_tier) == 0:
            return required
        jp = self.context.module_jp[candidates]
        best = min(next_tier, key=lambda k: (int(jp[k]), -p[k], int(candidates[k])))
        required[best] = True
        return required

    def _literacy_blocks(self, s: LearnerSituation) -> bool:
        """Whether some gap is lifted within reach only by modules the learner's digital
        literacy keeps them from."""
        lifts = (s.gain > 0) & (s.gain <= REACH) & (s.gaps > 0)               # M × C
        open_ = lifts[s.takeable & ~s.needs_literacy].any(axis=0)
        blocked = lifts[self._blocked_by_literacy_mask(s)].any(axis=0)
        return bool((blocked & ~open_).any())

    def _blocked_by_literacy_mask(self, s: LearnerSituation) -> np.ndarray:
        """Gap-closing modules the learner could take but for digital literacy."""
        context = self.context
        return (s.useful & ~s.done & context.region_offered[s.region]
                & context.region_relevant[s.region]
                & (context.module_min_connectivity <= context.region_connectivity[s.region])
                & (context.module_min_digital_literacy > s.literacy)
                & ~self.catalog.compulsory)

    def _blocked_by_literacy(self, s: LearnerSituation) -> int:
        """How many gap-closing modules the learner could take but for digital literacy."""
        return int(self._blocked_by_literacy_mask(s).sum())

    # -- selection, order and periods ------------------------------------------------

    def _select_and_place(self, problem: SelectionProblem,
                          options: PathOptions) -> tuple[_Placed, np.ndarray]:
        """Select, then place in order and periods; a module that cannot be placed is
        forbidden and the selection made again, until everything fits."""
        forbidden = np.zeros(len(problem.modules), dtype=bool)
        while True:
            selection = select(problem, options.max_jp, options.min_jp, forbidden)
            placed, drop = self._place(problem, selection, options)
            if placed is not None:
                return placed, forbidden
            forbidden[drop] = True

    def _place(self, problem: SelectionProblem, selection: Selection,
               options: PathOptions) -> tuple[_Placed | None, int]:
        """The selection in path order with periods, or None and the step to give up."""
        picked = np.flatnonzero(selection.chosen)
        if len(picked) == 0:
            return _Placed(selection, [], [], np.zeros((0, len(problem.levels)), bool)), -1
        modules = [int(problem.modules[k]) for k in picked]
        local = {int(problem.modules[k]): int(k) for k in picked}
        extra, strict = self._precedence(problem, picked)
        for m, ms in strict.items():  # a literacy module also comes first in the order
            extra.setdefault(m, set()).update(ms)
        priority = list(problem.a[picked].sum(axis=1) + 1e6 * problem.required[picked])
        try:
            order = order_steps(modules, self.requires, priority, extra)
        except ValueError:  # rungs and prerequisites in a cycle: give up the least valuable
            return None, self._least_valuable(problem, selection, picked)
        jp = [int(self.context.module_jp[m]) for m in order]
        periods = assign_periods(order, jp, self.requires, options.periods,
                                 options.max_jp / options.periods, extra, strict)
        if periods is None:
            return None, self._least_valuable(problem, selection, picked)
        ranked = sorted(zip(periods, range(len(order)), order))  # stable: topological ties
        steps = [local[m] for _, _, m in ranked]
        reached = reach_along(problem.taught[steps], problem.levels)
        bad = [k for i, k in enumerate(steps) if problem.above[k].any() and not reached[i].any()]
        if bad:  # pragma: no cover - the program and the order keep every step in reach
            return None, bad[0]
        return _Placed(selection, steps, [period for period, _, _ in ranked], reached), -1

    def _precedence(self, problem: SelectionProblem,
                    picked: np.ndarray) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
        """Among the picked modules (context indices): rungs before what they bring within
        reach, and literacy modules (strictly, by period) before what they unlock."""
        chosen = np.zeros(len(problem.modules), dtype=bool)
        chosen[picked] = True
        before: dict[int, set[int]] = defaultdict(set)
        for k, c in problem.climbs:
            if chosen[k]:
                for r in problem.rungs(int(k), int(c)):
                    if chosen[r]:
                        before[int(problem.modules[k])].add(int(problem.modules[r]))
        strict: dict[int, set[int]] = {}
        for k in picked:
            enablers = np.flatnonzero(problem.enablers[k] & chosen)
            if len(enablers):
                # The enabler the learner can take first: the lowest tier that suffices.
                first = min(enablers, key=lambda e: (int(self.catalog.tiers[problem.modules[e]]),
                                                     int(problem.modules[e])))
                strict[int(problem.modules[k])] = {int(problem.modules[first])}
        return dict(before), strict

    @staticmethod
    def _least_valuable(problem: SelectionProblem, selection: Selection,
                        picked: np.ndarray) -> int:
        """The chosen step to give up: not required, needed by no other chosen step
        (prerequisite or literacy), least value; fill steps first."""
        chosen = selection.chosen
        others = problem.need[chosen].sum(axis=0) > 1
        others |= (problem.enablers[chosen].any(axis=0))
        free = [int(k) for k in picked if not problem.required[k] and not others[k]]
        free = free or [int(k) for k in picked if not problem.required[k]] or list(picked)
        return min(free, key=lambda k: (not selection.filled[k], problem.a[k].sum(),
                                        -problem.jp[k], -int(problem.modules[k])))

    # -- explanations --------------------------------------------------------------------

    def _explain(self, s: LearnerSituation, problem: SelectionProblem, placed: _Placed,
                 options: PathOptions) -> tuple[list[PathStep], float]:
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
            for r in hard.indices[hard.indptr[m]:hard.indptr[m + 1]]:
                if int(r) in chosen:
                    unlocks[int(r)].append(context.module_codes[m])
        rung_of: dict[int, list[str]] = defaultdict(list)
        rung_competency: dict[int, int] = {}
        for k, c in problem.climbs:
            if k in position:
                for r in problem.rungs(int(k), int(c)):
                    if r in position and position[r] < position[k] \
                            and placed.reached[position[r], c]:
                        rung_of[int(r)].append(context.module_codes[problem.modules[k]])
                        rung_competency.setdefault(int(r), int(c))
        enables: dict[int, list[str]] = defaultdict(list)
        for k in steps_k:
            for e in np.flatnonzero(problem.enablers[k]):
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
                reasons.insert(0, Reason.of("literacy_first", blocked=self._blocked_by_literacy(s),
                                            need=s.literacy + 1, have=s.literacy))
            if enables[k]:
                reasons.append(Reason.of("raises_literacy",
                                         tier=int(self.catalog.tiers[m])))
            if rung_of[k]:
                c = rung_competency[k]
                reasons.append(Reason.of(
                    "rung", modules=sorted(set(rung_of[k])),
                    competency_name=names.competency(context.competency_codes[c])))
            if unlocks[m]:
                reasons.append(Reason.of("unlocks", modules=unlocks[m]))
            if not reasons and value > 1e-9:
                raised = [names.competency(context.competency_codes[problem.gap_columns[j]])
                          for j in np.flatnonzero(problem.a[k] * reached_gap[i] > 0)]
                reasons.append(Reason.of("adds_chance", competency_names=raised))
            if not reasons and placed.selection.filled[k]:
                reasons.append(Reason.of("fills_minimum", min_jp=options.min_jp,
                                         before_jp=base_jp))
            if not reasons:
                reasons.append(Reason.of("no_value"))
            literacy = max([s.literacy] + [int(self.catalog.tiers[problem.modules[e]])
                                           for j, e in enumerate(steps_k)
                                           if placed.periods[j] < placed.periods[i]])
            reasons.append(self._modality_reason(s, m, where, literacy))
            reasons.extend(self._hazard_reasons(s, m, where))
            steps.append(PathStep(context.module_codes[m], self.titles[m], placed.periods[i],
                                  int(context.module_jp[m]),
                                  MODALITIES[context.module_modality[m]],
                                  float(problem.p[k]), float(value), tuple(reasons)))
            total += value
        return steps, total

    def _gap_reasons(self, s: LearnerSituation, m: int, reached: np.ndarray,
                     level_now: np.ndarray) -> list[Reason]:
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
            params = {"competency": code, "competency_name": names.competency(code),
                      "before": before, "after": after}
            if after >= target:
                reasons.append(Reason.of("closes_gap", **params))
            else:
                reasons.append(Reason.of("narrows_gap", target=target, **params))
            source = self._standard_source(s, c)
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
                return Reason.of("regional_standard", region=region,
                                 region_name=self.names.region(region),
                                 level=int(s.targets[c]),
                                 why=self.standards[(region, code)] or code)
        return None  # pragma: no cover - a regional target always has a standard

    def _modality_reason(self, s: LearnerSituation, m: int, where: dict,
                         literacy: int) -> Reason:
        """Why this delivery suits the learner (``literacy``: theirs in the step's period,
        raised by literacy steps of earlier periods)."""
        context = self.context
        modality = MODALITIES[context.module_modality[m]]
        connectivity = CONNECTIVITY[context.region_connectivity[s.region]]
        if context.module_online[m]:
            return Reason.of("modality_online", modality=modality, literacy=literacy,
                             connectivity=connectivity, **where)
        need = CONNECTIVITY[context.module_min_connectivity[m]]
        if connectivity != "high":
            if need == "none":
                return Reason.of("modality_offline", modality=modality,
                                 connectivity=connectivity, **where)
            return Reason.of("modality_low", modality=modality, need=need,
                             connectivity=connectivity, **where)
        return Reason.of("modality", modality=modality)

    def _hazard_reasons(self, s: LearnerSituation, m: int, where: dict) -> list[Reason]:
        context = self.context
        risks = [(float(context.region_hazards[s.region, h]), HAZARDS[h])
                 for h in np.flatnonzero(context.module_hazards[m])
                 if context.region_hazards[s.region, h] >= RELEVANT_HAZARD_INDEX]
        return [Reason.of("hazard_risk", hazard=name, index=index, **where)
                for index, name in sorted(risks, reverse=True)[:3]]

    # -- what was left out -------------------------------------------------------------

    def _not_selected(self, s: LearnerSituation, problem: SelectionProblem,
                      steps: list[int], forbidden: np.ndarray,
                      options: PathOptions) -> list[Exclusion]:
        """Gap-closing candidates left out of the path (``steps``: problem indices in path
        order), and why."""
        in_path = np.zeros(len(problem.modules), dtype=bool)
        in_path[steps] = True
        left_out = np.flatnonzero(~in_path & (problem.a.sum(axis=1) > 0))
        if len(left_out) == 0:
            return []
        context = self.context
        used = float(problem.jp[in_path].sum())
        coverage = (problem.a[steps] * reach_along(problem.taught[steps], problem.levels)[
            :, problem.gap_columns]).sum(axis=0) if steps else np.zeros(len(problem.gaps))
        current = float(np.minimum(problem.gaps, coverage).sum())
        left = options.max_jp - used
        result = []
        for k in left_out:
            if forbidden[k]:
                reason = Reason.of("not_selected_periods", periods=options.periods,
                                   cap=options.period_cap)
            elif problem.too_high[k] and not self._reachable(problem, k, steps):
                reason = self._pitched_too_high(s, problem, int(k))
            else:
                bundle = problem.need[k] & ~in_path
                cost = float(problem.jp[bundle].sum())
                extra = float(np.minimum(problem.gaps, coverage + problem.a[k]).sum()) - current
                if extra <= 1e-9:
                    reason = Reason.of("not_selected_covered")
                elif cost > left:
                    reason = Reason.of("not_selected_budget", jp=int(cost),
                                       max_jp=options.max_jp, left=int(left))
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

    def _pitched_too_high(self, s: LearnerSituation, problem: SelectionProblem,
                          k: int) -> Reason:
        """``pitched at level 4 of M.07; the learner is at 0: first MNJ-162``."""
        context, names = self.context, self.names
        above = np.flatnonzero(problem.above[k])
        gaps = [c for c in above if s.gaps[c] > 0]
        c = int((gaps or list(above))[0])
        taught, level = int(problem.taught[k, c]), int(problem.levels[c])
        first = np.flatnonzero(problem.direct[:, c])
        code = context.competency_codes[c]
        params = {"taught": taught, "level": level, "competency": code,
                  "competency_name": names.competency(code)}
        if len(first):
            best = min(first, key=lambda r: (-int(problem.taught[r, c]), int(problem.jp[r]),
                                             int(problem.modules[r])))
            params["rung_module"] = context.module_codes[problem.modules[best]]
        return Reason.of("pitched_too_high", **params)

    def _below_minimum(self, problem: SelectionProblem, total: int,
                       options: PathOptions) -> Reason:
        """Why the path stays below ``min_jp``: too few takeable modules, or they do not
        fit the budget and periods with the chosen steps."""
        available = most_jp(problem, float(problem.jp.sum()))
        if available < options.min_jp:
            return Reason.of("below_minimum_takeable", min_jp=options.min_jp,
                             available=int(available))
        return Reason.of("below_minimum_fit", min_jp=options.min_jp, max_jp=options.max_jp,
                         periods=options.periods)


def recommend(workspace, learner: str, options: PathOptions = PathOptions(),
              model: str | None = None) -> LearnerPath:
    """One learner's path from ``workspace`` (loads everything: prefer a Recommender for
    many)."""
    return Recommender(workspace, model).recommend(learner, options)
