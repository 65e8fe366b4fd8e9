"""The catalog's records: what can be taught and what must be reached.

Competencies, modules and their prerequisites, regions, and the standards (regional and
per position) that set the levels to reach; one frozen dataclass per contract file, each
declaring its columns in ``CELLS`` (see :mod:`.record_base`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from . import cells
from .record_base import (
    LEVEL_LIST,
    Cell,
    Record,
    Reference,
    choice_cell,
    code_cell,
    flag_cell,
    int_cell,
    optional_choice_cell,
    optional_code_cell,
    text_cell,
)
from .validation_text import refusal
from .vocab import (
    AUDIENCES,
    COMPETENCY_GROUPS,
    CONNECTIVITY,
    DIGITAL_LITERACY,
    HAZARDS,
    JENJANG,
    JP_RANGE,
    LEVELS,
    MODALITIES,
    NATIONAL,
    PREREQUISITE_KINDS,
    STATUSES,
)

__all__ = [
    "Competency",
    "JobStandard",
    "Module",
    "Prerequisite",
    "Region",
    "RegionalStandard",
]


def _scope(text: str) -> str:
    if text == NATIONAL:
        return text
    if text == "":
        raise ValueError(refusal("scope_required", national=NATIONAL))
    return cells.parse_code(text, "scope region")


@dataclass(frozen=True, slots=True)
class Competency(Record):
    """An entry of the competency dictionary (levels 1–5, PermenPANRB 38/2017)."""

    code: str
    name: str
    group: str
    description: str = ""

    KIND: ClassVar[str] = "competencies"
    KEY: ClassVar[tuple[str, ...]] = ("code",)
    CELLS: ClassVar[dict[str, Cell]] = {
        "code": code_cell("competency code"),
        "name": text_cell("name"),
        "group": choice_cell(COMPETENCY_GROUPS, "group"),
        "description": text_cell("description", required=False),
    }


@dataclass(frozen=True, slots=True)
class Module(Record):
    """A learning module of the catalog: what it teaches, to whom it can be delivered."""

    code: str
    title: str
    jp: int
    modality: str
    level: int
    competencies: tuple[tuple[str, int], ...] = ()
    hazards: tuple[str, ...] = ()
    min_connectivity: str = "none"
    min_digital_literacy: int = 0
    scope: str = NATIONAL
    status: str = "draft"
    owner: str = ""
    #: Jenjang keys and learner statuses the module is for; empty = everyone.
    audience: tuple[str, ...] = ()

    KIND: ClassVar[str] = "modules"
    KEY: ClassVar[tuple[str, ...]] = ("code",)
    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"audience"})
    CELLS: ClassVar[dict[str, Cell]] = {
        "code": code_cell("module code"),
        "title": text_cell("title"),
        "jp": int_cell(JP_RANGE, "jp"),
        "modality": choice_cell(MODALITIES, "modality"),
        "level": int_cell(LEVELS, "level"),
        "competencies": LEVEL_LIST,
        "hazards": Cell(
            partial(cells.parse_code_list, what="hazard", choices=HAZARDS), cells.format_list
        ),
        "min_connectivity": choice_cell(CONNECTIVITY, "min_connectivity"),
        "min_digital_literacy": int_cell(DIGITAL_LITERACY, "min_digital_literacy"),
        "scope": Cell(_scope),
        "status": choice_cell(STATUSES, "status"),
        "owner": text_cell("owner", required=False),
        "audience": Cell(
            partial(cells.parse_code_list, what="audience", choices=AUDIENCES), cells.format_list
        ),
    }

    @property
    def is_local(self) -> bool:
        return self.scope != NATIONAL

    def references(self) -> Iterator[Reference]:
        for competency, _ in self.competencies:
            yield Reference("competencies", "competencies", competency)
        if self.is_local:
            yield Reference("scope", "regions", self.scope)


@dataclass(frozen=True, slots=True)
class Prerequisite(Record):
    """``module`` requires ``requires`` first: ``hard`` must be completed, ``soft`` is better."""

    module: str
    requires: str
    kind: str = "hard"

    KIND: ClassVar[str] = "prerequisites"
    KEY: ClassVar[tuple[str, ...]] = ("module", "requires")
    CELLS: ClassVar[dict[str, Cell]] = {
        "module": code_cell("module"),
        "requires": code_cell("requires"),
        "kind": choice_cell(PREREQUISITE_KINDS, "kind"),
    }

    def row_problems(self) -> Iterator[tuple[str, str]]:
        if self.module == self.requires:
            yield ("requires", refusal("requires_itself", value=self.module))

    def references(self) -> Iterator[Reference]:
        yield Reference("module", "modules", self.module)
        yield Reference("requires", "modules", self.requires)


@dataclass(frozen=True, slots=True)
class Region(Record):
    """A province (``72``) or regency/city (``72.71``) with its hazards and connectivity."""

    code: str
    name: str
    parent: str | None = None
    hazards: tuple[tuple[str, float], ...] = ()
    connectivity: str = "low"
    is_3t: bool = False

    KIND: ClassVar[str] = "regions"
    KEY: ClassVar[tuple[str, ...]] = ("code",)
    CELLS: ClassVar[dict[str, Cell]] = {
        "code": code_cell("region code"),
        "name": text_cell("name"),
        "parent": optional_code_cell("parent"),
        "hazards": Cell(
            partial(cells.parse_indices, choices=HAZARDS, what="hazard"), cells.format_indices
        ),
        "connectivity": choice_cell(CONNECTIVITY, "connectivity"),
        "is_3t": flag_cell("is_3t"),
    }

    def row_problems(self) -> Iterator[tuple[str, str]]:
        if self.parent == self.code:
            yield ("parent", refusal("own_parent", code=self.code))

    def hazard_index(self, hazard: str) -> float:
        return dict(self.hazards).get(hazard, 0.0)

    def references(self) -> Iterator[Reference]:
        if self.parent is not None:
            yield Reference("parent", "regions", self.parent)


@dataclass(frozen=True, slots=True)
class RegionalStandard(Record):
    """A level every learner of ``region`` (and its sub-regions) should reach in ``competency``."""

    region: str
    competency: str
    level: int
    reason: str = ""

    KIND: ClassVar[str] = "regional_standards"
    KEY: ClassVar[tuple[str, ...]] = ("region", "competency")
    CELLS: ClassVar[dict[str, Cell]] = {
        "region": code_cell("region"),
        "competency": code_cell("competency"),
        "level": int_cell(LEVELS, "level"),
        "reason": text_cell("reason", required=False),
    }

    def references(self) -> Iterator[Reference]:
        yield Reference("region", "regions", self.region)
        yield Reference("competency", "competencies", self.competency)


@dataclass(frozen=True, slots=True)
class JobStandard(Record):
    """One required competency level of a position (jabatan)."""

    position: str
    title: str
    competency: str
    level: int
    #: The position's jenjang (the same on every row of a position), None when unknown.
    jenjang: str | None = None

    KIND: ClassVar[str] = "job_standards"
    KEY: ClassVar[tuple[str, ...]] = ("position", "competency")
    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"jenjang"})
    CELLS: ClassVar[dict[str, Cell]] = {
        "position": code_cell("position"),
        "title": text_cell("title"),
        "competency": code_cell("competency"),
        "level": int_cell(LEVELS, "level"),
        "jenjang": optional_choice_cell(JENJANG, "jenjang"),
    }

    def references(self) -> Iterator[Reference]:
        yield Reference("competency", "competencies", self.competency)
