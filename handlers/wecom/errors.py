"""WeCom's errcodes, and what each means for the outbox (bot/outbox.py's send outcomes).

Every server API answers HTTP 200 with ``{"errcode": N, "errmsg": ...}``; the errcode decides,
never the errmsg (WeCom's global code table says so: the texts may change). Sources are in
docs/wecom.md (全局错误码 https://developer.work.weixin.qq.com/document/path/90313, 主动调用频率限制
https://developer.work.weixin.qq.com/document/path/90312).
"""
from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

import aiohttp

from bot.outbox import PermanentError, RetryLater, TransientError, Unreachable

BUSY = -1  # 系统繁忙: retry (WeCom advises at most 3 times)
INVALID_SECRET = 40001  # 不合法的secret参数 (also a corp id that does not match)
INVALID_TOKEN = 40014  # 不合法的access_token
TOKEN_MISSING = 41001
TOKEN_EXPIRED = 42001  # access_token已过期
TOKEN_ERRORS = frozenset({INVALID_TOKEN, TOKEN_MISSING, TOKEN_EXPIRED})  # refresh the token, call again once
API_LIMIT = 45009  # 接口调用超过限制 (a per-minute/hour/day quota of the app or the corp)
CONCURRENCY_LIMIT = 45033  # 接口并发调用超过限制
# The receiver is gone or was never reachable: 60111 userid not found, 81013 every receiver invalid
# or outside the app's visible range, 86003 no such group (or not one the app made).
GONE = frozenset({60111, 81013, 86003})
# Seconds to hold sends after a limit: WeCom gives no Retry-After; its quotas are per minute and
# per hour, so a quota answer waits a minute, a concurrency answer a second.
RETRY_AFTER = {API_LIMIT: 60.0, CONCURRENCY_LIMIT: 1.0}


class WeComError(Exception):
    """A server API answered a non-zero errcode."""

    def __init__(self, api: str, errcode: int, errmsg: str = "") -> None:
        super().__init__(f"{api}: errcode {errcode} {errmsg}".strip())
        self.api, self.errcode, self.errmsg = api, errcode, errmsg


@contextmanager
def outcomes(chat_id: int) -> Iterator[None]:
    """WeCom's answers as the sender's outcomes: a quota or concurrency limit → RetryLater for every
    chat (the limits are the app's, not one chat's); busy, a token still refused after a refresh, a
    bad secret, network trouble → TransientError; a receiver that is gone → Unreachable; any other
    errcode → PermanentError (that message cannot be sent as it is)."""
    try:
        yield
    except WeComError as e:
        if e.errcode in RETRY_AFTER:
            raise RetryLater(RETRY_AFTER[e.errcode], None) from e
        if e.errcode == BUSY or e.errcode in TOKEN_ERRORS or e.errcode == INVALID_SECRET:
            raise TransientError(str(e)) from e
        if e.errcode in GONE:
            raise Unreachable(str(e)) from e
        raise PermanentError(str(e)) from e
    except (aiohttp.ClientError, asyncio.TimeoutError) as e:
        raise TransientError(str(e) or type(e).__name__) from e
