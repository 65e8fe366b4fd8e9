"""The records about learners: who they are, what they took, what they must take, and
the steps planned for them.

Learners, their outcomes (one enrolment and its evaluation each) and the obligations of
their jenjang or status are contract files, declared like every record (see
:mod:`.record_base`); a :class:`PathStep` is one step of a recommended path (see
:mod:`.paths`), not a contract row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

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
    optional_code_cell,
    text_cell,
)
from .validation_text import refusal
from .vocab import (
    DEFAULT_LEARNER_STATUS,
    DIGITAL_LITERACY,
    LEARNER_STATUSES,
    OBLIGATION_HOLDERS,
    SCORE_RANGE,
)

__all__ = ["Learner", "Obligation", "Outcome", "PathStep"]


def _status(text: str) -> str:
    return (
        cells.parse_choice(text, choices=LEARNER_STATUSES, what="status")
        if text
        else (DEFAULT_LEARNER_STATUS)
    )


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
        "supervisor": optional_code_cell("supervisor"),
    }

    def row_problems(self) -> Iterator[tuple[str, str]]:
        if self.supervisor == self.id:
            yield ("supervisor", refusal("own_supervisor"))

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
            yield ("l3", refusal("applied_not_completed"))

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
