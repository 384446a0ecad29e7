"""A department as a department member names it on a phone: by the part after the dot (`市政照明` for
城管局·市政照明) or a part only one name has (`道路`, `lighting`). `/transfer C-1 道路` and `/assign C-1
市政照明` got "没有叫“道路”的部门" (only the whole name, the part before the dot and a prefix were read), and
the refusal showed `/assign C-000001` whatever the command and the case were."""
from __future__ import annotations

import pytest

from bot.cases.departments import find_department, resolve_department
from bot.cases.lifecycle import InvalidInput
from bot.cases.routing import load_routing
from handlers.render import error_text


@pytest.mark.parametrize("typed, code", [("市政照明", "urban_lighting"), ("市政道路。", "road_maintenance"),
                                         ("道路", "road_maintenance"), ("照明", "urban_lighting"),
                                         ("lighting", "urban_lighting"), ("公共设施", "street_office"),
                                         ("城管局", "urban_management"), ("住建局", "road_maintenance")])
def test_a_department_named_by_a_part_only_it_has(typed: str, code: str) -> None:
    assert find_department(load_routing(), typed) == code


def test_a_part_several_names_share_lists_them_with_the_command_typed() -> None:
    with pytest.raises(InvalidInput) as refused:
        resolve_department(load_routing(), "市政", action="transfer_request", number="C-000007")
    text = error_text("zh", refused.value.key, refused.value.params)
    assert "城管局·市政照明" in text and "住建局·市政道路" in text and "/transfer C-000007" in text


@pytest.mark.parametrize("action, command", [("transfer_request", "/transfer"), ("assign", "/assign"),
                                             ("accept", "/accept")])
def test_an_unknown_department_is_refused_with_the_command_typed(action: str, command: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        resolve_department(load_routing(), "火星局", action=action, number="C-000003")
    for lang in ("zh", "en"):
        text = error_text(lang, refused.value.key, refused.value.params)
        assert f"{command} C-000003" in text and "火星局" in text
