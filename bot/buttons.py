"""Every inline button's data, built and read in one place, for every chat platform.

Why one module: the data a button carries comes back to us from the platform as an untrusted
string (a forged press can carry anything), so building it and reading it back must agree, and
every id in it must be bounded before it reaches a query. Before this module each handler had
its own callback regexp and `split(":")`; now a handler (aiogram's, or another platform's
adapter) only asks `decode(data)` and receives a typed button or None.

Shape of the data: `<prefix>:<field>[:<field>...]`, ASCII except a department token, at most
`MAX_DATA_BYTES` bytes (Telegram's callback_data limit, 1-64 bytes; WeCom's template-card
`key` allows more, so the smaller limit holds everywhere). Ids are `bot.ids.ID` (1-9 digits:
always below the 32-bit column limit), so a forged 20-digit id does not decode at all.

`decode` is strict (the whole string must match, no trailing newline) and never raises.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar, TypeAlias

from bot.ids import ID

MAX_DATA_BYTES = 64  # Telegram Bot API: callback_data is 1-64 bytes

# A department choice carries the action as a two-letter code (the data must stay short).
DEPARTMENT_CODES: dict[str, str] = {"assign": "as", "transfer_request": "tr", "accept": "ac"}
DEPARTMENT_ACTIONS: dict[str, str] = {v: k for k, v in DEPARTMENT_CODES.items()}
CANCEL = "x"  # the short code of a department choice's cancel button


def _yn(value: bool) -> str:
    return "y" if value else "n"


def _ar(value: bool) -> str:
    return "a" if value else "r"


@dataclass(frozen=True, slots=True)
class CaseAction:
    """A case card's action button: `ca:<case id>:<lifecycle action>` (the action is checked by
    the lifecycle rules when pressed: a forged one is refused there)."""
    prefix: ClassVar[str] = "ca"
    pattern: ClassVar[str] = rf"ca:({ID}):(\w{{1,32}})"
    case_id: int
    action: str

    def fields(self) -> tuple[object, ...]:
        return (self.case_id, self.action)

    @classmethod
    def read(cls, g: tuple[str, ...]) -> CaseAction:
        return cls(int(g[0]), g[1])


@dataclass(frozen=True, slots=True)
class CaseConfirm:
    """The reporter's answer to a resolution: `cf:<case id>:y` (confirm) or `:n` (reopen)."""
    prefix: ClassVar[str] = "cf"
    pattern: ClassVar[str] = rf"cf:({ID}):([yn])"
    case_id: int
    confirm: bool

    def fields(self) -> tuple[object, ...]:
        return (self.case_id, _yn(self.confirm))

    @classmethod
    def read(cls, g: tuple[str, ...]) -> CaseConfirm:
        return cls(int(g[0]), g[1] == "y")

    @property
    def action(self) -> str:
        """The lifecycle action the answer stands for."""
        return "confirm" if self.confirm else "reopen"


@dataclass(frozen=True, slots=True)
class DepartmentChoice:
    """One department of a choice: `cd:<case id>:<as|tr|ac>:<department token>[:<state>]`; the
    cancel button is `cd:<case id>:x:-` (`action` None). The token is the department code, or
    `#<index>` when the code is too long (bot.cases.departments.department_token). `state` is the
    case's state stamp when the choice was offered (4 hex digits,
    bot.services.case_choices.state_stamp): a press once the case has moved on is stale (issue 13
    B3: a second, older dialog must not silently reassign). Buttons made before the stamp existed
    carry none and are checked by the lifecycle rules only."""
    prefix: ClassVar[str] = "cd"
    pattern: ClassVar[str] = rf"cd:({ID}):(as|tr|ac|x):([\w#-]{{1,40}})(?::([0-9a-f]{{4}}))?"
    case_id: int
    action: str | None
    token: str = "-"
    state: str = ""

    def fields(self) -> tuple[object, ...]:
        head = (self.case_id, DEPARTMENT_CODES[self.action] if self.action else CANCEL,
                self.token if self.action else "-")
        return (*head, self.state) if self.action and self.state else head

    @classmethod
    def read(cls, g: tuple[str, ...]) -> DepartmentChoice:
        action = DEPARTMENT_ACTIONS.get(g[1])
        return cls(int(g[0]), action, g[2], (g[3] or "") if action else "")


@dataclass(frozen=True, slots=True)
class UnsureReport:
    """"Is this a report?" asked of the sender: `rp:<pending id>:y|n`."""
    prefix: ClassVar[str] = "rp"
    pattern: ClassVar[str] = rf"rp:({ID}):([yn])"
    pending_id: int
    yes: bool

    def fields(self) -> tuple[object, ...]:
        return (self.pending_id, _yn(self.yes))

    @classmethod
    def read(cls, g: tuple[str, ...]) -> UnsureReport:
        return cls(int(g[0]), g[1] == "y")


@dataclass(frozen=True, slots=True)
class ReportInVerdict:
    """A secretary approves or rejects a report-in: `ri:<report-in id>:a|r`."""
    prefix: ClassVar[str] = "ri"
    pattern: ClassVar[str] = rf"ri:({ID}):([ar])"
    report_in_id: int
    approve: bool

    def fields(self) -> tuple[object, ...]:
        return (self.report_in_id, _ar(self.approve))

    @classmethod
    def read(cls, g: tuple[str, ...]) -> ReportInVerdict:
        return cls(int(g[0]), g[1] == "a")


@dataclass(frozen=True, slots=True)
class ReportInBranch:
    """The rider picks the branch they work in: `rb:<report-in id>:<branch id>`."""
    prefix: ClassVar[str] = "rb"
    pattern: ClassVar[str] = rf"rb:({ID}):({ID})"
    report_in_id: int
    branch_id: int

    def fields(self) -> tuple[object, ...]:
        return (self.report_in_id, self.branch_id)

    @classmethod
    def read(cls, g: tuple[str, ...]) -> ReportInBranch:
        return cls(int(g[0]), int(g[1]))


@dataclass(frozen=True, slots=True)
class HoursVerdict:
    """Volunteer hours approved or rejected: `vh:<entry id>:<half hours on the card>:a|r`; the
    half hours make a press on an out-of-date card refusable."""
    prefix: ClassVar[str] = "vh"
    pattern: ClassVar[str] = rf"vh:({ID}):({ID}):([ar])"
    entry_id: int
    halves: int
    approve: bool

    def fields(self) -> tuple[object, ...]:
        return (self.entry_id, self.halves, _ar(self.approve))

    @classmethod
    def read(cls, g: tuple[str, ...]) -> HoursVerdict:
        return cls(int(g[0]), int(g[1]), g[2] == "a")


@dataclass(frozen=True, slots=True)
class BroadcastPress:
    """`bc:go:<id>` / `bc:x:<id>` (send / drop a draft's preview), `bc:c:<id>` (cancel, from the
    /broadcasts list)."""
    prefix: ClassVar[str] = "bc"
    pattern: ClassVar[str] = rf"bc:(go|x|c):({ID})"
    action: str  # "go" | "x" | "c"
    broadcast_id: int

    def fields(self) -> tuple[object, ...]:
        return (self.action, self.broadcast_id)

    @classmethod
    def read(cls, g: tuple[str, ...]) -> BroadcastPress:
        return cls(g[0], int(g[1]))


@dataclass(frozen=True, slots=True)
class SurveyOption:
    """A survey option: `sv:<survey id>:<option index 0-99>`."""
    prefix: ClassVar[str] = "sv"
    pattern: ClassVar[str] = rf"sv:({ID}):(\d{{1,2}})"
    survey_id: int
    option: int

    def fields(self) -> tuple[object, ...]:
        return (self.survey_id, self.option)

    @classmethod
    def read(cls, g: tuple[str, ...]) -> SurveyOption:
        return cls(int(g[0]), int(g[1]))


@dataclass(frozen=True, slots=True)
class LessonPress:
    """A lesson push's ✅ (`ls:<push id>:d`, `option` None) or a quiz answer (`ls:<push id>:<0-9>`)."""
    prefix: ClassVar[str] = "ls"
    pattern: ClassVar[str] = rf"ls:({ID}):(d|\d)"
    push_id: int
    option: int | None

    def fields(self) -> tuple[object, ...]:
        return (self.push_id, "d" if self.option is None else self.option)

    @classmethod
    def read(cls, g: tuple[str, ...]) -> LessonPress:
        return cls(int(g[0]), None if g[1] == "d" else int(g[1]))


@dataclass(frozen=True, slots=True)
class ShopRedeem:
    """Redeem an item from the /shop list: `pt:r:<item id>`."""
    prefix: ClassVar[str] = "pt"
    pattern: ClassVar[str] = rf"pt:r:({ID})"
    item_id: int

    def fields(self) -> tuple[object, ...]:
        return ("r", self.item_id)

    @classmethod
    def read(cls, g: tuple[str, ...]) -> ShopRedeem:
        return cls(int(g[0]))


@dataclass(frozen=True, slots=True)
class RedemptionVerdict:
    """A secretary fulfils (`pr:<redemption id>:y`) or refuses (`:n`) a redemption."""
    prefix: ClassVar[str] = "pr"
    pattern: ClassVar[str] = rf"pr:({ID}):([yn])"
    redemption_id: int
    fulfil: bool

    def fields(self) -> tuple[object, ...]:
        return (self.redemption_id, _yn(self.fulfil))

    @classmethod
    def read(cls, g: tuple[str, ...]) -> RedemptionVerdict:
        return cls(int(g[0]), g[1] == "y")


@dataclass(frozen=True, slots=True)
class VoiceTriage:
    """A category for a voice note's case, or bot.voice.service.DISMISS: `vt:<case id>:<choice>`."""
    prefix: ClassVar[str] = "vt"
    pattern: ClassVar[str] = rf"vt:({ID}):(\w{{1,32}})"
    case_id: int
    choice: str

    def fields(self) -> tuple[object, ...]:
        return (self.case_id, self.choice)

    @classmethod
    def read(cls, g: tuple[str, ...]) -> VoiceTriage:
        return cls(int(g[0]), g[1])


@dataclass(frozen=True, slots=True)
class VoicePlace:
    """"Add the place" under a voice note's case: `vp:<case id>`."""
    prefix: ClassVar[str] = "vp"
    pattern: ClassVar[str] = rf"vp:({ID})"
    case_id: int

    def fields(self) -> tuple[object, ...]:
        return (self.case_id,)

    @classmethod
    def read(cls, g: tuple[str, ...]) -> VoicePlace:
        return cls(int(g[0]))


@dataclass(frozen=True, slots=True)
class SupportPress:
    """👍 附议 under a proposal (小哥议事会): `dp:<proposal id>:s`."""
    prefix: ClassVar[str] = "dp"
    pattern: ClassVar[str] = rf"dp:({ID}):s"
    proposal_id: int

    def fields(self) -> tuple[object, ...]:
        return (self.proposal_id, "s")

    @classmethod
    def read(cls, g: tuple[str, ...]) -> SupportPress:
        return cls(int(g[0]))


@dataclass(frozen=True, slots=True)
class VotePress:
    """A vote option under a proposal's vote: `dv:<proposal id>:<option index, 0-99>` (the index
    is checked against the vote's options when pressed: a forged one is refused there)."""
    prefix: ClassVar[str] = "dv"
    pattern: ClassVar[str] = rf"dv:({ID}):(\d{{1,2}})"
    proposal_id: int
    option: int

    def fields(self) -> tuple[object, ...]:
        return (self.proposal_id, self.option)

    @classmethod
    def read(cls, g: tuple[str, ...]) -> VotePress:
        return cls(int(g[0]), int(g[1]))


@dataclass(frozen=True, slots=True)
class ProposeFromCase:
    """"Turn into a proposal" on a suggestion case's card: `dc:<case id>`."""
    prefix: ClassVar[str] = "dc"
    pattern: ClassVar[str] = rf"dc:({ID})"
    case_id: int

    def fields(self) -> tuple[object, ...]:
        return (self.case_id,)

    @classmethod
    def read(cls, g: tuple[str, ...]) -> ProposeFromCase:
        return cls(int(g[0]))


Button: TypeAlias = (CaseAction | CaseConfirm | DepartmentChoice | UnsureReport | ReportInVerdict | ReportInBranch
                     | HoursVerdict | BroadcastPress | SurveyOption | LessonPress | ShopRedeem | RedemptionVerdict
                     | VoiceTriage | VoicePlace | SupportPress | VotePress | ProposeFromCase)
KINDS: tuple[type[Button], ...] = (
    CaseAction, CaseConfirm, DepartmentChoice, UnsureReport, ReportInVerdict, ReportInBranch, HoursVerdict,
    BroadcastPress, SurveyOption, LessonPress, ShopRedeem, RedemptionVerdict, VoiceTriage, VoicePlace,
    SupportPress, VotePress, ProposeFromCase)
# prefix -> (kind, its whole-string pattern): the registry every platform adapter and test reads
PREFIXES: dict[str, tuple[type[Button], re.Pattern[str]]] = {
    k.prefix: (k, re.compile(k.pattern)) for k in KINDS}
assert len(PREFIXES) == len(KINDS), "two button kinds share a prefix"


def encode(button: Button) -> str:
    """The data string for `button`. ValueError when it would not fit `MAX_DATA_BYTES` or would
    not decode back to the same button (a builder's bug, caught where the button is made)."""
    data = ":".join([button.prefix, *(str(f) for f in button.fields())])
    if len(data.encode()) > MAX_DATA_BYTES or decode(data) != button:
        raise ValueError(f"button data {data!r} does not fit or does not read back")
    return data


def decode(data: str | None) -> Button | None:
    """The button `data` stands for, or None: unknown prefix, wrong shape, an id too long."""
    if not data or len(data) > MAX_DATA_BYTES:
        return None
    entry = PREFIXES.get(data.partition(":")[0])
    if entry is None:
        return None
    kind, pattern = entry
    m = pattern.fullmatch(data)
    return kind.read(m.groups()) if m else None
