"""The long runs of the import fuzz suite (``pytest -m slow``): hundreds of generated files
per format, every mutation on every kind, and thousands of seeded random files.

Left out of the default run (and so of ``.ci/run``); ``benchmarks/fuzz_imports.py`` runs
10,000 files and records the totals.
"""

from __future__ import annotations

import pytest
from hypothesis import given

from fuzz import corpus
from fuzz.oracle import Runner
from fuzz.strategies import assert_all_clean, assert_clean, cases, cell_texts, fuzz_settings

pytestmark = pytest.mark.slow

EXAMPLES = 400
RANDOM_FILES = 3000


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


def test_every_mutation_on_every_kind(runner):
    assert_all_clean(runner.run(corpus.every_combo(seed=1)))


def test_seeded_random_files(runner):
    assert_all_clean(runner.run(corpus.random_cases(seed=2, count=RANDOM_FILES)))
