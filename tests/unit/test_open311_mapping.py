"""The pure Open311 mapping: date windows, ids, the catalogue, a case as a service request."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.cases import load_routing
from bot.services.open311 import Open311Error, catalogue, parse_ids, parse_new_request, request_view, window
from storage.models import Case

NOW = datetime(2026, 11, 30, 4, 0, tzinfo=timezone.utc)
ROUTING = load_routing()


def test_the_window_defaults_to_90_days_and_refuses_more() -> None:
    assert window(None, None, NOW) == (NOW - timedelta(days=90), NOW)
    since, until = window("2026-11-01", None, NOW)
    assert since == datetime(2026, 11, 1, tzinfo=timezone.utc) and until == NOW
    since, until = window(None, "2026-06-01T08:00:00+08:00", NOW)
    assert until - since == timedelta(days=90)
    assert window("2026-01-01T00:00:00Z", "2026-03-31T00:00:00Z", NOW)[0].month == 1  # 89 days
    for start, end in (("2026-01-01T00:00:00Z", "2026-04-02T00:00:00Z"), ("2026-05-01", "2026-04-01"),
                       ("soon", None), (None, "2026-13-01")):
        with pytest.raises(Open311Error) as e:
            window(start, end, NOW)
        assert e.value.status == 400


def test_ids_accept_numbers_in_either_form() -> None:
    assert parse_ids("C-000012, 13,c-14") == [12, 13, 14]
    with pytest.raises(Open311Error):
        parse_ids("C-1,drop table")


def test_the_catalogue_has_every_category_with_a_group() -> None:
    services = catalogue(ROUTING, "en")
    assert [s["service_code"] for s in services] == list(ROUTING.categories)
    road = next(s for s in services if s["service_code"] == "road")
    assert road["service_name"] == "Road damage" and road["group"] == "Road maintenance"
    assert "pothole" in road["keywords"].split(",") and "|" not in road["keywords"]


def test_a_case_as_a_request_masks_and_hides_a_home() -> None:
    case = Case(id=7, category="lighting", urgency="normal", status="resolved", reporter_id=1, chat_id=-1,
                text="我住幸福小区5号楼1203室，楼下路灯坏了，电话13812345678", location="幸福小区5号楼1203室",
                lat=39.9, lon=116.4, department="urban_lighting", created_at=NOW, updated_at=NOW,
                fix_due_at=NOW + timedelta(days=7))
    req = request_view(case, ROUTING, ZoneInfo("Asia/Shanghai"), "zh")
    assert req["service_request_id"] == "C-000007" and req["status"] == "closed"
    assert req["status_notes"].startswith("resolved") and req["agency_responsible"] == "城管局·市政照明"
    assert req["requested_datetime"] == "2026-11-30T12:00:00+08:00"
    # the home is where the problem is ("楼下"): its compound only, never the building or room; no pin
    assert req["address"] == "幸福小区" and req["lat"] is None and req["long"] is None
    assert "13812345678" not in req["description"] and "1203" not in req["description"]


def test_a_new_request_needs_a_known_service_and_a_place() -> None:
    new = parse_new_request({"service_code": "road", "lat": "39.9", "long": "116.4", "phone": "139"}, ROUTING, "en")
    assert new.category == "road" and new.lat == 39.9 and new.text == "Road damage"
    for form in ({"service_code": "road"}, {"service_code": "nope", "address_string": "x"},
                 {"service_code": "road", "lat": "39.9"}, {"service_code": "road", "lat": "nan", "long": "1"}):
        with pytest.raises(Open311Error):
            parse_new_request(form, ROUTING, "en")
