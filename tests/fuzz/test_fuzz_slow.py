"""The long runs of the import fuzz suite (``pytest -m slow``): hundreds of generated files
per format, every mutation on every kind, and thousands of seeded random files.

Left out of the default run (and so of ``.ci/run``); ``benchmarks/fuzz_imports.py`` runs
10,000 files and records the totals.
"""

from __future__ import annotations

import pytest

from fuzz import corpus
from fuzz.generated import generated_tests
from fuzz.strategies import assert_all_clean

pytestmark = pytest.mark.slow

EXAMPLES = 400
RANDOM_FILES = 3000


globals().update(generated_tests(EXAMPLES))


def test_every_mutation_on_every_kind(runner):
    assert_all_clean(runner.run(corpus.every_combo(seed=1)))


def test_seeded_random_files(runner):
    assert_all_clean(runner.run(corpus.random_cases(seed=2, count=RANDOM_FILES)))
