"""The domain's records, one frozen dataclass per contract file, validated from text.

Each record declares its columns once, in ``CELLS``: how to read a column's text and how
to write it back. ``from_row`` is the single place a record is validated: it takes the
cells of one row (stripped text, keyed by column) and either returns the record or
raises :class:`RowError` naming every bad column. ``to_row`` gives back the same text,
so an export → import round-trip is exact. ``references`` lists the codes a record
points to, for the cross-file checks in :mod:`curriculum_tool.io`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, Self

from . import cells
from .vocab import (
    AUDIENCES,
    COMPETENCY_GROUPS,
    CONNECTIVITY,
    DEFAULT_LEARNER_STATUS,
    DIGITAL_LITERACY,
    HAZARDS,
    JENJANG,
    JP_RANGE,
    LEARNER_STATUSES,
    LEVELS,
    MODALITIES,
    NATIONAL,
    OBLIGATION_HOLDERS,
    PREREQUISITE_KINDS,
    SCORE_RANGE,
    STATUSES,
)

__all__ = [
    "RECORD_TYPES",
    "Cell",
    "Competency",
    "JobStandard",
    "Learner",
    "Module",
    "Obligation",
    "Outcome",
    "PathStep",
    "Prerequisite",
    "Record",
    "Reference",
    "Region",
    "RegionalStandard",
    "RowError",
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


@dataclass(frozen=True, slots=True)
class Cell:
    """How one column's text becomes a typed value (``parse``) and back (``format``)."""

    parse: Callable[[str], Any]
    format: Callable[[Any], str] = str
    #: A number a spreadsheet may sum and sort (written to XLSX as a number).
    numeric: bool = False


def _parse_text(value: str, what: str, required: bool) -> str:
    if required and value == "":
        raise ValueError(f"{what} is required")
    if reason := cells.check_text(value, what):
        raise ValueError(reason)
    if len(value) > MAX_TEXT:
        raise ValueError(f"{what} is longer than {MAX_TEXT} characters")
    return value


def _scope(text: str) -> str:
    if text == NATIONAL:
        return text
    if text == "":
        raise ValueError(f"scope is required: '{NATIONAL}' or a region code")
    return cells.parse_code(text, "scope region")


def _optional_code(text: str, what: str) -> str | None:
    return cells.parse_code(text, what) if text else None


def _optional_choice(text: str, choices: tuple[str, ...], what: str) -> str | None:
    return cells.parse_choice(text, choices=choices, what=what) if text else None


def _status(text: str) -> str:
    return (
        cells.parse_choice(text, choices=LEARNER_STATUSES, what="status")
        if text
        else (DEFAULT_LEARNER_STATUS)
    )


def _flag_text(value: bool) -> str:
    return "1" if value else "0"


def code_cell(what: str) -> Cell:
    return Cell(partial(cells.parse_code, what=what))


def text_cell(what: str, required: bool = True) -> Cell:
    return Cell(partial(_parse_text, what=what, required=required))


def int_cell(allowed: range, what: str) -> Cell:
    return Cell(partial(cells.parse_int, allowed=allowed, what=what), numeric=True)


def choice_cell(choices: tuple[str, ...], what: str) -> Cell:
    return Cell(partial(cells.parse_choice, choices=choices, what=what))


def flag_cell(what: str) -> Cell:
    return Cell(partial(cells.parse_flag, what=what), _flag_text, numeric=True)


LEVEL_LIST = Cell(partial(cells.parse_levels, allowed=LEVELS), cells.format_levels)


class Record:
    """Shared behaviour of the contract's records, driven by the subclass's ``CELLS``."""

    __slots__ = ()

    KIND: ClassVar[str]
    CELLS: ClassVar[dict[str, Cell]]
    COLUMNS: ClassVar[tuple[str, ...]]
    KEY: ClassVar[tuple[str, ...]]
    #: Columns a file may leave out (contract §2): a merge keeps the stored value of an
    #: updated row, a new row gets the default.
    OPTIONAL: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "CELLS" in cls.__dict__:
            cls.COLUMNS = tuple(cls.CELLS)

    @classmethod
    def from_row(cls, row: Mapping[str, str]) -> Self:
        """Validate one row's cells; raise :class:`RowError` naming every bad column."""
        values: dict[str, Any] = {}
        problems: list[tuple[str, str]] = []
        for column, cell in cls.CELLS.items():
            try:
                values[column] = cell.parse(row.get(column, ""))
            except ValueError as error:
                problems.append((column, str(error)))
        if problems:
            raise RowError(problems)
        record = cls(**values)
        problems = list(record.row_problems())
        if problems:
            raise RowError(problems)
        return record

    def to_row(self) -> dict[str, str]:
        """The record as the contract's text cells."""
        return {column: cell.format(getattr(self, column)) for column, cell in self.CELLS.items()}

    def row_problems(self) -> Iterator[tuple[str, str]]:
        """Checks that involve several columns of the row; none by default."""
        return iter(())

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
            yield (
                "requires",
                f"module {self.module} cannot require itself (cycle {self.module} → {self.module})",
            )

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
        "parent": Cell(partial(_optional_code, what="parent"), lambda p: p or ""),
        "hazards": Cell(
            partial(cells.parse_indices, choices=HAZARDS, what="hazard"), cells.format_indices
        ),
        "connectivity": choice_cell(CONNECTIVITY, "connectivity"),
        "is_3t": flag_cell("is_3t"),
    }

    def row_problems(self) -> Iterator[tuple[str, str]]:
        if self.parent == self.code:
            yield ("parent", f"region {self.code} cannot be its own parent")

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
        "jenjang": Cell(
            partial(_optional_choice, choices=JENJANG, what="jenjang"), lambda j: j or ""
        ),
    }

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
    status: str = DEFAULT_LEARNER_STATUS
    unit: str = ""
    #: The atasan langsung's learner id.
    supervisor: str | None = None

    KIND: ClassVar[str] = "learners"
    KEY: ClassVar[tuple[str, ...]] = ("id",)
    OPTIONAL: ClassVar[frozenset[str]] = frozenset({"status", "unit", "supervisor"})
    CELLS: ClassVar[dict[str, Cell]] = {
        "id": code_cell("learner id"),
        "name": text_cell("name"),
        "position": code_cell("position"),
        "region": code_cell("region"),
        "digital_literacy": int_cell(DIGITAL_LITERACY, "digital_literacy"),
        "competencies": LEVEL_LIST,
        "completed": Cell(partial(cells.parse_code_list, what="module"), cells.format_list),
        "status": Cell(_status),
        "unit": text_cell("unit", required=False),
        "supervisor": Cell(partial(_optional_code, what="supervisor"), lambda s: s or ""),
    }

    def row_problems(self) -> Iterator[tuple[str, str]]:
        if self.supervisor == self.id:
            yield ("supervisor", "a learner cannot be their own supervisor")

    def references(self) -> Iterator[Reference]:
        # In column order, so a row's problems are listed in the order of its cells.
        yield Reference("position", "positions", self.position)
        yield Reference("region", "regions", self.region)
        for competency, _ in self.competencies:
            yield Reference("competencies", "competencies", competency)
        for module in self.completed:
            yield Reference("completed", "modules", module)
        if self.supervisor is not None:
            yield Reference("supervisor", "learners", self.supervisor)


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
    KEY: ClassVar[tuple[str, ...]] = ("learner", "module", "date")
    CELLS: ClassVar[dict[str, Cell]] = {
        "learner": code_cell("learner"),
        "module": code_cell("module"),
        "date": Cell(cells.parse_date, dt.date.isoformat),
        "completed": flag_cell("completed"),
        "l1": Cell(
            partial(cells.parse_optional_int, allowed=SCORE_RANGE, what="l1"),
            cells.format_optional,
            numeric=True,
        ),
        "l2": Cell(
            partial(cells.parse_optional_int, allowed=SCORE_RANGE, what="l2"),
            cells.format_optional,
            numeric=True,
        ),
        "l3": Cell(
            partial(cells.parse_optional_flag, what="l3"), cells.format_optional, numeric=True
        ),
        "l4": Cell(
            partial(cells.parse_optional_flag, what="l4"), cells.format_optional, numeric=True
        ),
    }

    def row_problems(self) -> Iterator[tuple[str, str]]:
        if not self.completed and self.l3:
            yield ("l3", "l3 (applied at work) is 1 but the module was not completed")

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
class Obligation(Record):
    """A compulsory programme: every learner of jenjang (or status) ``who`` must complete
    ``module`` (e.g. PKP for a pengawas), by ``regulation``."""

    who: str
    module: str
    regulation: str = ""

    KIND: ClassVar[str] = "obligations"
    KEY: ClassVar[tuple[str, ...]] = ("who", "module")
    CELLS: ClassVar[dict[str, Cell]] = {
        "who": choice_cell(OBLIGATION_HOLDERS, "who"),
        "module": code_cell("module"),
        "regulation": text_cell("regulation", required=False),
    }

    def references(self) -> Iterator[Reference]:
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
        return {
            "module": self.module,
            "title": self.title,
            "period": self.period,
            "jp": self.jp,
            "modality": self.modality,
            "p_success": round(self.p_success, 4),
            "value": round(self.value, 4),
            "reasons": [str(r) for r in self.reasons],
            "reasons_id": [getattr(r, "indonesian", str(r)) for r in self.reasons],
            "reason_kinds": [getattr(r, "kind", "") for r in self.reasons],
        }


#: Contract kinds in the order they can be loaded (each refers only to earlier kinds).
RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        Competency,
        Region,
        Module,
        Prerequisite,
        RegionalStandard,
        JobStandard,
        Learner,
        Outcome,
        Obligation,
    )
}
