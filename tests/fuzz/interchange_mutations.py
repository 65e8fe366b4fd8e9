"""Mutations of the interchange formats: Moodle competency-framework CSV and CASE JSON.

Both start from what the tool itself exports from the prepared workspace (so the valid
file imports cleanly). Moodle cases change the framework's tree (a 5,000-deep chain, a
parent cycle) and its CSV; CASE cases change the JSON at every level (nesting, huge
numbers, wrong types, surrogates) and its bytes.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from curriculum_tool.domain.vocab import COMPETENCY_GROUPS

from .base import (
    BAD,
    EITHER,
    ESCAPE_SURROGATES,
    GOOD,
    Case,
    Table,
    base_data,
    csv_bytes,
    mutation,
    text_expect,
)
from .csv_mutations import csv_cut, flip_bits
from .table_mutations import as_read, random_text

__all__ = [
    "WRONG_TYPES",
    "big_int_case",
    "case_bytes",
    "case_package",
    "deep_json_case",
    "moodle_chain_case",
    "moodle_table",
]

MOODLE, CASE = ["moodle"], ["case"]
PARENT, ID, NAME, DESCRIPTION = 0, 1, 2, 3
IS_FRAMEWORK = 12


# -- Moodle ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _moodle_seed() -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(base_data().moodle.decode("utf-8"))))
    return rows[0], rows[1:]


def moodle_table(rnd: random.Random | None = None, low: int = 1) -> tuple[Table, int]:
    """The exported framework (framework row, group rows, competencies), with a random
    subset of the competencies when ``rnd`` is given; and how many competencies it has."""
    header, rows = _moodle_seed()
    framework = [r for r in rows if r[IS_FRAMEWORK] == "1"]
    groups = [r for r in rows if r[IS_FRAMEWORK] != "1" and r[ID] in COMPETENCY_GROUPS]
    competencies = [r for r in rows if r not in framework and r not in groups]
    if rnd is not None:
        competencies = rnd.sample(competencies, rnd.randint(low, len(competencies)))
    table = Table(list(header), [list(r) for r in framework + groups + competencies])
    return table, len(competencies)


def _competency_row(header: list[str], parent: str, code: str, name: str) -> list[str]:
    row = [""] * len(header)
    row[PARENT], row[ID], row[NAME] = parent, code, name
    return row


def moodle_chain_case(depth: int) -> Case:
    """A ``depth``-deep chain under the group ``manajerial``: every competency in it takes
    that group (its top-level ancestor), the deepest one too."""
    table, _ = moodle_table()
    table.rows = [r for r in table.rows if r[IS_FRAMEWORK] == "1" or r[ID] in COMPETENCY_GROUPS]
    parent = "manajerial"
    for i in range(depth):
        code = f"FZ-CH{i:05d}"
        table.rows.append(_competency_row(table.header, parent, code, f"Rantai {i}"))
        parent = code
    return Case(
        "moodle",
        "moodle_chain",
        GOOD,
        ".csv",
        csv_bytes(table),
        depth,
        (("competencies", (parent,), "group", "manajerial"),),
    )


@mutation(["csv"], kinds=MOODLE, weight=3)
def moodle_valid(rnd: random.Random, kind: str, fmt: str) -> Case:
    table, count = moodle_table(rnd)
    options = {
        "bom": rnd.random() < 0.3,
        "crlf": rnd.random() < 0.3,
        "quote_all": rnd.random() < 0.2,
    }
    return Case(kind, "moodle_valid", GOOD, ".csv", csv_bytes(table, **options), count)


@mutation(["csv"], kinds=MOODLE)
def moodle_chain(rnd: random.Random, kind: str, fmt: str) -> Case:
    return moodle_chain_case(rnd.choice([2, 10, 100, 1000, 5000]))


@mutation(["csv"], kinds=MOODLE, weight=2)
def moodle_tree_broken(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A parent cycle, an unknown parent, an ID number twice, a second framework row, or
    only the framework row."""
    table, _ = moodle_table(rnd)
    how = rnd.choice(
        ["cycle", "unknown_parent", "duplicate_id", "second_framework", "no_competency"]
    )
    if how == "cycle":
        length = rnd.randint(1, 6)
        codes = [f"FZ-CY{i}" for i in range(length)]
        for i, code in enumerate(codes):
            table.rows.append(_competency_row(table.header, codes[i - 1], code, f"Siklus {i}"))
        if rnd.random() < 0.5:  # a chain hanging below the cycle
            table.rows.append(_competency_row(table.header, codes[0], "FZ-BELOW", "Di bawah"))
    elif how == "unknown_parent":
        table.rows.append(_competency_row(table.header, "ZZ-NONE", "FZ-ORPHAN", "Yatim"))
    elif how == "duplicate_id":
        table.rows.append(list(rnd.choice(table.rows[4:])))
    elif how == "second_framework":
        table.rows.append(list(table.rows[0]))
    else:
        table.rows = table.rows[:1]
    return Case(kind, f"moodle_{how}", BAD, ".csv", csv_bytes(table))


@mutation(["csv"], kinds=MOODLE, weight=2)
def moodle_row_shape(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A row with fewer cells than the header (refused, never padded), or with a
    non-empty cell past it."""
    table, _ = moodle_table(rnd)
    r = rnd.randrange(len(table.rows))
    if rnd.random() < 0.6:
        table.rows[r] = table.rows[r][: rnd.randint(2, len(table.header) - 1)]
        return Case(kind, "moodle_short_row", BAD, ".csv", csv_bytes(table))
    table.rows[r] = table.rows[r] + ["", "extra"][rnd.randint(0, 1) :] + ["extra"]
    return Case(kind, "moodle_extra_cells", BAD, ".csv", csv_bytes(table))


@mutation(["csv"], kinds=MOODLE)
def moodle_header(rnd: random.Random, kind: str, fmt: str) -> Case:
    table, _ = moodle_table(rnd)
    how = rnd.choice(["unknown", "missing", "repeated"])
    if how == "unknown":
        table.header.append(rnd.choice(["Bogus", "Kode", "Nama\x1b[31m"]))
    elif how == "missing":
        col = rnd.choice([PARENT, ID, NAME, DESCRIPTION, IS_FRAMEWORK])
        del table.header[col]
        for row in table.rows:
            del row[col]
    else:
        table.header.append(table.header[ID])
        for row in table.rows:
            row.append(row[ID])
    return Case(kind, f"moodle_header_{how}", BAD, ".csv", csv_bytes(table))


@mutation(["csv"], kinds=MOODLE, weight=3)
def moodle_text(rnd: random.Random, kind: str, fmt: str) -> Case:
    """Random text in a short name (the competency's name: judged as free text) or a
    description (HTML made one line and cut to length: only NUL, surrogates and bytes
    that are not UTF-8 must be refused)."""
    table, _ = moodle_table(rnd)
    r = rnd.randrange(4, len(table.rows)) if len(table.rows) > 4 else len(table.rows) - 1
    column = rnd.choice([NAME, DESCRIPTION])
    text = random_text(rnd, 1, 30)
    errors = rnd.choice(["surrogatepass", ESCAPE_SURROGATES])
    table.rows[r][column] += text
    read = as_read(table.rows[r][column], errors)
    if read is None or "\x00" in read or any(0xD800 <= ord(c) <= 0xDFFF for c in read):
        expect = BAD
    elif column == NAME:
        expect = text_expect(read)
    else:
        expect = EITHER
    return Case(kind, "moodle_text", expect, ".csv", csv_bytes(table, errors=errors))


@mutation(["csv"], kinds=MOODLE)
def moodle_description_forms(rnd: random.Random, kind: str, fmt: str) -> Case:
    """HTML, entities and a description far over the text limit: read as one line of
    plain text, cut to length."""
    table, count = moodle_table(rnd)
    r = len(table.rows) - 1
    table.rows[r][DESCRIPTION] = rnd.choice(
        [
            "<p>Satu <b>dua</b><br/>tiga &amp; empat &lt;lima&gt;</p>",
            "<ul><li>a</li><li>b</li></ul>" * 500,
            "kata " * 2000,
            "<p>&#x1F600; &nbsp; &unknown; &#0;</p>",
        ]
    )
    expect = EITHER if "&#0;" in table.rows[r][DESCRIPTION] else GOOD
    return Case(
        kind,
        "moodle_description_forms",
        expect,
        ".csv",
        csv_bytes(table),
        count if expect == GOOD else None,
    )


@mutation(["csv"], kinds=MOODLE, weight=3)
def moodle_bytes(rnd: random.Random, kind: str, fmt: str) -> Case:
    """The CSV cut off, bit-flipped, without its last line break, with a NUL, or in
    Latin-1."""
    table, _ = moodle_table(rnd, low=2)
    data = csv_bytes(table, crlf=rnd.random() < 0.3)
    how = rnd.choice(["truncated", "bit_flip", "no_final_newline", "nul", "latin1"])
    if how == "truncated":
        at = rnd.randrange(len(data))
        return Case(kind, "moodle_truncated", csv_cut(data, at), ".csv", data[:at])
    if how == "bit_flip":
        return Case(kind, "moodle_bit_flip", EITHER, ".csv", flip_bits(rnd, data))
    if how == "no_final_newline":
        return Case(kind, "moodle_no_final_newline", BAD, ".csv", data.rstrip(b"\r\n"))
    if how == "nul":  # in a competency's row (a group row's name is never stored)
        row = table.rows[rnd.randrange(4, len(table.rows))]
        col = rnd.choice([ID, NAME, PARENT])
        row[col] = row[col][:1] + "\x00" + row[col][1:]
        return Case(kind, "moodle_nul", BAD, ".csv", csv_bytes(table))
    table.rows[-1][NAME] += "\u00e9"
    return Case(
        kind, "moodle_latin1", BAD, ".csv", csv_bytes(table, encoding="latin-1", errors="replace")
    )


# -- CASE -----------------------------------------------------------------------------------


def case_package() -> dict[str, Any]:
    """A fresh copy of the exported CFPackage."""
    return json.loads(base_data().case)


def case_bytes(
    package: Any, rnd: random.Random | None = None, errors: str = "strict", **dump_options: Any
) -> bytes:
    if rnd is not None:
        dump_options.setdefault("indent", rnd.choice([None, 0, 2]))
        dump_options.setdefault("ensure_ascii", rnd.random() < 0.5)
    return json.dumps(package, **dump_options).encode("utf-8", errors)


def _items(package: dict, *types: str) -> list[int]:
    return [i for i, item in enumerate(package["CFItems"]) if item.get("CFItemType") in types]


def _expected_rows(package: dict) -> int:
    """Regions + competencies + modules + prerequisites (precedes between two modules) it
    holds."""
    items = package["CFItems"]
    modules = {items[i]["identifier"] for i in _items(package, "Modul")}
    precedes = sum(
        1
        for a in package["CFAssociations"]
        if a["associationType"] == "precedes"
        and a["originNodeURI"]["identifier"] in modules
        and a["destinationNodeURI"]["identifier"] in modules
    )
    regions = len(_items(package, "Wilayah"))
    return regions + len(_items(package, "Kompetensi")) + len(modules) + precedes


@mutation(["json"], kinds=CASE, weight=2)
def case_valid(rnd: random.Random, kind: str, fmt: str) -> Case:
    package = case_package()
    data = case_bytes(package, rnd)
    if rnd.random() < 0.3:
        data = "\ufeff".encode() + data
    return Case(kind, "case_valid", GOOD, ".json", data, _expected_rows(package))


@mutation(["json"], kinds=CASE, weight=2)
def case_subset(rnd: random.Random, kind: str, fmt: str) -> Case:
    """Some competencies and modules, with only the associations between what is kept."""
    package = case_package()
    items = package["CFItems"]
    droppable = _items(package, "Kompetensi", "Modul")
    dropped = set(rnd.sample(droppable, rnd.randint(0, len(droppable) - 1)))
    gone = {items[i]["identifier"] for i in dropped}
    package["CFItems"] = [item for i, item in enumerate(items) if i not in dropped]
    package["CFAssociations"] = [
        a
        for a in package["CFAssociations"]
        if a["originNodeURI"]["identifier"] not in gone
        and a["destinationNodeURI"]["identifier"] not in gone
    ]
    return Case(
        kind, "case_subset", GOOD, ".json", case_bytes(package, rnd), _expected_rows(package)
    )


def _with_placeholder(package: dict, rnd: random.Random, value_text: str) -> bytes:
    """The package with ``value_text`` (raw JSON) at a random place: a competency's notes,
    a module's ``jp``, a new top-level key or a new key in an association."""
    marker = "JSON-PLACEHOLDER-7f3a"
    where = rnd.choice(["notes", "jp", "top", "association"])
    if where == "notes":
        package["CFItems"][rnd.choice(_items(package, "Kompetensi"))]["notes"] = marker
    elif where == "jp":
        item = package["CFItems"][rnd.choice(_items(package, "Modul"))]
        item["extensions"]["curriculum_tool"]["jp"] = marker
    elif where == "top":
        package["x-extra"] = marker
    else:
        rnd.choice(package["CFAssociations"])["x-extra"] = marker
    return case_bytes(package, rnd).replace(f'"{marker}"'.encode(), value_text.encode(), 1)


def deep_json_case(depth: int, rnd: random.Random | None = None) -> Case:
    """Lists nested ``depth`` deep: beyond the nesting limit, refused."""
    rnd = rnd or random.Random(depth)
    if rnd.random() < 0.7:
        nested = "[" * depth + "]" * depth
    else:
        nested = '{"a":' * depth + "1" + "}" * depth
    expect = BAD if depth >= 1000 else EITHER
    return Case(
        "case",
        f"case_nesting_{depth}",
        expect,
        ".json",
        _with_placeholder(case_package(), rnd, nested),
    )


def big_int_case(digits: int, rnd: random.Random | None = None) -> Case:
    """An integer of ``digits`` digits: past Python's own 4,300-digit conversion limit it
    must be refused (located), not crash; a shorter one may be refused by a limit."""
    rnd = rnd or random.Random(digits)
    number = "9" + "".join(rnd.choice("0123456789") for _ in range(digits - 1))
    expect = BAD if digits > 4300 else EITHER
    return Case(
        "case",
        f"case_big_int_{digits}",
        expect,
        ".json",
        _with_placeholder(case_package(), rnd, number),
    )


@mutation(["json"], kinds=CASE, weight=2)
def case_nesting(rnd: random.Random, kind: str, fmt: str) -> Case:
    return deep_json_case(rnd.choice([70, 500, 1_000, 10_000, 50_000]), rnd)


@mutation(["json"], kinds=CASE, weight=2)
def case_big_int(rnd: random.Random, kind: str, fmt: str) -> Case:
    return big_int_case(rnd.choice([101, 1_000, 4_301, 5_000, 100_000]), rnd)


def _set(path: list, value: Any) -> Callable[[dict], Any]:
    """A change that puts ``value`` at ``path`` (keys and indexes; a callable index picks
    an item of a type) or, with the sentinel ``DELETE``, removes it."""

    def apply(package: dict) -> Any:
        if not path:
            return value
        node = package
        for step in path[:-1]:
            node = node[step(package) if callable(step) else step]
        last = path[-1]
        last = last(package) if callable(last) else last
        if value is DELETE:
            del node[last]
        else:
            node[last] = value
        return package

    return apply


DELETE = object()


def _first(*types: str) -> Callable[[dict], int]:
    return lambda package: _items(package, *types)[0]


def _first_precedes(package: dict) -> int:
    return next(
        j for j, a in enumerate(package["CFAssociations"]) if a["associationType"] == "precedes"
    )


_EXT = ["CFItems", _first("Modul"), "extensions", "curriculum_tool"]
#: Changes that put a wrong type (or nothing) where the reader needs something: each is
#: refused, with the JSON path of the problem.
WRONG_TYPES: list[tuple[str, Callable[[dict], Any]]] = [
    *[
        (f"root_{name}", _set([], value))
        for name, value in [("list", []), ("string", "text"), ("number", 42), ("null", None)]
    ],
    *[
        (f"document_{name}", _set(["CFDocument"], value))
        for name, value in [("list", []), ("string", "x"), ("null", None), ("deleted", DELETE)]
    ],
    *[
        (f"items_{name}", _set(["CFItems"], value))
        for name, value in [("object", {}), ("string", "x"), ("null", None), ("deleted", DELETE)]
    ],
    *[
        (f"item_{name}", _set(["CFItems", _first("Kompetensi", "Modul")], value))
        for name, value in [("string", "x"), ("number", 42), ("list", []), ("null", None)]
    ],
    *[
        (f"identifier_{name}", _set(["CFItems", _first("Kompetensi"), "identifier"], value))
        for name, value in [
            ("number", 42),
            ("list", []),
            ("empty", ""),
            ("null", None),
            ("deleted", DELETE),
        ]
    ],
    *[
        (f"{field}_{name}", _set(["CFItems", _first("Kompetensi"), field], value))
        for field in ("fullStatement", "humanCodingScheme", "notes")
        for name, value in [("object", {}), ("list", [1])]
    ],
    *[
        (f"module_title_{name}", _set(["CFItems", _first("Modul"), "fullStatement"], value))
        for name, value in [("object", {"a": 1}), ("list", [])]
    ],
    *[
        (f"extension_{name}", _set(_EXT, value))
        for name, value in [("string", "x"), ("number", 42), ("list", [])]
    ],
    *[
        (f"jp_{name}", _set([*_EXT, "jp"], value))
        for name, value in [
            ("list", []),
            ("object", {}),
            ("word", "abc"),
            ("negative", -1),
            ("too_big", 1000),
            ("float", 1.5),
        ]
    ],
    ("extension_unknown_field", _set([*_EXT, "bogus"], "x")),
    *[
        (f"associations_{name}", _set(["CFAssociations"], value))
        for name, value in [("object", {}), ("string", "x"), ("null", None)]
    ],
    *[
        (f"association_{name}", _set(["CFAssociations", 0], value))
        for name, value in [("string", "x"), ("number", 42), ("list", [])]
    ],
    *[
        (f"{end}_{name}", _set(["CFAssociations", 0, end], value))
        for end in ("originNodeURI", "destinationNodeURI")
        for name, value in [
            ("string", "x"),
            ("list", []),
            ("empty", {}),
            ("number_id", {"identifier": 42}),
        ]
    ],
    *[
        (
            f"prerequisite_kind_{name}",
            _set(
                ["CFAssociations", _first_precedes, "extensions", "curriculum_tool", "kind"], value
            ),
        )
        for name, value in [("word", "maybe"), ("list", []), ("number", 1)]
    ],
]


@mutation(["json"], kinds=CASE, weight=4)
def case_wrong_type(rnd: random.Random, kind: str, fmt: str) -> Case:
    name, change = rnd.choice(WRONG_TYPES)
    return Case(kind, f"case_wrong_{name}", BAD, ".json", case_bytes(change(case_package()), rnd))


def _text_item(package: dict, rnd: random.Random) -> dict:
    """A competency (its fullStatement is the name) or a module (the title)."""
    return package["CFItems"][rnd.choice(_items(package, "Kompetensi", "Modul"))]


@mutation(["json"], kinds=CASE, weight=3)
def case_text(rnd: random.Random, kind: str, fmt: str) -> Case:
    """Text in a name or title: a lone surrogate (as a JSON escape, or raw bytes that are
    not UTF-8), NUL, control characters, or random text."""
    package = case_package()
    item = _text_item(package, rnd)
    how = rnd.choice(["surrogate", "nul", "control", "random"])
    text = {
        "surrogate": rnd.choice(["\ud800", "\udfff", "a\udc80b"]),
        "nul": "a\x00b",
        "control": rnd.choice(["\x1b[31mred\x1b[0m", "\x07", "\x7f"]),
        "random": random_text(rnd),
    }[how]
    item["fullStatement"] = item["fullStatement"][:40] + text
    ensure_ascii = rnd.random() < 0.7
    data = case_bytes(package, rnd, errors="surrogatepass", ensure_ascii=ensure_ascii)
    read = (
        as_read(item["fullStatement"], "surrogatepass")
        if not ensure_ascii
        else item["fullStatement"]
    )
    if read is None or "\x00" in read or any(0xD800 <= ord(c) <= 0xDFFF for c in read):
        expect = BAD
    else:
        expect = text_expect(read)
    return Case(kind, f"case_text_{how}", expect, ".json", data)


@mutation(["json"], kinds=CASE)
def case_huge_string(rnd: random.Random, kind: str, fmt: str) -> Case:
    """Megabytes in one string: a name is cut to length, a code too long to be one is
    replaced by a code made from the identifier; either way no hang."""
    package = case_package()
    item = package["CFItems"][rnd.choice(_items(package, "Kompetensi"))]
    field = rnd.choice(["fullStatement", "humanCodingScheme", "notes", "x-unused"])
    item[field] = "k" * rnd.choice([10_000, 1_000_000, 8_000_000])
    return Case(kind, f"case_huge_{field}", EITHER, ".json", case_bytes(package, rnd))


@mutation(["json"], kinds=CASE, weight=2)
def case_graph(rnd: random.Random, kind: str, fmt: str) -> Case:
    """A prerequisite cycle (a ``precedes`` reversed) or an item identifier twice."""
    package = case_package()
    if rnd.random() < 0.5:
        j = _first_precedes(package)
        reverse = json.loads(json.dumps(package["CFAssociations"][j]))
        reverse["identifier"] += "-reversed"
        reverse["originNodeURI"], reverse["destinationNodeURI"] = (
            reverse["destinationNodeURI"],
            reverse["originNodeURI"],
        )
        package["CFAssociations"].append(reverse)
        return Case(kind, "case_prerequisite_cycle", BAD, ".json", case_bytes(package, rnd))
    item = package["CFItems"][rnd.choice(_items(package, "Kompetensi"))]
    package["CFItems"].append(dict(item, humanCodingScheme="FZ-TWIN"))
    return Case(kind, "case_duplicate_identifier", BAD, ".json", case_bytes(package, rnd))


@mutation(["json"], kinds=CASE, weight=3)
def case_bytes_damaged(rnd: random.Random, kind: str, fmt: str) -> Case:
    """Cut off, bit-flipped, Latin-1, empty, or with NaN: a cut is refused unless only
    trailing space went; NaN (not JSON, but Python reads it) may go either way."""
    package = case_package()
    data = case_bytes(package, rnd)
    how = rnd.choice(["truncated", "bit_flip", "latin1", "empty", "nan"])
    if how == "truncated":
        at = rnd.randrange(len(data))
        try:
            same = json.loads(data[:at]) == package
        except (ValueError, RecursionError):
            same = False
        return Case(kind, "case_truncated", EITHER if same else BAD, ".json", data[:at])
    if how == "bit_flip":
        return Case(kind, "case_bit_flip", EITHER, ".json", flip_bits(rnd, data))
    if how == "latin1":
        _text_item(package, rnd)["fullStatement"] += "\u00e9"
        return Case(
            kind,
            "case_latin1",
            BAD,
            ".json",
            json.dumps(package, ensure_ascii=False).encode("latin-1", "replace"),
        )
    if how == "empty":
        return Case(kind, "case_empty", BAD, ".json", rnd.choice([b"", b"   \n", b"\xef\xbb\xbf"]))
    _text_item(package, rnd)["x-score"] = float(rnd.choice(["nan", "inf", "-inf"]))
    return Case(kind, "case_nan", EITHER, ".json", case_bytes(package, rnd))
