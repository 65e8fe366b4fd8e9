"""The library versions a pickled model depends on, and whether this installation matches.

joblib files are pickles: loading one runs code, and loading one written by another
scikit-learn may silently predict differently. A model is loaded only when its card's
versions match the running ones on what matters for unpickling.
"""

from __future__ import annotations

import platform
from importlib.metadata import version

__all__ = ["library_versions", "version_mismatches", "CHECKED"]

#: Distribution → how many leading version parts must match (1.9.x loads 1.9.y's models).
CHECKED = {"scikit-learn": 2, "numpy": 1, "joblib": 1}
_REPORTED = ("scikit-learn", "numpy", "scipy", "pandas", "joblib")


def library_versions() -> dict[str, str]:
    """Versions of Python and the libraries a model depends on."""
    versions = {"python": platform.python_version()}
    versions.update({name: version(name) for name in _REPORTED})
    return versions


def version_mismatches(recorded: dict[str, str]) -> list[str]:
    """``"scikit-learn 1.8.0 (this installation has 1.9.1)"`` for each incompatible library."""
    current = library_versions()
    problems = []
    for name, parts in CHECKED.items():
        theirs = recorded.get(name)
        if theirs is None or theirs.split(".")[:parts] != current[name].split(".")[:parts]:
            problems.append(f"{name} {theirs or 'unknown'} (this installation has "
                            f"{current[name]})")
    return problems
