"""How the regional panels write: one call of the edit service, its refusal as
``(column, message)`` pairs for the forms, the message boxes that ask and refuse, and
the buttons greyed out (with the reason as their tooltip) when the person may not.

Every write goes through the core's edit service (``curriculum_tool.edit``): the same
checks as an import (cells, references, cycles), by the workspace's actor, from the
versions read with the records, in one transaction; a refused write changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from ...edit.conflicts import ConflictError
from ...errors import CurriculumError, Problem, ValidationError
from ..i18n import error_text, in_app_language

__all__ = ["allow", "attempt", "confirm", "field_of", "show_refusal"]


def attempt(
    action: Callable[[], object], changed: Callable[[], object] | None = None
) -> list[tuple[str, str]]:
    """Run ``action`` (a call of the edit service); the problems of a refusal (nothing
    written) as ``(column, message)``, or an empty list once committed.

    When the record changed since it was read, the message names who changed it, when
    and what, and ``changed()`` is called: a form then knows the new version, so saving
    again keeps the person's edit on top of the other one (the message offers that).
    """
    try:
        action()
    except ValidationError as error:
        return [field_of(problem) for problem in error.problems]
    except ConflictError as error:
        if changed is not None:
            changed()
        return [("", error_text(error))]
    except CurriculumError as error:  # not allowed, busy…
        return [("", error_text(error))]
    return []


def field_of(problem: Problem) -> tuple[str, str]:
    """The form field a problem is about (``-``: the record as a whole), and what it says
    in the app's language."""
    column = "" if problem.column == "-" else problem.column
    return (column, in_app_language(problem.message))


def allow(
    button: QAbstractButton,
    possible: bool,
    refusal: CurriculumError | None,
    tooltip: str,
) -> None:
    """Enable ``button`` when the action is ``possible`` and the person may take it;
    its tooltip is ``tooltip``, or why they may not (in the app's language)."""
    button.setEnabled(possible and refusal is None)
    button.setToolTip(error_text(refusal) if possible and refusal is not None else tooltip)


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
