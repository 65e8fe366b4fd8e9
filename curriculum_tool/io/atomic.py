"""Write a file whole or not at all: a temporary file beside the target, renamed over it.

A crash or a kill mid-write never leaves a half-written file at the target's name. The
temporary file is ``.{name}.{pid}.{random}.tmp``; a process killed mid-write cannot remove
it, so the next write of the same target does: it removes that target's temporary files
whose process no longer runs, and the older ``.{name}.{random}.tmp`` ones (written before
names carried a process id) once they are an hour old. Hand-written: no library cleans up
after a killed writer.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..processes import process_running

__all__ = ["atomic_output", "remove_stale_temporaries"]

#: An old-style temporary file (no process id) is left over once it is this old (seconds).
OLD_STYLE_AGE = 3600
#: A folder's listing of temporary files is reused for this long (seconds): writing
#: thousands of files into one folder (a PDF per learner) lists it once, not per file.
LISTING_TTL = 60

_listings: dict[Path, tuple[float, set[str]]] = {}
_listings_lock = threading.Lock()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temporaries(folder: Path) -> set[str]:
    """The names of the hidden ``.tmp`` files in ``folder`` (a recent listing)."""
    now = time.monotonic()
    with _listings_lock:
        listed = _listings.get(folder)
        if listed is None or now - listed[0] > LISTING_TTL:
            try:
                with os.scandir(folder) as entries:
                    names = {
                        e.name
                        for e in entries
                        if e.name.startswith(".") and e.name.endswith(".tmp")
                    }
            except OSError:
                names = set()
            listed = _listings[folder] = (now, names)
        return listed[1]


def remove_stale_temporaries(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files a killed write of ``path`` left beside it; returns them.

    Kept: those of a process still running (a write in progress) and young old-style ones.
    """
    path = Path(path)
    pattern = re.compile(re.escape(f".{path.name}.") + r"(?:(\d+)\.)?[a-z0-9_]{8}\.tmp")
    removed = []
    names = _temporaries(path.parent)
    for name in sorted(names):
        match = pattern.fullmatch(name)
        if match is None:
            continue
        candidate = path.with_name(name)
        try:
            if match[1] is not None:
                stale = not process_running(int(match[1]))
            else:
                stale = time.time() - candidate.stat().st_mtime > OLD_STYLE_AGE
            if stale:
                candidate.unlink()
                removed.append(candidate)
        except FileNotFoundError:  # renamed or removed by its writer meanwhile
            pass
        except OSError:
            continue
        with _listings_lock:
            names.discard(name)
    return removed


@contextmanager
def atomic_output(
    path: str | os.PathLike[str], mode: str = "w", **open_args: Any
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success rename it over ``path``.

    First removes what killed writes of ``path`` left (:func:`remove_stale_temporaries`).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
    )
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would create it, not mkstemp's 0600
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
