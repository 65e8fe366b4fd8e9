"""Learning paths: gaps → takeable modules → P(success) → selection → order → reasons.

A :class:`Recommender` loads the workspace once (catalog as arrays, learners, the
verified current model); :meth:`Recommender.recommend` then plans one learner in a few
milliseconds, and :meth:`Recommender.plan_rows` plans many with one vectorised scoring
call for all their candidate modules.
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
from ..domain.reasons import CONNECTIVITY_ID, HAZARD_ID, MODALITY_ID, Reason, number_id
from ..domain.vocab import (
    CONNECTIVITY,
    DEFAULT_MIN_JP,
    DIGITAL_LITERACY_COMPETENCY,
    HAZARDS,
    MODALITIES,
)
from ..errors import CurriculumError
from ..model.score import Scorer
from .feasibility import CatalogArrays, LearnerSituation, situation
from .order import assign_periods, order_steps
from .select import METHODS, SelectionProblem, path_value, select

__all__ = ["PathOptions", "Recommender", "recommend"]

#: Pairs below which scoring runs on one thread (one learner has about 70).
SMALL_SCORING = 50_000
#: A hazard index from which a disaster-risk module's regional reason is given.
HAZARD_REASON_FROM = 0.3


@dataclass(frozen=True)
class PathOptions:
    """The officer's knobs: JP budget, yearly minimum, periods, selection method."""

    max_jp: int = 40
    min_jp: int = DEFAULT_MIN_JP
    periods: int = 1
    method: str = "exact"
    #: Which left-out modules a path lists: ``all`` (those the learner cannot take and
    #: those the selection passed over), or ``blocking`` (agency batches: only those the
    #: learner cannot take, plus the passed-over ones when the path stays below
    #: ``min_jp``; the rest would be millions of rows).
    excluded: str = "all"

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
        self.catalog = CatalogArrays(context)
        self.hard = self.catalog.hard
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

    def plan_rows(self, rows: Sequence[int], options: PathOptions) -> list[LearnerPath]:
        """Paths for learner rows, scoring all their candidate modules in one call."""
        situations = [situation(self.context, self.learners, row, options.period_cap,
                                self.catalog, self.done[row]) for row in rows]
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

    def _plan(self, s: LearnerSituation, p: np.ndarray, options: PathOptions,
              created: str) -> LearnerPath:
        context = self.context
        candidates = s.candidates
        gap_columns = np.flatnonzero(s.gaps > 0)
        local = {int(m): k for k, m in enumerate(candidates)}
        hard = self.hard[np.ix_(candidates, candidates)]
        in_profile = s.targets > 0
        relevance = p * (s.gain[candidates][:, in_profile].sum(axis=1) + 1e-3)
        literacy_first = self._literacy_first(s, candidates, p, options)
        problem = SelectionProblem(candidates, context.module_jp[candidates], p,
                                   s.gain[candidates][:, gap_columns], s.gaps[gap_columns],
                                   hard, relevance, literacy_first)
        chosen = select(problem, options.max_jp, options.min_jp, options.method)
        steps, periods = self._order(problem, chosen, options)
        path_steps, value = self._explain(s, problem, gap_columns, steps, periods, local,
                                          options)
        learners = self.learners
        position = learners.position_categories[learners.position_category[s.row]]
        in_path = np.isin(problem.modules, steps)
        short = sum(int(context.module_jp[m]) for m in steps) < options.min_jp
        excluded = list(s.excluded)
        if options.excluded == "all" or short:
            excluded += self._not_selected(s, problem, in_path, chosen, options)
        return LearnerPath(
            learner=str(learners.ids[s.row]), position=position,
            region=context.region_codes[s.region], steps=tuple(path_steps),
            excluded=tuple(excluded), expected_value=value, min_jp=options.min_jp,
            max_jp=options.max_jp, periods=options.periods, model_name=self.model_name,
            model_sha256=self.scorer.model.sha256, created=created)

    def _literacy_first(self, s: LearnerSituation, candidates: np.ndarray, p: np.ndarray,
                        options: PathOptions) -> np.ndarray:
        """At digital literacy 0, with digital literacy a gap and gap-closing modules out of
        reach for it, the cheapest takeable module teaching digital literacy is required (it
        unlocks them; the path value alone does not see that)."""
        required = np.zeros(len(candidates), dtype=bool)
        context = self.context
        column = context.competency_index.get(DIGITAL_LITERACY_COMPETENCY)
        if (column is None or self.learners.digital_literacy[s.row] > 0
                or s.gaps[column] == 0):  # only where digital literacy is itself a gap
            return required
        blocked = s.useful & ~s.takeable & (context.module_min_digital_literacy > 0)
        teaches = context.module_levels[candidates, column] > 0
        fits = context.module_jp[candidates] <= options.max_jp
        if not blocked.any() or not (teaches & fits).any():
            return required
        options_ = np.flatnonzero(teaches & fits)
        best = min(options_, key=lambda k: (int(context.module_jp[candidates[k]]), -p[k]))
        required[best] = True
        return required

    def _order(self, problem: SelectionProblem, chosen: np.ndarray,
               options: PathOptions) -> tuple[list[int], list[int]]:
        """Ordered context indices and their periods (non-decreasing along the path).

        When the chosen modules do not fit the periods, the least valuable step that nothing
        needs goes; then whatever still fits is added back, most valuable first.
        """
        chosen = chosen.copy()
        dropped = False
        while True:
            placed = self._place(problem, chosen, options)
            if placed is not None:
                break
            picked = np.flatnonzero(chosen & ~problem.required)
            needed = problem.need[np.flatnonzero(chosen)][:, picked].sum(axis=0) > 1
            drop = min((k for i, k in enumerate(picked) if not needed[i]),
                       key=lambda k: problem.a[k].sum())
            chosen[drop] = False
            dropped = True
        if dropped:
            placed = self._refill(problem, chosen, options, placed)
        order, periods = placed
        steps = sorted(zip(periods, range(len(order)), order))  # stable: topological ties
        return [m for _, _, m in steps], [period for period, _, _ in steps]

    def _place(self, problem: SelectionProblem, chosen: np.ndarray,
               options: PathOptions) -> tuple[list[int], list[int]] | None:
        picked = np.flatnonzero(chosen)
        modules = [int(problem.modules[k]) for k in picked]
        priority = (problem.a[picked].sum(axis=1) + 1e6 * problem.required[picked]
                    if len(picked) else [])
        order = order_steps(modules, self.requires, list(priority))
        jp = [int(self.context.module_jp[m]) for m in order]
        periods = assign_periods(order, jp, self.requires, options.periods,
                                 options.max_jp / options.periods)
        return None if periods is None else (order, periods)

    def _refill(self, problem: SelectionProblem, chosen: np.ndarray, options: PathOptions,
                placed: tuple[list[int], list[int]]) -> tuple[list[int], list[int]]:
        """Add back bundles, best first, while they fit the budget and the periods."""
        while True:
            bundles = problem.need & ~chosen
            cost = bundles @ problem.jp
            used = float(problem.jp[chosen].sum())
            coverage = problem.a[chosen].sum(axis=0)
            gain = np.minimum(problem.gaps, coverage + bundles.astype(float) @ problem.a).sum(
                axis=1)
            fits = (cost > 0) & (used + cost <= options.max_jp)
            for k in np.lexsort((-problem.jp, problem.relevance, gain))[::-1]:
                if not fits[k]:
                    continue
                trial = chosen | bundles[k]
                again = self._place(problem, trial, options)
                if again is not None and (gain[k] > path_value(problem.gaps, coverage) + 1e-9
                                          or used < options.min_jp):
                    chosen, placed = trial, again
                    break
            else:
                return placed

    def _explain(self, s: LearnerSituation, problem: SelectionProblem,
                 gap_columns: np.ndarray, order: list[int], periods: list[int],
                 local: dict[int, int], options: PathOptions) -> tuple[list[PathStep], float]:
        context = self.context
        region = context.region_codes[s.region]
        reached = s.levels.astype(int).copy()
        coverage = np.zeros(len(gap_columns))
        chosen = set(order)
        unlocks: dict[int, list[str]] = defaultdict(list)
        for m in order:
            hard = context.hard_prerequisites
            for r in hard.indices[hard.indptr[m]:hard.indptr[m + 1]]:
                if int(r) in chosen:
                    unlocks[int(r)].append(context.module_codes[m])
        steps, total = [], 0.0
        for m, period in zip(order, periods):
            k = local[m]
            before = path_value(problem.gaps, coverage)
            coverage = coverage + problem.a[k]
            value = path_value(problem.gaps, coverage) - before
            reasons = self._gap_reasons(s, m, reached)
            if problem.required[k] and not unlocks[m]:
                blocked = int((s.useful & ~s.takeable
                               & (context.module_min_digital_literacy > 0)).sum())
                reasons.insert(0, Reason(
                    f"digital literacy first: {blocked} gap-closing modules need digital "
                    "literacy 1 or more",
                    f"literasi digital dulu: {blocked} modul penutup kesenjangan memerlukan "
                    "literasi digital 1 atau lebih"))
            if unlocks[m]:
                reasons.append(Reason(f"unlocks {', '.join(unlocks[m])}",
                                      f"membuka {', '.join(unlocks[m])}"))
            if not reasons and value > 1e-9:
                raised = [context.competency_codes[gap_columns[j]]
                          for j in np.flatnonzero(problem.a[k] > 0)]
                reasons.append(Reason(
                    f"raises the chance of closing the gap in {', '.join(raised)} "
                    "(an earlier step may not succeed)",
                    f"menambah peluang menutup kesenjangan {', '.join(raised)} "
                    "(langkah sebelumnya mungkin tidak berhasil)"))
            if not reasons:
                reasons.append(Reason(
                    f"fills the yearly minimum of {options.min_jp} JP (PP 11/2017)",
                    f"memenuhi minimum tahunan {options.min_jp} JP (PP 11/2017)"))
            reasons.append(self._modality_reason(s, m, region))
            reasons.extend(self._hazard_reasons(s, m, region))
            steps.append(PathStep(context.module_codes[m], self.titles[m], period,
                                  int(context.module_jp[m]), MODALITIES[context.module_modality[m]],
                                  float(problem.p[k]), float(value), tuple(reasons)))
            total += value
        return steps, total

    def _gap_reasons(self, s: LearnerSituation, m: int, reached: np.ndarray) -> list[str]:
        context = self.context
        reasons = []
        for c in np.flatnonzero(context.module_levels[m] > 0):
            target, taught = int(s.targets[c]), int(context.module_levels[m, c])
            before = int(reached[c])
            if target <= before or taught <= before:
                continue
            after = min(target, taught)
            reached[c] = after
            code = context.competency_codes[c]
            if after >= target:
                text = Reason(f"closes gap in {code} {before}→{after}",
                              f"menutup kesenjangan {code} {before}→{after}")
            else:
                text = Reason(f"narrows gap in {code} {before}→{after} (target {target})",
                              f"mempersempit kesenjangan {code} {before}→{after} "
                              f"(target {target})")
            source = self._standard_source(s, c)
            if source:
                text += Reason("; ") + source
            reasons.append(text)
        return reasons

    def _standard_source(self, s: LearnerSituation, c: int) -> Reason:
        """Where a target comes from when the region, not the job, sets it."""
        context = self.context
        position = int(self.learners.position[s.row])
        job = int(context.position_targets[position, c]) if position >= 0 else 0
        if int(s.targets[c]) <= job:
            return Reason("")
        code = context.competency_codes[c]
        for r in context.region_chains[s.region]:
            region = context.region_codes[r]
            if (region, code) in self.standards:
                why = self.standards[(region, code)]
                why = f": {why}" if why else ""
                return Reason(f"regional standard of {region}{why}",
                              f"standar wilayah {region}{why}")
        return Reason("")  # pragma: no cover - a regional target always has a standard

    def _modality_reason(self, s: LearnerSituation, m: int, region: str) -> Reason:
        context = self.context
        modality = MODALITIES[context.module_modality[m]]
        connectivity = CONNECTIVITY[context.region_connectivity[s.region]]
        if context.module_online[m]:
            literacy = int(self.learners.digital_literacy[s.row])
            return Reason(f"{modality}: digital literacy {literacy} and {connectivity} "
                          f"connectivity in {region} suffice",
                          f"{MODALITY_ID[modality]}: literasi digital {literacy} dan "
                          f"konektivitas {CONNECTIVITY_ID[connectivity]} di {region} cukup")
        need = CONNECTIVITY[context.module_min_connectivity[m]]
        if connectivity != "high":
            if need == "none":
                needs, needs_id = "works without internet", "dapat berjalan tanpa internet"
            else:
                needs = f"needs only {need} connectivity"
                needs_id = f"cukup konektivitas {CONNECTIVITY_ID[need]}"
            return Reason(f"{modality}: {needs}; {region} has {connectivity} connectivity",
                          f"{MODALITY_ID[modality]}: {needs_id}; konektivitas {region} "
                          f"{CONNECTIVITY_ID[connectivity]}")
        return Reason(f"{modality} delivery", f"pelaksanaan {MODALITY_ID[modality]}")

    def _hazard_reasons(self, s: LearnerSituation, m: int, region: str) -> list[Reason]:
        context = self.context
        risks = [(float(context.region_hazards[s.region, h]), HAZARDS[h])
                 for h in np.flatnonzero(context.module_hazards[m])
                 if context.region_hazards[s.region, h] >= HAZARD_REASON_FROM]
        return [Reason(f"{name} risk {index:.2f} in {region}",
                       f"risiko {HAZARD_ID[name]} {number_id(index)} di {region}")
                for index, name in sorted(risks, reverse=True)[:3]]

    def _not_selected(self, s: LearnerSituation, problem: SelectionProblem,
                      chosen: np.ndarray, selected: np.ndarray,
                      options: PathOptions) -> list[Exclusion]:
        """Gap-closing takeable modules left out, and why (``selected``: what the selection
        chose before the periods were filled, ``chosen``: the final path)."""
        left_out = np.flatnonzero(~chosen & (problem.a.sum(axis=1) > 0))
        if len(left_out) == 0:
            return []
        used = float(problem.jp[chosen].sum())
        coverage = problem.a[chosen].sum(axis=0)
        current = path_value(problem.gaps, coverage)
        bundles = problem.need[left_out] & ~chosen                      # E × K
        costs = bundles @ problem.jp
        extras = np.minimum(problem.gaps, coverage + bundles.astype(float) @ problem.a).sum(
            axis=1) - current
        left = options.max_jp - used
        result = []
        for k, cost, extra in zip(left_out, costs, extras):
            if selected[k]:
                cap = f"{options.max_jp / options.periods:g}"
                reason = Reason(f"not selected: does not fit in {options.periods} periods of "
                                f"{cap} JP with the other steps",
                                f"tidak dipilih: tidak muat dalam {options.periods} periode "
                                f"@ {cap} JP bersama langkah lain")
            elif extra <= 1e-9:
                reason = Reason("not selected: the chosen steps already cover what it teaches",
                                "tidak dipilih: langkah terpilih sudah mencakup isinya")
            elif cost > left:
                reason = Reason(f"not selected: {cost:.0f} JP (with prerequisites) would "
                                f"exceed the {options.max_jp} JP budget ({left:.0f} JP left)",
                                f"tidak dipilih: {cost:.0f} JP (dengan prasyarat) melebihi "
                                f"anggaran {options.max_jp} JP (sisa {left:.0f} JP)")
            else:
                reason = Reason("not selected: less value per JP than the chosen steps",
                                "tidak dipilih: nilai per JP lebih rendah dari langkah terpilih")
            result.append(Exclusion(self.context.module_codes[problem.modules[k]], reason))
        return result


def recommend(workspace, learner: str, options: PathOptions = PathOptions(),
              model: str | None = None) -> LearnerPath:
    """One learner's path from ``workspace`` (loads everything: prefer a Recommender for
    many)."""
    return Recommender(workspace, model).recommend(learner, options)
