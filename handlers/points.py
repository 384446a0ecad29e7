"""Points commands and buttons: /me, /points (history; grant for secretaries), /shop,
/redeem, /privacy, and the secretaries' /redemptions, /fulfil, /refuse.

Thin: parse, call PointsService (which checks every permission on the server), reply.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from bot.buttons import RedemptionVerdict, ShopRedeem
from bot.ids import bounded_int
from bot.config import Settings
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.events import ButtonPress, CommandCall
from bot.i18n import t
from bot.outbox import enqueue, reply
from bot.services.people import register_person
from bot.services import points_corrections as corrections
from bot.services.privately import to_private
from bot.wording import unended
from bot.services.points import PointsService, item_name, redemption_no
from bot.typed import typed_key
from handlers.chat import ChatRoutes
from handlers.presses import answer, pressed_card, presser, settle
from storage.models import User
from storage.uow import UnitOfWork


async def me(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
             points: PointsService, checkins: Any = None) -> None:
    """Balance, tier, the latest lines, and other features' summary lines (always privately)."""
    target = await to_private(uow, incoming, user, lang)
    if target is None:
        return
    extra: list[Any] = []
    lines = getattr(checkins, "me_lines", None)
    if lines is not None:  # CheckinService.me_lines: check-ins, lessons, volunteer hours, report-in
        extra = list(await lines(uow, user, lang) or [])
    reply(uow, target, "points-me", lang, **await points.me(uow, user, extra=extra))


async def points_command(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                         user: User, lang: str, points: PointsService) -> None:
    """/points — history; /points grant <@user|id> N reason (or as a reply: /points grant N reason)."""
    words = (command.args or "").split()
    if command.word in ("revoke", "撤回", "冲正"):
        await _revoke(words[1:], uow, incoming, user, lang, points)
        return
    if command.word in ("ledger", "明细"):  # a rider's entries, numbered for /points revoke
        if len(words) < 2 and incoming.reply_sender is None:
            reply(uow, incoming, "points-ledger-usage", lang)
            return
        await _ledger(words[1] if len(words) > 1 else None, uow, incoming, user, lang, points)
        return
    if not words and incoming.reply_sender is not None and points.keeps_the_bank(user):
        await _ledger(None, uow, incoming, user, lang, points)  # as `/points 8001`, the rider replied to
        return
    if words and (_names_a_person(words[0]) or await corrections.names_a_member(points, uow, user, words[0])):
        # `/points 8001`, `/points 李师傅` (a member of the sender's branch by name): the ledger for staff (issue 13 B8)
        if points.keeps_the_bank(user):
            await _ledger(words[0], uow, incoming, user, lang, points)
            return
        reply(uow, incoming, "points-own-only", lang)  # riders: said, then their own record
        words = []
    if not words or typed_key(words[0]) != "grant":
        target = await to_private(uow, incoming, user, lang)  # a rider's history is theirs alone
        if target is not None:
            reply(uow, target, "points-history", lang, **await points.history(uow, user))
        return
    await _grant(words[1:], uow, incoming, user, lang, points)


async def _ledger(who: str | None, uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                  points: PointsService) -> None:
    """A rider's ledger for a secretary: privately, whatever chat it was asked in (a rider's
    entries and their notes are not the group's to read). The rider typed (`who`), else the one
    whose message the command replies to, as `/points grant 30 帮忙` names them."""
    shown = await corrections.ledger_of(points, uow, user, who or "", seen=incoming.reply_sender if who is None else None)
    target = await to_private(uow, incoming, user, lang)
    if target is not None:
        reply(uow, target, "points-ledger", lang, **shown)


def _names_a_person(word: str) -> bool:
    """A user id or @username as /points' first word (not a sub-command such as grant or ledger)."""
    return _is_int(word) or (word.startswith("@") and len(word) > 1)


async def _grant(words: list[str], uow: UnitOfWork, incoming: IncomingMessage, user: User,
                 lang: str, points: PointsService) -> None:
    if not points.keeps_the_bank(user):
        reply(uow, incoming, "points-not-permitted", lang)
        return
    replied_user = incoming.reply_sender  # a person's message this command replies to (not a bot's): /points ledger's too
    who = None
    if words and (_points_word(words[0]) is None or (replied_user is None and len(words) >= 3)):
        who, words = words[0], words[1:]  # @username or user id, then the points
    elif replied_user is None:
        reply(uow, incoming, "points-grant-usage", lang)
        return
    amount_word = _points_word(words[0]) if words else None
    amount = bounded_int(amount_word, -MAX_AMOUNT, MAX_AMOUNT) if amount_word is not None else None
    if len(words) < 2 or amount is None:
        reply(uow, incoming, "points-grant-usage", lang)
        return
    reason = " ".join(words[1:])
    if who is not None:
        target = await corrections.grant_target(points, uow, user, who, amount)
    else:  # a reply to the rider's message (checked above): the points come first
        assert replied_user is not None
        target = await register_person(uow, replied_user)
    source_key = f"grant:{incoming.chat_id}:{incoming.message_id}"
    if amount < 0:  # a correction: cancels the matching grant line, audited
        done = await corrections.correct_grant(points, uow, user, target, amount, reason, who)
        await _revoked(uow, incoming, user, lang, done)
        return
    given = await points.grant(uow, user, target, amount, reason, source_key=source_key,
                               group_id=None if who is not None or incoming.is_private else incoming.chat_id)
    number = await corrections.grant_entry_no(points, uow, source_key)
    reply(uow, incoming, "points-grant-ok", lang, who=target.first_name or str(target.id),
                  points=given, reason=unended(reason), number=number)


async def _revoke(words: list[str], uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                  points: PointsService) -> None:
    """/points revoke #17 原因: a reversal line for ledger line 17, audited."""
    if len(words) < 2:
        reply(uow, incoming, "points-revoke-usage", lang)
        return
    done = await corrections.revoke(points, uow, user, words[0], " ".join(words[1:]))
    await _revoked(uow, incoming, user, lang, done)


async def _revoked(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                   done: dict[str, Any]) -> None:
    """What a revoke took back, and what it could not because the rider had spent it, tells what
    the rider had left: the secretary hears it privately (the group gets a pointer), as a
    rider's ledger is shown."""
    target = await to_private(uow, incoming, user, lang)
    if target is not None:
        reply(uow, target, "points-revoke-ok", lang, **done)


MAX_AMOUNT = 1_000_000  # far above any rule's cap; a longer number is a typo, not a grant


def _is_int(word: str) -> bool:
    return word.lstrip("+-").isdigit()


_POINTS_UNIT = re.compile(r"(?i)(?:积分|分|points?|pts?)$")


def _points_word(word: str) -> str | None:
    """An amount of points as a secretary types it: `20`, `-20`, `＋20`, `20分`, `20积分`, `20 points`'s
    first word; the signed number as ASCII, or None when it is no amount."""
    plain = _POINTS_UNIT.sub("", unicodedata.normalize("NFKC", word))
    return plain if re.fullmatch(r"[+-]?\d+", plain) else None


async def shop(uow: UnitOfWork, incoming: IncomingMessage, lang: str,
               points: PointsService) -> None:
    reply(uow, incoming, "points-shop", lang, **await points.shop(uow, lang))


async def redeem(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                 user: User, lang: str, points: PointsService) -> None:
    typed = (command.args or "").strip()  # a code or an item's name, as the shop shows them
    if not typed:
        reply(uow, incoming, "points-redeem-usage", lang)
        return
    payload = await _redeem(uow, points, user, typed, incoming.chat_id, lang)
    reply(uow, incoming, "points-redeemed", lang, **payload)


async def _redeem(uow: UnitOfWork, points: PointsService, user: User, ref: str | int, chat_id: int,
                  lang: str) -> dict[str, Any]:
    redemption = await points.redeem(uow, user, ref, chat_id=chat_id, lang=lang)
    item = await points.repo(uow).item(redemption.item_id)
    return {"number": redemption_no(redemption.id or 0), "item": item_name(item, lang), "cost": redemption.cost,
            "balance": await points.balance(uow, user.id)}


async def privacy(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                  points: PointsService) -> None:
    hidden = await points.toggle_privacy(uow, user)
    reply(uow, incoming, "points-privacy-on" if hidden else "points-privacy-off", lang)


async def redemptions(uow: UnitOfWork, incoming: IncomingMessage, user: User, lang: str,
                      points: PointsService) -> None:
    """The pending redemptions, by rider: privately, whatever chat it was asked in."""
    pending = await points.pending(uow, user, lang)  # a rider asking is refused where they asked
    target = await to_private(uow, incoming, user, lang)
    if target is not None:
        reply(uow, target, "points-pending", lang, **pending)


async def decide(command: CommandCall, uow: UnitOfWork, incoming: IncomingMessage,
                 user: User, lang: str, points: PointsService) -> None:
    """/fulfil R12 [code or message] · /refuse R12 [reason]"""
    parts = (command.args or "").split(maxsplit=1)
    if not parts:
        reply(uow, incoming, "points-decide-usage", lang)
        return
    r = await points.decide(uow, user, parts[0], command.command.lower() == "fulfil",
                            parts[1] if len(parts) > 1 else None, chat_id=incoming.chat_id)
    reply(uow, incoming, "points-decided", lang, number=redemption_no(r.id or 0))


async def press(query: ButtonPress, uow: UnitOfWork, points: PointsService, settings: Settings,
                button: ShopRedeem | RedemptionVerdict) -> None:
    """An item redeemed from the /shop list; a redemption fulfilled or refused."""
    user, lang = await presser(uow, query, settings.default_lang)
    if isinstance(button, ShopRedeem):
        chat_id = query.chat_id if query.chat_id is not None else user.id
        payload = await _redeem(uow, points, user, button.item_id, chat_id, lang)
        if user.started:  # the receipt, in private; the press is answered at once below
            enqueue(uow, Notice(user.id, "points-redeemed", lang, payload=payload,
                                priority=PRIORITY_CONVERSATION))
        text = t(lang, "points-redeemed", **{k: str(v) for k, v in payload.items()})
    else:
        r = await points.decide(uow, user, button.redemption_id, button.fulfil, None, pressed=pressed_card(query))
        text = t(lang, "points-decided", number=redemption_no(r.id or 0))
        settle(uow, query, lang, "settled-by", who=user.first_name or str(user.id),
               what=t(lang, "points-fulfil-button" if button.fulfil else "points-refuse-button"))
    await answer(query, text, alert=isinstance(button, ShopRedeem))


def register(routes: ChatRoutes) -> None:
    routes.command(me, "me")
    routes.command(points_command, "points")
    routes.command(shop, "shop")
    routes.command(redeem, "redeem")
    routes.command(privacy, "privacy")
    routes.command(redemptions, "redemptions")
    routes.command(decide, "fulfil", "refuse")
    routes.button(press, ShopRedeem, RedemptionVerdict)
