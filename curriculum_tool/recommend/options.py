"""The options a training officer sets for a path: budget, minimum, periods, policies."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.vocab import DEFAULT_MIN_JP
from ..errors import CurriculumError
from .select import METHODS

__all__ = ["PathOptions"]


@dataclass(frozen=True)
class PathOptions:
    """The officer's knobs: JP budget, yearly minimum, periods, and the three seed policies."""

    max_jp: int = 40
    min_jp: int = DEFAULT_MIN_JP
    periods: int = 1
    method: str = "exact"
    #: Which left-out modules a path lists: ``all`` (those the learner cannot take and
    #: those the selection passed over), or ``blocking`` (agency batches: only those the
    #: learner cannot take, plus the passed-over ones when the path stays below
    #: ``min_jp``; the rest would be millions of rows).
    excluded: str = "all"
    #: Where connectivity is weak, an online disaster-risk module a candidate offline one
    #: dominates is left out for it.
    offline_instead: bool = True
    #: When digital literacy blocks gap-closing modules, the next literacy tier comes first.
    literacy_first: bool = True
    #: Where a module for the hazards of the learner's region closes a gap their job sets
    #: (disaster staff), the path holds at least one such module whenever one fits.
    hazard_first: bool = True

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
