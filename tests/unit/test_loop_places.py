"""Is a message the answer to "where is it?" (bot/cases/places.py)."""
from __future__ import annotations

from bot.cases.places import answer_place, clean_place, is_place_answer, looks_like_place, says_another


def never(_: str) -> bool:
    return False


def always(_: str) -> bool:
    return True


def test_filler_around_a_place_is_an_answer_whatever_the_classifier_says() -> None:
    assert is_place_answer("在光华路和东三环路口", "光华路和东三环路", always)
    assert is_place_answer("it is at Keyuan Rd gate 2", "Keyuan Rd gate", always)
    assert is_place_answer("就在幸福小区3号门那边", "幸福小区3号门", never)


def test_a_report_besides_the_place_is_not_an_answer() -> None:
    assert not is_place_answer("建国路C口井盖丢了 很危险", "建国路C口", always)
    assert not is_place_answer("/report 建国路", "建国路", never)
    assert not is_place_answer("anything", None, never)


def test_the_whole_place_is_kept() -> None:
    assert answer_place("在光华路和东三环路口", "光华路和东三环路") == "光华路和东三环路口"
    assert answer_place("No, it is Keyuan Rd gate 5", "Keyuan Rd gate") == "Keyuan Rd gate 5"
    assert answer_place("不对，是幸福小区5号门", "幸福小区5号门") == "幸福小区5号门"
    assert clean_place("就在幸福小区3号门那边。") == "幸福小区3号门"


def test_comments_do_not_read_as_places() -> None:
    assert not looks_like_place("still there, not fixed!") and not looks_like_place("还是没修好！")
    assert looks_like_place("3号楼东门") and looks_like_place("gate 2 of the mall")


def test_another_one_is_said_not_guessed() -> None:
    """What a message says besides its place, after "where is it?": "also", 也, 另外 tell of
    another problem like the first (a new case), not of this one's place."""
    for text in (" 路灯也坏了", "另外 那边路灯也不亮", "还有 一个路灯不亮", "Another light is out on ",
                 " light is out too", "路灯又坏了一个", "the light there is also out", "另一个路灯不亮"):
        assert says_another(text), text
    for text in (" 的路灯坏了", "就在 那边，也就是东门", "在 ，又黑又滑", "路灯还有点闪", "光华路路灯又坏了", "the light is out",
                 "it is too dark there", ""):
        assert not says_another(text), text
