"""The domain's records, one frozen dataclass per contract file, validated from text.

``from_row`` is the single place a record is validated: it takes the cells of one row
(stripped text, keyed by column) and either returns the record or raises
:class:`RowError` naming every bad column. ``to_row`` gives back the same text, so an
export → import round-trip is exact. ``references`` lists the codes a record points to,
for the cross-file checks in :mod:`curriculum_tool.io`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self

from . import cells
from .vocab import (
    COMPETENCY_GROUPS,
    CONNECTIVITY,
    DIGITAL_LITERACY,
    HAZARDS,
    JP_RANGE,
    LEVELS,
    MODALITIES,
    NATIONAL,
    PREREQUISITE_KINDS,
    SCORE_RANGE,
    STATUSES,
)

__all__ = [
    "RowError",
    "Record",
    "Competency",
    "Module",
    "Prerequisite",
    "Region",
    "RegionalStandard",
    "JobStandard",
    "Learner",
    "Outcome",
    "PathStep",
    "RECORD_TYPES",
    "Reference",
]

MAX_TEXT = 500


class RowError(ValueError):
    """One row has bad cells; ``problems`` pairs each column with its message."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{column}: {message}" for column, message in problems))


@dataclass(frozen=True, slots=True)
class Reference:
    """A record's ``column`` names ``key`` of the target ``kind`` (e.g. a module's region)."""

    column: str
    kind: str
    key: str


class _Cells:
    """Collects per-column parse failures so a row reports all of them at once."""

    __slots__ = ("row", "problems")

    def __init__(self, row: Mapping[str, str]):
        self.row = row
        self.problems: list[tuple[str, str]] = []

    def get(self, column: str, parse: Callable[..., Any], *args: Any) -> Any:
        try:
            return parse(self.row.get(column, ""), *args)
        except ValueError as error:
            self.problems.append((column, str(error)))
            return None

    def text(self, column: str, required: bool = True) -> str:
        value = self.row.get(column, "")
        if required and value == "":
            self.problems.append((column, f"{column} is required"))
        elif len(value) > MAX_TEXT:
            self.problems.append((column, f"{column} is longer than {MAX_TEXT} characters"))
        return value

    def fail(self, column: str, message: str) -> None:
        self.problems.append((column, message))

    def done(self) -> None:
        if self.problems:
            raise RowError(self.problems)


class Record:
    """Shared behaviour of the contract's records."""

    __slots__ = ()

    KIND: ClassVar[str]
    COLUMNS: ClassVar[tuple[str, ...]]
    KEY: ClassVar[tuple[str, ...]]

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:  # pragma: no cover - abstract
        raise NotImplementedError

    def to_row(self) -> dict[str, str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def key(self) -> tuple:
        return tuple(getattr(self, name) for name in self.KEY)

    def references(self) -> Iterator[Reference]:
        return iter(())

    def edited(self, **changes: str) -> Self:
        """A copy with some columns replaced by new text, validated like an imported row."""
        return type(self).from_row({**self.to_row(), **changes})


@dataclass(frozen=True, slots=True)
class Competency(Record):
    """An entry of the competency dictionary (levels 1–5, PermenPANRB 38/2017)."""

    code: str
    name: str
    group: str
    description: str = ""

    KIND: ClassVar[str] = "competencies"
    COLUMNS: ClassVar[tuple[str, ...]] = ("code", "name", "group", "description")
    KEY: ClassVar[tuple[str, ...]] = ("code",)

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:
        c = _Cells(row)
        record = cls(
            code=c.get("code", cells.parse_code, "competency code"),
            name=c.text("name"),
            group=c.get("group", cells.parse_choice, COMPETENCY_GROUPS, "group"),
            description=c.text("description", required=False),
        )
        c.done()
        return record

    def to_row(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name, "group": self.group,
                "description": self.description}


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

    KIND: ClassVar[str] = "modules"
    COLUMNS: ClassVar[tuple[str, ...]] = (
        "code", "title", "jp", "modality", "level", "competencies", "hazards",
        "min_connectivity", "min_digital_literacy", "scope", "status", "owner",
    )
    KEY: ClassVar[tuple[str, ...]] = ("code",)

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:
        c = _Cells(row)
        record = cls(
            code=c.get("code", cells.parse_code, "module code"),
            title=c.text("title"),
            jp=c.get("jp", cells.parse_int, JP_RANGE, "jp"),
            modality=c.get("modality", cells.parse_choice, MODALITIES, "modality"),
            level=c.get("level", cells.parse_int, LEVELS, "level"),
            competencies=c.get("competencies", cells.parse_levels, LEVELS),
            hazards=c.get("hazards", cells.parse_code_list, "hazard", HAZARDS),
            min_connectivity=c.get("min_connectivity", cells.parse_choice, CONNECTIVITY,
                                   "min_connectivity"),
            min_digital_literacy=c.get("min_digital_literacy", cells.parse_int,
                                       DIGITAL_LITERACY, "min_digital_literacy"),
            scope=c.get("scope", _parse_scope),
            status=c.get("status", cells.parse_choice, STATUSES, "status"),
            owner=c.text("owner", required=False),
        )
        c.done()
        return record

    def to_row(self) -> dict[str, str]:
        return {
            "code": self.code, "title": self.title, "jp": str(self.jp),
            "modality": self.modality, "level": str(self.level),
            "competencies": cells.format_levels(self.competencies),
            "hazards": cells.format_list(self.hazards),
            "min_connectivity": self.min_connectivity,
            "min_digital_literacy": str(self.min_digital_literacy),
            "scope": self.scope, "status": self.status, "owner": self.owner,
        }

    @property
    def is_local(self) -> bool:
        return self.scope != NATIONAL

    def references(self) -> Iterator[Reference]:
        for code, _ in self.competencies:
            yield Reference("competencies", "competencies", code)
        if self.is_local:
            yield Reference("scope", "regions", self.scope)


def _parse_scope(text: str) -> str:
    if text == NATIONAL:
        return text
    if text == "":
        raise ValueError(f"scope is required: '{NATIONAL}' or a region code")
    return cells.parse_code(text, "scope region")


@dataclass(frozen=True, slots=True)
class Prerequisite(Record):
    """``module`` requires ``requires`` first: ``hard`` must be completed, ``soft`` is better."""

    module: str
    requires: str
    kind: str = "hard"

    KIND: ClassVar[str] = "prerequisites"
    COLUMNS: ClassVar[tuple[str, ...]] = ("module", "requires", "kind")
    KEY: ClassVar[tuple[str, ...]] = ("module", "requires")

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:
        c = _Cells(row)
        record = cls(
            module=c.get("module", cells.parse_code, "module"),
            requires=c.get("requires", cells.parse_code, "requires"),
            kind=c.get("kind", cells.parse_choice, PREREQUISITE_KINDS, "kind"),
        )
        if record.module is not None and record.module == record.requires:
            c.fail("requires", f"module {record.module} cannot require itself "
                               f"(cycle {record.module} → {record.module})")
        c.done()
        return record

    def to_row(self) -> dict[str, str]:
        return {"module": self.module, "requires": self.requires, "kind": self.kind}

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
    COLUMNS: ClassVar[tuple[str, ...]] = ("code", "name", "parent", "hazards", "connectivity",
                                          "is_3t")
    KEY: ClassVar[tuple[str, ...]] = ("code",)

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:
        c = _Cells(row)
        parent = row.get("parent", "")
        record = cls(
            code=c.get("code", cells.parse_code, "region code"),
            name=c.text("name"),
            parent=c.get("parent", cells.parse_code, "parent") if parent else None,
            hazards=c.get("hazards", cells.parse_indices, HAZARDS, "hazard"),
            connectivity=c.get("connectivity", cells.parse_choice, CONNECTIVITY, "connectivity"),
            is_3t=c.get("is_3t", cells.parse_flag, "is_3t"),
        )
        if record.code is not None and record.parent == record.code:
            c.fail("parent", f"region {record.code} cannot be its own parent")
        c.done()
        return record

    def to_row(self) -> dict[str, str]:
        return {
            "code": self.code, "name": self.name, "parent": self.parent or "",
            "hazards": cells.format_indices(self.hazards), "connectivity": self.connectivity,
            "is_3t": "1" if self.is_3t else "0",
        }

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
    COLUMNS: ClassVar[tuple[str, ...]] = ("region", "competency", "level", "reason")
    KEY: ClassVar[tuple[str, ...]] = ("region", "competency")

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:
        c = _Cells(row)
        record = cls(
            region=c.get("region", cells.parse_code, "region"),
            competency=c.get("competency", cells.parse_code, "competency"),
            level=c.get("level", cells.parse_int, LEVELS, "level"),
            reason=c.text("reason", required=False),
        )
        c.done()
        return record

    def to_row(self) -> dict[str, str]:
        return {"region": self.region, "competency": self.competency, "level": str(self.level),
                "reason": self.reason}

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

    KIND: ClassVar[str] = "job_standards"
    COLUMNS: ClassVar[tuple[str, ...]] = ("position", "title", "competency", "level")
    KEY: ClassVar[tuple[str, ...]] = ("position", "competency")

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:
        c = _Cells(row)
        record = cls(
            position=c.get("position", cells.parse_code, "position"),
            title=c.text("title"),
            competency=c.get("competency", cells.parse_code, "competency"),
            level=c.get("level", cells.parse_int, LEVELS, "level"),
        )
        c.done()
        return record

    def to_row(self) -> dict[str, str]:
        return {"position": self.position, "title": self.title, "competency": self.competency,
                "level": str(self.level)}

    def references(self) -> Iterator[Reference]:
        yield Reference("competency", "competencies", self.competency)


@dataclass(frozen=True, slots=True)
class Learner(Record):
    """A civil servant: ``id`` (e.g. NIP) and ``name`` are personal data."""

    id: str
    name: str
    position: str
    region: str
    digital_literacy: int = 0
    competencies: tuple[tuple[str, int], ...] = ()
    completed: tuple[str, ...] = ()

    KIND: ClassVar[str] = "learners"
    COLUMNS: ClassVar[tuple[str, ...]] = ("id", "name", "position", "region", "digital_literacy",
                                          "competencies", "completed")
    KEY: ClassVar[tuple[str, ...]] = ("id",)

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:
        c = _Cells(row)
        record = cls(
            id=c.get("id", cells.parse_code, "learner id"),
            name=c.text("name"),
            position=c.get("position", cells.parse_code, "position"),
            region=c.get("region", cells.parse_code, "region"),
            digital_literacy=c.get("digital_literacy", cells.parse_int, DIGITAL_LITERACY,
                                   "digital_literacy"),
            competencies=c.get("competencies", cells.parse_levels, LEVELS),
            completed=c.get("completed", cells.parse_code_list, "module"),
        )
        c.done()
        return record

    def to_row(self) -> dict[str, str]:
        return {
            "id": self.id, "name": self.name, "position": self.position, "region": self.region,
            "digital_literacy": str(self.digital_literacy),
            "competencies": cells.format_levels(self.competencies),
            "completed": cells.format_list(self.completed),
        }

    def references(self) -> Iterator[Reference]:
        yield Reference("position", "positions", self.position)
        yield Reference("region", "regions", self.region)
        for code, _ in self.competencies:
            yield Reference("competencies", "competencies", code)
        for code in self.completed:
            yield Reference("completed", "modules", code)


@dataclass(frozen=True, slots=True)
class Outcome(Record):
    """One enrolment and its Kirkpatrick evaluation (l1 reaction … l4 results)."""

    learner: str
    module: str
    date: dt.date
    completed: bool
    l1: int | None = None
    l2: int | None = None
    l3: bool | None = None
    l4: bool | None = None

    KIND: ClassVar[str] = "outcomes"
    COLUMNS: ClassVar[tuple[str, ...]] = ("learner", "module", "date", "completed", "l1", "l2",
                                          "l3", "l4")
    KEY: ClassVar[tuple[str, ...]] = ("learner", "module", "date")

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:
        c = _Cells(row)
        record = cls(
            learner=c.get("learner", cells.parse_code, "learner"),
            module=c.get("module", cells.parse_code, "module"),
            date=c.get("date", cells.parse_date),
            completed=c.get("completed", cells.parse_flag, "completed"),
            l1=c.get("l1", cells.parse_optional_int, SCORE_RANGE, "l1"),
            l2=c.get("l2", cells.parse_optional_int, SCORE_RANGE, "l2"),
            l3=c.get("l3", cells.parse_optional_flag, "l3"),
            l4=c.get("l4", cells.parse_optional_flag, "l4"),
        )
        if record.completed is False and record.l3:
            c.fail("l3", "l3 (applied at work) is 1 but the module was not completed")
        c.done()
        return record

    def to_row(self) -> dict[str, str]:
        return {
            "learner": self.learner, "module": self.module, "date": self.date.isoformat(),
            "completed": "1" if self.completed else "0",
            "l1": cells.format_optional(self.l1), "l2": cells.format_optional(self.l2),
            "l3": cells.format_optional(self.l3), "l4": cells.format_optional(self.l4),
        }

    @property
    def success(self) -> bool | None:
        """The model's target: completed and applied at work; None when l3 is unknown."""
        if not self.completed:
            return False
        return self.l3

    def references(self) -> Iterator[Reference]:
        yield Reference("learner", "learners", self.learner)
        yield Reference("module", "modules", self.module)


@dataclass(frozen=True, slots=True)
class PathStep:
    """One step of a learner's path, with the reasons that defend it."""

    module: str
    title: str
    period: int
    jp: int
    modality: str
    p_success: float
    value: float
    reasons: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"module": self.module, "title": self.title, "period": self.period,
                "jp": self.jp, "modality": self.modality,
                "p_success": round(self.p_success, 4), "value": round(self.value, 4),
                "reasons": list(self.reasons)}


#: Contract kinds in the order they can be loaded (each refers only to earlier kinds).
RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (Competency, Region, Module, Prerequisite, RegionalStandard, JobStandard,
                Learner, Outcome)
}
