"""WeCom groups, tried from outside (the real runtime on its emulator), each a test that failed
before its fix:

- a group's line @-mentioning the bot with a photo (one mixed message, 图文混排) opened a case
  without the photo: the AI bot's image, an encrypted URL valid for minutes, was never fetched,
  where a photo sent privately is kept (its media_id);
"""
from __future__ import annotations

from typing import Any

from tests.conftest import GROUP, LI, said
from tests.e2e.contract.conftest import RunningWeCom
from tests.e2e.contract.wecom_driver import WeComDriver
from tests.factories import read_case

REPORT = "幸福小区3号门的路灯坏了 晚上黑乎乎的"


async def _media(tg: WeComDriver, media_id: str) -> bytes:
    """A media_id's bytes, read back the way the bot reads them (gettoken, media/get)."""
    c = tg.emu.config
    async with tg.http.get(f"{tg.base_url}/cgi-bin/gettoken",
                           params={"corpid": c.corp_id, "corpsecret": c.corp_secret}) as r:
        token = (await r.json())["access_token"]
    async with tg.http.get(f"{tg.base_url}/cgi-bin/media/get",
                           params={"access_token": token, "media_id": media_id}) as r:
        return await r.read()


async def test_a_group_report_with_a_photo_keeps_its_photo(wecom: tuple[WeComDriver, RunningWeCom], db: Any) -> None:
    tg, _ = wecom
    registered = await said(tg, GROUP, LI, REPORT, image={"content": "the dark street light"})
    assert "C-000001" in registered["plain_text"], registered
    case = await read_case(db)
    assert case.chat_id == GROUP["id"] and case.photo_file_id, case  # was None: the photo never fetched
    assert await _media(tg, case.photo_file_id) == b"the dark street light"  # the photo itself, decrypted
