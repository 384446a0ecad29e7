"""A WeCom card's text (handlers/wecom/transport.py `cards`): the description within WeCom's 512
bytes, cut on a character with "…", and the whole text after the cards when it was cut."""
from __future__ import annotations

from handlers.wecom.transport import CARD_DESC_BYTES, cards

BUTTONS = [[("是", "rp:1:y"), ("不是", "rp:1:n")]]


def test_a_short_card_is_one_card_with_its_whole_text() -> None:
    [(kind, card)] = cards("o1", "🤔 这是要上报的问题吗？\n幸福小区3号门路灯坏了", BUTTONS)
    assert kind == "template_card" and card["main_title"]["desc"] == "幸福小区3号门路灯坏了"


def test_a_long_description_is_cut_on_a_character_and_the_whole_text_follows() -> None:
    body = "路灯坏了，晚上很黑，" * 40 + "末尾"
    out = cards("o2", f"<b>C-000001</b>\n{body}", BUTTONS * 4)  # 8 buttons: two cards
    assert [kind for kind, _ in out] == ["template_card", "template_card", "markdown"]
    desc = out[0][1]["main_title"]["desc"]
    assert len(desc.encode()) <= CARD_DESC_BYTES and desc.endswith("…") and body.startswith(desc[:-1])
    assert out[1][1]["main_title"]["desc"] == ""
    assert out[2][1]["content"].endswith("末尾") and "**C-000001**" in out[2][1]["content"]
