"""The CLI's exit codes (§4), shared by the parser, the commands and ``main``.

0 ok, 1 a check found problems, 2 bad input or usage.
"""

from __future__ import annotations

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
