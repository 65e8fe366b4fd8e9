"""A learner's recommended path: its steps, its obligations, what was left out, and what
produced it.

Paths are what the training officer defends line by line, so each step keeps its reasons
and each left-out module its own. ``to_json`` is the contract's ``recommend --format
json`` object (§4), extended with ``obligations`` and ``below_minimum``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .reasons import Reason, in_language
from .records import PathStep

__all__ = ["Exclusion", "LearnerPath", "ObligationStep", "PathApproval"]


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A candidate module left out of a path, and why."""

    module: str
    reason: str

    @property
    def kind(self) -> str:
        return getattr(self.reason, "kind", "")

    def to_json(self) -> dict[str, Any]:
        return {
            "module": self.module,
            "reason": str(self.reason),
            "reason_id": in_language(self.reason, "id"),
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class ObligationStep:
    """A compulsory programme the learner has not completed (PKP for a pengawas, …): it
    stands outside the discretionary JP budget and is never dropped."""

    module: str
    title: str
    jp: int
    regulation: str

    def to_json(self) -> dict[str, Any]:
        return {
            "module": self.module,
            "title": self.title,
            "jp": self.jp,
            "regulation": self.regulation,
        }


@dataclass(frozen=True, slots=True)
class PathApproval:
    """Where a stored path stands: proposed (``status`` None), or approved by the atasan
    or the BKD, with who (their login, and name when the workspace knows the person) and
    when (ISO time, UTC). ``version`` is the stored path's version as read: approving
    sends it back, so an approval made from a stale read is refused."""

    status: str | None = None
    approved_by: str | None = None
    approved_at: str | None = None
    version: int = 0
    approver_name: str = ""

    @property
    def approved(self) -> bool:
        return self.status == "approved"


@dataclass(frozen=True, slots=True)
class LearnerPath:
    """One learner's path, as recommended (and stored for later impact analysis)."""

    learner: str
    position: str
    region: str
    steps: tuple[PathStep, ...]
    excluded: tuple[Exclusion, ...] = ()
    expected_value: float = 0.0
    min_jp: int = 20
    max_jp: int = 40
    periods: int = 1
    model_name: str = ""
    model_sha256: str = ""
    created: str = ""
    obligations: tuple[ObligationStep, ...] = ()
    #: Why the path stays below ``min_jp``, None when it does not.
    below_minimum: Reason | None = None
    #: A stored path's approval (None: just planned, or read without it). Not part of the
    #: path's content: two paths with the same steps are equal whoever approved them, and
    #: ``to_json`` (the contract's object) leaves it out.
    approval: PathApproval | None = field(default=None, compare=False)
    #: The plan year the path is for (0: the year it was created in; see :attr:`year`).
    plan_year: int = field(default=0, compare=False)
    #: Its version within the plan year (1, 2, … as the year is re-planned; 0: not stored).
    plan_version: int = field(default=0, compare=False)
    #: The catalog it was planned on: its content digest, and the published release with
    #: that content ("" when the catalog had changed since the last release, or none was
    #: published).
    catalog_sha256: str = ""
    release: str = ""
    #: The options it was planned with beyond the budget (method, policies), as JSON keys.
    options: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def year(self) -> int:
        """The plan year: :attr:`plan_year`, or the year the path was created in."""
        if self.plan_year:
            return self.plan_year
        return int(self.created[:4]) if self.created[:4].isdigit() else 0

    @property
    def total_jp(self) -> int:
        return sum(step.jp for step in self.steps)

    @property
    def modules(self) -> tuple[str, ...]:
        return tuple(step.module for step in self.steps)

    def to_json(self) -> dict[str, Any]:
        below = self.below_minimum
        return {
            "learner": self.learner,
            "position": self.position,
            "region": self.region,
            "plan_year": self.year,
            "catalog": {"release": self.release or None, "sha256": self.catalog_sha256 or None},
            "model": {"name": self.model_name, "sha256": self.model_sha256},
            "min_jp": self.min_jp,
            "max_jp": self.max_jp,
            "periods": self.periods,
            "total_jp": self.total_jp,
            "expected_value": round(self.expected_value, 4),
            "steps": [step.to_json() for step in self.steps],
            "excluded": [e.to_json() for e in self.excluded],
            "obligations": [o.to_json() for o in self.obligations],
            "below_minimum": None
            if below is None
            else {"kind": below.kind, "reason": str(below), "reason_id": below.indonesian},
        }
