"""The context line of a private case update (issue 13 §2 "Context"): as written for the
reporter, masked and without a home for anyone else who follows the case."""
from __future__ import annotations

from bot.services.cases import ABOUT_CHARS, context
from storage.models import Case

TEXT = "楼下有人摔倒 电话13812345678 望京SOHO T3 我住望京花园5号楼1203室"


def _case(location: str | None) -> Case:
    return Case(category="person_in_need", urgency="urgent", text=TEXT, location=location,
                reporter_id=501, chat_id=-100100, message_id=7, lang="zh")


def test_the_reporter_reads_their_own_words():
    own = context(_case("望京SOHO T3"), own=True)
    assert own["place"] == "望京SOHO T3" and "13812345678" in own["about"]
    assert len(own["about"]) == ABOUT_CHARS and own["about"].endswith("…")


def test_a_follower_reads_them_masked_and_no_home():
    other = context(_case("住望京花园5号楼"), own=False)
    assert other["place"] == "" and "13812345678" not in other["about"] and "138****5678" in other["about"]
    assert context(_case("望京SOHO T3"), own=False)["place"] == "望京SOHO T3"
