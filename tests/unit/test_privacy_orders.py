"""An order or waybill number ("订单 2024-0512-1530-0001", "运单号：0512 6523 1234", "order …") was masked as a
landline, its 0512 read as Suzhou's area code, so the number the hotline needs to find the order was gone.
Now a number its writer calls an order's is read as written (a row of the negative list that claims it and
is not personal); a landline or mobile next to it, or called the order's phone, is still masked."""
from __future__ import annotations

import pytest

from bot.privacy import find, mask


@pytest.mark.parametrize("text", [
    "订单 2024-0512-1530-0001", "订单号：2024-0512-1530-0001 还没送到", "单号 0512-6523-1234",
    "运单号：0512 6523 1234", "order 2024-0512-1530-0001", "Order no. 0512-6523-1234", "快递单号 SF0512-6523-1234",
])
def test_an_order_number_is_read_as_written(text: str) -> None:
    assert mask(text) == text
    assert find(text) == []  # not reported as personal data (a broadcast counts what it screens)


@pytest.mark.parametrize("text, expected", [
    ("电话 0512-6523 1234", "电话 0512-****1234"),
    ("订单 2024-0512-1530-0001，电话 0512-6523 1234", "订单 2024-0512-1530-0001，电话 0512-****1234"),
    ("订单 2024-0512-1530-0001 电话 0512 6523 1234", "订单 2024-0512-1530-0001 电话 0512 ****1234"),
    ("订单电话 0512-6523 1234", "订单电话 0512-****1234"),  # the order's phone is a phone
    ("快递单号 13812345678", "快递单号 138****5678"),  # a mobile is masked whatever it is called
    ("订单 138 1234 5678", "订单 138****5678"),  # …however it is spaced
    ("单号 123456 13812345678", "单号 123456 138****5678"),  # and beside an order's number
    ("订单 123456 138 1234 5678", "订单 123456 138****5678"),
    ("order 12345678 13912345678", "order 12345678 139****5678"),
])
def test_a_phone_next_to_an_order_is_still_masked(text: str, expected: str) -> None:
    assert mask(text) == expected
