"""`sentinel demo`'s second act: one proposal from support to outcome (小哥议事会) — a rider's
proposal, 👍 附议 presses up to the branch's threshold, a comment in the agenda thread (masked),
the vote with its buttons, the result, and the commitment's progress announced in the thread."""
from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import Any

from rich.text import Text

from emulator.client import EmulatorClient

# say(chat, who, text, replies expected, reply to the bot's Nth message there): as the main script plays a line
Say = Callable[[dict[str, Any], dict[str, Any], str, int, int | None], Awaitable[bool]]


async def _toast(tg: EmulatorClient, qid: str) -> str:
    """The answer the presser sees, once the bot gave it ("" after 10 s)."""
    for _ in range(200):
        hit = next((a for a in await tg.answers() if a["callback_query_id"] == qid), None)
        if hit is not None:
            return str(hit.get("text") or "")
        await asyncio.sleep(0.05)
    return ""


def button_text(message: dict[str, Any], data: str) -> str:
    """The label of the message's inline button carrying `data`, as the rider sees it."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return next((str(b.get("text", "")) for row in rows for b in row if b.get("callback_data") == data), data)


async def play(tg: EmulatorClient, out: Any, say: Say, group: dict[str, Any], secretary: dict[str, Any],
               riders: list[dict[str, Any]]) -> bool:
    """In `group` (bound here to a branch of its own, so the group's pace of ~20 messages a minute is
    not shared with the first act): riders[0] proposes, riders[1] and riders[2] support; all three
    vote. The secretary works from their private chat; what the riders see arrives in the group.
    `out` is the demo's Transcript (its console, and `bot_replies` to print what the bot posts)."""
    proposer, first, second = riders[:3]
    due = (date.today() + timedelta(days=30)).isoformat()
    desk = {"id": secretary["id"], "type": "private"}

    async def press(who: dict[str, Any], needle: str, data: str) -> bool:
        msgs = await tg.messages(group["id"])
        target = next((m for m in reversed(msgs) if needle in (m.get("plain_text") or "")), None)
        if target is None:
            return False
        label = button_text(target, data)
        answer = await _toast(tg, await tg.press(group["id"], target["message_id"], who, data))
        out.console.print(Text.assemble((group["title"], "bold cyan"), " · ", (who["first_name"], "bold"),
                                        (f" presses [{label}] → ", "dim"), (answer, "yellow")),
                          soft_wrap=not out.console.is_terminal)
        return bool(answer)

    async def staff(text: str) -> bool:
        """The secretary's step (answered privately: the reply sent after the command, earlier private
        notices shown as notices of their own), then its announcement in the group's thread."""
        return await say(desk, secretary, text, 1, None) and await out.bot_replies(tg, group["id"], 1)

    if not (await say(group, secretary, "/bind east Riders East 支部", 1, None)
            and await say(group, secretary, "/proposals rule 2 7", 1, None)
            and await say(group, proposer, "/propose A rest point at Keyuan Rd | nowhere to sit, charge or "
                                           "get water at noon", 1, None)
            and await press(first, "#1", "dp:1:s") and await press(second, "#1", "dp:1:s")
            and await out.bot_replies(tg, group["id"], 1)):  # the agenda post: the proposal's thread
        return False
    msgs = await tg.messages(group["id"])
    agenda = len(msgs) - 1
    out.said(group, first, "我家住幸福小区3号楼2单元501，中午可以来歇，电话13812345678")
    out.narrate("(a reply to the agenda post: a comment, stored masked; the group hears nothing)")
    await tg.send(group, first, "我家住幸福小区3号楼2单元501，中午可以来歇，电话13812345678",
                  reply_to_message_id=msgs[agenda]["message_id"])
    await asyncio.sleep(1.0)  # the comment is stored before the summary is asked for
    if not (await say(group, proposer, "/proposal 1", 1, None) and await staff("/proposal 1 vote quorum=2")):
        return False
    for who, option in ((proposer, 0), (first, 0), (second, 1)):
        if not await press(who, "#1", f"dv:1:{option}"):
            return False
    for text in ("/proposal 1 close", f"/proposal 1 commit 街道办 due={due}", "/proposal 1 note 已和物业谈好场地",
                 "/proposal 1 done 休息点已开放"):
        if not await staff(text):
            return False
    return await say(group, second, "/proposals done", 1, None)
