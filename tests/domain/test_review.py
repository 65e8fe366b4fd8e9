"""The review workflow of a local module: draft → review → approved, one step at a time."""

import doctest

import pytest

from curriculum_tool.domain import review
from curriculum_tool.domain.review import APPROVED, FIRST_STATUS, NEXT_STATUS, next_status
from curriculum_tool.domain.vocab import STATUSES


def test_the_workflow_goes_draft_review_approved():
    assert FIRST_STATUS == "draft"
    assert APPROVED == "approved"
    assert NEXT_STATUS == {"draft": "review", "review": "approved"}


@pytest.mark.parametrize(
    "status, step", [("draft", "review"), ("review", "approved"), ("approved", None)]
)
def test_one_step_at_a_time(status, step):
    assert next_status(status) == step


def test_an_unknown_status_has_no_next_step():
    assert next_status("published") is None
    assert next_status("") is None


def test_every_status_is_reached_from_the_first_without_skipping():
    seen = [FIRST_STATUS]
    while (step := next_status(seen[-1])) is not None:
        seen.append(step)
    assert tuple(seen) == STATUSES
    assert seen[-1] == APPROVED


def test_docstring_examples():
    assert doctest.testmod(review).failed == 0
