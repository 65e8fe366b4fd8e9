"""What the person signed in may change, for widgets that grey out what they cannot do.

The rule itself is the core's (:mod:`curriculum_tool.domain.roles`); here it only becomes
an enabled state and a tooltip saying why, in the interface's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..domain.roles import ROLE_NAMES, Actor
from ..store.names import table_name
from .i18n import current_language, in_app_language

__all__ = ["allow", "role_text", "signed_in_text"]


def role_text(actor: Actor) -> str:
    """The actor's role in the interface's language (``Staf wilayah``)."""
    indonesian, english = ROLE_NAMES[actor.role]
    return indonesian if current_language() == "id" else english


def signed_in_text(actor: Actor) -> str:
    """``siti · Staf wilayah · 72.71``: who works here, as the status bar shows it."""
    parts = [actor.login, role_text(actor)]
    if actor.scope:
        parts.append(actor.scope)
    return " · ".join(parts)


def allow(widgets: Sequence[QWidget], actor: Actor, table: str, enabled: bool = True) -> None:
    """Enable ``widgets`` when ``enabled`` and ``actor`` writes ``table``; otherwise grey
    them out, the tooltip saying it is the role that forbids it."""
    permitted = actor.may_write(table)
    reason = (
        ""
        if permitted
        else QCoreApplication.translate(
            "Roles", "Peran Anda ({role}) tidak dapat mengubah {what}."
        ).format(role=role_text(actor), what=in_app_language(table_name(table)))
    )
    for widget in widgets:
        widget.setEnabled(enabled and permitted)
        if not permitted:
            widget.setToolTip(reason)
