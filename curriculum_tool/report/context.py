"""What a report needs from the workspace besides the stored paths: a
:class:`ReportContext` (names, titles, masking of learner ids and names) and the
learners' competency gaps against their contract §3 targets, in total
(:func:`learner_gaps`) or competency by competency (:func:`competency_gaps`).
Core module: never Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..domain import Learner
from ..domain.gaps import gap
from ..index import CatalogIndex
from ..io.masking import mask_name, pseudonym

__all__ = ["CompetencyGap", "ReportContext", "competency_gaps", "learner_gaps"]


@dataclass(frozen=True, slots=True)
class CompetencyGap:
    """One competency a learner falls short of: their level now and the target (the
    maximum of their position's job standard and the regional standards of their region
    and its parents, contract §3)."""

    competency: str
    name: str
    level: int
    target: int

    @property
    def gap(self) -> int:
        return gap(self.target, self.level)


@dataclass(frozen=True)
class ReportContext:
    """Names, titles, gaps and masking for reports; :meth:`from_workspace` fills it.

    Learner ids are shown as keyed pseudonyms (``pseudonym_key``, the workspace's own
    secret) and names with only their initials, unless ``unmask``.
    """

    pseudonym_key: str = ""
    unmask: bool = False
    learners: Mapping[str, Learner] = field(default_factory=dict)
    region_names: Mapping[str, str] = field(default_factory=dict)
    position_titles: Mapping[str, str] = field(default_factory=dict)
    module_titles: Mapping[str, str] = field(default_factory=dict)
    #: Learner id → Σ_c max(0, target(c) − level(c)) (contract §3).
    total_gaps: Mapping[str, float] = field(default_factory=dict)
    #: Competency code → name.
    competency_names: Mapping[str, str] = field(default_factory=dict)
    #: Module code → ((competency, level taught), …).
    module_competencies: Mapping[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    #: Learner id → the competencies they fall short of (only when asked for).
    gap_table: Mapping[str, tuple[CompetencyGap, ...]] = field(default_factory=dict)

    @classmethod
    def from_workspace(
        cls,
        workspace: Any,
        unmask: bool = False,
        gaps: bool = True,
        gap_table: bool | Iterable[str] = False,
    ) -> ReportContext:
        """Everything a report needs from ``workspace`` besides the paths.

        ``gaps`` fills the total gap of every learner (the agency summary); ``gap_table``
        the gaps competency by competency (a learner's document) of every learner, or of
        the learner ids given.
        """
        with workspace.engine.connect() as conn:
            learners = workspace.load("learners", conn)
            regions = workspace.load("regions", conn)
            jobs = workspace.load("job_standards", conn)
            modules = workspace.load("modules", conn)
            competencies = workspace.load("competencies", conn)
            key = workspace.get_meta("pseudonym_key", conn) or ""
        names = {c.code: c.name for c in competencies}
        table: dict[str, tuple[CompetencyGap, ...]] = {}
        if gap_table is True:
            table = competency_gaps(workspace, learners, names)
        elif gap_table is not False:
            ids = set(gap_table)
            table = competency_gaps(workspace, [x for x in learners if x.id in ids], names)
        return cls(
            pseudonym_key=key,
            unmask=unmask,
            learners={learner.id: learner for learner in learners},
            region_names={r.code: r.name for r in regions},
            position_titles={j.position: j.title for j in jobs},
            module_titles={m.code: m.title for m in modules},
            total_gaps=learner_gaps(workspace, learners) if gaps else {},
            competency_names=names,
            module_competencies={m.code: tuple(m.competencies) for m in modules},
            gap_table=table,
        )

    def learner_label(self, learner: str) -> str:
        """The id as shown: the learner's pseudonym, or the id itself with ``unmask``."""
        return learner if self.unmask else pseudonym(self.pseudonym_key, learner)

    def learner_name(self, learner: str) -> str:
        """The name as shown (initials only unless ``unmask``); ``""`` when unknown."""
        record = self.learners.get(learner)
        if record is None:
            return ""
        return record.name if self.unmask else mask_name(record.name)

    def supervisor(self, learner: str) -> str | None:
        """The id of the learner's atasan langsung, when the record names one."""
        record = self.learners.get(learner)
        return None if record is None else record.supervisor

    def region_name(self, code: str) -> str:
        return self.region_names.get(code, "")

    def position_title(self, code: str) -> str:
        return self.position_titles.get(code, "")


def _gap_arrays(workspace: Any, learners: Sequence[Learner]):
    """The learners' levels and contract §3 targets as arrays (one shared computation for
    the totals and the per-competency table)."""
    context = CatalogIndex.from_workspace(workspace)
    arrays = context.learner_arrays(learners)
    return context.competency_codes, arrays


def learner_gaps(workspace: Any, learners: Sequence[Learner] | None = None) -> dict[str, float]:
    """Learner id → total gap Σ_c max(0, target(c) − level(c)) (contract §3)."""
    learners = list(workspace.load("learners") if learners is None else learners)
    if not learners:
        return {}
    _, arrays = _gap_arrays(workspace, learners)
    gaps = gap(arrays.targets.astype(np.int32), arrays.levels.astype(np.int32)).sum(axis=1)
    return {str(learner): float(gap) for learner, gap in zip(arrays.ids, gaps)}


def competency_gaps(
    workspace: Any,
    learners: Sequence[Learner] | None = None,
    names: Mapping[str, str] | None = None,
) -> dict[str, tuple[CompetencyGap, ...]]:
    """Learner id → the competencies where their target (contract §3) is above their
    level, by competency code; the same targets as :func:`learner_gaps`."""
    learners = list(workspace.load("learners") if learners is None else learners)
    if not learners:
        return {}
    if names is None:
        names = {c.code: c.name for c in workspace.load("competencies")}
    codes, arrays = _gap_arrays(workspace, learners)
    levels = arrays.levels.astype(np.int32)
    targets = arrays.targets.astype(np.int32)
    gaps = gap(targets, levels)
    table = {}
    for row, learner in enumerate(arrays.ids):
        short = np.flatnonzero(gaps[row])
        table[str(learner)] = tuple(
            CompetencyGap(
                codes[c], names.get(codes[c], codes[c]), int(levels[row, c]), int(targets[row, c])
            )
            for c in short
        )
    return table
