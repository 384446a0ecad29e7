"""Quick surveys (问卷): measure demand instead of guessing it.

A question with 2–10 options goes to the branch's groups (or to riders privately)
as inline buttons, not a native poll: buttons tell us who answered (points, one
answer per person) and work the same in every chat. One answer per person,
changeable until the survey closes (the last press counts); the first answer
earns points (rule "survey_answered", source key `survey:<id>:<user>`). Closing is
a stored job `sv:<id>`: each chat gets a short summary (a reply to the question)
and the author the results. Anonymous surveys never show who answered what.

    /survey new [groups=…|riders] [close=明天18:00] [anon] 问题 | 选项1 | 选项2 …
    (or the question and each option on lines of their own)
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.buttons import SurveyOption, encode
from bot.commandtext import ANSWER_END, option_number
from bot.domain import PRIORITY_BROADCAST, PRIORITY_CONVERSATION, Awarder, Notice
from bot.intake import classify_async
from bot.intake.lang import written_language
from bot.outbox import enqueue
from bot.scheduling import Jobs, Pass
from bot.services.case_dialogs import settle_copies
from bot.smalltalk import smalltalk
from bot.services.broadcasts import (AUDIENCE_KEYS, RIDER_WORDS, BroadcastError, BroadcastService, after_commit,
                                     may_manage, parse_audience, tell)
from bot.timeparse import When, WhenError, normalize
from storage.models import User, utcnow
from storage.models.broadcasts import Survey, SurveyAnswer
from storage.uow import UnitOfWork

MIN_OPTIONS, MAX_OPTIONS = 2, 10
MAX_QUESTION, MAX_OPTION = 300, 100
DEFAULT_OPEN = timedelta(hours=24)
MAX_OPEN = timedelta(days=30)
ANON_WORDS = {"anon", "anonymous", "匿名"}
NAMED_WORDS = {"named", "public", "实名", "记名"}
CLOSE_KEYS = {"close", "closes", "until", "deadline", "截止", "结束", "截至"}
VOTERS_SHOWN = 30  # names listed per option in a named survey's results
_BULLET = re.compile(r"^\s*(?:[-•*·]|\d{1,2}\s*[.、)）]|[a-jA-J]\s*[.、)）])\s*")
POINTS_RULE = "survey_answered"


@dataclass(slots=True)
class SurveyDraft:
    question: str
    options: list[str]
    anonymous: bool = False
    audience: str = "groups"
    groups: list[str] | None = None
    close: When | None = None


_ASKED = re.compile(r"^(.+?[?？])\s*(.+)$", re.S)  # a question, then what follows its question mark
_LISTED = re.compile(r"[/／、,，;；]")  # between the options of a list typed on one line
_SPACES = re.compile(r"\s+")  # between them when none of those is typed


class SurveyService:
    def __init__(self, jobs: Jobs, broadcasts: BroadcastService, points: Awarder | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.jobs = jobs
        self.broadcasts = broadcasts  # audiences, staff scope, local times
        self.points = points
        self.clock = clock

    def passes(self) -> dict[str, Pass]:
        return {"survey-close": self.close_due}

    # --- creating -------------------------------------------------------------------
    def _flags_after(self, rest: str, d: SurveyDraft) -> str:
        """`rest` without the keys typed at its end (`… | 午休点 close=明晚8点`, `… groups=骑手群`),
        read into `d` as they are read before the question: a close= or groups= typed last was an
        option's words. Only key=value: a last word such as 骑手 or 匿名 may be an option."""
        while len(toks := list(re.finditer(r"\S+", rest))) > 1:
            for k in range(len(toks) - 1, max(len(toks) - 6, 0), -1):  # a close time is a few words at most
                raw = toks[k].group()
                key, eq, value = normalize(raw).partition("=")
                if eq and key in AUDIENCE_KEYS and k == len(toks) - 1:
                    d.audience, d.groups = parse_audience(key, re.split(r"[=＝]", raw, maxsplit=1)[1])
                    break
                if eq and key in CLOSE_KEYS:
                    found = self.broadcasts.longest_when([t.group() for t in toks[k + 1:]], value)
                    if found is None or found[1] != len(toks) - k - 1:
                        self.broadcasts.parse_when(" ".join([value, *(t.group() for t in toks[k + 1:])]))
                        raise WhenError("when-err-unknown")  # the precise reason above, else this
                    d.close = found[0]
                    break
            else:
                return rest
            rest = rest[:toks[k].start()].rstrip()
        return rest

    def parse_new(self, text: str) -> SurveyDraft:
        """Flags and keys first (groups=, close=, anon), then the question and its options,
        split by lines or by '|'. Raises BroadcastError or WhenError."""
        d = SurveyDraft("", [])
        first, nl, more = text.partition("\n")
        tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", first)]
        rest_at = len(first)
        i = 0
        while i < len(tokens):
            start, raw = tokens[i]
            word = normalize(raw)
            key, eq, value = word.partition("=")
            if eq and key in AUDIENCE_KEYS:
                d.audience, d.groups = parse_audience(key, re.split(r"[=＝]", raw, maxsplit=1)[1])
            elif eq and key in CLOSE_KEYS:
                found = self.broadcasts.longest_when([w for _, w in tokens[i + 1:]], value, deadline=True)
                if found is None:
                    self.broadcasts.parse_when(value, deadline=True)  # raises the precise reason
                    raise WhenError("when-err-unknown")
                d.close, used = found
                i += used
            elif word in ANON_WORDS or word in NAMED_WORDS:
                d.anonymous = word in ANON_WORDS
            elif word in RIDER_WORDS:
                d.audience, d.groups = "riders", None
            else:
                rest_at = start
                break
            i += 1
        rest = self._flags_after((first[rest_at:] + nl + more).strip(), d)
        lines = [ln.strip() for ln in rest.splitlines() if ln.strip()]
        parts = lines if len(lines) > 1 else [p.strip() for p in re.split(r"[|｜]", rest) if p.strip()]
        if len(parts) == 1 and (asked := _ASKED.match(parts[0])) is not None:
            # one line, no |: `周六活动去不去？ 去/不去`, `最需要什么？充电桩、午休点、饮水点`: the question up to
            # its question mark, the options after it as a phone types a list
            tail = asked[2]
            options = [o.strip() for o in (_LISTED if _LISTED.search(tail) else _SPACES).split(tail) if o.strip()]
            if len(options) >= MIN_OPTIONS:
                parts = [asked[1].strip(), *options]
        if not parts:
            raise BroadcastError("sv-usage")
        d.question = parts[0]
        d.options = [_BULLET.sub("", p).strip() for p in parts[1:]]
        d.options = [o for o in d.options if o]
        if not MIN_OPTIONS <= len(d.options) <= MAX_OPTIONS:
            raise BroadcastError("sv-err-options", count=len(d.options), min=MIN_OPTIONS, max=MAX_OPTIONS)
        if len(d.question) > MAX_QUESTION or any(len(o) > MAX_OPTION for o in d.options):
            raise BroadcastError("sv-err-too-long", question=MAX_QUESTION, option=MAX_OPTION)
        if len({normalize(o) for o in d.options}) != len(d.options):
            raise BroadcastError("sv-err-duplicate")
        if d.close is not None and d.close.kind != "at":
            raise BroadcastError("sv-err-close")
        return d

    async def create(self, uow: UnitOfWork, user: User, chat_id: int, lang: str, d: SurveyDraft) -> Survey:
        """Post the survey to its audience now and store its closing job."""
        scope = self.broadcasts.scope(user)
        now = self.clock()
        close_at = d.close.at if d.close is not None and d.close.at else now + DEFAULT_OPEN
        if close_at - now > MAX_OPEN:
            raise BroadcastError("sv-err-close")
        chosen = await self.broadcasts.chosen(uow, scope, d.groups) if d.groups else None
        targets, blocked = await self.broadcasts.targets(uow, scope, d.audience, chosen, user.id, lang)
        if not targets:
            raise BroadcastError("sv-err-no-targets")
        survey = await uow.surveys.add(Survey(
            author_id=user.id, branch_id=scope.branch_id, question=d.question, options=d.options,
            anonymous=d.anonymous, audience=d.audience, chat_ids=[t.chat_id for t in targets],
            lang=lang, close_at=close_at, created_at=now))
        sid = survey.id or 0
        buttons = [[(f"{n}. {o}", encode(SurveyOption(sid, n - 1)))] for n, o in enumerate(d.options, 1)]
        for t in targets:
            enqueue(uow, Notice(t.chat_id, "sv-question", t.lang, priority=PRIORITY_BROADCAST,
                                dedupe_key=f"sv:{sid}:{t.chat_id}",
                                payload={"id": sid, "question": d.question, "anonymous": d.anonymous,
                                         "close": self.broadcasts.local(close_at), "buttons": buttons}))
        after_commit(uow, lambda: self.jobs.at(f"sv:{sid}", "survey-close", sid, when=close_at,
                                                         grace=24 * 3600))
        tell(uow, chat_id, "sv-created", lang, id=sid, count=len(targets), blocked=blocked,
             close=self.broadcasts.local(close_at))
        return survey

    # --- answering ------------------------------------------------------------------
    async def answer(self, uow: UnitOfWork, user: User, survey_id: int, option: int,
                     chat_id: int) -> tuple[str, dict[str, object]]:
        """A button press: (message key, args) for the presser's toast."""
        survey = await uow.surveys.get(survey_id)
        if survey is None or chat_id not in survey.chat_ids or not 0 <= option < len(survey.options):
            return "sv-ans-gone", {}
        now = self.clock()
        if survey.status != "open" or now >= survey.close_at:
            return "sv-ans-closed", {}
        choice = survey.options[option]
        existing = await uow.surveys.answer_of(survey_id, user.id)
        if existing is not None:
            if existing.option == option:
                return "sv-ans-same", {"option": choice}
            existing.option, existing.chat_id, existing.answered_at = option, chat_id, now
            existing.changes += 1
            return "sv-ans-changed", {"option": choice}
        uow.surveys.add_answer(SurveyAnswer(survey_id=survey_id, user_id=user.id, option=option,
                                            chat_id=chat_id, answered_at=now))
        points = 0
        if self.points is not None:
            points = await self.points.award(uow, user.id, POINTS_RULE, f"survey:{survey_id}:{user.id}",
                                             branch_id=survey.branch_id)
        return ("sv-ans-points" if points else "sv-ans-recorded"), {"option": choice, "points": points}

    async def edited_answer(self, uow: UnitOfWork, user: User, survey_id: int, option: int,
                            chat_id: int) -> tuple[str, dict[str, object]] | None:
        """A typed answer, edited: None (nothing to say) when it leaves the vote as it was, as its first
        version was answered already (an edit fixing a typo or adding a word must not announce the vote
        again, open or closed); else as `answer`: one correction when it changes the vote."""
        existing = await uow.surveys.answer_of(survey_id, user.id)
        if existing is not None and existing.option == option:
            return None
        return await self.answer(uow, user, survey_id, option, chat_id)

    async def replied_answer(self, uow: UnitOfWork, chat_id: int, reply_to_id: int,
                             text: str) -> tuple[int, int] | None:
        """(survey id, option) when `text` replies to the bot's question of a survey in `chat_id`:
        a reply there is an answer to the survey, not a report, unless it tells of danger to someone
        (an urgent report: None, a case as a proposal's thread makes it). The option it names (its number,
        its words alone or in an opinion: option_named); NO_OPTION, on an open survey, for a choice
        naming none (`选4` of three, `station` said to Chinese options: answered with the options);
        UNNAMED for anything else (an opinion naming none, a thank-you: left alone, as chit-chat).
        None when it replies to no survey: the usual routes."""
        sid = await uow.surveys.of_bot_message(chat_id, reply_to_id)
        survey = await uow.surveys.get(sid) if sid is not None else None
        if survey is None or sid is None:
            return None
        if (await classify_async(text)).urgent_report:
            return None  # "公园门口有人晕倒了" replying to "午休点选哪里？": a case, as anywhere in the group
        option = option_named(survey.options, text)
        if option is not None:
            return sid, option
        if survey.status == "open" and (option_number(text, leading=True) is not None or unreadable_choice(survey.options, text)):
            return sid, NO_OPTION
        return sid, UNNAMED

    async def options_of(self, uow: UnitOfWork, survey_id: int) -> list[str]:
        survey = await uow.surveys.get(survey_id)
        return list(survey.options) if survey is not None else []

    # --- results and closing --------------------------------------------------------
    async def results(self, uow: UnitOfWork, user: User, survey_id: int, chat_id: int, lang: str) -> None:
        survey = await self._managed(uow, user, survey_id)
        tell(uow, chat_id, "sv-results", lang, **await self._tally(uow, survey, with_names=not survey.anonymous))

    async def close(self, uow: UnitOfWork, user: User, survey_id: int) -> None:
        """`/survey close ID`: close early; the same summary and results as at the closing time."""
        survey = await self._managed(uow, user, survey_id)
        if survey.status != "open":
            raise BroadcastError("sv-err-closed", id=survey_id)
        job_id = f"sv:{survey_id}"
        after_commit(uow, lambda: self.jobs.cancel(job_id))
        await self._close(uow, survey)

    async def close_due(self, uow: UnitOfWork, survey_id: int) -> None:
        """The stored closing job (idempotent: a closed survey is left alone)."""
        survey = await uow.surveys.get(survey_id)
        if survey is not None and survey.status == "open":
            await self._close(uow, survey)

    async def _close(self, uow: UnitOfWork, survey: Survey) -> None:
        survey.status, survey.closed_at = "closed", self.clock()
        sid = survey.id or 0
        tally = await self._tally(uow, survey, with_names=False)
        replies = await uow.broadcasts.sent_message_ids(f"sv:{sid}:")
        for chat_id in survey.chat_ids:
            enqueue(uow, Notice(chat_id, "sv-summary", survey.lang, payload=tally, reply_to=replies.get(chat_id),
                                priority=PRIORITY_BROADCAST, dedupe_key=f"sv-sum:{sid}:{chat_id}"))
        # the question's buttons go, and it says it is closed (its "you may change it until it closes"
        # read as open): a closed survey takes no more answers
        await settle_copies(uow, f"sv:{sid}:", f"sv-edit:{sid}:", None, "sv-closed-line", {})
        full = await self._tally(uow, survey, with_names=not survey.anonymous)
        enqueue(uow, Notice(survey.author_id, "sv-results", survey.lang, payload=full,
                            priority=PRIORITY_CONVERSATION, dedupe_key=f"sv-res:{sid}"))

    async def send_list(self, uow: UnitOfWork, user: User, chat_id: int, lang: str) -> None:
        scope = self.broadcasts.scope(user)
        items = []
        for s in await uow.surveys.recent(scope.branch_id, scope.everything):
            total = sum((await uow.surveys.counts(s.id or 0)).values())
            items.append({"id": s.id, "question": s.question, "status": s.status, "total": total,
                          "close": self.broadcasts.local(s.closed_at or s.close_at)})
        tell(uow, chat_id, "sv-list", lang, items=items)

    async def _managed(self, uow: UnitOfWork, user: User, survey_id: int) -> Survey:
        scope = self.broadcasts.scope(user)
        survey = await uow.surveys.get(survey_id)
        if survey is None or not may_manage(scope, user, survey.author_id, survey.branch_id):
            raise BroadcastError("sv-err-unknown", id=survey_id)  # another branch's reads as none
        return survey

    async def _tally(self, uow: UnitOfWork, survey: Survey, *, with_names: bool) -> dict[str, Any]:
        sid = survey.id or 0
        counts = await uow.surveys.counts(sid)
        names: dict[int, list[str]] = {}
        if with_names:
            for option, name in await uow.surveys.voters(sid):
                names.setdefault(option, []).append(name)
        total = sum(counts.values())
        return {"id": sid, "question": survey.question, "status": survey.status, "total": total,
                "anonymous": survey.anonymous, "close": self.broadcasts.local(survey.closed_at or survey.close_at),
                "options": [{"text": o, "count": counts.get(i, 0),
                             "names": names.get(i, [])[:VOTERS_SHOWN], "more": max(0, len(names.get(i, [])) - VOTERS_SHOWN)}
                            for i, o in enumerate(survey.options)]}


NO_OPTION = -1  # replied_answer's option for a choice that names none of the survey's
UNNAMED = -2  # replied_answer's option for words naming none: an answer to the survey all the same, unanswered


# An option's words said against it, or with a lukewarm judgement: `不要商场`, `不想去驿站`, `not the park`;
# `商场太吵`, `驿站不方便`, `驿站一般般`, `公园感觉不行`, `the park is too far`. A few words of the kind one
# puts between may come first (`驿站的话一般般`, `公园感觉有点远`); a mark ends the judgement (`驿站好，不要商场`).
_NOT_BEFORE = re.compile(r"(?:[不别没非](?:想去|喜欢|推荐|[要想去选用是])?|讨厌|\b(?:not|no|don'?t|never)\s+(?:the\s+|a\s+)?)$")
_BETWEEN = r"(?:的话|感觉|觉得|我觉得|真的|其实|就|也|还|还是|实在|是|吧|啊)*"
_NOT_AFTER = re.compile(
    rf"^{_BETWEEN}(?:不(?:行|好|要|去|想去|方便|合适|太行|太好|怎么样|咋样|咋地|喜欢|推荐|划算)"
    r"|(?:太|有点|有些|比较|很)(?:远|吵|贵|挤|热|小|差|偏|晒|一般)|差劲|没意思|算了|拉倒|一般(?=般|吧|啊|呀|了|$|[^\w]))"
    r"|^\s+(?:is\s+|'s\s+|are\s+)?(?:too\s|bad\b|not\s|no\sgood|so-so|meh\b|terrible)")
_LATIN = re.compile(r"[a-z0-9]")


def _said_for(said: str, option: str) -> bool:
    """Whether an opinion names `option` for it: its words (two characters at least, a Latin one a
    whole word of three), not said against it."""
    latin = option.isascii()
    if len(option) < (3 if latin else 2):
        return False
    for m in re.finditer(re.escape(option), said):
        if latin and (_LATIN.match(said[m.end():m.end() + 1]) or _LATIN.match(said[m.start() - 1:m.start()] or " ")):
            continue
        if not _NOT_BEFORE.search(said[:m.start()]) and not _NOT_AFTER.search(said[m.end():]):
            return True
    return False


def option_named(options: list[str], text: str) -> int | None:
    """The option a rider's reply names: its number as the buttons show it (`2`, `选2`, `2号`, `#2`;
    first, with words after it apart: `2，离得近`, as /vote reads it), its words (`午休点`, `午休点！`),
    compared as typed commands are (NFKC, case-folded), or its words in an opinion naming it and no
    other (`我觉得午休点好一点，离得近`; an option inside a longer one's words is that one); None for
    anything else (`谢谢`, `午休点和饮水点都要`, `不要午休点`)."""
    said = normalize(text).strip(ANSWER_END)
    if (n := option_number(text, leading=True)) is not None:
        return n - 1 if 1 <= n <= len(options) else None
    words = [normalize(o).strip(ANSWER_END) for o in options]
    exact = next((i for i, w in enumerate(words) if w == said), None)
    if exact is not None or not said:
        return exact
    named = [i for i, w in enumerate(words) if _said_for(said, w)]
    named = [i for i in named if not any(j != i and words[i] in words[j] for j in named)]
    return named[0] if len(named) == 1 else None


SHORT_CHOICE = 4  # words (Latin) or twice as many characters (Chinese): a choice, not a remark
# A laugh or a nod in any language is chit-chat, never a choice: `haha`, `lol`, `cool`, `哈哈哈`, `666`.
_REMARK = re.compile(r"(?:(?:ha|he|hi)+h?|lo+l|hm+|wo+w|cool|nice|great|good|sure|ok+|okay|哈+|呵+|嗯+|好吧|哦+|噢+|6+)")


def unreadable_choice(options: list[str], text: str) -> bool:
    """A short reply in another language than every option's (`station`, `the park` said to `驿站 | 公园`;
    `充电` to `Yes | No`): meant as a choice the words cannot name, so answered with the options. A
    courtesy (`thanks`) or a laugh (`haha`) is none."""
    lang = written_language(text)
    langs = {written_language(o) for o in options} - {None}
    said = normalize(text).strip(ANSWER_END)
    if lang is None or not langs or lang in langs or smalltalk(text) or _REMARK.fullmatch(said.replace(" ", "")):
        return False
    return len(said.split()) <= SHORT_CHOICE if lang == "en" else len(said) <= 2 * SHORT_CHOICE
