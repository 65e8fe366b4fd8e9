"""``users W setup|add|list|remove``: the people of a shared PostgreSQL workspace.

The DBA (the workspace's owner) runs ``setup`` once: the group roles, grants and
row-level policies of :mod:`~curriculum_tool.store.policies`. An admin (or the owner)
then adds each person: a database login of their own, a member of their role's group,
and their ``people`` row (role, scope, units, own learner id) written through the edit
service, which refuses anyone else. Login and row are made in one go: if the row is
refused, the login is not created either. A SQLite workspace is one person's file: these
commands refuse it.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..errors import CurriculumError
from ..messages import Catalogue, Message
from .exit_codes import EXIT_OK
from .language import message_language

if TYPE_CHECKING:
    from ..store import Workspace

SAID = Catalogue(
    "cli.user_commands",
    {
        "sqlite": (
            "'{label}' is a SQLite workspace, one person's file: whoever opens it works as "
            "admin; people and roles are for a shared PostgreSQL workspace "
            "(postgresql+psycopg://LOGIN@HOST/DATABASE)",
            "'{label}' adalah ruang kerja SQLite, berkas milik satu orang: siapa pun yang "
            "membukanya bekerja sebagai admin; orang dan peran hanya untuk ruang kerja "
            "PostgreSQL bersama (postgresql+psycopg://LOGIN@HOST/DATABASE)",
        ),
        "needs_owner": (
            "only the owner of the workspace's tables (the DBA) can run setup; {login} is not",
            "hanya pemilik tabel ruang kerja (DBA) yang dapat menjalankan setup; "
            "{login} bukan pemiliknya",
        ),
        "setup_done": (
            "roles, grants and row-level policies applied to {label}: groups {groups}",
            "peran, hak akses dan kebijakan per baris diterapkan pada {label}: grup {groups}",
        ),
        "no_such_region": (
            "no region '{scope}' in the workspace",
            "tidak ada wilayah '{scope}' di ruang kerja",
        ),
        "units_for_pengelola": (
            "--units is for a training officer (--role pengelola), not {role}",
            "--units hanya untuk pengelola pelatihan (--role pengelola), bukan {role}",
        ),
        "no_password": (
            "environment variable {variable} is not set or empty",
            "variabel lingkungan {variable} tidak diisi atau kosong",
        ),
        "added": (
            "{login} is now {role}{scope}; they connect as {url}",
            "{login} kini berperan {role}{scope}; ia tersambung sebagai {url}",
        ),
        "scoped": (" of {scope}", " untuk wilayah {scope}"),
        "login_created": (
            "created database login {login}{password}",
            "login basis data {login} dibuat{password}",
        ),
        "without_password": (
            " without a password (set one with --password-from-env VAR)",
            " tanpa kata sandi (setel lewat variabel lingkungan: lihat 'users W add --help')",
        ),
        "no_such_person": (
            "{login} is not a person of this workspace",
            "{login} bukan orang yang terdaftar di ruang kerja ini",
        ),
        "removed": (
            "{login} deactivated; groups revoked: {groups}",
            "{login} dinonaktifkan; grup dicabut: {groups}",
        ),
        "none": ("none", "tidak ada"),
        "no_people": (
            "no people yet: add them with 'users W add'",
            "belum ada orang: tambahkan dengan 'users W add'",
        ),
        "header": (
            "login\trole\tscope\tunits\tlearner\tname\tstate",
            "login\tperan\twilayah\tunit\tpeserta\tnama\tkeadaan",
        ),
        "active": ("active", "aktif"),
        "inactive": ("inactive", "nonaktif"),
        "mismatch": (
            "database grants differ ({groups}): run 'users W add' again",
            "hak basis data berbeda ({groups}): jalankan 'users W add' lagi",
        ),
        "row": ("{cells}\t{state}", "{cells}\t{state}"),
        "both": ("{first}; {second}", "{first}; {second}"),
        "masked_note": (
            "(names and learner ids masked; --unmask to show them)",
            "(nama dan ID peserta disamarkan; --unmask untuk menampilkannya)",
        ),
    },
)


@contextmanager
def _shared(target: str) -> Iterator[Workspace]:
    """The PostgreSQL workspace at ``target``; a SQLite one is refused, in words."""
    from ..store import Workspace

    with Workspace.open(target) as workspace:
        if workspace.dialect != "postgresql":
            raise CurriculumError(SAID("sqlite", label=workspace.label))
        yield workspace


def run_users(args: argparse.Namespace) -> int:
    """Run ``users W ACTION``."""
    lang = message_language(args)
    actions: dict[str, Callable[[Workspace, argparse.Namespace], Sequence[Message | str]]] = {
        "setup": _setup,
        "add": _add,
        "list": _list,
        "remove": _remove,
    }
    action = actions[args.action]
    with _shared(args.workspace) as workspace:
        for line in action(workspace, args):
            print(line.render(lang) if isinstance(line, Message) else line)
    return EXIT_OK


def _setup(workspace: Workspace, args: argparse.Namespace) -> list[Message]:
    from ..store.people import is_owner
    from ..store.policies import GROUPS, apply_policies

    with workspace.transaction() as conn:
        if not is_owner(conn):
            raise CurriculumError(SAID("needs_owner", login=workspace.actor.login))
        apply_policies(conn)
    return [SAID("setup_done", label=workspace.label, groups=", ".join(GROUPS))]


def _password(variable: str | None) -> str | None:
    if variable is None:
        return None
    password = os.environ.get(variable, "")
    if not password:
        raise CurriculumError(SAID("no_password", variable=variable))
    return password


def _person_url(workspace: Workspace, login: str) -> str:
    """The workspace's URL with ``login`` as its user and no password."""
    from sqlalchemy.engine import make_url

    url = make_url(workspace.target).set(username=login, password=None)
    return url.render_as_string(hide_password=True)


def _add(workspace: Workspace, args: argparse.Namespace) -> list[Message]:
    from sqlalchemy import select

    from ..edit.permissions import refuse_unless_allowed
    from ..edit.service import save_person
    from ..store import schema
    from ..store.people import check_login, grant_login

    login = check_login(args.login)
    units = tuple(u.strip() for u in (args.units or "").split(";") if u.strip())
    if units and args.role != "pengelola":
        raise CurriculumError(SAID("units_for_pengelola", role=args.role))
    password = _password(args.password_from_env)
    regions = schema.tables["regions"]
    # The login and its group, held uncommitted while the edit service writes the people
    # row (refusing a non-admin): both are kept, or neither.
    with workspace.engine.connect() as conn, conn.begin():
        # who may not add people is told so before any login is touched
        refuse_unless_allowed(conn, workspace.actor, "people", [(None, {"login": login})])
        if args.scope is not None:
            query = select(regions.c.code).where(regions.c.code == args.scope)
            if conn.execute(query).first() is None:
                raise CurriculumError(SAID("no_such_region", scope=args.scope))
        created = grant_login(conn, login, args.role, password)
        save_person(
            workspace,
            login,
            args.role,
            scope=args.scope,
            name=args.name or "",
            units=units,
            learner=args.learner,
        )
    lines = []
    if created:
        password_note = "" if password is not None else SAID("without_password")
        lines.append(SAID("login_created", login=login, password=password_note))
    scope = SAID("scoped", scope=args.scope) if args.scope else ""
    url = _person_url(workspace, login)
    lines.append(SAID("added", login=login, role=args.role, scope=scope, url=url))
    return lines


def _remove(workspace: Workspace, args: argparse.Namespace) -> list[Message]:
    from ..edit.service import save_person
    from ..store.people import check_login, list_people, revoke_login

    login = check_login(args.login)
    with workspace.engine.connect() as conn, conn.begin():
        found = list_people(conn, login)
        if not found:
            raise CurriculumError(SAID("no_such_person", login=login))
        (person,) = found
        groups = revoke_login(conn, login)
        save_person(
            workspace,
            login,
            person.role,
            scope=person.scope,
            name=person.name,
            units=person.units,
            learner=person.learner,
            active=False,
        )
    return [SAID("removed", login=login, groups=", ".join(groups) or SAID("none"))]


def _list(workspace: Workspace, args: argparse.Namespace) -> list[Message | str]:
    from ..io.masking import mask_name, pseudonym
    from ..store.people import list_people

    with workspace.engine.connect() as conn:
        people = list_people(conn)
    if not people:
        return [SAID("no_people")]
    secret = workspace.get_meta("pseudonym_key") or ""
    lines: list[Message | str] = [SAID("header")]
    for person in people:
        name, learner = person.name, person.learner
        if not args.unmask:
            name = mask_name(name) if name else ""
            learner = pseudonym(secret, learner) if learner else None
        state = SAID("active" if person.active else "inactive")
        if not person.consistent:
            groups = ", ".join(person.groups) or SAID("none")
            state = SAID("both", first=state, second=SAID("mismatch", groups=groups))
        cells = [
            person.login,
            person.role,
            person.scope or "-",
            ";".join(person.units) or "-",
            learner or "-",
            name or "-",
        ]
        lines.append(SAID("row", cells="\t".join(cells), state=state))
    if not args.unmask:
        lines.append(SAID("masked_note"))
    return lines
