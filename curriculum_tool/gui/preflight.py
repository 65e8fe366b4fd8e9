"""Before Qt starts: can it show a window here? One clear line instead of Qt's abort.

When Qt cannot load its platform plugin it prints a paragraph and aborts the process
(SIGABRT, exit 134), and on Linux its hint names ``libxcb-cursor0`` whatever is really
missing. This module runs before any Qt class is created and imports no Qt: it picks the
platform Qt would use and, for X11 (``xcb``), asks the dynamic linker which of the
plugin's libraries are missing, then names the packages that provide them. A screenshot
needs no display at all: with none, it is rendered offscreen.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path

from ..errors import CurriculumError

__all__ = ["XCB_PACKAGES", "check_display", "missing_libraries", "xcb_plugin"]

#: Libraries Qt's xcb plugin needs that minimal desktops and containers often lack, with
#: the package that provides each on Debian/Ubuntu and on Fedora.
XCB_PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin inside the installed PySide6 (without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(spec.submodule_search_locations[0]) / "Qt/plugins/platforms/libqxcb.so"
    return plugin if plugin.exists() else None


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries ``plugin`` needs that the dynamic linker cannot find (by
    ``ldd``; none when ``ldd`` is not there to ask)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        done = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    return sorted(set(_NOT_FOUND.findall(done.stdout)))


def _platform(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will pick on this system."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if chosen:
        return chosen
    if sys.platform != "linux":
        return "native"
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def check_display(screenshot: bool, environ: MutableMapping[str, str] | None = None) -> None:
    """Make sure Qt can start, or raise :class:`CurriculumError` with one line saying
    what to install or set. A screenshot that cannot use the display is rendered
    offscreen (sets ``QT_QPA_PLATFORM``)."""
    environ = os.environ if environ is None else environ
    platform = _platform(environ)
    if platform != "xcb":
        return
    if not environ.get("DISPLAY"):
        if screenshot:
            environ["QT_QPA_PLATFORM"] = "offscreen"
            return
        raise CurriculumError(
            "no display to open the window on: set DISPLAY (X11) or run it in a desktop "
            "session; 'gui --screenshot FILE' works without one"
        )
    plugin = xcb_plugin()
    missing = missing_libraries(plugin) if plugin is not None else []
    if missing and screenshot:  # a PNG needs no window on screen
        environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    if missing:
        debian = sorted({XCB_PACKAGES.get(lib, (lib, lib))[0] for lib in missing})
        fedora = sorted({XCB_PACKAGES.get(lib, (lib, lib))[1] for lib in missing})
        raise CurriculumError(
            f"Qt cannot open a window: missing system libraries {', '.join(missing)}; "
            f"install them (Debian/Ubuntu: sudo apt install {' '.join(debian)}; "
            f"Fedora: sudo dnf install {' '.join(fedora)})"
        )
