"""A secretary's empty review lists say they are empty (outsider trial 6)."""
from __future__ import annotations

import pytest

from tests.conftest import GROUP, LI, SEC, SEC_B, said, two_branches, with_boss
from tests.factories import new_message


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def test_an_empty_review_list_says_there_is_nothing_to_review(bot, tg, db) -> None:
    """Before: `/hours pending` with nothing pending answered "待审核的志愿时长：0 条（下面列出 0 条）"
    ("Volunteer hours to review: 0 (showing 0)"), and `/reportins` likewise: a list that promised
    lines below and had none."""
    await two_branches(tg, LI)
    for who, command, expected in ((SEC, "/hours pending", "没有待审核的志愿时长。"),
                                   (SEC_B, "/hours pending", "No volunteer hours to review."),
                                   (SEC, "/reportins", "没有待确认的报到。"),
                                   (SEC_B, "/reportins", "no report-ins to confirm.")):
        text = (await said(tg, who["id"], who, command))["text"]
        assert expected in text and "0" not in text, (command, text)
    # one pending: the header counts it, and its card follows
    before = len(await tg.messages(SEC["id"]))
    await said(tg, GROUP, LI, "/reportin 河南省周口市某村党支部")
    # the request's card reaches the secretary on its own time (after the group's answer, on a loaded
    # machine): once it is there, the secretary's next message is the list's answer
    await new_message(tg, SEC["id"], before, "党员报到 #1")
    header = (await said(tg, SEC["id"], SEC, "/reportins"))["text"]
    assert "待确认的报到" in header and "1 条" in header, header
