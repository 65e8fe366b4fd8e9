"""The gap rule (contract §3): g(c) = max(0, t(c) − level_u(c)), for levels and arrays."""

import doctest

import numpy as np
import pytest

from curriculum_tool.domain import gaps
from curriculum_tool.domain.gaps import gap


@pytest.mark.parametrize(
    "target, level, expected", [(3, 1, 2), (2, 2, 0), (1, 4, 0), (0, 0, 0), (5, 0, 5)]
)
def test_the_gap_is_the_shortfall_never_negative(target, level, expected):
    assert gap(target, level) == expected
    assert type(gap(target, level)) is int


def test_numpy_levels_give_a_python_int():
    assert gap(np.int8(3), np.int16(1)) == 2 and type(gap(np.int8(3), np.int16(1))) is int


def test_arrays_are_element_wise_and_keep_their_type():
    targets = np.array([[3, 0, 2], [1, 1, 5]], dtype=np.int16)
    levels = np.array([1, 2, 2], dtype=np.int16)
    result = gap(targets, levels)
    assert result.tolist() == [[2, 0, 0], [0, 0, 3]]
    assert result.dtype == np.int16


def test_documented_examples_hold():
    result = doctest.testmod(gaps, verbose=False, report=False)
    assert result.attempted > 0 and result.failed == 0
