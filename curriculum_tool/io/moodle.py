"""Moodle competency frameworks (``tool_lpimportcsv`` CSV) in and out of the dictionary.

Moodle, the LMS many training agencies run, imports and exports a competency framework as
one CSV file: a framework row, then one row per competency, the tree given by ``Parent ID
number``. Reading turns such a file into the same :class:`Competency` records a
``competencies.csv`` gives, so the import gets the contract's checks and all-or-nothing
transaction; writing gives a file Moodle imports as a new framework.

Moodle has no competency group: a competency takes the group of its top-level ancestor when
that ancestor's ID number is ``teknis``, ``manajerial`` or ``sosial_kultural`` (those group
rows are not competencies themselves), else ``teknis``. Descriptions are HTML in Moodle and
plain text here; cross-references, scales and rules have no place in the dictionary and are
ignored on reading.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from ..domain import Competency, RowError
from ..domain.records import MAX_TEXT
from ..domain.vocab import COMPETENCY_GROUPS
from ..errors import CurriculumError, Problem, ValidationError
from ..store import Workspace, is_url
from .atomic import atomic_output
from .cell_escape import SafeCsvWriter, unescape_cell
from .importer import ParsedFile
from .tables import MAX_ROWS_VARIABLE, max_rows, read_csv_records

__all__ = ["COLUMNS", "GROUP_NAMES", "html_to_text", "read_moodle", "write_moodle"]

#: Moodle's 14 columns, as newer versions spell them (older ones: ``Shortname``,
#: ``Cross referenced …``, ``Id number``); read case-insensitively in any order.
COLUMNS = (
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
)
PARENT, ID, NAME, DESCRIPTION, FORMAT = COLUMNS[:5]
IS_FRAMEWORK = "Is framework"
#: The columns a file must have; Moodle's other columns are optional when reading.
REQUIRED = (PARENT, ID, NAME, DESCRIPTION, IS_FRAMEWORK)
#: Where a record's validation problem is reported, by contract column.
_COLUMN_OF = {"code": ID, "name": NAME, "group": PARENT, "description": DESCRIPTION}
GROUP_NAMES = {
    "teknis": "Kompetensi Teknis",
    "manajerial": "Kompetensi Manajerial",
    "sosial_kultural": "Kompetensi Sosial Kultural",
}
DEFAULT_GROUP = "teknis"
FRAMEWORK_ID = "curriculum-tool"
_PLAIN_FORMAT = "2"  # Moodle's FORMAT_PLAIN; 1 is HTML, 0 "Moodle auto-format", 4 Markdown
_BLOCK_TAGS = {
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "table",
}


def _header_key(name: str) -> str:
    """``Shortname``, ``Short name`` and ``short-name`` all read as the same column."""
    return re.sub(r"[\s-]+", "", name.lower())


_KNOWN = {_header_key(name): name for name in COLUMNS}


class _TextParser(HTMLParser):
    """Keeps the text; block tags (``<p>``, ``<br>``, ``<li>``…) become spaces. Moodle's
    HTML purifier has already removed scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.handle_starttag(tag, None)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(text: str, plain: bool = False) -> str:
    """Moodle's HTML as one line of plain text, cut to the dictionary's text length."""
    if not plain:
        parser = _TextParser()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


class _Refused(Exception):
    """A file that cannot be read at all: one problem, no rows."""

    def __init__(self, problem: Problem):
        self.problem = problem


def _read_records(
    path: Path, label: str
) -> tuple[list[str], list[tuple[int, list[str] | Problem]]]:
    """The header and the non-blank records with their row numbers (header = row 1); a
    record the file ends in the middle of comes as a :class:`Problem`."""
    if not path.is_file():
        raise _Refused(Problem(label, 1, "-", f"file not found: {path}"))
    limit = max_rows()
    try:
        reader = read_csv_records(path, label)
        first = next(reader, None)
        if first is None:
            raise _Refused(Problem(label, 1, "-", "the file is empty (no header row)"))
        header = first[1]
        if isinstance(header, Problem):
            raise _Refused(header)
        records: list[tuple[int, list[str] | Problem]] = []
        for number, cells in reader:
            if isinstance(cells, Problem) or any(cell.strip() for cell in cells):
                records.append((number, cells))
                if len(records) > limit:
                    raise _Refused(
                        Problem(
                            label,
                            number,
                            "-",
                            (
                                f"the file has more than {limit:,} data rows, the limit "
                                f"({MAX_ROWS_VARIABLE}); split it into smaller files"
                            ),
                        )
                    )
    except ValidationError as error:  # not UTF-8, or malformed CSV: one located problem
        raise _Refused(error.problems[0]) from None
    return header, records


def _header_problems(header: list[str], label: str) -> list[Problem]:
    names = [_KNOWN.get(_header_key(h)) for h in header]
    problems = [
        Problem(
            label,
            1,
            h.strip() or f"column {i}",
            f"unknown column '{h.strip()}'; expected Moodle's: {', '.join(COLUMNS)}",
        )
        for i, (h, name) in enumerate(zip(header, names), start=1)
        if name is None
    ]
    problems += [
        Problem(label, 1, name, f"column '{name}' appears twice")
        for name in COLUMNS
        if names.count(name) > 1
    ]
    problems += [
        Problem(label, 1, name, f"missing column '{name}'")
        for name in REQUIRED
        if name not in names
    ]
    return problems


def read_moodle(path: Path, label: str) -> list[ParsedFile]:
    """Read a Moodle framework CSV as competencies; every problem located, none fatal early."""
    parsed = ParsedFile("competencies", label, [], [], [])
    try:
        header, records = _read_records(path, label)
    except _Refused as refused:
        parsed.problems.append(refused.problem)
        return [parsed]
    parsed.problems += _header_problems(header, label)
    if parsed.problems:
        return [parsed]
    names = [_KNOWN[_header_key(h)] for h in header]
    competencies: list[tuple[int, dict[str, str]]] = []
    rows: dict[str, tuple[int, dict[str, str]]] = {}  # ID number -> its (first) row
    framework: str | None = None
    for number, cells in records:
        if isinstance(cells, Problem):
            parsed.problems.append(cells)
            continue
        if len(cells) < len(names) or any(c.strip() for c in cells[len(names) :]):
            parsed.problems.append(
                Problem(
                    label,
                    number,
                    "-",
                    f"row has {len(cells)} cells but the header has {len(names)}",
                )
            )
            continue
        row = dict.fromkeys(COLUMNS, "") | {
            n: unescape_cell(c.strip()) for n, c in zip(names, cells)
        }
        if row[IS_FRAMEWORK] == "1":
            if framework is not None:
                parsed.problems.append(
                    Problem(
                        label,
                        number,
                        IS_FRAMEWORK,
                        "a second framework row; a file holds one framework",
                    )
                )
            framework = row[ID]
        elif row[ID] in rows:
            parsed.problems.append(
                Problem(
                    label,
                    number,
                    ID,
                    f"duplicate ID number '{row[ID]}', first at row {rows[row[ID]][0]}",
                )
            )
        else:
            competencies.append((number, row))
            if row[ID]:
                rows[row[ID]] = number, row

    def parent_of(row: dict[str, str]) -> str:
        return "" if row[PARENT] == framework else row[PARENT]

    roots: dict[str, str | None] = {}  # ID number -> its root, once known

    def root_of(code: str) -> str | None:
        """The top-level ancestor's ID number; None on a missing parent or a cycle.

        Each walk stops at an ID number whose root is known and records the root of every
        ID number it passed, so a whole file costs time linear in its rows, however deep
        its tree; a set finds a cycle."""
        chain, seen = [code], {code}
        while True:
            if chain[-1] in roots:
                root = roots[chain[-1]]
                break
            parent = parent_of(rows[chain[-1]][1])
            if not parent:
                root = chain[-1]
                break
            if parent not in rows:
                root = None
                break
            if parent in seen:
                report_cycle(chain[chain.index(parent) :])
                root = None
                break
            chain.append(parent)
            seen.add(parent)
        roots.update(dict.fromkeys(chain, root))
        return root

    def report_cycle(members: list[str]) -> None:
        """Once per cycle (its members' roots are then known): on the row of its first
        member in the file, the cycle read from there."""
        first = min(range(len(members)), key=lambda i: rows[members[i]][0])
        cycle = members[first:] + members[:first] + [members[first]]
        parsed.problems.append(
            Problem(
                label,
                rows[cycle[0]][0],
                PARENT,
                f"parent cycle {' → '.join(cycle)}; remove one of these parents",
            )
        )

    for number, row in competencies:
        code = row[ID]
        parent = parent_of(row)
        if parent and parent not in rows:
            parsed.problems.append(
                Problem(
                    label, number, PARENT, f"unknown parent '{parent}'; no row has this ID number"
                )
            )
        root = root_of(code) if code else None
        if root == code and code in COMPETENCY_GROUPS:
            continue  # a group row: it names the group of its subtree
        try:
            record = Competency.from_row(
                {
                    "code": code,
                    "name": row[NAME],
                    "group": root if root in COMPETENCY_GROUPS else DEFAULT_GROUP,
                    "description": html_to_text(row[DESCRIPTION], row[FORMAT] == _PLAIN_FORMAT),
                }
            )
        except RowError as error:
            parsed.problems += [
                Problem(label, number, _COLUMN_OF[column], message)
                for column, message in error.problems
            ]
            continue
        parsed.records.append(record)
        parsed.rows.append(number)
    if not parsed.records and not parsed.problems:
        parsed.problems.append(
            Problem(
                label, 1, "-", "the file holds no competency (only a framework row, or no rows)"
            )
        )
    parsed.problems.sort(
        key=lambda p: (p.row, COLUMNS.index(p.column) if p.column in COLUMNS else -1)
    )
    return [parsed]


def write_moodle(workspace: Workspace, path: Path) -> int:
    """Write the competency dictionary as a Moodle framework CSV; returns the competencies
    written. Each used group becomes a top-level competency above its members. Cells a
    spreadsheet would evaluate get a leading quote (:class:`.cell_escape.SafeCsvWriter`)."""
    if path.suffix.lower() != ".csv":
        raise CurriculumError(f"a Moodle competency framework is a .csv file, not '{path.name}'")
    competencies = workspace.load("competencies")
    groups = [g for g in COMPETENCY_GROUPS if any(c.group == g for c in competencies)]
    clash = sorted({c.code for c in competencies} & set(groups))
    if clash:
        raise CurriculumError(
            f"competency code '{clash[0]}' is also a group's ID number in "
            "Moodle; rename the competency to export it"
        )
    name = "curriculum-tool" if is_url(workspace.label) else Path(workspace.label).stem
    lines = [
        {
            ID: FRAMEWORK_ID,
            NAME: name or FRAMEWORK_ID,
            FORMAT: "1",
            DESCRIPTION: "<p>Kamus kompetensi ASN (PermenPANRB 38/2017), diekspor dari "
            "curriculum-tool.</p>",
            "Scale values": "Belum kompeten,Kompeten",
            "Scale configuration": '[{"scaleid":"2"},{"id":2,"scaledefault":1,"proficient":1}]',
            IS_FRAMEWORK: "1",
            "Taxonomy": "competency,competency",
        }
    ]
    items = [(g, GROUP_NAMES[g], "", "") for g in groups]
    items += [(c.code, c.name, c.description, c.group) for c in competencies]
    for number, (code, short, description, parent) in enumerate(items, start=1):
        lines.append(
            {
                PARENT: parent,
                ID: code,
                NAME: short,
                FORMAT: "1",
                DESCRIPTION: f"<p>{html.escape(description)}</p>" if description else "",
                "Rule outcome (optional)": "0",
                "Rule config (optional)": "null",
                "Exported ID (optional)": str(number),
            }
        )
    with atomic_output(path, "w", newline="", encoding="utf-8") as handle:
        writer = SafeCsvWriter(handle)
        writer.writerow(COLUMNS)
        writer.writerows([line.get(column, "") for column in COLUMNS] for line in lines)
    return len(competencies)
