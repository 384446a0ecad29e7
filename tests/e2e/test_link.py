"""/link on the Telegram emulator (bot/services/identities.py): the code, the private-chat rule, a
code from WeCom joining a Telegram rider, and the refusals — answers in zh and in en. The WeCom side
is played by the service itself (the WeCom adapter's handlers arrive with the neutral layer), on the
same database the running bot uses."""
from __future__ import annotations

import re
from typing import Any

from sqlmodel import select

from bot.services.identities import LinkService
from handlers.wecom.ids import IdBook, StoredIds, user_number
from storage.models import User
from storage.models.identities import Identity
from storage.uow import UnitOfWork
from tests.conftest import AMY, GROUP, LI, WANG, RunningBot, said

CODE = re.compile(r"\b([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})\b")


def _uow(db: Any) -> UnitOfWork:
    return UnitOfWork(db)


async def _wecom_code(db: Any, userid: str) -> str:
    """What /link on WeCom answers: the adapter records the userid, the service gives the code."""
    number = await IdBook(StoredIds(lambda: _uow(db))).user(userid)
    async with _uow(db) as uow:
        code = await LinkService().issue(uow, "wecom", userid, number)
        await uow.commit()
    return code


async def test_link_in_chinese(bot: RunningBot, db: Any) -> None:
    tg = bot.tg
    await said(tg, LI["id"], LI, "/start")
    group = await said(tg, GROUP, LI, "/link")
    assert "请私聊机器人发 /link" in group["text"] and not CODE.search(group["text"])
    answer = await said(tg, LI["id"], LI, "/link")
    code = CODE.search(answer["text"])
    assert code and "你的绑定码" in answer["text"] and "10 分钟内" in answer["text"] and "企业微信上" in answer["text"]
    # the code used on WeCom (the service, as the WeCom adapter will call it) joins li.wecom to LI
    wecom = user_number("li.wecom")
    async with _uow(db) as uow:
        linked = await LinkService().redeem(uow, "wecom", "li.wecom", wecom, code.group(1))
        await uow.commit()
    assert linked.person == LI["id"]
    assert await IdBook(StoredIds(lambda: _uow(db))).user("li.wecom") == LI["id"]
    # used twice; on the same platform; unknown; not a code
    again = await said(tg, LI["id"], LI, f"/link {code.group(1)}")
    assert "这个绑定码已经用过了" in again["text"]
    await said(tg, WANG["id"], WANG, "/start")
    mine = CODE.search((await said(tg, LI["id"], LI, "/link"))["text"])
    assert mine
    same = await said(tg, WANG["id"], WANG, f"/link {mine.group(1)}")
    assert "也是在Telegram上生成的" in same["text"]
    assert "没有这个绑定码" in (await said(tg, WANG["id"], WANG, "/link ABCD-EFGH"))["text"]
    assert "用法：" in (await said(tg, WANG["id"], WANG, "/link 这不是码!"))["text"]


async def test_link_in_english_a_wecom_code_joins_this_account(bot: RunningBot, db: Any) -> None:
    tg = bot.tg
    await said(tg, AMY["id"], AMY, "/start")
    code = await _wecom_code(db, "amy.w")
    done = await said(tg, AMY["id"], AMY, f"/link {code.lower()}")
    assert "Linked: this account and your WeCom account are now one person" in done["text"]
    async with db() as s:
        identity = (await s.exec(select(Identity).where(Identity.external_id == "amy.w"))).one()
        assert identity.user_id == AMY["id"]
        assert (await s.get(User, user_number("amy.w"))) is None and (await s.get(User, AMY["id"])) is not None
    assert "already been used" in (await said(tg, AMY["id"], AMY, f"/link {code}"))["text"]
    fresh = await said(tg, AMY["id"], AMY, "/link")
    assert CODE.search(fresh["plain_text"]) and "<code>" not in fresh["plain_text"]  # markup rendered
    assert "Within 10 minutes" in fresh["plain_text"] and "to the bot on WeCom" in fresh["plain_text"]
    # a second WeCom account cannot join the person who has one
    other = await _wecom_code(db, "amy.second")
    assert "already linked to another account" in (await said(tg, AMY["id"], AMY, f"/link {other}"))["text"]
    group = await said(tg, GROUP, AMY, "/link")
    assert "private chat" in group["text"]
