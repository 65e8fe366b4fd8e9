#!/usr/bin/env bash
# mypy over the GUI, which the core's run (`mypy`, config in pyproject.toml) leaves out.
# Counts the findings in curriculum_tool/gui and compares them with the number recorded in
# tools/mypy_gui_count.txt, which is brought down to zero as they are fixed: lower it when
# this says the GUI has fewer. Exits 1 when it has more.
#
#   bash tools/mypy_gui.sh          # the count against the record
#   bash tools/mypy_gui.sh --list   # and every finding
#
# Uses .venv/bin/mypy, else the mypy on PATH; MYPY=/path/to/mypy picks another.
set -euo pipefail
cd "$(dirname "$0")/.."
mypy=${MYPY:-$([ -x .venv/bin/mypy ] && echo .venv/bin/mypy || echo mypy)}
recorded=$(grep -v '^#' tools/mypy_gui_count.txt | tr -d '[:space:]')

# Files named on the command line are checked despite the config's exclude. Findings in
# the core modules they import belong to the core's run and are not counted here.
mapfile -t files < <(find curriculum_tool/gui -name '*.py' | sort)
set +e
output=$("$mypy" "${files[@]}" 2>&1)
status=$?
set -e
if [ "$status" -gt 1 ]; then
  echo "$output" >&2
  echo "mypy-gui: mypy failed to run (exit $status)" >&2
  exit 2
fi
findings=$(grep -E '^curriculum_tool/gui/[^:]+:[0-9]+: error:' <<<"$output" || true)
count=$(grep -c . <<<"$findings" || true)
if [ "${1:-}" = "--list" ] && [ -n "$findings" ]; then
  echo "$findings"
fi
echo "mypy-gui: $count findings in curriculum_tool/gui (recorded: $recorded)"
if [ "$count" -gt "$recorded" ]; then
  echo "mypy-gui: more than recorded: fix the new ones (bash tools/mypy_gui.sh --list)" >&2
  exit 1
fi
if [ "$count" -lt "$recorded" ]; then
  echo "mypy-gui: fewer than recorded: write $count in tools/mypy_gui_count.txt"
fi
