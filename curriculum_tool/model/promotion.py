"""Promoting a stored model to the active one, and retiring one, under the promotion gate.

Without a written reason only a candidate the gate (:mod:`.gate`) promoted over the model
active now may be promoted. Any other promotion (a candidate the gate kept, a model it
compared with another active model, a retired model brought back) is an override: its
reason, who gave it and when are kept in the card's ``overrides`` and the card is sealed
again. A model that fails verification is never promoted. The model active until then is
retired (:func:`~curriculum_tool.store.model_states.make_active`).
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select, update

from ..edit.permissions import refuse_unless_allowed
from ..errors import CurriculumError
from ..store import schema
from ..store.model_states import ACTIVE, RETIRED, make_active, state_of
from .gate import gate_passed
from .persist import SAID, StoredModel, _card_of, _sealed, _verify

__all__ = ["activate_model", "override_entry", "retire_model"]


def override_entry(workspace, reason: str) -> dict[str, str]:
    """What an override keeps in the card: the written reason, who gave it, and when."""
    return {
        "reason": reason,
        "by": workspace.actor.login,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def activate_model(workspace, name: str, reason: str | None = None) -> StoredModel:
    """Promote ``name`` to the model that ``score``, ``recommend`` and ``batch`` use; the
    model active until now is retired.

    Without ``reason`` only a candidate the gate promoted over the model active now may be
    promoted; any other promotion (a candidate the gate kept, a retired model brought
    back) needs a written reason, which is kept in the card's ``overrides`` with who gave
    it and when, and the card is sealed again. A model that fails verification is never
    promoted. Refused with a clear message, and nothing changed, otherwise.
    """
    table = schema.models
    reason = reason.strip() if reason is not None else None
    with workspace.transaction() as conn:
        row = conn.execute(select(table).where(table.c.name == name)).first()
        if row is None:
            raise CurriculumError(SAID("no_such_model", name=name))
        refuse_unless_allowed(conn, workspace.actor, "models", [({"name": name}, {"name": name})])
        card = _card_of(row.card)
        _verify(f"'{row.name}'", row.payload, row.sha256, card)
        state = state_of(row.state, bool(row.active))
        if state == ACTIVE:
            raise CurriculumError(SAID("already_active", name=name))
        active = conn.execute(
            select(table.c.name).where((table.c.active.is_(True)) | (table.c.state == ACTIVE))
        ).first()
        active_name = active.name if active is not None else None
        if not reason:
            if reason is not None:
                raise CurriculumError(SAID("empty_reason", name=name))
            if state == RETIRED:
                raise CurriculumError(SAID("reason_retired", name=name))
            if not gate_passed(card, active_name):
                raise CurriculumError(SAID("reason_needed", name=name))
        else:
            overrides = [*card.get("overrides", []), override_entry(workspace, reason)]
            card = _sealed({**card, "overrides": overrides}, row.payload)
            conn.execute(
                update(table)
                .where(table.c.name == name)
                .values(sha256=card["sha256"], card=json.dumps(card, ensure_ascii=False))
            )
        make_active(conn, name)
    return StoredModel(name, card["sha256"], row.created, True, card, ACTIVE)


def retire_model(workspace, name: str) -> None:
    """Retire the candidate (or retired model) ``name``; the active model is not retired
    (promote another one first), so paths always have a model."""
    table = schema.models
    with workspace.transaction() as conn:
        row = conn.execute(
            select(table.c.active, table.c.state).where(table.c.name == name)
        ).first()
        if row is None:
            raise CurriculumError(SAID("no_such_model", name=name))
        refuse_unless_allowed(conn, workspace.actor, "models", [({"name": name}, {"name": name})])
        if state_of(row.state, bool(row.active)) == ACTIVE:
            raise CurriculumError(SAID("retire_active", name=name))
        conn.execute(update(table).where(table.c.name == name).values(state=RETIRED))
