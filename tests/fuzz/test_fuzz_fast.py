"""The CI slice of the import fuzz suite: a few dozen generated files per format, and every
hand-made case once.

Each file is imported in-process into a fresh copy of a prepared workspace, in a worker
process with a 10 s limit (:mod:`fuzz.oracle`). Any traceback, partial write, hang, bad
file accepted, good file refused, unlocated or multi-line message, or wrong row count
fails the test, which prints the case and how to make it again. ``test_fuzz_slow.py`` runs
the same with many more examples (``pytest -m slow``).
"""

from __future__ import annotations

import pytest
from hypothesis import given

from fuzz import corpus
from fuzz.oracle import Runner
from fuzz.strategies import assert_all_clean, assert_clean, cases, cell_texts, fuzz_settings

EXAMPLES = 30


@pytest.fixture(scope="module")
def runner():
    with Runner(workers=2) as running:
        yield running


@fuzz_settings(EXAMPLES)
@given(case=cases(kinds=corpus.TABLE_KINDS, formats=["csv"]))
def test_csv_tables(runner, case):
    assert_clean(runner.check(case))


@fuzz_settings(EXAMPLES)
@given(case=cases(kinds=corpus.TABLE_KINDS, formats=["xlsx"]))
def test_xlsx_tables(runner, case):
    assert_clean(runner.check(case))


@fuzz_settings(EXAMPLES)
@given(case=cases(kinds=["moodle"]))
def test_moodle_frameworks(runner, case):
    assert_clean(runner.check(case))


@fuzz_settings(EXAMPLES)
@given(case=cases(kinds=["case"]))
def test_case_packages(runner, case):
    assert_clean(runner.check(case))


@fuzz_settings(EXAMPLES)
@given(case=cell_texts())
def test_any_text_in_any_cell(runner, case):
    assert_clean(runner.check(case))


def test_every_mutation_once(runner):
    """Hypothesis favours some mutations in a few dozen examples: this runs each one."""
    cases = corpus.sweep(seed=0, light=True)
    assert_all_clean(runner.run(cases))


def test_hand_made_cases(runner):
    """Far cells, stale dimensions, truncation, XML and zip bombs, deep nesting, huge
    numbers, surrogates, NUL, control characters, row limits, the Moodle chain…"""
    hand_made = corpus.hand_made_cases()
    results = list(runner.run(hand_made))
    assert len(results) == len(hand_made)
    assert_all_clean(results)
