"""Interface language: Indonesian source strings, English from Qt Linguist ``.ts`` files.

Every user-visible string is written in Indonesian and wrapped in ``tr()``. The English
translations live in ``translations/curriculum_tool_en.ts`` (edit them with Qt Linguist,
refresh them with ``pyside6-lupdate``). On first use the ``.ts`` file is compiled with
``lrelease`` into the user's cache folder; where no ``lrelease`` is installed, the
``.ts`` XML is read directly, so English always works.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import cast

from platformdirs import user_cache_dir
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..errors import describe, in_language

__all__ = [
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "TRANSLATIONS",
    "TsTranslator",
    "current_language",
    "error_text",
    "install_language",
    "ts_file",
]

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
TRANSLATIONS = Path(__file__).resolve().parent / "translations"

#: Qt's ``QT_TRANSLATE_NOOP(context, message)``: marks ``message`` for ``lupdate`` and
#: returns it unchanged. The cast only gives it that type: PySide6's stub says ``object``.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

_installed: list[QTranslator] = []
_current = {"lang": "id"}


def current_language() -> str:
    """The interface language in use (``id`` or ``en``)."""
    return _current["lang"]


def in_app_language(message: str) -> str:
    """A core message in the interface's language: its Indonesian when it carries one (a
    reason or a cell check's refusal), else the message itself."""
    return in_language(message, current_language())


def error_text(error: BaseException) -> str:
    """What went wrong, in the interface's language: a refusal's problems one per line,
    any other error's message."""
    return describe(error, current_language())


def ts_file(lang: str) -> Path:
    return TRANSLATIONS / f"curriculum_tool_{lang}.ts"


class TsTranslator(QTranslator):
    """Translations read straight from a ``.ts`` file (used when lrelease is missing)."""

    def __init__(self, path: Path):
        super().__init__()
        self.table: dict[tuple[str, str], str] = {}
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                    continue
                if translation.text:
                    self.table[(name, message.findtext("source", ""))] = translation.text

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": an empty string would be taken as the translation.
        return self.table.get((context, source))

    def isEmpty(self) -> bool:
        return not self.table


def _lrelease() -> str | None:
    import PySide6

    bundled = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibraryExecutablesPath))
    for candidate in (
        bundled / "lrelease",
        Path(PySide6.__file__).parent / "lrelease",
        Path(sys.executable).parent / "pyside6-lrelease",
        shutil.which("pyside6-lrelease"),
        shutil.which("lrelease"),
    ):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    return None


def _compiled(ts: Path) -> Path | None:
    """``ts`` compiled to ``.qm`` in the cache (recompiled when the ``.ts`` is newer)."""
    qm = (
        Path(user_cache_dir("curriculum-tool", appauthor=False))
        / "translations"
        / (ts.stem + ".qm")
    )
    if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = _lrelease()
    if tool is None:
        return None
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True)
    return qm if done.returncode == 0 and qm.is_file() else None


def install_language(lang: str) -> bool:
    """Switch the running application's language; ``id`` is the source language."""
    app = QCoreApplication.instance()
    for installed in _installed:
        assert app is not None, "translators are only installed into a running application"
        app.removeTranslator(installed)
    _installed.clear()
    _current["lang"] = "id"
    # Numbers (and dates) follow the interface's language, not the system's: 0,68 and
    # 20.000 in Bahasa Indonesia, 0.68 and 20,000 in English. Widgets made from now on
    # take it; the window is rebuilt on a switch.
    QLocale.setDefault(QLocale("en_GB" if lang == "en" else "id_ID"))
    if lang == "id":
        return True
    ts = ts_file(lang)
    if not ts.is_file():
        return False
    translator: QTranslator = QTranslator()
    qm = _compiled(ts)
    if qm is None or not translator.load(str(qm)):
        translator = TsTranslator(ts)
    assert app is not None, "install_language needs a QApplication"
    app.installTranslator(translator)
    _installed.append(translator)
    _current["lang"] = lang
    base = QTranslator()
    if base.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(base)  # Qt's own buttons (OK, Cancel) in the same language
        _installed.append(base)
    return True
