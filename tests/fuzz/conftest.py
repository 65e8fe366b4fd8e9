import pytest

from fuzz.oracle import Runner


@pytest.fixture(scope="module")
def runner():
    """Two worker processes that import each case into a fresh workspace copy."""
    with Runner(workers=2) as running:
        yield running
