"""Shared by the benchmark scripts: print a results text and record it where asked."""

from __future__ import annotations

from pathlib import Path


def emit(text: str, out: Path | None) -> None:
    """Print ``text`` and, with ``out``, write it there (the recorded results)."""
    print(text)
    if out:
        out.write_text(text, encoding="utf-8")
