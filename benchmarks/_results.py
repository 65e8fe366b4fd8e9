"""Shared by the benchmark scripts: print a results text and record it where asked."""

from __future__ import annotations

import subprocess
from pathlib import Path


def emit(text: str, out: Path | None) -> None:
    """Print ``text`` and, with ``out``, write it there (the recorded results)."""
    print(text)
    if out:
        out.write_text(text, encoding="utf-8")


def commit(root: Path) -> str:
    """The checkout's short commit, marked when tracked files have uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            text=True,
            capture_output=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            text=True,
            capture_output=True,
        ).stdout.strip()
        return head + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
