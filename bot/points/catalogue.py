"""Which catalogue item a rider means by what they typed after /redeem. Pure.

The shop shows each item as `code · name` (`meal · 驿站爱心餐券`); riders type either: the code, the
name as shown in their language or the other, or a part of the name that only one item has
(`/redeem 流量包`, `/redeem 爱心餐`, `/redeem 餐券`, `/redeem 餐`, `/redeem Meal voucher`). Width, case, spaces, traditional
characters (`/redeem 愛心餐`) and the quotes and brackets an input method adds (「」“”《》) do not matter.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.typed import typed_key

_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉【】()（）\[\]<>·・.,，。:：;；!！?？_\-—]+")


class Named(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def name_zh(self) -> str: ...
    @property
    def name_en(self) -> str: ...


@dataclass(frozen=True)
class Match:
    """The one item meant (`item`), or the several a part of a name fits (`several`), or neither."""
    item: Named | None = None
    several: tuple[Named, ...] = ()


def _plain(text: str) -> str:
    """As the word tables read a typed word (bot.typed.typed_key: `愛心餐`, full width, case), the noise gone."""
    return _NOISE.sub("", typed_key(text)).casefold()


def match_item(items: Sequence[Named], typed: str) -> Match:
    """The item `typed` names: its code or a whole name first, else the only item whose name (or
    code) contains it, else the several that do. One Chinese character is a part as two are
    (`/redeem 餐`: the one item with 餐; `/redeem 券`: those with 券); a single Latin letter or digit,
    in nearly every name, names nothing (`/redeem e`)."""
    want = _plain(typed)
    if not want:
        return Match()
    for item in items:
        if want in (_plain(item.code), _plain(item.name_zh), _plain(item.name_en)):
            return Match(item=item)
    if len(want) < 2 and want.isascii():
        return Match()
    fits = tuple(i for i in items
                 if any(want in _plain(name) for name in (i.code, i.name_zh, i.name_en)))
    if len(fits) == 1:
        return Match(item=fits[0])
    return Match(several=fits)
