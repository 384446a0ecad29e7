"""getUpdates long polling and webhook management."""

from __future__ import annotations

import asyncio
from typing import Any

from .errors import ApiError, GETUPDATES_CONFLICT, WEBHOOK_CONFLICT, bad_request
from .params import Params
from .registry import Ctx, method
from .webhook import start_webhook, stop_webhook
from .state import WebhookState


@method("getUpdates")
async def get_updates(ctx: Ctx, p: Params) -> list[dict]:
    st = ctx.state
    if st.webhook is not None:
        raise ApiError(409, WEBHOOK_CONFLICT)
    limit = min(max(p.int("limit", 100) or 100, 1), 100)
    timeout = max(p.int("timeout", 0) or 0, 0)
    st.confirm(p.int("offset"))
    # A newer getUpdates always wins: the pending long poll is terminated with 409.
    if st.poller is not None and not st.poller.done():
        st.poller.set_result("conflict")
    if st.updates or timeout == 0:
        return st.updates[:limit]
    waiter: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    st.poller = waiter
    try:
        reason = await asyncio.wait_for(asyncio.shield(waiter), timeout)
    except TimeoutError:
        reason = "timeout"
    finally:
        if st.poller is waiter:
            st.poller = None
    if reason == "conflict":
        raise ApiError(409, GETUPDATES_CONFLICT)
    if st.webhook is not None:
        raise ApiError(409, WEBHOOK_CONFLICT)
    return st.updates[:limit]


@method("setWebhook")
async def set_webhook(ctx: Ctx, p: Params) -> bool:
    st = ctx.state
    url = p.str("url") or ""
    if not url:
        return await delete_webhook(ctx, p)
    if not url.startswith(("http://", "https://")):
        raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
    secret = p.str("secret_token")
    if secret is not None and (not 1 <= len(secret) <= 256
                               or not all(c.isascii() and (c.isalnum() or c in "_-") for c in secret)):
        raise bad_request("secret token contains unallowed characters")
    if p.bool("drop_pending_updates"):
        st.updates.clear()
    allowed = p.json("allowed_updates")
    st.webhook = WebhookState(url=url, secret_token=secret,
                              max_connections=p.int("max_connections", 40) or 40,
                              allowed_updates=allowed if isinstance(allowed, list) else None)
    if st.poller is not None and not st.poller.done():
        st.poller.set_result("webhook")
    start_webhook(ctx.emu, st)
    return True


@method("deleteWebhook")
async def delete_webhook(ctx: Ctx, p: Params) -> bool:
    st = ctx.state
    stop_webhook(st)
    st.webhook = None
    if p.bool("drop_pending_updates"):
        st.updates.clear()
    return True


@method("getWebhookInfo")
async def get_webhook_info(ctx: Ctx, p: Params) -> dict[str, Any]:
    st = ctx.state
    info: dict[str, Any] = {"url": st.webhook.url if st.webhook else "",
                            "has_custom_certificate": False,
                            "pending_update_count": len(st.updates)}
    if st.webhook is not None:
        info["max_connections"] = st.webhook.max_connections
        info["ip_address"] = "127.0.0.1"
        if st.webhook.allowed_updates is not None:
            info["allowed_updates"] = st.webhook.allowed_updates
        if st.webhook.last_error_date is not None:
            info["last_error_date"] = st.webhook.last_error_date
            info["last_error_message"] = st.webhook.last_error_message
    return info


@method("logOut", "close")
async def log_out(ctx: Ctx, p: Params) -> bool:
    return True
