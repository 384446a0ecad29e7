"""Voice reports (bot/voice): the audio and transcript stored beside a case."""
from __future__ import annotations

from storage.models import Case
from storage.models.voice import VoiceReport
from storage.repositories.base import Repository


class VoiceRepository(Repository):
    async def add(self, case: Case, report: VoiceReport) -> VoiceReport:
        """Insert both now: the case's id goes into the buttons sent in this transaction."""
        await self.session.flush()
        report.case_id = case.id or 0
        self.session.add(report)
        self._held[(VoiceReport, report.case_id)] = report  # pending: not in the identity map yet
        return report

    async def get(self, case_id: int) -> VoiceReport | None:
        return await self.cached(VoiceReport, case_id)
