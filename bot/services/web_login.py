"""Logging in to the dashboard through the bot: `/web` in a private chat sends a one-time link.

Why a link and no password: the bot already knows who a user is (Telegram vouches for the private
chat), so the dashboard needs no accounts of its own. A link is a random token (256 bits) whose
SHA-256 is stored; it opens one session and expires after LINK_TTL. A session is another random
token in an HttpOnly cookie, with its own CSRF token for forms; it lasts SESSION_TTL.

Who may have one: staff only (a superadmin, a secretary, a department member), as `Scope.staff`
says; what they then see is their scope, computed afresh on every request (a revoked role takes
effect at once).
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain import PRIORITY_CONVERSATION, Notice
from bot.outbox import enqueue
from bot.services.cases import CaseService
from storage.models import User, as_utc
from storage.models.web import WebToken
from storage.repositories.web_tokens import WebTokenRepository
from storage.uow import UnitOfWork

LINK_TTL = timedelta(minutes=10)
SESSION_TTL = timedelta(hours=12)
LOGIN_PATH = "/dash/login"


def digest(token: str) -> str:
    """The stored form of a token (sha256 hex)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Session:
    user: User
    csrf: str


def tokens(uow: UnitOfWork) -> WebTokenRepository:
    return WebTokenRepository(uow.session, uow.deferred)


async def issue_link(uow: UnitOfWork, cases: CaseService, user: User, base_url: str, now: datetime) -> str | None:
    """A fresh login link for `user`, or None when they are not staff (nothing to show them)."""
    if not (await cases.scope(uow, user)).staff:
        return None
    repo = tokens(uow)
    await repo.purge(now)
    token = secrets.token_urlsafe(32)
    repo.add(WebToken(token_hash=digest(token), kind="login", user_id=user.id, created_at=now,
                      expires_at=now + LINK_TTL))
    return f"{base_url.rstrip('/')}{LOGIN_PATH}?t={token}"


async def send_link(uow: UnitOfWork, cases: CaseService, user: User, chat_id: int, lang: str, base_url: str,
                    now: datetime) -> bool:
    """`/web`: queues the link (or the refusal) to the user's private chat; True when a link went."""
    link = await issue_link(uow, cases, user, base_url, now)
    payload = {"url": link, "minutes": int(LINK_TTL.total_seconds() // 60)} if link else {}
    enqueue(uow, Notice(chat_id, "web-link" if link else "web-not-staff", lang, payload=payload,
                        priority=PRIORITY_CONVERSATION))
    return link is not None


async def link_user(uow: UnitOfWork, token: str, now: datetime) -> User | None:
    """The user a login link was made for while it can still be used (unused, unexpired), without
    using it: the link page speaks their language and offers its button only for a usable link."""
    if not token or len(token) > 128:
        return None
    link = await tokens(uow).get(digest(token), "login")
    if link is None or link.used_at is not None or as_utc(link.expires_at) <= now:
        return None
    return await uow.users.get(link.user_id)


async def open_session(uow: UnitOfWork, token: str, now: datetime) -> tuple[str, str] | None:
    """Uses a login link: (session token, csrf token), or None for a link that is unknown,
    expired or already used (the caller shows the same page for all three)."""
    repo = tokens(uow)
    link = await repo.get(digest(token), "login")
    if link is None or not await repo.use(link.token_hash, now):
        return None
    session, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    repo.add(WebToken(token_hash=digest(session), kind="session", user_id=link.user_id, csrf=csrf,
                      created_at=now, expires_at=now + SESSION_TTL))
    return session, csrf


async def session_of(uow: UnitOfWork, token: str | None, now: datetime) -> Session | None:
    """The user behind a session cookie, while it lasts and the user exists."""
    if not token or len(token) > 128:
        return None
    row = await tokens(uow).get(digest(token), "session")
    if row is None or as_utc(row.expires_at) <= now:
        return None
    user = await uow.users.get(row.user_id)
    return Session(user, row.csrf) if user is not None else None


async def close_session(uow: UnitOfWork, token: str | None) -> None:
    if token:
        await tokens(uow).forget(digest(token))

