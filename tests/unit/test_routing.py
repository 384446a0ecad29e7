"""Routing table: taxonomy defaults, deadlines, operator overrides, config errors."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.cases.routing import ConfigError, load_routing, parse_duration

# category -> (department name zh, default urgency), straight from taxonomy.md
TAXONOMY = {
    "lighting": ("城管局·市政照明", "normal"),
    "road": ("住建局·市政道路", "normal"),
    "waterlogging": ("水务局", "normal"),
    "bike_lane": ("交警大队", "normal"),
    "parking": ("城管局", "normal"),
    "traffic": ("交警大队", "normal"),
    "fire_safety": ("消防救援站", "urgent"),
    "sanitation": ("环卫所", "normal"),
    "public_facility": ("街道办·公共设施", "normal"),
    "person_in_need": ("社区居委会", "urgent"),
    "rider_rights": ("工会·新就业群体服务站", "normal"),
    "rider_service": ("党群服务中心", "low"),
    "suggestion": ("社区党委", "low"),
    "other": ("社区党委", "normal"),
}


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "routing.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_default_table_matches_taxonomy():
    table = load_routing()
    assert set(table.categories) == set(TAXONOMY)
    for category, (name_zh, urgency) in TAXONOMY.items():
        route = table.route(category)
        assert route.name_zh == name_zh, category
        assert route.urgency == urgency
        assert table.default_urgency(category) == urgency
        assert route.name_en and route.name("en") == route.name_en
        assert route.name("zh-CN") == name_zh
    assert table.route("bike_lane").department == table.route("traffic").department


def test_default_deadlines():
    table = load_routing()
    assert table.deadline("urgent") == timedelta(hours=1)
    assert table.deadline("normal") == timedelta(hours=72)
    assert table.deadline("low") == timedelta(days=7)
    assert table.route("fire_safety").deadline == timedelta(hours=1)
    assert table.route("suggestion").deadline == timedelta(days=7)


def test_urgency_overrides_category_default():
    table = load_routing()
    route = table.route("road", "urgent")       # missing manhole cover on a main road
    assert route.department == "road_maintenance"
    assert route.deadline == timedelta(hours=1) and route.urgency == "urgent"
    with pytest.raises(ValueError):
        table.route("road", "whenever")
    with pytest.raises(ValueError):
        table.route("aliens")


def test_due_at_starts_when_rider_reports():
    table = load_routing()
    reported = datetime(2025, 5, 1, 14, 30, tzinfo=timezone.utc)
    assert table.due_at(reported, "urgent") == datetime(2025, 5, 1, 15, 30, tzinfo=timezone.utc)
    assert table.due_at(reported, "normal") == datetime(2025, 5, 4, 14, 30, tzinfo=timezone.utc)
    assert table.due_at(reported, "low") == datetime(2025, 5, 8, 14, 30, tzinfo=timezone.utc)


OVERRIDE = """
[deadlines]
urgent = "30m"

[departments.road_maintenance]
members = [111, 222]

[departments.grid_team]
name_zh = "网格员队伍"
name_en = "Grid workers"
members = [333]

[categories.sanitation]
department = "grid_team"
urgency = "normal"

[branch.chaoyang.categories.road]
department = "grid_team"
urgency = "urgent"

[branch.chaoyang.deadlines]
normal = "1d12h"

[branch.haidian.departments.grid_team]
members = [444]
"""


def test_operator_override_global(tmp_path):
    table = load_routing(write(tmp_path, OVERRIDE))
    assert table.deadline("urgent") == timedelta(minutes=30)
    assert table.deadline("normal") == timedelta(hours=72)      # untouched
    assert table.route("sanitation").name_zh == "网格员队伍"
    assert table.route("road").department == "road_maintenance"
    assert table.departments["road_maintenance"].name_zh == "住建局·市政道路"   # merged, not replaced
    assert table.departments_of(222) == ["road_maintenance"]
    assert table.departments_of(333) == ["grid_team"]
    assert table.departments_of(999) == []


def test_operator_override_per_branch(tmp_path):
    path = write(tmp_path, OVERRIDE)
    chaoyang = load_routing(path, "chaoyang")
    assert chaoyang.branch == "chaoyang"
    route = chaoyang.route("road")
    assert (route.department, route.urgency, route.deadline) == ("grid_team", "urgent",
                                                                 timedelta(minutes=30))
    assert chaoyang.deadline("normal") == timedelta(hours=36)
    haidian = load_routing(path, "haidian")
    assert haidian.route("road").department == "road_maintenance"
    assert haidian.departments_of(444) == ["grid_team"] and haidian.departments_of(333) == []
    other = load_routing(path, "nowhere")             # no section: the global table
    assert other.route("road").department == "road_maintenance"


@pytest.mark.parametrize("text, fragment", [
    ('[categories.aliens]\ndepartment = "sanitation"\nurgency = "low"', "unknown category"),
    ('[categories.road]\ndepartment = "ghosts"', "no department 'ghosts'"),
    ('[categories.road]\nurgency = "asap"', "urgency"),
    ('[categories.road]\ndepartmnt = "sanitation"', "unknown key 'departmnt'"),
    ('[deadlines]\nurgent = "soon"', "deadlines.urgent"),
    ('[deadlines]\nurgent = 1', "deadlines.urgent"),
    ('[deadlines]\nurgent = "0h"', "positive"),
    ('[deadlines]\nasap = "1h"', "unknown key 'asap'"),
    ('[departments.road_maintenance]\nmembers = ["@bob"]', "members"),
    ('[departments.new_team]\nname_zh = "新"', "name_en"),
    ('[departments.Bad-Code]\nname_zh = "x"\nname_en = "x"', "lower_snake_case"),
    ('[branch.x.categories.road]\nwho = "me"', "branch.x"),
    ('[routes]\nx = 1', "unknown key 'routes'"),
    ('[deadlines\nurgent = "1h"', "invalid TOML"),
])
def test_config_errors_are_typed_and_one_line(tmp_path, text, fragment):
    with pytest.raises(ConfigError) as e:
        load_routing(write(tmp_path, text), "x")
    message = str(e.value)
    assert fragment in message
    assert "\n" not in message
    assert "routing.toml" in message


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError) as e:
        load_routing(tmp_path / "nope.toml")
    assert "cannot read" in str(e.value)


@pytest.mark.parametrize("text, expected", [
    ("1h", timedelta(hours=1)), ("72h", timedelta(hours=72)), ("7d", timedelta(days=7)),
    ("1h30m", timedelta(minutes=90)), ("90s", timedelta(seconds=90)), (" 2D ", timedelta(days=2)),
])
def test_parse_duration(text, expected):
    assert parse_duration(text) == expected
