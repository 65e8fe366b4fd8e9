"""The review workflow of a local module: draft → review → approved, one step at a time.

A region adds a module as a draft, submits it for review, then approves it; only an
approved module is recommended to learners. There is no way back and no skipping: the
steps follow the contract's order of ``STATUSES``.
"""

from __future__ import annotations

from itertools import pairwise

from .vocab import STATUSES

__all__ = ["APPROVED", "FIRST_STATUS", "NEXT_STATUS", "next_status"]

#: The status every new local module starts in.
FIRST_STATUS = STATUSES[0]
#: The last step: the module may now be recommended.
APPROVED = STATUSES[-1]
#: Each status's next step; the last status has none.
NEXT_STATUS: dict[str, str] = dict(pairwise(STATUSES))


def next_status(status: str) -> str | None:
    """The status one review step after ``status``; None once approved (or unknown).

    >>> next_status("draft"), next_status("review"), next_status("approved")
    ('review', 'approved', None)
    """
    return NEXT_STATUS.get(status)
