"""The library versions a stored model depends on, and whether this installation matches.

A skops archive rebuilds scikit-learn objects from their saved attributes, without
running the file's code; but scikit-learn may rename or reinterpret an estimator's
internal attributes between minor versions, so a model from another version could fail,
or predict differently without a word. A model is loaded only when its card's versions
match the running ones on what matters for rebuilding it: scikit-learn's minor version
and numpy's major version (its arrays). The other versions are reported on the card.
"""

from __future__ import annotations

import platform
from importlib.metadata import version

from ..messages import Catalogue, Message

__all__ = ["CHECKED", "SAID", "library_versions", "version_mismatches"]

#: A library a stored model was made with that this installation does not match.
SAID = Catalogue(
    "model.versions",
    {
        "mismatch": (
            "{library} {recorded} (this installation has {current})",
            "{library} {recorded} (instalasi ini memakai {current})",
        ),
        "unknown": ("unknown", "tidak diketahui"),
    },
)

#: Distribution → how many leading version parts must match (1.9.x loads 1.9.y's models).
CHECKED = {"scikit-learn": 2, "numpy": 1}
_REPORTED = ("scikit-learn", "numpy", "scipy", "pandas", "skops")


def library_versions() -> dict[str, str]:
    """Versions of Python and the libraries a model depends on."""
    versions = {"python": platform.python_version()}
    versions.update({name: version(name) for name in _REPORTED})
    return versions


def version_mismatches(recorded: dict[str, str]) -> list[Message]:
    """``"scikit-learn 1.8.0 (this installation has 1.9.1)"`` for each incompatible library
    (a message: ``"… (instalasi ini memakai 1.9.1)"`` in Indonesian)."""
    current = library_versions()
    problems = []
    for name, parts in CHECKED.items():
        theirs = recorded.get(name)
        if theirs is None or str(theirs).split(".")[:parts] != current[name].split(".")[:parts]:
            problems.append(
                SAID(
                    "mismatch",
                    library=name,
                    recorded=str(theirs) if theirs else SAID("unknown"),
                    current=current[name],
                )
            )
    return problems
