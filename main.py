"""curriculum-tool: no arguments opens the desktop app; a subcommand runs the CLI."""

import sys

from curriculum_tool.cli import main

if __name__ == "__main__":
    sys.exit(main())
