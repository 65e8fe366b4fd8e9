"""How the regional panels write: one transaction through the core, its refusal as
``(column, message)`` pairs for the forms, and the message boxes that ask and refuse.

Every write runs the core's checks (``Record.from_row`` and ``import_parsed``:
references, cycles) in one transaction; a refused write changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import Connection

from ...errors import CurriculumError, Problem, ValidationError
from ...store import Workspace
from ..i18n import error_text

__all__ = [
    "MODULE_LABEL",
    "PREREQUISITE_LABEL",
    "STANDARD_LABEL",
    "confirm",
    "field_of",
    "show_refusal",
    "write",
]

#: How the app's own writes are named in problems (``FILE`` of ``FILE:ROW:COLUMN``).
MODULE_LABEL = "modules"
PREREQUISITE_LABEL = "prerequisites"
STANDARD_LABEL = "regional_standards"


def write(workspace: Workspace, steps: Callable[[Connection], object]) -> list[tuple[str, str]]:
    """Run ``steps`` in one transaction; the problems of a refusal (nothing written)
    as ``(column, message)``, or an empty list once committed."""
    try:
        with workspace.transaction() as conn:
            steps(conn)
    except ValidationError as error:
        return [field_of(problem) for problem in error.problems]
    except CurriculumError as error:
        return [("", error_text(error))]
    return []


def field_of(problem: Problem) -> tuple[str, str]:
    """The form field a problem is about (a prerequisite's, whatever its column)."""
    if problem.file == PREREQUISITE_LABEL:
        return ("prerequisites", problem.message)
    return ("" if problem.column == "-" else problem.column, problem.message)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question, No by default; True when the user answers Yes."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_refusal(parent: QWidget, title: str, problems: Iterable[tuple[str, str]]) -> None:
    """Tell why a write was refused, one ``column: message`` line per problem."""
    QMessageBox.warning(
        parent,
        title,
        "\n".join(f"{column}: {message}" if column else message for column, message in problems),
    )
