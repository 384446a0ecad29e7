"""Report intake: decide whether a rider's message is a report, and of what.

`classify` is the one interface the rest of the bot uses; the approach behind it
may change (keyword rules now, a trained model later) without touching callers.
Codes follow the labelling contract in shared/intake/taxonomy.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CATEGORIES: tuple[str, ...] = (
    "lighting", "road", "waterlogging", "bike_lane", "parking", "traffic",
    "fire_safety", "sanitation", "public_facility", "person_in_need",
    "rider_rights", "rider_service", "suggestion", "other",
)
URGENCIES: tuple[str, ...] = ("urgent", "normal", "low")


@dataclass(frozen=True, slots=True)
class Intake:
    is_report: bool
    category: str | None = None
    urgency: str | None = None
    location: str | None = None
    confidence: float = 1.0


_KEYWORDS: dict[str, tuple[str, ...]] = {
    "lighting": ("路灯", "灯不亮", "灯坏", "street light", "streetlight", "lamp"),
    "road": ("坑", "井盖", "路面", "塌陷", "pothole", "manhole"),
    "waterlogging": ("积水", "淹", "下水道", "堵了", "flood", "water"),
    "bike_lane": ("非机动车道", "bike lane"),
    "parking": ("乱停", "停车", "parked", "parking"),
    "traffic": ("红绿灯", "信号灯", "车祸", "路口", "traffic light", "accident"),
    "fire_safety": ("起火", "着火", "冒烟", "煤气", "漏电", "电线", "楼道充电", "fire", "smoke", "gas"),
    "sanitation": ("垃圾", "臭", "garbage", "trash"),
    "public_facility": ("栏杆", "护栏", "树倒", "电梯", "railing", "bench", "tree"),
    "person_in_need": ("摔倒", "晕倒", "倒地", "老人", "走丢", "fell", "lost child", "elderly"),
    "rider_rights": ("工资", "罚款", "欠薪", "不让进", "pay", "fine"),
    "rider_service": ("充电", "休息", "驿站", "厕所", "charging", "rest"),
    "suggestion": ("建议", "suggest"),
}
_URGENT = ("倒地", "晕倒", "漏电", "电线掉", "井盖没", "井盖丢", "起火", "着火", "冒烟", "煤气味",
           "水很深", "淹到", "受伤", "fire", "smoke", "injured", "fell", "live wire")
_PLACE = re.compile(
    r"[\u4e00-\u9fff\w]{1,12}?(?:路与[\u4e00-\u9fff]{1,8}路(?:交叉口|路口)?|路口|交叉口|小区\d*号?门?|"
    r"地铁站|桥下|广场|大道|路|街)"
    r"|(?:on|at|near) [A-Z][\w ]{1,40}?(?:Rd|Road|St|Street|Ave|Blvd)\b"
)


def detect_language(text: str) -> str:
    """'zh' when the text has any CJK character, else 'en'."""
    return "zh" if re.search(r"[\u4e00-\u9fff]", text or "") else "en"


def classify(text: str, lang: str | None = None) -> Intake:
    """Keyword rules (v0): enough to route the demo; replaced by a trained model."""
    low = (text or "").lower()
    hits = [cat for cat, words in _KEYWORDS.items() if any(w in low for w in words)]
    if not hits:
        return Intake(is_report=False, confidence=0.9)
    category = hits[0]
    urgency = "urgent" if any(w in low for w in _URGENT) else (
        "low" if category in ("rider_service", "suggestion") else "normal")
    match = _PLACE.search(text)
    return Intake(True, category, urgency, match.group(0) if match else None, 0.6)
