"""API keys of the integrations (Open311 clients): create (the key is shown once), list, revoke.

Only a sha256 hash of a key is stored, so a stolen database gives no working key. A key may be
scoped to one branch (`--branch`): it reads and files that branch's requests only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.echo import echo
from bot.services.open311 import hash_key, new_key
from storage.models import utcnow
from storage.models.open311 import ApiKey
from storage.repositories.open311 import ApiKeyRepository
from storage.uow import UnitOfWork

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class ApiKeyError(ValueError):
    """A mistake the operator can fix, in one line."""


@dataclass(frozen=True, slots=True)
class KeyInfo:
    name: str
    branch: str  # a branch code, or "" for every branch
    jurisdictions: dict[str, str]
    created: str
    revoked: str


def _repo(uow: UnitOfWork) -> ApiKeyRepository:
    return ApiKeyRepository(uow.session, uow.deferred)


def check_name(name: str) -> str:
    """`name` if it can name a key, else ApiKeyError (the command line's argparse type calls this,
    so a malformed name is a usage mistake, exit 2, before the database is opened)."""
    if not _NAME.match(name):
        raise ApiKeyError(f"a key name is letters, digits, dot, dash or underscore (up to 64), got {echo(name)}")
    return name


def parse_jurisdiction(pair: str) -> tuple[str, str]:
    """"12345-cy=cy" -> ("12345-cy", "cy"): the jurisdiction_id a client sends → a branch code."""
    jid, sep, code = pair.partition("=")
    if not sep or not jid.strip() or not code.strip():
        raise ApiKeyError(f"expected JURISDICTION_ID=BRANCH_CODE, got {echo(pair)}")
    return jid.strip(), code.strip()


def parse_jurisdictions(pairs: list[str]) -> dict[str, str]:
    """["12345-cy=cy", ...] -> {"12345-cy": "cy"}."""
    return dict(parse_jurisdiction(pair) for pair in pairs)


async def create_key(uow: UnitOfWork, name: str, branch_code: str | None = None,
                     jurisdictions: dict[str, str] | None = None) -> str:
    """A new key named `name`; returns the key itself (never stored)."""
    check_name(name)
    taken = await _repo(uow).by_name(name)
    if taken is not None and taken.revoked_at is not None:
        # names stay unique: `api-key list` and the requests a key filed tell its keys apart by name
        raise ApiKeyError(f"the name {echo(name)} belongs to a key revoked on {taken.revoked_at:%Y-%m-%d}, and a "
                          "revoked key keeps its name: pick another name")
    if taken is not None:
        raise ApiKeyError(f"an API key named {echo(name)} already exists: pick another name "
                          "(`sentinel api-key list` shows them)")
    branch_id = None
    if branch_code:
        branch = await uow.branches.by_code(branch_code)
        if branch is None:
            raise ApiKeyError(f"no branch with code {echo(branch_code)}")
        branch_id = branch.id
    for jid, code in (jurisdictions or {}).items():
        branch = await uow.branches.by_code(code)
        if branch is None:
            raise ApiKeyError(f"jurisdiction {echo(jid)}: no branch with code {echo(code)}")
        if branch_id is not None and branch.id != branch_id:
            raise ApiKeyError(f"jurisdiction {echo(jid)}: branch {echo(code)} is outside the key's branch "
                              f"{echo(branch_code)}")
    key = new_key()
    _repo(uow).add(ApiKey(name=name, key_hash=hash_key(key), branch_id=branch_id,
                          jurisdictions=dict(jurisdictions or {}) or None))
    await uow.commit()
    return key


async def list_keys(uow: UnitOfWork) -> list[KeyInfo]:
    codes = {b.id: b.code for b in await uow.branches.all()}
    return [KeyInfo(k.name, codes.get(k.branch_id, "") if k.branch_id else "", dict(k.jurisdictions or {}),
                    f"{k.created_at:%Y-%m-%d %H:%M}", f"{k.revoked_at:%Y-%m-%d %H:%M}" if k.revoked_at else "")
            for k in await _repo(uow).all()]


async def revoke_key(uow: UnitOfWork, name: str) -> None:
    key = await _repo(uow).by_name(name)
    if key is None:
        raise ApiKeyError(f"no API key named {echo(name)} (see `sentinel api-key list`)")
    if key.revoked_at is not None:
        raise ApiKeyError(f"API key {echo(name)} is already revoked")
    key.revoked_at = utcnow()
    await uow.commit()
