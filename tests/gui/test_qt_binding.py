"""The installed Qt binding must not leak references to None.

PySide6 6.12.0 drops a reference to ``None`` on every call that returns nothing; after a
few thousand repaints a desktop session aborts with "Fatal Python error: none_dealloc".
pyproject.toml excludes that release; this test fails if a release with the same defect
is ever installed.
"""

import sys

from PySide6.QtWidgets import QWidget


def test_calls_returning_nothing_keep_the_reference_count_of_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
    assert sys.getrefcount(None) - before > -50
