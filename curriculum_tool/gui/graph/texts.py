"""How the graph editor names modules and edges: one place for its words, translated."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ...domain import Module
from ...domain.labels import label
from ..i18n import current_language

__all__ = ["SEP", "GraphTexts"]

#: The one separator between a module's code and title in lists and completers.
SEP = " — "


class GraphTexts(QObject):
    """Kinds, statuses, scopes, node tags and tooltips, and edges as ``A → B (wajib)``."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        #: Region code → name, for the scope of local modules.
        self.region_names: dict[str, str] = {}

    def kind(self, kind: str) -> str:
        return {"hard": self.tr("wajib"), "soft": self.tr("anjuran")}.get(kind, kind)

    def status(self, status: str) -> str:
        return label("status", status, current_language())

    def scope(self, module: Module) -> str:
        if not module.is_local:
            return self.tr("nasional")
        name = self.region_names.get(module.scope)
        return (
            self.tr("lokal: {code} {name}").format(code=module.scope, name=name)
            if name
            else self.tr("lokal: {code}").format(code=module.scope)
        )

    def edge(self, module: str, requires: str, kind: str | None = None) -> str:
        """``PB-201 → PB-101 (wajib)``."""
        text = f"{module} → {requires}"
        return f"{text} ({self.kind(kind)})" if kind else text

    def tag(self, module: Module) -> str:
        """The small text at a node's top right: status if not approved, scope, JP."""
        parts = []
        if module.status != "approved":
            parts.append(self.status(module.status))
        if module.is_local:
            parts.append(self.tr("lokal {scope}").format(scope=module.scope))
        parts.append(self.tr("{jp} JP").format(jp=module.jp))
        return " · ".join(parts)

    def tooltip(self, module: Module) -> str:
        return self.tr(
            "{code} — {title}\n{jp} JP · {modality} · level {level}\n{status} · {scope}"
        ).format(
            code=module.code,
            title=module.title,
            jp=module.jp,
            modality=label("modality", module.modality, current_language()),
            level=module.level,
            status=self.status(module.status),
            scope=self.scope(module),
        )
