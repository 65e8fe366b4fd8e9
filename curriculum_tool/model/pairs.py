"""Observable facts about a learner taking a module, for many learner×module pairs at once.

The trained model's features and the simulator's ground truth both read the same table,
built here, so the model is measured against a truth that speaks of the same observable
facts: who the learner is (position, region, digital literacy, current levels, what they
completed), what the module is (JP, level, modality, what it needs and teaches, which
hazards it addresses) and how the two meet (literacy and connectivity margins, gaps the
module closes, hazard exposure, missing prerequisites).

:class:`PairContext` turns the catalog records into index arrays once;
:meth:`PairContext.learner_arrays` does the same for learners; :meth:`PairContext.pair_frame`
then builds one row per (learner, module) pair with numpy only: no Python loop over pairs,
so a million pairs take well under a second.

Targets follow the contract (§3): the target level of a competency is the higher of the
position's job standard and the regional standards of the learner's region and its
parents. A region without its own hazard index for a hazard inherits its parent's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..domain import JobStandard, Learner, Module, Prerequisite, Region, RegionalStandard
from ..domain.regions import effective_hazards
from ..domain.vocab import (
    AUDIENCES,
    CONNECTIVITY_RANK,
    DEFAULT_LEARNER_STATUS,
    HAZARDS,
    JENJANG,
    LEARNER_STATUSES,
    MODALITIES,
    NATIONAL,
    RELEVANT_HAZARD_INDEX,
)

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "CATEGORICAL_COLUMNS",
    "NUMERIC_COLUMNS",
    "ONLINE_MODALITIES",
    "PAIR_COLUMNS",
    "LearnerArrays",
    "PairContext",
    "position_family",
    "province_of",
]

#: Modalities delivered over the network: they need the learner's own connection and skills.
ONLINE_MODALITIES = ("e_learning", "microlearning")

#: Text columns of :meth:`PairContext.pair_frame` (pandas Categorical; encode by value).
CATEGORICAL_COLUMNS = ("module", "modality", "position", "position_family", "province")

#: Numeric columns of :meth:`PairContext.pair_frame`, in frame order.
NUMERIC_COLUMNS = (
    # learner and region
    "digital_literacy",
    "connectivity",
    "is_3t",
    # module
    "jp",
    "level",
    "min_connectivity",
    "min_digital_literacy",
    "is_local",
    "online",
    "n_competencies",
    "n_hazards",
    # learner × module
    "literacy_margin",
    "connectivity_margin",
    "online_low_connectivity",
    "hazard_exposure",
    "job_relevance",
    "target_gap",
    "gain",
    "level_jump",
    "current_level",
    "prereq_total",
    "prereq_missing",
)

#: Every column of :meth:`PairContext.pair_frame`, in order.
PAIR_COLUMNS = CATEGORICAL_COLUMNS + NUMERIC_COLUMNS

_HIGH = CONNECTIVITY_RANK["high"]


def position_family(position: str) -> str:
    """A position's family: the text before the first ``-``: ``analis-kebijakan`` → ``analis``."""
    return position.split("-", 1)[0]


def province_of(region: str) -> str:
    """The province of a region code, the part before the first ``.``: ``72.71`` → ``72``."""
    return region.split(".", 1)[0]


def _index(codes: Iterable[str]) -> dict[str, int]:
    return {code: i for i, code in enumerate(codes)}


@dataclass(frozen=True, eq=False)
class LearnerArrays:
    """Learners as arrays aligned with a :class:`PairContext` (row ``i`` = learner ``i``).

    ``position`` is -1 for a position without a job standard (its targets are then only
    the regional ones). ``levels`` and ``targets`` are learners × competencies (0 = none);
    ``completed`` is a learners × modules boolean CSR matrix.
    """

    ids: np.ndarray  # object, learner ids
    region: np.ndarray  # int32, index into PairContext.region_codes
    position: np.ndarray  # int32, index into PairContext.position_codes or -1
    position_category: np.ndarray  # int32, index into position_categories
    position_categories: tuple[str, ...]
    digital_literacy: np.ndarray  # int8
    levels: np.ndarray  # int8, learners × competencies
    targets: np.ndarray  # int8, learners × competencies (contract §3 target)
    completed: sp.csr_matrix  # bool, learners × modules
    #: int16 bits over ``AUDIENCES``: the learner's status and their position's jenjang
    audience: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def index(self) -> dict[str, int]:
        """Learner id → row."""
        return _index(self.ids)


class PairContext:
    """The catalog as index arrays: modules, regions, competencies, positions, prerequisites.

    Build it with :meth:`from_records` or :meth:`from_workspace`. Codes are sorted, so the
    same catalog always gives the same indices. Attributes (M modules, R regions,
    C competencies, H hazards, P positions):

    - ``module_codes``, ``module_index``; ``module_jp``, ``module_level``,
      ``module_modality`` (index into ``MODALITIES``), ``module_min_connectivity`` (rank),
      ``module_min_digital_literacy``, ``module_is_local``, ``module_online``,
      ``module_approved``, ``module_n_competencies``, ``module_n_hazards``;
    - ``module_levels`` M×C taught level (0 = not taught); ``module_hazards`` M×H 0/1;
    - ``hard_prerequisites`` M×M CSR (row ``m``: the modules ``m`` requires, hard only);
    - ``region_codes``, ``region_index``, ``region_parent`` (-1 for none),
      ``region_connectivity`` (rank), ``region_is_3t``, ``region_province`` (index into
      ``province_codes``), ``region_hazards`` R×H (inherited from parents where missing),
      ``region_targets`` R×C (max of regional standards over the region and its parents);
    - ``region_offered`` R×M: approved modules that are national or local to the region
      or one of its parents;
    - ``region_relevant`` R×M: modules without hazards, or with a hazard of index at least
      ``RELEVANT_HAZARD_INDEX`` in the region (contract §3 local relevance);
    - ``module_audience`` M bits over ``AUDIENCES`` (0 = everyone);
    - ``position_codes``, ``position_index``, ``position_targets`` P×C job-standard levels,
      ``position_jenjang`` (index into ``JENJANG``, -1 unknown);
    - ``competency_codes``, ``competency_index``.
    """

    def __init__(
        self,
        modules: Sequence[Module],
        regions: Sequence[Region],
        prerequisites: Sequence[Prerequisite],
        job_standards: Sequence[JobStandard],
        regional_standards: Sequence[RegionalStandard],
        competencies: Iterable[str] = (),
    ):
        modules = sorted(modules, key=lambda m: m.code)
        regions = sorted(regions, key=lambda r: r.code)
        competency_codes = set(competencies)
        competency_codes.update(c for m in modules for c, _ in m.competencies)
        competency_codes.update(s.competency for s in job_standards)
        competency_codes.update(s.competency for s in regional_standards)
        self.competency_codes: tuple[str, ...] = tuple(sorted(competency_codes))
        self.competency_index = _index(self.competency_codes)
        self._build_modules(modules, prerequisites)
        self._build_regions(regions, regional_standards)
        self._build_positions(job_standards)
        self._build_offered(modules)

    # -- construction ------------------------------------------------------------------

    @classmethod
    def from_records(
        cls,
        modules: Sequence[Module],
        regions: Sequence[Region],
        prerequisites: Sequence[Prerequisite],
        job_standards: Sequence[JobStandard],
        regional_standards: Sequence[RegionalStandard],
        competencies: Iterable[Any] = (),
    ) -> PairContext:
        """A context from catalog records (``competencies``: codes or Competency records)."""
        codes = [getattr(c, "code", c) for c in competencies]
        return cls(modules, regions, prerequisites, job_standards, regional_standards, codes)

    @classmethod
    def from_workspace(cls, workspace: Workspace) -> PairContext:
        """A context from a workspace's catalog tables."""
        with workspace.engine.connect() as conn:

            def load(kind: str) -> list[Any]:
                return workspace.load(kind, conn)

            return cls.from_records(
                load("modules"),
                load("regions"),
                load("prerequisites"),
                load("job_standards"),
                load("regional_standards"),
                load("competencies"),
            )

    def _build_modules(self, modules: list[Module], prerequisites: Sequence[Prerequisite]) -> None:
        self.module_codes: tuple[str, ...] = tuple(m.code for m in modules)
        self.module_index = _index(self.module_codes)
        n, c = len(modules), len(self.competency_codes)
        modality = {name: i for i, name in enumerate(MODALITIES)}
        hazard = {name: i for i, name in enumerate(HAZARDS)}
        self.module_jp = np.array([m.jp for m in modules], dtype=np.int16)
        self.module_level = np.array([m.level for m in modules], dtype=np.int8)
        self.module_modality = np.array([modality[m.modality] for m in modules], dtype=np.int8)
        self.module_min_connectivity = np.array(
            [CONNECTIVITY_RANK[m.min_connectivity] for m in modules], dtype=np.int8
        )
        self.module_min_digital_literacy = np.array(
            [m.min_digital_literacy for m in modules], dtype=np.int8
        )
        self.module_is_local = np.array([m.is_local for m in modules], dtype=np.int8)
        self.module_online = np.array(
            [m.modality in ONLINE_MODALITIES for m in modules], dtype=np.int8
        )
        self.module_approved = np.array([m.status == "approved" for m in modules], dtype=bool)
        self.module_scope = tuple(m.scope for m in modules)
        self.module_levels = np.zeros((n, c), dtype=np.int8)
        self.module_hazards = np.zeros((n, len(HAZARDS)), dtype=np.int8)
        width = max([1] + [len(m.competencies) for m in modules])
        # Padded per-module lists: the pair frame gathers K columns, not all C.
        self._taught_comp = np.zeros((n, width), dtype=np.int32)
        self._taught_level = np.zeros((n, width), dtype=np.int8)
        self._taught_mask = np.zeros((n, width), dtype=bool)
        for i, module in enumerate(modules):
            for k, (code, level) in enumerate(module.competencies):
                j = self.competency_index[code]
                self.module_levels[i, j] = max(self.module_levels[i, j], level)
                self._taught_comp[i, k] = j
                self._taught_level[i, k] = level
                self._taught_mask[i, k] = True
            for name in module.hazards:
                self.module_hazards[i, hazard[name]] = 1
        audience_bit = {name: 1 << i for i, name in enumerate(AUDIENCES)}
        self.module_audience = np.array(
            [sum(audience_bit[a] for a in m.audience) for m in modules], dtype=np.int16
        )
        self.module_n_competencies = self._taught_mask.sum(axis=1).astype(np.int8)
        self.module_n_hazards = self.module_hazards.sum(axis=1).astype(np.int8)

        edges = sorted(
            {
                (self.module_index[p.module], self.module_index[p.requires])
                for p in prerequisites
                if p.kind == "hard"
                and p.module in self.module_index
                and p.requires in self.module_index
            }
        )
        rows = np.array([e[0] for e in edges], dtype=np.int32)
        cols = np.array([e[1] for e in edges], dtype=np.int32)
        self.hard_prerequisites = sp.csr_matrix(
            (np.ones(len(edges), dtype=bool), (rows, cols)), shape=(n, n)
        )
        self.module_prereq_total = np.diff(self.hard_prerequisites.indptr).astype(np.int16)
        width = max(1, int(self.module_prereq_total.max(initial=0)))
        self._prereq = np.full((n, width), -1, dtype=np.int32)
        for m in range(n):
            required = self.hard_prerequisites.indices[
                self.hard_prerequisites.indptr[m] : self.hard_prerequisites.indptr[m + 1]
            ]
            self._prereq[m, : len(required)] = required

    def _build_regions(
        self, regions: list[Region], regional_standards: Sequence[RegionalStandard]
    ) -> None:
        self.region_codes: tuple[str, ...] = tuple(r.code for r in regions)
        self.region_index = _index(self.region_codes)
        n = len(regions)
        self.region_parent = np.array(
            [self.region_index.get(r.parent, -1) if r.parent else -1 for r in regions],
            dtype=np.int32,
        )
        self.region_connectivity = np.array(
            [CONNECTIVITY_RANK[r.connectivity] for r in regions], dtype=np.int8
        )
        self.region_is_3t = np.array([r.is_3t for r in regions], dtype=np.int8)
        self.province_codes: tuple[str, ...] = tuple(sorted({province_of(r.code) for r in regions}))
        provinces = _index(self.province_codes)
        self.region_province = np.array(
            [provinces[province_of(r.code)] for r in regions], dtype=np.int32
        )
        #: Each region's chain: itself, its parent, its parent's parent, …
        self.region_chains: tuple[tuple[int, ...], ...] = tuple(self._chain(i) for i in range(n))

        by_code = {r.code: r for r in regions}
        hazard_column = {name: h for h, name in enumerate(HAZARDS)}
        self.region_hazards = np.zeros((n, len(HAZARDS)), dtype=np.float64)
        for i, region in enumerate(regions):
            for found in effective_hazards(region, by_code):
                self.region_hazards[i, hazard_column[found.hazard]] = found.index

        standards = np.zeros((n, len(self.competency_codes)), dtype=np.int8)
        for s in regional_standards:
            if s.region in self.region_index:
                i, j = self.region_index[s.region], self.competency_index[s.competency]
                standards[i, j] = max(standards[i, j], s.level)
        self.region_targets = np.zeros_like(standards)
        for i, chain in enumerate(self.region_chains):
            self.region_targets[i] = standards[list(chain)].max(axis=0)

    def _chain(self, region: int) -> tuple[int, ...]:
        chain: list[int] = []
        while region >= 0 and region not in chain:
            chain.append(region)
            region = int(self.region_parent[region])
        return tuple(chain)

    def _build_positions(self, job_standards: Sequence[JobStandard]) -> None:
        self.position_codes: tuple[str, ...] = tuple(sorted({s.position for s in job_standards}))
        self.position_index = _index(self.position_codes)
        # One extra all-zero row: index -1 (unknown position) reads targets of zero.
        self._position_targets = np.zeros(
            (len(self.position_codes) + 1, len(self.competency_codes)), dtype=np.int8
        )
        for s in job_standards:
            i, j = self.position_index[s.position], self.competency_index[s.competency]
            self._position_targets[i, j] = max(self._position_targets[i, j], s.level)
        self.position_targets = self._position_targets[:-1]
        jenjang: dict[str, str] = {}
        for s in job_standards:
            if s.jenjang:
                jenjang.setdefault(s.position, s.jenjang)
        # One extra -1: index -1 (unknown position) has no jenjang.
        self._position_jenjang = np.array(
            [JENJANG.index(jenjang[p]) if p in jenjang else -1 for p in self.position_codes] + [-1],
            dtype=np.int8,
        )
        self.position_jenjang = self._position_jenjang[:-1]

    def _build_offered(self, modules: list[Module]) -> None:
        offered = np.zeros((len(self.region_codes), len(modules)), dtype=bool)
        national = np.array([m.scope == NATIONAL for m in modules], dtype=bool)
        offered[:] = national & self.module_approved
        for m, module in enumerate(modules):
            if module.is_local and module.status == "approved":
                scope = self.region_index.get(module.scope, -1)
                for r, chain in enumerate(self.region_chains):
                    if scope in chain:
                        offered[r, m] = True
        self.region_offered = offered
        # region × module hazard exposure: max over the module's hazards of the index.
        self.exposure = (self.region_hazards[:, None, :] * self.module_hazards[None, :, :]).max(
            axis=2, initial=0.0
        )
        self.region_relevant = (self.module_n_hazards == 0)[None, :] | (
            self.exposure >= RELEVANT_HAZARD_INDEX - 1e-9
        )

    def audience_bits(self, position: np.ndarray, status: np.ndarray) -> np.ndarray:
        """Per learner, the AUDIENCES bits they belong to: their status, and their
        position's jenjang when it has one."""
        jenjang = self._position_jenjang[position].astype(np.int16)
        status_bit = np.left_shift(1, len(JENJANG) + status.astype(np.int16))
        return (
            status_bit | np.where(jenjang >= 0, np.left_shift(1, np.maximum(jenjang, 0)), 0)
        ).astype(np.int16)

    # -- learners ----------------------------------------------------------------------

    def targets(self, region: np.ndarray, position: np.ndarray) -> np.ndarray:
        """Target level per competency (contract §3) for arrays of region and position indices."""
        return np.maximum(self._position_targets[position], self.region_targets[region])

    def learner_arrays(self, learners: Sequence[Learner]) -> LearnerArrays:
        """Learner records as arrays; raise ValueError for a region the context lacks.

        Competencies and completed modules unknown to the context are ignored.
        """
        n, c = len(learners), len(self.competency_codes)
        region = np.empty(n, dtype=np.int32)
        levels = np.zeros((n, c), dtype=np.int8)
        rows: list[int] = []
        cols: list[int] = []
        for i, learner in enumerate(learners):
            try:
                region[i] = self.region_index[learner.region]
            except KeyError:
                raise ValueError(
                    f"learner {learner.id}: unknown region '{learner.region}'"
                ) from None
            for code, level in learner.competencies:
                j = self.competency_index.get(code)
                if j is not None:
                    levels[i, j] = min(level, 5)
            for code in learner.completed:
                m = self.module_index.get(code)
                if m is not None:
                    rows.append(i)
                    cols.append(m)
        completed = sp.csr_matrix(
            (np.ones(len(rows), dtype=bool), (rows, cols)), shape=(n, len(self.module_codes))
        )
        return self.make_learner_arrays(
            ids=[learner.id for learner in learners],
            region=region,
            positions=[learner.position for learner in learners],
            digital_literacy=np.array(
                [learner.digital_literacy for learner in learners], dtype=np.int8
            ),
            levels=levels,
            completed=completed,
            status=np.array(
                [LEARNER_STATUSES.index(learner.status) for learner in learners], dtype=np.int8
            ),
        )

    def make_learner_arrays(
        self,
        ids: Sequence[str] | np.ndarray,
        region: np.ndarray,
        positions: Sequence[str] | np.ndarray,
        digital_literacy: np.ndarray,
        levels: np.ndarray,
        completed: sp.spmatrix | None = None,
        status: np.ndarray | None = None,
    ) -> LearnerArrays:
        """:class:`LearnerArrays` from arrays already aligned with this context
        (``status``: index into ``LEARNER_STATUSES``, default PNS)."""
        positions = np.asarray(positions, dtype=object)
        n = len(positions)
        unknown = sorted(set(positions.tolist()) - set(self.position_codes))
        categories = self.position_codes + tuple(unknown)
        lookup = _index(categories)
        category = np.array([lookup[p] for p in positions.tolist()], dtype=np.int32)
        position = np.where(category < len(self.position_codes), category, -1).astype(np.int32)
        region = np.asarray(region, dtype=np.int32)
        levels = np.asarray(levels, dtype=np.int8)
        if completed is None:
            completed = sp.csr_matrix((n, len(self.module_codes)), dtype=bool)
        if status is None:
            status = np.full(n, LEARNER_STATUSES.index(DEFAULT_LEARNER_STATUS), dtype=np.int8)
        return LearnerArrays(
            ids=np.asarray(ids, dtype=object),
            region=region,
            position=position,
            position_category=category,
            position_categories=categories,
            digital_literacy=np.asarray(digital_literacy, dtype=np.int8),
            levels=levels,
            targets=self.targets(region, position),
            completed=sp.csr_matrix(completed, dtype=bool),
            audience=self.audience_bits(position, np.asarray(status)),
        )

    # -- pairs -------------------------------------------------------------------------

    def module_indices(self, codes: Iterable[str]) -> np.ndarray:
        """Module codes → indices; raise KeyError naming an unknown code."""
        try:
            return np.array([self.module_index[c] for c in codes], dtype=np.int32)
        except KeyError as error:
            raise KeyError(f"unknown module {error.args[0]}") from None

    def prereq_missing(
        self, module_idx: np.ndarray, completed: Any, rows: np.ndarray | None = None
    ) -> np.ndarray:
        """Per pair, how many hard prerequisites of the module are not in the completed set.

        ``completed`` is a boolean matrix (sparse or dense) with ``M`` columns; pair ``k``
        reads its row ``rows[k]`` (default: row ``k``, one row per pair).
        """
        module_idx = np.asarray(module_idx, dtype=np.int64)
        if rows is None:
            rows = np.arange(len(module_idx))
        missing = self.module_prereq_total[module_idx].astype(np.int16)
        required = self._prereq[module_idx]
        for k in range(required.shape[1]):
            column = required[:, k]
            has = np.flatnonzero(column >= 0)
            if len(has) == 0:
                continue
            if sp.issparse(completed):
                done = np.asarray(completed[rows[has], column[has]]).ravel().astype(bool)
            else:
                done = np.asarray(completed)[rows[has], column[has]].astype(bool)
            missing[has] -= done
        return missing

    def pair_frame(
        self,
        learners: LearnerArrays,
        learner_idx: np.ndarray,
        module_idx: np.ndarray,
        completed: Any = None,
    ) -> pd.DataFrame:
        """One row per pair (``learner_idx[k]``, ``module_idx[k]``), fully vectorised.

        ``completed`` optionally replaces the learners' completed sets with one boolean row
        per pair (sparse or dense, pairs × modules): the modules completed before that
        enrolment, for training on history.

        Columns (see :data:`PAIR_COLUMNS`):

        categorical (pandas Categorical; categories are this context's codes)
          ``module`` code, ``modality``, ``position`` (the learner's, known or not),
          ``position_family`` (position text before the first ``-``), ``province``
          (region code before the first ``.``).
        learner and region
          ``digital_literacy`` 0–3, ``connectivity`` rank 0 none / 1 low / 2 high,
          ``is_3t`` 0/1.
        module
          ``jp``, ``level``, ``min_connectivity`` (rank), ``min_digital_literacy``,
          ``is_local`` 0/1, ``online`` 0/1 (e_learning, microlearning), ``n_competencies``,
          ``n_hazards`` (hazards the module addresses).
        learner × module
          ``literacy_margin`` = digital_literacy − min_digital_literacy;
          ``connectivity_margin`` = connectivity − min_connectivity;
          ``online_low_connectivity`` = online and connectivity below high;
          ``hazard_exposure`` = max over the module's hazards of the region's index
          (inherited from parents), 0 if the module addresses none;
          ``job_relevance`` = share of the module's competencies whose target exceeds the
          learner's level; ``target_gap`` = Σ max(0, target − level) over them;
          ``gain`` = Σ max(0, taught − level); ``level_jump`` = max (taught − level), 0 if
          the module teaches none; ``current_level`` = mean learner level on them;
          ``prereq_total`` = hard prerequisites of the module; ``prereq_missing`` = those
          not in the completed set.
        """
        li = np.asarray(learner_idx, dtype=np.int64)
        mi = np.asarray(module_idx, dtype=np.int64)
        if li.shape != mi.shape or li.ndim != 1:
            raise ValueError("learner_idx and module_idx must be 1-D arrays of equal length")
        region = learners.region[li]
        literacy = learners.digital_literacy[li]
        connectivity = self.region_connectivity[region]
        online = self.module_online[mi]
        min_literacy = self.module_min_digital_literacy[mi]
        min_connectivity = self.module_min_connectivity[mi]

        comp = self._taught_comp[mi]  # N × K
        mask = self._taught_mask[mi]
        taught = self._taught_level[mi].astype(np.int16)
        level = learners.levels[li[:, None], comp].astype(np.int16)
        target = learners.targets[li[:, None], comp].astype(np.int16)
        n_comp = self.module_n_competencies[mi]
        denominator = np.maximum(n_comp, 1)
        gap_mask = mask & (target > level)
        jump = np.where(mask, taught - level, np.iinfo(np.int16).min).max(axis=1, initial=-99)
        jump = np.where(n_comp > 0, jump, 0)

        if completed is None:
            missing = self.prereq_missing(mi, learners.completed, rows=li)
        else:
            if completed.shape != (len(mi), len(self.module_codes)):
                raise ValueError(
                    f"completed must be pairs × modules "
                    f"({len(mi)} × {len(self.module_codes)}), "
                    f"not {completed.shape[0]} × {completed.shape[1]}"
                )
            if sp.issparse(completed):
                completed = sp.csr_matrix(completed)
            missing = self.prereq_missing(mi, completed)

        category = learners.position_category[li]
        families = [position_family(p) for p in learners.position_categories]
        family_categories = sorted(set(families))
        family_lookup = np.array(
            [family_categories.index(f) for f in families] or [0], dtype=np.int32
        )
        columns = {
            "module": pd.Categorical.from_codes(mi, categories=self.module_codes),
            "modality": pd.Categorical.from_codes(self.module_modality[mi], categories=MODALITIES),
            "position": pd.Categorical.from_codes(
                category, categories=learners.position_categories
            ),
            "position_family": pd.Categorical.from_codes(
                family_lookup[category], categories=family_categories
            ),
            "province": pd.Categorical.from_codes(
                self.region_province[region], categories=self.province_codes
            ),
            "digital_literacy": literacy,
            "connectivity": connectivity,
            "is_3t": self.region_is_3t[region],
            "jp": self.module_jp[mi],
            "level": self.module_level[mi],
            "min_connectivity": min_connectivity,
            "min_digital_literacy": min_literacy,
            "is_local": self.module_is_local[mi],
            "online": online,
            "n_competencies": n_comp,
            "n_hazards": self.module_n_hazards[mi],
            "literacy_margin": (literacy - min_literacy).astype(np.int8),
            "connectivity_margin": (connectivity - min_connectivity).astype(np.int8),
            "online_low_connectivity": (online.astype(bool) & (connectivity < _HIGH)).astype(
                np.int8
            ),
            "hazard_exposure": self.exposure[region, mi],
            "job_relevance": gap_mask.sum(axis=1) / denominator,
            "target_gap": (np.maximum(target - level, 0) * mask).sum(axis=1).astype(np.int16),
            "gain": (np.maximum(taught - level, 0) * mask).sum(axis=1).astype(np.int16),
            "level_jump": jump.astype(np.int8),
            "current_level": (level * mask).sum(axis=1) / denominator,
            "prereq_total": self.module_prereq_total[mi],
            "prereq_missing": missing,
        }
        return pd.DataFrame(columns, copy=False)
