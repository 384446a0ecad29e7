"""Posting riders' messages straight to the report service, on the real database: each in a unit
of work of its own, or several in one, as the poller handles a getUpdates batch."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.cases import load_routing
from bot.domain import IncomingMessage, Person
from bot.services.cases import CaseService
from bot.services.people import register
from bot.services.reports import ReportService
from storage.models import Case
from storage.uow import UnitOfWork
from tests.service.conftest import Factory

GROUP = -100700


def report_service() -> ReportService:
    return ReportService(CaseService(load_routing(), frozenset(), ZoneInfo("Asia/Shanghai")))


async def post(uows: Factory, reports: ReportService, who: Person, text: str, message_id: int,
               batch: UnitOfWork | None = None, pin: tuple[float, float] | None = None,
               chat_id: int = GROUP) -> Case | None:
    """`who` posts `text` (with a location `pin`, as a venue is) in `chat_id`: in `batch` (left
    uncommitted), else in a unit of work of its own."""
    lat, lon = pin if pin is not None else (None, None)
    msg = IncomingMessage(chat_id=chat_id, chat_type="supergroup", sender=who, message_id=message_id, text=text,
                          lat=lat, lon=lon)
    if batch is not None:
        return await reports.on_message(batch, msg, await register(batch, msg), "zh")
    async with uows() as own:
        case = await reports.on_message(own, msg, await register(own, msg), "zh")
        await own.commit()
        return case
