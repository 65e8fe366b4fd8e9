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

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from ..domain import LearnerPath
from ..domain.paths import ObligationStep
from ..domain.reach import reach_along
from ..domain.vocab import DIGITAL_LITERACY_COMPETENCY
from ..errors import CurriculumError
from ..messages import Catalogue
from ..model.score import Scorer
from ..releases import catalog_digest, current_release
from .explain import Explainer, Placed
from .feasibility import CatalogArrays, LearnerSituation, Names, situation
from .options import PathOptions
from .order import assign_periods, order_steps
from .select import Selection, SelectionProblem, select

__all__ = ["PathOptions", "Recommender", "recommend"]

SAID = Catalogue(
    "recommend.planner",
    {
        "unknown_learner": (
            "unknown learner: no learner with that id in this workspace",
            "peserta tidak dikenal: tidak ada peserta dengan ID tersebut di ruang kerja ini",
        ),
    },
)

#: Pairs below which scoring runs on one thread (one learner has about 70).
SMALL_SCORING = 50_000


class Recommender:
    """Everything a path needs, loaded once from a workspace."""

    def __init__(self, workspace, model: str | None = None, scorer: Scorer | None = None):
        self.scorer = scorer or Scorer(workspace, model)
        context = self.context = self.scorer.context
        modules = {m.code: m for m in workspace.load("modules")}
        self.titles = [modules[code].title for code in context.module_codes]
        n = len(context.module_codes)
        edges = [
            (context.module_index[p.module], context.module_index[p.requires])
            for p in workspace.load("prerequisites")
        ]
        self.requires = sp.csr_matrix(
            (np.ones(len(edges), dtype=bool), ([e[0] for e in edges], [e[1] for e in edges])),
            shape=(n, n),
        )
        obligations: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for o in workspace.load("obligations"):
            obligations[o.who].append((o.module, o.regulation))
        names = Names(
            {c.code: c.name for c in workspace.load("competencies")},
            {r.code: r.name for r in workspace.load("regions")},
        )
        self.names = names
        self.catalog = CatalogArrays(context, dict(obligations), names)
        self.done = self.learners.completed.toarray()
        standards = {
            (s.region, s.competency): s.reason for s in workspace.load("regional_standards")
        }
        self.explainer = Explainer(self.catalog, self.learners, self.titles, standards)
        # The catalog the paths are planned on, and the release that published it.
        self.catalog_sha256 = catalog_digest(workspace)
        with workspace.engine.connect() as conn:
            self.release = current_release(conn, self.catalog_sha256)

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
            raise CurriculumError(SAID("unknown_learner")) from None

    def recommend(self, learner: str, options: PathOptions = PathOptions()) -> LearnerPath:
        """The path of the learner with id ``learner``."""
        return self.plan_rows([self.row_of(learner)], options)[0]

    def situation(self, row: int, options: PathOptions = PathOptions()) -> LearnerSituation:
        """Learner ``row`` against the catalog, as the planner sees them."""
        return situation(
            self.context,
            self.learners,
            row,
            options.period_cap,
            self.catalog,
            self.done[row],
            options.periods,
            options.offline_instead,
        )

    def plan_rows(self, rows: Sequence[int], options: PathOptions) -> list[LearnerPath]:
        """Paths for learner rows, scoring all their candidate modules in one call."""
        situations = [self.situation(row, options) for row in rows]
        learner_idx = np.concatenate(
            [np.full(len(s.candidates), s.row) for s in situations] or [np.empty(0, dtype=np.int64)]
        ).astype(np.int64)
        module_idx = np.concatenate(
            [s.candidates for s in situations] or [np.empty(0, dtype=np.int64)]
        ).astype(np.int64)
        # A few thousand pairs gain nothing from OpenMP threads, and stall when another
        # process holds a core; large batches use them.
        threads = 1 if len(learner_idx) < SMALL_SCORING else None
        with threadpool_limits(threads, user_api="openmp"):
            p = self.scorer.probabilities(learner_idx, module_idx)
        paths, start = [], 0
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        # Tiny matrices: BLAS threads only cost (and stall when the cores are busy).
        with threadpool_limits(1, user_api="blas"):
            for s in situations:
                count = len(s.candidates)
                paths.append(self._plan(s, p[start : start + count], options, created))
                start += count
        return paths

    # -- one learner -------------------------------------------------------------------

    def problem(
        self, s: LearnerSituation, p: np.ndarray, options: PathOptions = PathOptions()
    ) -> SelectionProblem:
        """The selection problem of situation ``s`` with success probabilities ``p`` (one
        per candidate)."""
        catalog, context = self.catalog, self.context
        candidates = s.candidates
        gap_columns = np.flatnonzero(s.gaps > 0)
        in_profile = s.targets > 0
        relevance = p * (s.gain[candidates][:, in_profile].sum(axis=1) + 1e-3)
        need = context.module_min_digital_literacy[candidates]
        tiers = catalog.tiers[candidates]
        enablers = (
            s.needs_literacy[candidates][:, None]
            & (tiers[None, :] >= need[:, None])
            & (tiers[None, :] > s.literacy)
        )
        required = self._literacy_first(s, candidates, p, options)
        one_of = self._hazard_first(s, candidates) if options.hazard_first else None
        return SelectionProblem(
            candidates,
            context.module_jp[candidates],
            p,
            catalog.taught[candidates],
            s.levels,
            gap_columns,
            s.gaps[gap_columns],
            catalog.hard[np.ix_(candidates, candidates)],
            relevance,
            required,
            enablers,
            one_of,
        )

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
        within = s.within[candidates]  # K × C
        hazard = (context.module_n_hazards[candidates] > 0) & ~s.needs_literacy[candidates]
        job_gaps = (s.gaps > 0) & (context.position_targets[position] > s.levels)
        if not (within[:, job_gaps].any(axis=1) & hazard).any():
            return none
        return hazard & within[:, s.gaps > 0].any(axis=1)

    def _plan(
        self, s: LearnerSituation, p: np.ndarray, options: PathOptions, created: str
    ) -> LearnerPath:
        context = self.context
        problem = self.problem(s, p, options)
        placed, forbidden = self._select_and_place(problem, options)
        steps, value = self.explainer.steps(s, problem, placed, options)
        learners = self.learners
        position = learners.position_categories[learners.position_category[s.row]]
        total = sum(step.jp for step in steps)
        short = total < options.min_jp
        excluded = list(s.excluded)
        if options.excluded == "all" or short:
            excluded += self.explainer.not_selected(s, problem, placed.steps, forbidden, options)
        return LearnerPath(
            learner=str(learners.ids[s.row]),
            position=position,
            region=context.region_codes[s.region],
            steps=tuple(steps),
            excluded=tuple(excluded),
            expected_value=value,
            min_jp=options.min_jp,
            max_jp=options.max_jp,
            periods=options.periods,
            model_name=self.model_name,
            model_sha256=self.scorer.model.sha256,
            created=created,
            plan_year=options.plan_year or int(created[:4]),
            catalog_sha256=self.catalog_sha256,
            release=self.release,
            options=options.recorded(),
            obligations=tuple(
                ObligationStep(
                    context.module_codes[m],
                    self.titles[m],
                    int(context.module_jp[m]),
                    self.catalog.regulation[m],
                )
                for m in s.obligations
            ),
            below_minimum=(
                self.explainer.below_minimum(problem, total, options) if short else None
            ),
        )

    def _literacy_first(
        self, s: LearnerSituation, candidates: np.ndarray, p: np.ndarray, options: PathOptions
    ) -> np.ndarray:
        """For a learner at digital literacy 0 for whom digital literacy is a gap, or whom
        literacy blocks from a gap (every module that would lift it within reach needs
        literacy) whatever the job standard says, the cheapest candidate of tier 1 is
        required: it opens those modules, which the path value alone does not see.
        Measured: forcing it where offline modules can lift every gap costs path value and
        opens nothing needed."""
        required = np.zeros(len(candidates), dtype=bool)
        column = self.context.competency_index.get(DIGITAL_LITERACY_COMPETENCY)
        literacy_gap = column is not None and s.gaps[column] > 0
        if (
            not options.literacy_first
            or s.literacy > 0
            or not (literacy_gap or self._literacy_blocks(s))
        ):
            return required
        tiers = self.catalog.tiers[candidates]
        fits = (self.context.module_jp[candidates] <= options.period_cap) & ~s.needs_literacy[
            candidates
        ]
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
        lifts = s.within & (s.gaps > 0)  # M × C
        open_ = lifts[s.takeable & ~s.needs_literacy].any(axis=0)
        return bool((lifts[s.literacy_blocked].any(axis=0) & ~open_).any())

    # -- selection, order and periods ------------------------------------------------

    def _select_and_place(
        self, problem: SelectionProblem, options: PathOptions
    ) -> tuple[Placed, np.ndarray]:
        """Select, then place in order and periods; a module that cannot be placed is
        forbidden and the selection made again, until everything fits."""
        forbidden = np.zeros(len(problem.modules), dtype=bool)
        while True:
            selection = select(problem, options.max_jp, options.min_jp, forbidden)
            placed, drop = self._place(problem, selection, options)
            if placed is not None:
                return placed, forbidden
            forbidden[drop] = True

    def _place(
        self, problem: SelectionProblem, selection: Selection, options: PathOptions
    ) -> tuple[Placed | None, int]:
        """The selection in path order with periods, or None and the step to give up."""
        picked = np.flatnonzero(selection.chosen)
        if len(picked) == 0:
            return Placed(selection, [], [], np.zeros((0, len(problem.levels)), bool)), -1
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
        periods = assign_periods(
            order,
            jp,
            self.requires,
            options.periods,
            options.max_jp / options.periods,
            extra,
            strict,
        )
        if periods is None:
            return None, self._least_valuable(problem, selection, picked)
        ranked = sorted(zip(periods, range(len(order)), order))  # stable: topological ties
        steps = [local[m] for _, _, m in ranked]
        reached = reach_along(problem.taught[steps], problem.levels)
        bad = [k for i, k in enumerate(steps) if problem.above[k].any() and not reached[i].any()]
        if bad:  # pragma: no cover - the program and the order keep every step in reach
            return None, bad[0]
        return Placed(selection, steps, [period for period, _, _ in ranked], reached), -1

    def _precedence(
        self, problem: SelectionProblem, picked: np.ndarray
    ) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
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
                first = min(
                    enablers,
                    key=lambda e: (
                        int(self.catalog.tiers[problem.modules[e]]),
                        int(problem.modules[e]),
                    ),
                )
                strict[int(problem.modules[k])] = {int(problem.modules[first])}
        return dict(before), strict

    @staticmethod
    def _least_valuable(problem: SelectionProblem, selection: Selection, picked: np.ndarray) -> int:
        """The chosen step to give up: not required, needed by no other chosen step
        (prerequisite or literacy), least value; fill steps first."""
        chosen = selection.chosen
        others = problem.need[chosen].sum(axis=0) > 1
        others |= problem.enablers[chosen].any(axis=0)
        free = [int(k) for k in picked if not problem.required[k] and not others[k]]
        free = free or [int(k) for k in picked if not problem.required[k]] or list(picked)
        return min(
            free,
            key=lambda k: (
                not selection.filled[k],
                problem.a[k].sum(),
                -problem.jp[k],
                -int(problem.modules[k]),
            ),
        )

    # -- explanations --------------------------------------------------------------------


def recommend(
    workspace, learner: str, options: PathOptions = PathOptions(), model: str | None = None
) -> LearnerPath:
    """One learner's path from ``workspace`` (loads everything: prefer a Recommender for
    many)."""
    return Recommender(workspace, model).recommend(learner, options)
