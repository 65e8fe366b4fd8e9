"""The options a training officer sets for a path: budget, minimum, periods, policies."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.vocab import DEFAULT_MIN_JP, PLAN_YEARS
from ..errors import CurriculumError
from ..messages import Catalogue
from .select import METHODS

__all__ = ["PathOptions"]

#: Why a set of options is refused (the command line's flags, the app's options panel).
SAID = Catalogue(
    "recommend.options",
    {
        "max_jp": ("--max-jp must be at least 1", "--max-jp minimal 1"),
        "min_jp": (
            "--min-jp must be between 0 and --max-jp ({max_jp})",
            "--min-jp harus antara 0 dan --max-jp ({max_jp})",
        ),
        "periods": (
            "--periods must be at least 1 and at most --max-jp",
            "--periods minimal 1 dan paling banyak --max-jp",
        ),
        "method": ("method must be one of {methods}", "metode harus salah satu dari {methods}"),
        "plan_year": (
            "the plan year must be from {first} to {last}",
            "tahun rencana harus dari {first} sampai {last}",
        ),
        "excluded": (
            "excluded must be '{all}' or '{blocking}'",
            "pilihan excluded harus '{all}' atau '{blocking}'",
        ),
    },
)


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
    #: The plan year the path is for (None: the current calendar year).
    plan_year: int | None = None

    def __post_init__(self) -> None:
        if self.max_jp < 1:
            raise CurriculumError(SAID("max_jp"))
        if self.min_jp < 0 or self.min_jp > self.max_jp:
            raise CurriculumError(SAID("min_jp", max_jp=self.max_jp))
        if self.periods < 1 or self.periods > self.max_jp:
            raise CurriculumError(SAID("periods"))
        if self.method not in METHODS:
            raise CurriculumError(SAID("method", methods=", ".join(METHODS)))
        if self.excluded not in ("all", "blocking"):
            raise CurriculumError(SAID("excluded", all="all", blocking="blocking"))
        if self.plan_year is not None and self.plan_year not in PLAN_YEARS:
            raise CurriculumError(
                SAID("plan_year", first=PLAN_YEARS[0], last=PLAN_YEARS[-1], year=self.plan_year)
            )

    def recorded(self) -> dict[str, object]:
        """What a stored path keeps of these options beyond its budget, minimum and
        periods (which it has columns of its own for)."""
        return {
            "method": self.method,
            "excluded": self.excluded,
            "offline_instead": self.offline_instead,
            "literacy_first": self.literacy_first,
            "hazard_first": self.hazard_first,
        }

    @property
    def period_cap(self) -> int:
        return self.max_jp // self.periods
