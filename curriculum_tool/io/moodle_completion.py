"""Moodle's course-completion report (CSV) as outcomes: who completed a course, and when.

Moodle's *Course completion* report (``report/completion``) downloads as CSV, "in
spreadsheet format (UTF-8 .csv)" or "in Excel-compatible format (.csv)", the second with a
UTF-8 byte-order mark; both read here. What this reader relies on, from Moodle's source
(Moodle 4.2 ``report/completion/index.php``; the CSV branch is the same since 2.x, only the
identity API and the byte-order mark changed):

- file name: ``completion-<shortname>`` where the course short name is lowercased and
  every character outside ``[a-z0-9-]`` becomes ``_`` (index.php:146-147), to which
  ``csv_export_writer::set_filename`` adds ``-<YYYYmmdd_HHMM>-comma_separated.csv``
  (lib/csvlib.class.php:482-488), e.g. ``completion-pb-101-20250219_0730-comma_separated.csv``;
- byte-order mark: ``new csv_export_writer('comma', '"', 'application/download', $excel)``
  (index.php:149) writes ``core_text::UTF8_BOM`` first when ``$excel``, the
  ``format=excelcsv`` download (lib/csvlib.class.php:410, 447-448);
- header (index.php:516-540): ``get_string('id', 'report_completion')`` "ID" (Moodle's own
  user number) and ``get_string('name', 'report_completion')`` "Name"
  (report/completion/lang/en/report_completion.php:30-31); then one column per identity
  field of the site's *Show user identity* (``showuseridentity``, default only email,
  admin/settings/users.php:224-226), named by ``\\core_user\\fields::get_display_name``,
  i.e. ``get_string(field)``: "ID number" for ``idnumber`` (lang/en/moodle.php:1097),
  "Email address" for ``email``; then per completion criterion one column (an activity:
  its name, then "<name> - Completion date", report_completion.php:29), and last
  ``get_string('coursecomplete', 'completion')`` "Course complete";
- rows (index.php:553-556, 620-621, 653, 697-708): the user's id, full name, identity
  values, per criterion a date (an activity: "Completed", "Not completed", … then a date),
  and last the course completion: ``userdate(timecompleted, get_string(
  'strftimedatetimeshort', 'langconfig'))`` when complete, else an empty cell. Not a
  "Completed" text: the date alone says it. English and Indonesian ``langconfig`` both
  have ``strftimedatetimeshort`` = ``%d/%m/%y, %H:%M`` (lang/en/langconfig.php:56), and
  ``userdate`` drops the day's leading zero (lib/moodlelib.php:2297, 2302): ``9/02/25, 14:30``.

A report saved again by a spreadsheet with semicolons (and four-digit years, no comma
before the time) reads too.

Indonesian Moodle (the ``id`` language pack, not in moodle/moodle: read from a copy of it)
writes "Nomor ID" for the ID number and "Kursus selesai" for Course complete; both are
read, in any case. Other languages' headers are refused with a message naming the column.

Each completed user becomes an outcome: ``learner`` = the ID number (agencies keep the NIP
there), ``module`` = ``--module`` or the workspace module whose code Moodle's rule turns
into the file name's short name, ``date`` = the day of the completion, ``completed`` = 1.
l1–l4 are not in the report: :attr:`ParsedFile.absent` names them, so a merge keeps the
stored values of an outcome it updates. A user who has not completed has no outcome yet
(the enrolment has not ended): skipped and counted in the import's notes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from pathlib import Path

from ..domain import Outcome, RowError
from ..errors import Problem, unnamed_column
from ..messages import Message
from .cell_escape import unescape_cell
from .importer import ParsedFile
from .moodle_completion_text import SAID
from .moodle_records import Refused, read_records
from .moodle_text import SAID as FILE_SAID

__all__ = [
    "COURSE_COMPLETE",
    "ID_NUMBER",
    "modules_named_by",
    "moodle_shortname",
    "read_moodle_completion",
    "shortname_of_file",
]

#: The headers of the ID number column: English (lang/en/moodle.php ``idnumber``) and
#: Indonesian (the ``id`` pack), compared in lower case.
ID_NUMBER = ("ID number", "Nomor ID")
#: The headers of the last column, ``coursecomplete`` of lang/en/completion.php and of
#: the ``id`` pack.
COURSE_COMPLETE = ("Course complete", "Kursus selesai")
#: Moodle's own user number, the first column (``id`` of report_completion).
USER_ID = "ID"
#: Outcome columns the report does not have: a merge keeps their stored values.
KEPT = frozenset({"l1", "l2", "l3", "l4"})

#: ``completion-<shortname>``, then what ``set_filename`` adds, then what a browser adds
#: to a second download of the same name (`` (1)``).
_FILE_NAME = re.compile(
    r"completion-(?P<shortname>.+?)"
    r"(?:-\d{8}_\d{4}-(?:comma|semicolon|colon|tab|cfg)_separated)?"
    r"(?:\s*\(\d+\))?\.csv",
    re.IGNORECASE,
)
#: ``%d/%m/%y, %H:%M`` as userdate writes it (day without its leading zero); a four-digit
#: year, no comma, seconds or no time at all are accepted too.
_MOODLE_DATE = re.compile(
    r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{2}|\d{4})"
    r"(?:,?\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?"
)
#: The same day as ISO 8601 (a date format a site may choose, or a spreadsheet re-save).
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[ T][\d:.]+)?")
_TWELVE_HOUR = re.compile(r"\b[AaPp]\.?[Mm]\b\.?")


def moodle_shortname(text: str) -> str:
    """``text`` as Moodle writes a course short name into the report's file name:
    lowercased, every character outside ``[a-z0-9-]`` replaced by ``_``.

    >>> moodle_shortname("PB-101"), moodle_shortname("M.01"), moodle_shortname("Latsar CPNS")
    ('pb-101', 'm_01', 'latsar_cpns')
    """
    return re.sub(r"[^a-z0-9-]", "_", text.lower())


def shortname_of_file(name: str) -> str | None:
    """The course short name in a report's file name, or None when it is not Moodle's.

    >>> shortname_of_file("completion-pb-101-20250219_0730-comma_separated.csv")
    'pb-101'
    >>> shortname_of_file("completion-m_01 (1).csv"), shortname_of_file("nilai.csv")
    ('m_01', None)
    """
    match = _FILE_NAME.fullmatch(name.strip())
    return moodle_shortname(match["shortname"]) if match else None


def modules_named_by(file_name: str, modules: Collection[str]) -> list[str]:
    """The module codes Moodle would write as the short name in ``file_name``, sorted
    (none when the name is not a report's)."""
    shortname = shortname_of_file(file_name)
    if shortname is None:
        return []
    return sorted(code for code in modules if moodle_shortname(code) == shortname)


def read_moodle_completion(
    path: Path,
    label: str,
    *,
    module: str | None = None,
    modules: Collection[str] | None = None,
    learners: Collection[str] | None = None,
) -> list[ParsedFile]:
    """Read a course-completion report as the outcomes of one module.

    ``module`` is the module's code (``--module``); without it, the module whose code
    Moodle turns into the file name's course short name, among ``modules`` (the
    workspace's codes). ``learners`` (the workspace's learner ids) lets an unknown ID
    number be reported in the report's own words; without it the import's reference check
    still refuses it. Every problem is located; any problem refuses the whole file.
    """
    parsed = ParsedFile("outcomes", label, [], [], [], absent=KEPT)
    try:
        code, module_note = _module(path.name, label, module, modules)
        header, records = read_records(path, label, _delimiter(path))
        id_column, complete_column = _columns(header, label)
    except Refused as refused:
        parsed.problems.append(refused.problem)
        return [parsed]
    id_name, complete_name = header[id_column].strip(), header[complete_column].strip()
    known = None if learners is None else set(learners)
    first_row: dict[str, int] = {}
    skipped = 0
    for number, cells in records:
        if isinstance(cells, Problem):
            parsed.problems.append(cells)
            continue
        if len(cells) < len(header) or any(c.strip() for c in cells[len(header) :]):
            shape = FILE_SAID("cell_count", cells=len(cells), columns=len(header))
            parsed.problems.append(Problem(label, number, "-", shape))
            continue
        id_number = unescape_cell(cells[id_column].strip())
        if id_number:
            if id_number in first_row:
                twice = SAID("duplicate_id_number", id_number=id_number, first=first_row[id_number])
                parsed.problems.append(Problem(label, number, id_name, twice))
                continue
            first_row[id_number] = number
        completed = cells[complete_column].strip()
        if not completed:
            skipped += 1
            continue
        problems = []
        day = _completion_day(completed)
        if isinstance(day, Message):
            problems.append(Problem(label, number, complete_name, day))
        if not id_number:
            problems.append(Problem(label, number, id_name, SAID("empty_id_number")))
        elif known is not None and id_number not in known:
            unknown = SAID("unknown_learner", id_number=id_number, table="learners.csv")
            problems.append(Problem(label, number, id_name, unknown))
        if problems or not isinstance(day, dt.date):
            parsed.problems += problems
            continue
        try:
            record = Outcome.from_row(
                {"learner": id_number, "module": code, "date": day.isoformat(), "completed": "1"}
            )
        except RowError as error:
            where = {"learner": id_name, "date": complete_name}
            parsed.problems += [
                Problem(label, number, where.get(column, column), message)
                for column, message in error.problems
            ]
            continue
        parsed.records.append(record)
        parsed.rows.append(number)
    parsed.notes.append(module_note)
    if skipped:
        parsed.notes.append(SAID("skipped", n=skipped))
    return [parsed]


def _module(
    name: str, label: str, module: str | None, modules: Collection[str] | None
) -> tuple[str, Message]:
    """The module's code and a note saying where it came from; refused when ``module``
    is not a workspace module or the file name names none, or several."""
    if module is not None:
        if modules is not None and module not in modules:
            unknown = SAID("unknown_module", module=module, table="modules.csv")
            raise Refused(Problem(label, 1, "-", unknown))
        return module, SAID("module_given", module=module)
    shortname = shortname_of_file(name)
    if shortname is None:
        raise Refused(Problem(label, 1, "-", SAID("no_shortname", name=name)))
    matches = modules_named_by(name, modules or ())
    if not matches:
        missing = SAID("no_module_for_shortname", shortname=shortname)
        raise Refused(Problem(label, 1, "-", missing))
    if len(matches) > 1:
        several = SAID("ambiguous_shortname", shortname=shortname, modules=", ".join(matches))
        raise Refused(Problem(label, 1, "-", several))
    return matches[0], SAID("module_from_name", module=matches[0], shortname=shortname)


def _delimiter(path: Path) -> str:
    """``;`` for a report a spreadsheet saved again with semicolons (as Excel does where
    the decimal sign is a comma, Indonesia among them), else Moodle's ``,``."""
    with open(path, encoding="utf-8-sig", errors="replace") as handle:
        first = handle.readline()
    return ";" if first.count(";") > first.count(",") else ","


def _columns(header: list[str], label: str) -> tuple[int, int]:
    """The positions of the ID number column and of the last, Course complete, column."""
    names = [" ".join(cell.split()).lower() for cell in header]
    last = header[-1].strip()
    if names[-1] not in {name.lower() for name in COURSE_COMPLETE}:
        not_report = SAID("not_completion_report", column=last, expected=COURSE_COMPLETE[0])
        raise Refused(Problem(label, 1, last or unnamed_column(len(header)), not_report))
    ids = [i for i, name in enumerate(names) if name in {n.lower() for n in ID_NUMBER}]
    if not ids:
        missing = SAID("no_id_number", column=ID_NUMBER[0], user_id=USER_ID)
        raise Refused(Problem(label, 1, ID_NUMBER[0], missing))
    if len(ids) > 1:
        twice = FILE_SAID("column_twice", column=header[ids[1]].strip())
        raise Refused(Problem(label, 1, header[ids[1]].strip(), twice))
    return ids[0], len(header) - 1


def _completion_day(text: str) -> dt.date | Message:
    """The day of a Course complete cell, or why it is not one."""
    if _TWELVE_HOUR.search(text):
        return SAID("twelve_hour", value=text)
    moodle, iso = _MOODLE_DATE.fullmatch(text), _ISO_DATE.fullmatch(text)
    match = moodle or iso
    if match is None:
        return SAID("bad_date", value=text)
    year = int(match["year"])
    if moodle is not None and len(match["year"]) == 2:
        year += 2000  # %y: Moodle has no completion before 2000
    try:
        return dt.date(year, int(match["month"]), int(match["day"]))
    except ValueError:
        return SAID("bad_date", value=text)
