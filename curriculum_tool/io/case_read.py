"""Reading a 1EdTech CASE 1.0 CFPackage into the records contract files give (the mapping
is described in :mod:`curriculum_tool.io.case`).

One :class:`_Reader` pass over a package gives both the :class:`ParsedFile` list the importer
takes and the counts :func:`case_summary` shows; problems are located by JSON path. Every
problem and note is a :class:`~curriculum_tool.messages.Message` of :mod:`.case_read_text`.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

from ..domain import RECORD_TYPES, Competency, Prerequisite, Record, RowError
from ..domain.cells import check_code, check_text
from ..domain.records import MAX_TEXT
from ..domain.vocab import COMPETENCY_GROUPS
from ..errors import Problem
from ..messages import Message
from .case_format import EXTENSION, GROUP_TYPE, NAMESPACE, RECORD_ITEMS
from .case_json import MAX_DEPTH, JsonRefused, read_limited_json
from .case_read_text import SAID, identifier_refusal
from .importer import ParsedFile
from .tables import cell_text

__all__ = ["case_summary", "read_case"]

_UUID_HEX = re.compile(r"[0-9a-f]{32}")


def read_case(path: Path, label: str) -> list[ParsedFile]:
    """The package's competencies, then modules and prerequisites when it has any."""
    return _Reader(Path(path), label).parsed


def case_summary(path: Path) -> dict[str, int]:
    """What an import of ``path`` would take and leave out: counts of items by use,
    ``skipped_precedes`` (not between two modules), ``outside_associations`` and
    ``problems``."""
    return _Reader(Path(path), Path(path).name).summary


def _cut(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _plain(value: Any) -> str:
    """A JSON scalar as a contract cell (``12`` → ``"12"``); objects and lists as empty."""
    return "" if isinstance(value, (dict, list)) else cell_text(value)


def _derived_code(identifier: str) -> str:
    digits = identifier.replace("-", "").lower()
    if not _UUID_HEX.fullmatch(digits):
        digits = uuid.uuid5(NAMESPACE, identifier).hex
    return "CASE-" + digits.upper()


class _Reader:
    """One pass over a package: ``parsed`` for the importer, ``summary`` for people."""

    def __init__(self, path: Path, label: str):
        self.label = label
        self.problems: dict[str, list[Problem]] = {
            "regions": [],
            "competencies": [],
            "modules": [],
            "prerequisites": [],
        }
        self.summary = dict.fromkeys(
            (
                "groups",
                "regions",
                "competencies",
                "modules",
                "prerequisites",
                "skipped_precedes",
                "outside_associations",
                "bare_items",
            ),
            0,
        )
        self.parsed = self._read(path)
        self.summary["problems"] = sum(len(p.problems) for p in self.parsed)

    def problem(self, json_path: str, message: Message, kind: str = "competencies") -> None:
        self.problems[kind].append(Problem(self.label, 0, json_path, message))

    def text(self, value: Any, json_path: str, kind: str = "competencies") -> str:
        if isinstance(value, (dict, list)):
            self.problem(json_path, SAID("not_text"), kind)
        return _plain(value)

    def extension(self, node: dict, json_path: str, kind: str) -> dict | None:
        value = node.get("extensions") or {}
        value = value.get(EXTENSION) if isinstance(value, dict) else value
        if value is not None and not isinstance(value, dict):
            self.problem(f"{json_path}.extensions.{EXTENSION}", SAID("not_an_object"), kind)
            return None
        return value

    def _read(self, path: Path) -> list[ParsedFile]:
        package = self._load(path)
        if package is None:
            return [ParsedFile("competencies", self.label, [], [], self.problems["competencies"])]
        items, by_id = self._items(package["CFItems"])
        edges = self._associations(package.get("CFAssociations", []))
        kinds = {
            i: {GROUP_TYPE: "groups"}.get(
                _plain(item.get("CFItemType")),
                RECORD_ITEMS.get(_plain(item.get("CFItemType")), ("competencies",))[0],
            )
            for i, item in items.items()
        }
        self.summary["groups"] = sum(1 for kind in kinds.values() if kind == "groups")
        group_of: dict[str, str] = {}
        for _, kind, origin, destination, _ in edges:
            parent = by_id.get(destination)
            if kind == "isChildOf" and parent is not None and kinds[parent] == "groups":
                group = items[parent].get("humanCodingScheme")
                if group in COMPETENCY_GROUPS:
                    group_of.setdefault(origin, group)
        # Our extension of each region and module item, read once; without it (a strict
        # package) the item is left out.
        extensions = {
            i: self.extension(item, f"$.CFItems[{i}]", kinds[i])
            for i, item in items.items()
            if kinds[i] in ("regions", "modules")
        }
        record_items = {
            kind: {
                identifier: i
                for identifier, i in by_id.items()
                if kinds[i] == kind and extensions[i]
            }
            for kind in ("regions", "modules")
        }
        self.summary["bare_items"] = sum(kind in record_items for kind in kinds.values()) - sum(
            len(found) for found in record_items.values()
        )
        result = []
        if record_items["regions"]:
            result.append(self._item_records("regions", items, extensions, record_items["regions"]))
        result.append(self._competencies(items, kinds, group_of))
        modules = record_items["modules"]
        if modules:
            result.append(self._item_records("modules", items, extensions, modules))
        inside = set(by_id) | {_plain(package["CFDocument"].get("identifier"))}
        module_codes = {
            identifier: _plain(items[i].get("humanCodingScheme"))
            for identifier, i in modules.items()
        }
        rows = self._prerequisite_rows(edges, inside, module_codes)
        if rows or self.problems["prerequisites"]:
            result.append(self._records(Prerequisite, rows))
        result[0].notes.extend(self._notes())
        return result

    def _notes(self) -> list[Message]:
        """What the package holds that the import leaves out, by kind."""
        notes = [
            SAID(key, n=self.summary[key])
            for key in ("skipped_precedes", "outside_associations", "bare_items")
            if self.summary[key]
        ]
        if self.summary["groups"]:
            notes.append(SAID("group_items", n=self.summary["groups"]))
        return notes

    def _items(self, items: list) -> tuple[dict[int, dict], dict[str, int]]:
        """Items by index, and the index of each identifier (the first when repeated)."""
        valid: dict[int, dict] = {}
        by_id: dict[str, int] = {}
        for i, item in enumerate(items):
            where = f"$.CFItems[{i}]"
            identifier = item.get("identifier") if isinstance(item, dict) else None
            if not isinstance(item, dict):
                self.problem(where, SAID("item_not_an_object"))
            elif not isinstance(identifier, str) or not identifier.strip():
                self.problem(f"{where}.identifier", SAID("item_without_identifier"))
            elif reason := check_text(identifier, "the identifier"):
                self.problem(f"{where}.identifier", identifier_refusal(reason))
            elif identifier in by_id:
                self.problem(
                    f"{where}.identifier",
                    SAID("duplicate_identifier", identifier=identifier, first=by_id[identifier]),
                )
            else:
                valid[i], by_id[identifier] = item, i
        return valid, by_id

    def _load(self, path: Path) -> dict | None:
        """The package when its top level is sound, else None with the problems noted."""
        try:
            package = read_limited_json(path)
            message = None if isinstance(package, dict) else SAID("package_not_an_object")
        except json.JSONDecodeError as error:
            message = SAID("invalid_json", reason=error.msg, line=error.lineno, column=error.colno)
        except JsonRefused as refused:
            message = refused.message
        except RecursionError:  # not expected past the depth check; never a traceback
            message = SAID("too_deep", limit=MAX_DEPTH)
        except UnicodeDecodeError:
            message = SAID("not_utf8")
        except OSError as error:
            message = SAID("unreadable", reason=str(error.strerror or error))
        if message:
            self.problem("$", message)
            return None
        for key, kind, needed in (
            ("CFDocument", dict, True),
            ("CFItems", list, True),
            ("CFAssociations", list, False),
        ):
            if key not in package and needed:
                self.problem(f"$.{key}", SAID("missing_key", key=key))
            elif key in package and not isinstance(package[key], kind):
                wrong = "key_not_an_object" if kind is dict else "key_not_a_list"
                self.problem(f"$.{key}", SAID(wrong, key=key))
        return None if self.problems["competencies"] else package

    def _associations(self, associations: list) -> list[tuple[int, str, str, str, dict | None]]:
        edges = []
        for j, association in enumerate(associations):
            where = f"$.CFAssociations[{j}]"
            if not isinstance(association, dict):
                self.problem(where, SAID("association_not_an_object"))
                continue
            ends: list[Any] = []  # the identifiers as given; a bad one is also reported
            for end, name in (("originNodeURI", "origin"), ("destinationNodeURI", "destination")):
                node = association.get(end)
                identifier = node.get("identifier") if isinstance(node, dict) else None
                if not isinstance(identifier, str) or not identifier.strip():
                    self.problem(f"{where}.{end}.identifier", SAID(f"{name}_without_identifier"))
                ends.append(identifier)
            if None not in ends:
                origin, destination = ends
                edges.append(
                    (
                        j,
                        str(association.get("associationType")),
                        origin,
                        destination,
                        self.extension(association, where, "prerequisites"),
                    )
                )
        return edges

    def _competencies(self, items: dict, kinds: dict, group_of: dict) -> ParsedFile:
        rows = []
        for i, item in items.items():
            if kinds[i] != "competencies":
                continue
            where = f"$.CFItems[{i}]"
            code = self.text(item.get("humanCodingScheme"), f"{where}.humanCodingScheme")
            full = _cut(self.text(item.get("fullStatement"), f"{where}.fullStatement"))
            name = (
                _cut(self.text(item.get("abbreviatedStatement"), f"{where}.abbreviatedStatement"))
                or full
            )
            notes = _cut(self.text(item.get("notes"), f"{where}.notes"))
            rows.append(
                (
                    i,
                    {
                        "code": code
                        if check_code(code) is None
                        else _derived_code(item["identifier"]),
                        "name": name,
                        "description": full if full not in ("", name) else notes,
                        "group": group_of.get(item["identifier"], "teknis"),
                    },
                )
            )
        return self._records(Competency, rows)

    def _item_records(
        self, kind: str, items: dict, extensions: dict, found: dict[str, int]
    ) -> ParsedFile:
        """The records of ``kind`` (regions or modules) from their items and extensions."""
        rows = [
            (i, self._item_row(kind, i, items[i], extensions[i])) for i in sorted(found.values())
        ]
        return self._records(RECORD_TYPES[kind], rows)

    def _item_row(self, kind: str, i: int, item: dict, extension: dict) -> dict[str, str]:
        where = f"$.CFItems[{i}]"
        statement, fields = next((s, f) for k, s, f in RECORD_ITEMS.values() if k == kind)
        row = {
            "code": self.text(item.get("humanCodingScheme"), f"{where}.humanCodingScheme", kind),
            statement: self.text(item.get("fullStatement"), f"{where}.fullStatement", kind),
        }
        for key, value in extension.items():
            if key in fields:
                row[key] = self.text(value, f"{where}.extensions.{EXTENSION}.{key}", kind)
            else:
                self.problem(
                    f"{where}.extensions.{EXTENSION}.{key}",
                    SAID("unknown_field", key=key, fields=", ".join(fields)),
                    kind,
                )
        return row

    def _prerequisite_rows(
        self, edges: list, inside: set, module_codes: dict[str, str]
    ) -> list[tuple[int, dict]]:
        """Rows of ``precedes`` between two modules; count what is left out."""
        rows = []
        for j, kind, origin, destination, extension in edges:
            where = f"$.CFAssociations[{j}]"
            if origin not in inside or destination not in inside:
                self.summary["outside_associations"] += 1
            if kind != "precedes":
                continue
            if origin not in module_codes or destination not in module_codes:
                if extension is None:
                    self.summary["skipped_precedes"] += 1
                else:  # written as a prerequisite, so a dangling one
                    self.problem(
                        where,
                        SAID("dangling_prerequisite"),
                        "prerequisites",
                    )
                continue
            kind_text = self.text(
                (extension or {}).get("kind", "soft"),
                f"{where}.extensions.{EXTENSION}.kind",
                "prerequisites",
            )
            rows.append(
                (
                    j,
                    {
                        "module": module_codes[destination],
                        "requires": module_codes[origin],
                        "kind": kind_text,
                    },
                )
            )
        return rows

    def _records(self, record_type: type[Record], rows: list[tuple[int, dict]]) -> ParsedFile:
        """Validate rows (item or association index, cells) as a contract file's rows."""
        kind, records, numbers = record_type.KIND, [], []
        first: dict[tuple, int] = {}
        problems = self.problems[kind]
        for index, row in rows:
            try:
                record = record_type.from_row(row)
            except RowError as error:
                problems.extend(
                    Problem(self.label, 0, _json_path(kind, index, column), message)
                    for column, message in error.problems
                )
                continue
            if record.key() in first:
                column = _json_path(kind, index, record_type.KEY[0])
                problems.append(
                    Problem(
                        self.label,
                        0,
                        column,
                        SAID(
                            "duplicate_key",
                            key="/".join(record_type.KEY),
                            values=", ".join(record.key()),
                            first=_json_path(kind, first[record.key()]),
                        ),
                    )
                )
                continue
            first[record.key()] = index
            records.append(record)
            numbers.append(index + 1)
        self.summary[kind] = len(records)
        # An optional column no item gives (a package written before it existed) is left
        # out, as from a contract file: a merge keeps its stored values.
        given = set().union(*(row.keys() for _, row in rows))
        return ParsedFile(
            kind, self.label, records, numbers, problems, frozenset(record_type.OPTIONAL - given)
        )


#: Where a contract column lives in a CASE item or association (default: our extension).
_FIELDS = {
    "competencies": {
        "code": ".humanCodingScheme",
        "name": ".fullStatement",
        "description": ".fullStatement",
        "group": "",
    },
    "modules": {"code": ".humanCodingScheme", "title": ".fullStatement"},
    "regions": {"code": ".humanCodingScheme", "name": ".fullStatement"},
    "prerequisites": {"module": ".destinationNodeURI", "requires": ".originNodeURI"},
}


def _json_path(kind: str, index: int, column: str | None = None) -> str:
    """``$.CFItems[3].humanCodingScheme``: where ``column`` of a record came from."""
    where = f"$.CFAssociations[{index}]" if kind == "prerequisites" else f"$.CFItems[{index}]"
    if column is None:
        return where
    return where + _FIELDS[kind].get(column, f".extensions.{EXTENSION}.{column}")
