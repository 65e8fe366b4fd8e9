"""Start the desktop app, or render its main window to a PNG (``gui --screenshot``)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..catalog import open_or_create_default
from ..store import Workspace

__all__ = ["run", "application"]


def application() -> object:
    """The process's QApplication, created on first use."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("curriculum-tool")
        app.setOrganizationName("curriculum-tool")
    return app


def run(workspace: str | None = None, lang: str = "id", screenshot: str | None = None) -> int:
    """Open the main window on ``workspace`` (default: the user's default workspace)."""
    from .main_window import MainWindow

    app = application()
    opened = Workspace.open(workspace) if workspace else open_or_create_default()
    window = MainWindow(opened)
    if screenshot:
        window.show()
        app.processEvents()  # type: ignore[attr-defined]
        target = Path(screenshot)
        target.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(target), "PNG")
        window.close()
        if not saved:
            print(f"error: cannot write screenshot {target}", file=sys.stderr)
            return 2
        print(f"screenshot saved to {target}")
        return 0
    window.show()
    return app.exec()  # type: ignore[attr-defined]
