"""``gui`` before Qt starts: one line and exit 2 when X11 libraries or a display are
missing, never Qt's abort; a screenshot renders without a display; under Xvfb the window
really opens on X11."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from curriculum_tool.errors import CurriculumError
from curriculum_tool.gui import preflight

ROOT = Path(__file__).resolve().parents[2]
MISSING = ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("preflight") / "w.sqlite"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "init", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture
def fake_ldd(tmp_path) -> Path:
    """A folder with an ``ldd`` that reports two of Qt's xcb libraries missing, as on a
    minimal Debian desktop."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "ldd"
    lines = "".join(f"\\t{lib} => not found\\n" for lib in MISSING)
    script.write_text(
        f'#!/bin/sh\nprintf "\\tlibc.so.6 => /lib/libc.so.6 (0x1)\\n{lines}{lines}"\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    return folder


def gui_env(**extra: str) -> dict[str, str]:
    """This environment without any display or Qt platform choice, plus ``extra``."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"}
    }
    return {**env, **extra}


def run_gui(workspace: Path, env: dict[str, str], *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "main.py"), "gui", str(workspace), *extra]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.skipif(sys.platform != "linux", reason="the xcb check is for Linux")
def test_missing_xcb_libraries_are_named_with_their_packages(fake_ldd, monkeypatch):
    monkeypatch.setenv("PATH", f"{fake_ldd}{os.pathsep}{os.environ['PATH']}")
    plugin = preflight.xcb_plugin()
    assert plugin is not None
    assert preflight.missing_libraries(plugin) == list(MISSING)
    with pytest.raises(CurriculumError) as raised:
        preflight.check_display(screenshot=False, environ={"DISPLAY": ":0"})
    message = str(raised.value)
    assert "\n" not in message
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in message
    assert "sudo dnf install xcb-util-keysyms xcb-util-wm" in message


@pytest.mark.skipif(sys.platform != "linux", reason="the xcb check is for Linux")
def test_the_command_exits_2_with_one_line_instead_of_aborting(workspace, fake_ldd):
    env = gui_env(DISPLAY=":97", PATH=f"{fake_ldd}{os.pathsep}{os.environ['PATH']}")
    done = run_gui(workspace, env)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "libxcb-icccm4 libxcb-keysyms1" in lines[0]


@pytest.mark.skipif(sys.platform != "linux", reason="X11 displays are a Linux matter here")
def test_no_display_is_one_line_and_a_screenshot_needs_none(workspace, tmp_path):
    done = run_gui(workspace, gui_env())
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: no display to open the window on: set DISPLAY (X11) or run it in a desktop "
        "session; 'gui --screenshot FILE' works without one"
    ]
    png = tmp_path / "shot.png"
    done = run_gui(workspace, gui_env(), "--screenshot", str(png))
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert done.stdout.strip().endswith("(offscreen)")


def test_an_explicit_platform_is_left_to_qt():
    environ = {"QT_QPA_PLATFORM": "offscreen"}
    preflight.check_display(screenshot=False, environ=environ)
    assert environ == {"QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (apt install xvfb)")
def test_the_window_opens_on_a_real_x_server(workspace, tmp_path):
    plugin = preflight.xcb_plugin()
    if plugin is None or preflight.missing_libraries(plugin):
        pytest.skip("Qt's xcb libraries are missing here (see the README's system packages)")
    display = f":{90 + os.getpid() % 9}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 20
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        png = tmp_path / "x11.png"
        done = run_gui(workspace, gui_env(DISPLAY=display), "--screenshot", str(png))
        assert done.returncode == 0, done.stderr
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert done.stdout.strip().endswith("(xcb)")  # drawn by X11, not offscreen
    finally:
        server.terminate()
        server.wait(10)
