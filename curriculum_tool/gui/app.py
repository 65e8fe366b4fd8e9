"""Start the desktop app, or render one of its tabs to a PNG (``gui --screenshot``)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..catalog import open_or_create_default
from ..store import Workspace
from .tab_names import TAB_NAMES

__all__ = ["TAB_NAMES", "AppController", "application", "run"]


def application() -> object:
    """The process's QApplication, created on first use."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("curriculum-tool")
        app.setOrganizationName("curriculum-tool")
    return app


class AppController:
    """Owns the main window; rebuilds it when the user switches language."""

    def __init__(self, workspace: Workspace, lang: str = "id"):
        from .i18n import install_language

        self.workspace = workspace
        self.lang = lang
        install_language(lang)
        self.window = self._build()

    def _build(self, tab: int = 0, geometry=None):
        from .main_window import MainWindow

        window = MainWindow(self.workspace, switch_language=self.switch_language, lang=self.lang)
        window.tabs.setCurrentIndex(tab)
        if geometry is not None:
            window.setGeometry(geometry)
        return window

    def switch_language(self, lang: str) -> None:
        """Install ``lang`` and show a fresh window on the same workspace and tab, with the
        same learner selected once the new window has loaded its learners."""
        from .i18n import install_language

        install_language(lang)
        self.lang = lang
        old = self.window
        learner = old.paths.learner.id if old.paths.learner is not None else None
        old.keep_workspace_open = True
        self.window = self._build(old.tabs.currentIndex(), old.geometry())
        if learner is not None:
            paths = self.window.paths

            def reselect() -> None:
                paths.desk_loaded.disconnect(reselect)
                paths.select_learner(learner)

            paths.desk_loaded.connect(reselect)
        self.window.show()
        old.close()
        old.deleteLater()


#: What each screenshot shows: an example a newcomer recognises (demo learner in Palu).
SCREENSHOT_EXAMPLE = {"graf": "PB-201", "jalur": "DEMO-001", "wilayah": "72.71"}


def _show_example(window, tab: str | None, app) -> None:
    """Put a telling example on screen before a screenshot is taken."""
    import time

    example = SCREENSHOT_EXAMPLE.get(tab or "")
    if tab == "graf":
        window.graph.find_module(example)
    elif tab == "wilayah":
        window.regions.select_region(example)
    elif tab == "jalur":
        deadline = time.monotonic() + 60
        while window.paths.recommender is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        window.paths.select_learner(example)
    elif tab == "riwayat":  # the trail is read in the background
        deadline = time.monotonic() + 30
        while window.history.loading and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        window.history.view.selectRow(0)
    for _ in range(5):
        app.processEvents()


def run(
    workspace: str | None = None,
    lang: str = "id",
    screenshot: str | None = None,
    tab: str | None = None,
) -> int:
    """Open the main window on ``workspace`` (default: the user's default workspace)."""
    app = application()
    opened = Workspace.open(workspace) if workspace else open_or_create_default()
    controller = AppController(opened, lang)
    window = controller.window
    if tab:
        window.tabs.setCurrentIndex(TAB_NAMES.index(tab))
    if screenshot:
        window.show()
        for _ in range(3):
            app.processEvents()  # type: ignore[attr-defined]
        _show_example(window, tab, app)
        target = Path(screenshot)
        target.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(target), "PNG")
        window.close()
        if not saved:
            print(f"error: cannot write screenshot {target}", file=sys.stderr)
            return 2
        print(f"screenshot saved to {target} ({app.platformName()})")  # type: ignore[attr-defined]
        return 0
    window.show()
    return app.exec()  # type: ignore[attr-defined]
