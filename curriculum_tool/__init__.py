"""curriculum-tool: personalised, locally relevant learning paths for Indonesian civil servants.

The core (everything but :mod:`curriculum_tool.gui`) is plain Python over pandas,
networkx, scikit-learn and SQLAlchemy; it never imports Qt.
"""

__version__ = "0.1.0"
