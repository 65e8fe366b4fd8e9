"""The compiled index of a catalog: its records turned into arrays once.

Modules, regions, competencies, positions and prerequisites become sorted codes and index
arrays, so the recommender, the model's features, the simulator and the reports read the
catalog with numpy, the same way, without a loop over records. The contract's rules are
applied here once for every region and module: which modules a region is offered (scope
and approval), which are locally relevant (hazards), and each region's and position's part
of the target level (:mod:`.targets`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp

from ..domain import JobStandard, Learner, Module, Prerequisite, Region, RegionalStandard
from ..domain.regions import ancestry, effective_hazards, offered_in
from ..domain.vocab import (
    AUDIENCES,
    CONNECTIVITY_RANK,
    HAZARDS,
    JENJANG,
    MODALITIES,
    ONLINE_MODALITIES,
    RELEVANT_HAZARD_INDEX,
)
from .learners import LearnerArrays, code_index, learner_arrays, make_learner_arrays
from .targets import regional_targets, target_levels

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = ["CatalogIndex", "province_of"]


def province_of(region: str) -> str:
    """The province of a region code, the part before the first ``.``: ``72.71`` → ``72``."""
    return region.split(".", 1)[0]


class CatalogIndex:
    """The catalog as index arrays: modules, regions, competencies, positions, prerequisites.

    Build it with :meth:`from_records` or :meth:`from_workspace`. Codes are sorted, so the
    same catalog always gives the same indices. Attributes (M modules, R regions,
    C competencies, H hazards, P positions):

    - ``module_codes``, ``module_index``; ``module_jp``, ``module_level``,
      ``module_modality`` (index into ``MODALITIES``), ``module_min_connectivity`` (rank),
      ``module_min_digital_literacy``, ``module_is_local``, ``module_online``,
      ``module_approved``, ``module_scope``, ``module_n_competencies``, ``module_n_hazards``;
    - ``module_levels`` M×C taught level (0 = not taught); ``module_hazards`` M×H 0/1;
      ``taught_competency``, ``taught_level``, ``taught_mask`` M×K: each module's taught
      competencies as padded lists (K = the most any module teaches);
    - ``hard_prerequisites`` M×M CSR (row ``m``: the modules ``m`` requires, hard only);
    - ``region_codes``, ``region_index``, ``region_parent`` (-1 for none),
      ``region_chains`` (each region's ancestry as indices, itself first),
      ``region_connectivity`` (rank), ``region_is_3t``, ``region_province`` (index into
      ``province_codes``), ``region_hazards`` R×H (inherited from parents where missing),
      ``region_targets`` R×C (max of regional standards over the region and its parents);
    - ``region_offered`` R×M: approved modules offered in the region (national, or local
      to the region or one of its parents);
    - ``region_relevant`` R×M: modules without hazards, or with a hazard of index at least
      ``RELEVANT_HAZARD_INDEX`` in the region (contract §3 local relevance);
      ``exposure`` R×M: the highest index in the region of the module's hazards;
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
        self.competency_index = code_index(self.competency_codes)
        self._build_modules(modules, prerequisites)
        self._build_regions(regions, regional_standards)
        self._build_positions(job_standards)
        self._build_offered()

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
    ) -> CatalogIndex:
        """An index of catalog records (``competencies``: codes or Competency records)."""
        codes = [getattr(c, "code", c) for c in competencies]
        return cls(modules, regions, prerequisites, job_standards, regional_standards, codes)

    @classmethod
    def from_workspace(cls, workspace: Workspace) -> CatalogIndex:
        """An index of a workspace's catalog tables."""
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
        self.module_index = code_index(self.module_codes)
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
        # Padded per-module lists: the pair features gather K columns, not all C.
        self.taught_competency = np.zeros((n, width), dtype=np.int32)
        self.taught_level = np.zeros((n, width), dtype=np.int8)
        self.taught_mask = np.zeros((n, width), dtype=bool)
        for i, module in enumerate(modules):
            for k, (code, level) in enumerate(module.competencies):
                j = self.competency_index[code]
                self.module_levels[i, j] = max(self.module_levels[i, j], level)
                self.taught_competency[i, k] = j
                self.taught_level[i, k] = level
                self.taught_mask[i, k] = True
            for name in module.hazards:
                self.module_hazards[i, hazard[name]] = 1
        audience_bit = {name: 1 << i for i, name in enumerate(AUDIENCES)}
        self.module_audience = np.array(
            [sum(audience_bit[a] for a in m.audience) for m in modules], dtype=np.int16
        )
        self.module_n_competencies = self.taught_mask.sum(axis=1).astype(np.int8)
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
        self.region_index = code_index(self.region_codes)
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
        provinces = code_index(self.province_codes)
        self.region_province = np.array(
            [provinces[province_of(r.code)] for r in regions], dtype=np.int32
        )
        by_code = {r.code: r for r in regions}
        #: Each region's chain: itself, its parent, its parent's parent, …
        self.region_chains: tuple[tuple[int, ...], ...] = tuple(
            tuple(self.region_index[c] for c in ancestry(r.code, by_code) if c in by_code)
            for r in regions
        )

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
        self.region_targets = regional_targets(standards, self.region_chains)

    def _build_positions(self, job_standards: Sequence[JobStandard]) -> None:
        self.position_codes: tuple[str, ...] = tuple(sorted({s.position for s in job_standards}))
        self.position_index = code_index(self.position_codes)
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

    def _build_offered(self) -> None:
        chains = [[self.region_codes[r] for r in chain] for chain in self.region_chains]
        # One column per distinct scope: national, or each local module's region.
        where = {
            scope: np.array([offered_in(scope, chain) for chain in chains], dtype=bool)
            for scope in set(self.module_scope)
        }
        offered = np.zeros((len(self.region_codes), len(self.module_codes)), dtype=bool)
        for m, scope in enumerate(self.module_scope):
            offered[:, m] = where[scope]
        self.region_offered = offered & self.module_approved
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
        """Target level per competency (contract §3) for arrays of region and position
        indices (position -1: no job standard)."""
        return target_levels(self._position_targets[position], self.region_targets[region])

    def learner_arrays(self, learners: Sequence[Learner]) -> LearnerArrays:
        """Learner records as arrays (see :func:`.learners.learner_arrays`)."""
        return learner_arrays(self, learners)

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
        """Learners from aligned arrays (see :func:`.learners.make_learner_arrays`)."""
        return make_learner_arrays(
            self, ids, region, positions, digital_literacy, levels, completed, status
        )

    # -- modules -----------------------------------------------------------------------

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
