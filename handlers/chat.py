"""The chat layer every platform shares: routes, and the one chain an event goes through.

Why: the handlers (handlers/cases.py, points.py, …) take platform-neutral events
(`bot.domain.IncomingMessage`, `bot.events.ButtonPress`, `bot.events.CommandCall`), so aiogram,
python-telegram-bot and later WeCom run the same handlers. An adapter (handlers/telegram_aiogram/,
handlers/telegram_ptb/) only turns its platform's updates into these events, hands them to
`ChatDispatcher.feed` inside the update's unit of work (`handlers.updates.once`), and renders what
the outbox sends and what a press is answered.

The chain of a message: edge normalisation (the command as input methods type it; an admin posting
as the group) → the first matching route → people (register sender and chat, choose the reply
language) → command place (a command in the wrong kind of chat, bot/commands.py) → the handler,
its `Refused` caught once and answered. Routes are tried in this order: the ordered message routes
(a pin we asked for, a broadcast draft's body, a reply in a deliberation thread, a reply to a case
prompt, a voice note, an album's photo, a report), then commands (by the command table's name),
then the routes after commands (the unknown-command pointer and the unreadable-media answer).
A press is routed by its button kind; an unknown one is answered as a stale button.

Handlers and filters receive what they name, as with aiogram's dependency injection: the event
(`message`/`incoming`, `command`, `query`/`press`, `button`), `uow`, `user`, `lang`, `raw_text`,
`port` (the adapter's `ChatPort`), and the core's services (bot.app.Core.services).
"""
from __future__ import annotations

import dataclasses
import inspect
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.buttons import Button
from bot.cases import CaseError
from bot.commands import BY_NAME, Who, find, wrong_place
from bot.commandtext import normalize_command, without_mention
from bot.domain import PRIORITY_CONVERSATION, IncomingMessage, Notice
from bot.events import ButtonPress, ChatEvent, ChatMoved, CommandCall, MembershipChanged, MessageEdited
from bot.i18n import normalize_lang, t
from bot.outbox import enqueue
from bot.refusals import Refused
from bot.services import people
from bot.services.broadcasts import Body
from handlers.presses import already_decided, answer, presser
from handlers.render import error_text
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
Handler = Callable[..., Awaitable[Any]]
Filter = Callable[..., Any]  # sync or async; False/None: no match; a dict: more named values


class ChatPort(Protocol):
    """What handlers may ask of the platform they run on (the adapter's services)."""

    async def username(self) -> str | None:
        """The bot's own user name (a command addressed `/cmd@name` to another bot is not ours)."""

    async def download(self, file_id: str) -> bytes:
        """A file's bytes (a voice note's audio)."""

    def body(self, message: IncomingMessage, skip: int = 0) -> Body | None:
        """The message as a broadcast's recipients should get it, from character `skip` of its
        text on, its formatting in the platform's markup; None when it carries nothing we push."""


@dataclass(frozen=True, slots=True)
class Route:
    handler: Handler
    filters: tuple[Filter, ...] = ()
    kinds: tuple[type[Button], ...] = ()

    @property
    def name(self) -> str:
        return f"{self.handler.__module__}.{self.handler.__qualname__}"


@dataclass
class ChatRoutes:
    """Every route, in order. Feature modules add theirs with a `register(routes)` function."""

    before: list[Route] = field(default_factory=list)  # message routes tried before commands
    commands: dict[str, list[Route]] = field(default_factory=dict)  # canonical name -> routes, in order
    after: list[Route] = field(default_factory=list)  # message routes tried after commands
    buttons: list[Route] = field(default_factory=list)
    edits: list[Route] = field(default_factory=list)

    def message(self, handler: Handler, *filters: Filter, late: bool = False) -> None:
        (self.after if late else self.before).append(Route(handler, filters))

    def command(self, handler: Handler, *names: str, when: Filter | None = None) -> None:
        for name in names:
            if name not in BY_NAME:
                raise ValueError(f"/{name} is not in the command table (bot/commands.py)")
            self.commands.setdefault(name, []).append(Route(handler, (when,) if when else ()))

    def button(self, handler: Handler, *kinds: type[Button]) -> None:
        self.buttons.append(Route(handler, kinds=kinds))

    def edit(self, handler: Handler, *filters: Filter) -> None:
        self.edits.append(Route(handler, filters))

    def button_kinds(self) -> set[type[Button]]:
        return {k for r in self.buttons for k in r.kinds}


_PARAMS: dict[Callable[..., Any], tuple[frozenset[str], bool]] = {}


def _params(fn: Callable[..., Any]) -> tuple[frozenset[str], bool]:
    got = _PARAMS.get(fn)
    if got is None:
        sig = inspect.signature(fn)
        got = (frozenset(sig.parameters), any(p.kind is p.VAR_KEYWORD for p in sig.parameters.values()))
        _PARAMS[fn] = got
    return got


async def call(fn: Callable[..., Any], data: dict[str, Any]) -> Any:
    """`fn` with the values it names (all of them if it takes **kwargs); awaited if it returns an awaitable."""
    names, var = _params(fn)
    result = fn(**(data if var else {k: v for k, v in data.items() if k in names}))
    return await result if inspect.isawaitable(result) else result


async def _passes(route: Route, data: dict[str, Any]) -> dict[str, Any] | None:
    """The values the route's filters add, or None when one of them says no."""
    extra: dict[str, Any] = {}
    for f in route.filters:
        got = await call(f, {**data, **extra})
        if not got:
            return None
        if isinstance(got, dict):
            extra |= got
    return extra


def parse_command(text: str) -> CommandCall | None:
    """`/name[@bot] args` (already normalised) as a command, or None: the name may be any word (an
    unknown one is answered by the unknown-command route). An alias is reported under its name."""
    if not text.startswith("/"):
        return None
    head, *rest = text.split(maxsplit=1)
    word, _, mention = head[1:].partition("@")
    known = find(word)
    return CommandCall(known.name if known else word, rest[0] if rest else None, text, mention or None)


def refusal_notice(error: Refused) -> tuple[str, dict[str, Any]]:
    """The notice kind and payload that say `error` in a chat."""
    if isinstance(error, CaseError):
        return "case-error", {"key": error.key, "params": error.params}
    return error.key, dict(error.params)


def refusal_text(lang: str, error: Refused) -> str:
    """`error` as one line of plain text, for a button's answer."""
    if isinstance(error, CaseError):
        return error_text(lang, error.key, error.params)
    return t(lang, error.key, **error.params)


class ChatDispatcher:
    """Routes one event through the chain; `feed` runs inside the update's unit of work."""

    def __init__(self, routes: ChatRoutes, default_lang: str, services: dict[str, Any]) -> None:
        self.routes = routes
        self.default_lang = default_lang
        self.services = services

    async def feed(self, event: ChatEvent, uow: UnitOfWork, port: ChatPort, **extra: Any) -> None:
        data: dict[str, Any] = {**self.services, **extra, "uow": uow, "port": port}
        if isinstance(event, IncomingMessage):
            await self._message(event, data)
        elif isinstance(event, ButtonPress):
            await self._press(event, data)
        elif isinstance(event, MessageEdited):
            await self._edited(event, data)
        elif isinstance(event, ChatMoved):
            await self.services["migration"].move(uow, event.old_id, event.new_id)
        elif isinstance(event, MembershipChanged):  # blocked or removed: do not write there
            chat = await uow.chats.ensure(event.chat_id, event.chat_type, event.chat_title)
            await people.set_reachable(uow, chat, not event.gone, rejoined=not event.gone)
            if event.added:
                await people.joined(uow, chat, normalize_lang(event.by_lang) or self.default_lang)

    # --- messages ----------------------------------------------------------------------------
    async def _message(self, raw: IncomingMessage, data: dict[str, Any]) -> None:
        msg = await self._addressed(self.normalised(raw), data["port"])
        if msg is not raw:
            data["raw_text"] = raw.text
        if msg.as_group:
            from handlers.anonymous import anonymous_admin
            await anonymous_admin(msg, data, self.default_lang)
            return
        data |= {"message": msg, "incoming": msg}
        command = parse_command(msg.text)
        if command is not None:
            data["command"] = command
        found = await self._match(msg, command, data)
        if found is None:
            return
        route, extra, is_command = found
        if msg.sender_is_bot:
            return
        uow: UnitOfWork = data["uow"]
        user = await people.register(uow, msg)
        data |= extra | {"user": user,
                         "lang": people.reply_lang(user, msg.sender.language_code, msg.text, self.default_lang)}
        try:
            if is_command and command is not None:
                key = wrong_place(command.command, msg.is_private)
                spec, cases = BY_NAME.get(command.command.lower()), data.get("cases")
                if key is not None and spec is not None and spec.who is not Who.ANYONE and cases is not None:
                    # a rider: whose command it is, not where to send it (to be refused there)
                    key = wrong_place(command.command, msg.is_private, staff=await cases.may_use(uow, user, spec.who))
                if key is not None:  # the command table's answer; the handler does not run
                    self._say(uow, msg, key, data["lang"], {})
                    return
            await call(route.handler, data)
        except Refused as e:
            kind, payload = refusal_notice(e)
            self._say(uow, msg, kind, data["lang"], payload)

    @staticmethod
    async def _addressed(msg: IncomingMessage, port: ChatPort) -> IncomingMessage:
        """The message without the bot's own @mention (bot.commandtext.without_mention), marked
        as addressed to the bot."""
        if "@" not in msg.text:
            return msg
        text = without_mention(msg.text, await port.username())
        return msg if text == msg.text else dataclasses.replace(msg, text=text, addressed=True)

    @staticmethod
    def normalised(msg: IncomingMessage) -> IncomingMessage:
        """The message with its command (in text or caption) as the command parser expects it."""
        command = normalize_command(msg.text)
        return dataclasses.replace(msg, text=command) if command is not None and command != msg.text else msg

    async def _match(self, msg: IncomingMessage, command: CommandCall | None,
                     data: dict[str, Any]) -> tuple[Route, dict[str, Any], bool] | None:
        for route in self.routes.before:
            if (extra := await _passes(route, data)) is not None:
                return route, extra, False
        if command is not None and command.command in self.routes.commands and await self._ours(command, data):
            for route in self.routes.commands[command.command]:
                if (extra := await _passes(route, data)) is not None:
                    return route, extra, True
        for route in self.routes.after:
            if (extra := await _passes(route, data)) is not None:
                return route, extra, False
        return None

    @staticmethod
    async def _ours(command: CommandCall, data: dict[str, Any]) -> bool:
        """A command addressed to another bot by name (`/help@other_bot`) is not ours."""
        if command.mention is None:
            return True
        me = await data["port"].username()
        return not me or command.mention.lower() == me.lower()

    @staticmethod
    def _say(uow: UnitOfWork, msg: IncomingMessage, kind: str, lang: str, payload: dict[str, Any]) -> None:
        enqueue(uow, Notice(msg.chat_id, kind, lang, payload=payload, priority=PRIORITY_CONVERSATION,
                            reply_to=None if msg.is_private else msg.message_id))

    # --- presses and edits ---------------------------------------------------------------------
    async def _press(self, press: ButtonPress, data: dict[str, Any]) -> None:
        data |= {"query": press, "press": press, "button": press.data}
        route = next((r for r in self.routes.buttons if isinstance(press.data, r.kinds)), None)
        try:
            if route is None:  # an old keyboard, or forged data: say so, touch nothing
                lang = normalize_lang(press.sender.language_code) or self.default_lang
                await answer(press, t(lang, "button-stale"))
                return
            await call(route.handler, data)
        except Refused as e:
            uow: UnitOfWork = data["uow"]
            _, lang = await presser(uow, press, self.default_lang)
            await answer(press, already_decided(uow, press, lang, refusal_text(lang, e), e.params, e.key), alert=True)

    async def _edited(self, event: MessageEdited, data: dict[str, Any]) -> None:
        data |= {"message": await self._addressed(self.normalised(event.message), data["port"]), "date": event.date}
        for route in self.routes.edits:
            if (extra := await _passes(route, data)) is not None:
                await call(route.handler, data | extra)
                return


def build_routes(registrations: Iterable[Callable[[ChatRoutes], None]] | None = None) -> ChatRoutes:
    """Every feature's routes, in the order the chain tries them (see the module's docstring)."""
    routes = ChatRoutes()
    for register in registrations if registrations is not None else default_registrations():
        register(routes)
    return routes


def default_registrations() -> list[Callable[[ChatRoutes], None]]:
    """The feature modules, in route order: the message routes that go first (reports come early:
    most updates are group text, and they should not try every command), then commands."""
    from handlers import (admin, broadcasts, case_choices, cases, checkins, commands, deliberation, export_chat,
                          lessons, link, points, reports, routing, top, voice, web_command)
    return [checkins.register_pins, broadcasts.register_capture, deliberation.register_threads,
            case_choices.register, voice.register, reports.register_albums, cases.register_questions,
            reports.register,
            cases.register, routing.register, admin.register, points.register, checkins.register,
            broadcasts.register, lessons.register, deliberation.register, top.register,
            export_chat.register, web_command.register, link.register, commands.register, reports.register_last]
