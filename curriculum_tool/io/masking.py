"""Mask personal data (NIP, names) in exports unless the user asks otherwise.

A learner id becomes a keyed pseudonym: the HMAC-SHA256 of the id under the workspace's
own secret. The same learner gets the same pseudonym in every export of that workspace,
so masked learners, their supervisors and outcomes still join, yet the NIP cannot be
recovered or guessed from outside by hashing candidate NIPs.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import replace

from ..domain import Learner, Outcome, Record

__all__ = ["PSEUDONYM_PREFIX", "mask_name", "mask_record", "pseudonym"]

PSEUDONYM_PREFIX = "ANON-"


def pseudonym(secret: str, learner_id: str) -> str:
    """``ANON-`` and 16 hex digits of the keyed hash of ``learner_id``.

    >>> pseudonym("k", "199001012015011001")
    'ANON-451eb7041324ead4'
    """
    digest = hmac.new(secret.encode(), learner_id.encode(), hashlib.sha256).hexdigest()
    return PSEUDONYM_PREFIX + digest[:16]


def mask_name(name: str) -> str:
    """Keep each word's first letter: ``Budi Santoso`` → ``B*** S***``.

    >>> mask_name("Budi Santoso")
    'B*** S***'
    """
    return " ".join(word[0] + "***" for word in name.split()) or "***"


def mask_record(record: Record, secret: str) -> Record:
    """The record with its personal data masked; other records unchanged."""
    if isinstance(record, Learner):
        # The supervisor is a learner id too: the same pseudonym keeps the reference valid.
        supervisor = None if record.supervisor is None else pseudonym(secret, record.supervisor)
        return replace(
            record,
            id=pseudonym(secret, record.id),
            name=mask_name(record.name),
            supervisor=supervisor,
        )
    if isinstance(record, Outcome):
        return replace(record, learner=pseudonym(secret, record.learner))
    return record
