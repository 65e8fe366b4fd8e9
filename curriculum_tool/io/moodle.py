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

import hashlib
import re
from pathlib import Path

from ..domain import Competency, RowError
from ..domain.vocab import CODE_PATTERN, COMPETENCY_GROUPS
from ..errors import CurriculumError, Problem, unnamed_column
from ..store import Workspace, is_url
from .atomic import atomic_output
from .cell_escape import SafeCsvWriter, unescape_cell
from .importer import ParsedFile
from .moodle_records import Refused, read_records
from .moodle_text import SAID, full_name, html_to_text, short_name

__all__ = [
    "COLUMNS",
    "GROUP_NAMES",
    "framework_prefix",
    "html_to_text",
    "moodle_code",
    "read_moodle",
    "write_moodle",
]

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
#: Characters of a foreign framework's ID number kept in its competencies' codes.
PREFIX_LENGTH = 16
_PLAIN_FORMAT = "2"  # Moodle's FORMAT_PLAIN; 1 is HTML, 0 "Moodle auto-format", 4 Markdown


def _header_key(name: str) -> str:
    """``Shortname``, ``Short name`` and ``short-name`` all read as the same column, and
    the 2016 plugin's ``Rule type`` as ``Rule type (optional)``."""
    return re.sub(r"[\s-]+", "", name.lower().replace("(optional)", ""))


_KNOWN = {_header_key(name): name for name in COLUMNS}


def framework_prefix(framework: str | None) -> str:
    """The prefix that keeps a framework's competencies apart from others', from its ID
    number: none for a framework this tool exported (its ID numbers are dictionary codes)
    or a file without a framework row.

    >>> framework_prefix("OECD-CORE"), framework_prefix("Kompetensi ASN 2024")
    ('OECD-CORE', 'Kompetensi-ASN-2')
    >>> framework_prefix("curriculum-tool-3f2a"), framework_prefix(None)
    ('', '')
    """
    if not framework or framework == FRAMEWORK_ID or framework.startswith(FRAMEWORK_ID + "-"):
        return ""
    prefix = re.sub(r"[^A-Za-z0-9._-]+", "-", framework).strip("-._")[:PREFIX_LENGTH]
    return prefix.rstrip("-._") or "MOODLE"


def moodle_code(prefix: str, id_number: str) -> tuple[str, bool]:
    """The dictionary code of a Moodle ID number under ``prefix``, and whether it had to be
    derived: an ID number that cannot be (part of) a code gets a stable one from its
    SHA-1, so importing the same file again updates the same competency.

    >>> moodle_code("OECD", "1.1"), moodle_code("", "M.01")
    (('OECD-1.1', False), ('M.01', False))
    >>> moodle_code("OECD", "Analytical thinking")
    ('OECD-42fd34e0', True)
    """
    code = f"{prefix}-{id_number}" if prefix else id_number
    if CODE_PATTERN.match(code):
        return code, False
    digest = hashlib.sha1(id_number.encode("utf-8")).hexdigest()[:8]
    return f"{prefix or 'MOODLE'}-{digest}", True


def _delimiter(path: Path) -> str:
    """``;`` for a file a spreadsheet saved with semicolons (the header line has Moodle's
    columns between semicolons), else ``,``."""
    with open(path, encoding="utf-8-sig", errors="replace") as handle:
        first = handle.readline()
    return ";" if first.count(";") >= len(COLUMNS) - 1 > first.count(",") else ","


def _column_names(header: list[str], label: str) -> tuple[list[str], list[Problem], list[str]]:
    """Moodle's name for each column, the header's problems, and notes. Moodle writes the
    header in the exporting user's language and reads columns by position: a header of
    Moodle's column count that is not Moodle's English one is read by position too."""
    names = [_KNOWN.get(_header_key(h)) for h in header]
    # Fewer than 14 distinct names among 14 columns, one of them unknown: two or more
    # unknown (a translation), not one misspelt English column, which is reported.
    if None in names and len(header) == len(COLUMNS) and len(set(names)) < len(COLUMNS):
        return (
            list(COLUMNS),
            [],
            [
                SAID(
                    "translated_header",
                    first=header[0].strip(),
                    second=header[1].strip(),
                    count=len(COLUMNS),
                )
            ],
        )
    return [n or "" for n in names], _header_problems(header, names, label), []


def _header_problems(header: list[str], names: list[str | None], label: str) -> list[Problem]:
    problems = [
        Problem(
            label,
            1,
            h.strip() or unnamed_column(i),
            SAID("unknown_column", column=h.strip(), columns=", ".join(COLUMNS)),
        )
        for i, (h, name) in enumerate(zip(header, names), start=1)
        if name is None
    ]
    problems += [
        Problem(label, 1, name, SAID("column_twice", column=name))
        for name in COLUMNS
        if names.count(name) > 1
    ]
    problems += [
        Problem(label, 1, name, SAID("missing_column", column=name))
        for name in REQUIRED
        if name not in names
    ]
    return problems


def read_moodle(path: Path, label: str) -> list[ParsedFile]:
    """Read a Moodle framework CSV as competencies; every problem located, none fatal early."""
    parsed = ParsedFile("competencies", label, [], [], [])
    try:
        header, records = read_records(path, label, _delimiter(path))
    except Refused as refused:
        parsed.problems.append(refused.problem)
        return [parsed]
    names, header_problems, parsed.notes = _column_names(header, label)
    parsed.problems += header_problems
    if parsed.problems:
        return [parsed]
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
                    SAID("cell_count", cells=len(cells), columns=len(names)),
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
                        SAID("second_framework"),
                    )
                )
            framework = row[ID]
        elif row[ID] in rows:
            parsed.problems.append(
                Problem(
                    label,
                    number,
                    ID,
                    SAID("duplicate_id", id_number=row[ID], first=rows[row[ID]][0]),
                )
            )
        else:
            competencies.append((number, row))
            if row[ID]:
                rows[row[ID]] = number, row

    def parent_of(row: dict[str, str]) -> str:
        return "" if row[PARENT] == framework else row[PARENT]

    prefix = framework_prefix(framework)
    derived: list[str] = []

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
                SAID("parent_cycle", cycle=" → ".join(cycle)),
            )
        )

    for number, row in competencies:
        code = row[ID]
        parent = parent_of(row)
        if parent and parent not in rows:
            parsed.problems.append(
                Problem(label, number, PARENT, SAID("unknown_parent", parent=parent))
            )
        root = root_of(code) if code else None
        if root == code and code in COMPETENCY_GROUPS:
            continue  # a group row: it names the group of its subtree
        if code:
            code, made_up = moodle_code(prefix, code)
            if made_up:
                derived.append(f"'{row[ID]}' → {code}")
        name, description = full_name(row[NAME], row[DESCRIPTION])
        try:
            record = Competency.from_row(
                {
                    "code": code,
                    "name": name,
                    "group": root if root in COMPETENCY_GROUPS else DEFAULT_GROUP,
                    "description": html_to_text(description, row[FORMAT] == _PLAIN_FORMAT),
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
    if prefix:
        parsed.notes.append(SAID("qualified_codes", framework=framework, prefix=prefix))
    if derived:
        parsed.notes.append(
            SAID(
                "derived_codes",
                n=len(derived),
                examples=", ".join(derived[:5]),
                more=" …" if len(derived) > 5 else "",
            )
        )
    if not parsed.records and not parsed.problems:
        parsed.problems.append(Problem(label, 1, "-", SAID("no_competency")))
    parsed.problems.sort(
        key=lambda p: (p.row, COLUMNS.index(p.column) if p.column in COLUMNS else -1)
    )
    return [parsed]


def framework_id(identity: str, competencies: list[Competency]) -> str:
    """The exported framework's ID number: this tool's, the workspace's identity and a
    digest of the dictionary, so each workspace's each version of its dictionary is a
    framework of its own in Moodle (which refuses a second framework with an ID number it
    has), and the same dictionary always exports the same one."""
    content = "\n".join(f"{c.code}\t{c.name}\t{c.group}\t{c.description}" for c in competencies)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
    return f"{FRAMEWORK_ID}-{identity[:8]}-{digest}"


def write_moodle(workspace: Workspace, path: Path) -> int:
    """Write the competency dictionary as a Moodle framework CSV; returns the competencies
    written. Each used group becomes a top-level competency above its members. Cells a
    spreadsheet would evaluate get a leading quote (:class:`.cell_escape.SafeCsvWriter`)."""
    if path.suffix.lower() != ".csv":
        raise CurriculumError(SAID("not_csv", name=path.name))
    competencies = workspace.load("competencies")
    groups = [g for g in COMPETENCY_GROUPS if any(c.group == g for c in competencies)]
    clash = sorted({c.code for c in competencies} & set(groups))
    if clash:
        raise CurriculumError(SAID("code_is_group", code=clash[0]))
    name = "curriculum-tool" if is_url(workspace.label) else Path(workspace.label).stem
    lines = [
        {
            ID: framework_id(workspace.identity, competencies),
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
    for number, (code, title, description, parent) in enumerate(items, start=1):
        short, description_html = short_name(title, description)
        lines.append(
            {
                PARENT: parent,
                ID: code,
                NAME: short,
                FORMAT: "1",
                DESCRIPTION: description_html,
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
