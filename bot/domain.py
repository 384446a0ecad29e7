"""Platform-neutral shapes that adapters (Telegram today, WeChat-style later) translate to and from."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from storage.models import Case
    from storage.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    first_name: str = ""
    username: str | None = None
    language_code: str | None = None


@dataclass(frozen=True, slots=True)
class VoiceClip:
    """A voice note as the platform stores it (its file id fetches the audio through the adapter)."""

    file_id: str
    unique_id: str
    duration: int = 0
    size: int = 0


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """What a user posted, as the domain needs it."""

    chat_id: int
    chat_type: str  # private | group | supergroup
    sender: Person
    message_id: int
    chat_title: str | None = None
    text: str = ""
    photo_file_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_name: str | None = None  # the pin's own name (a Telegram venue: its title and address)
    reply_to_bot: bool = False
    thread_id: int | None = None  # the forum topic it was posted in
    media_group_id: str | None = None  # one photo of an album
    reply_to_id: int | None = None  # the message this one replies to (which case's thread it is in)
    quoted: str | None = None  # the text a WeCom message quotes (引用): its words only, no message id nor sender
    is_forum: bool | None = None  # the group has topics (Telegram's Chat.is_forum); None: not told
    # What the chat layer (handlers/chat.py) routes on; an adapter fills what its platform tells.
    is_caption: bool = False  # `text` is a photo's caption, not a text message
    voice: VoiceClip | None = None  # a voice note
    forwarded: bool = False  # forwarded from elsewhere (a forwarded pin is not where the sender is)
    bots_words: bool = False  # a bot wrote it (forwarded from a bot, ours too; sent via one's inline mode)
    reply_sender: Person | None = None  # who wrote the message this one replies to (None: a bot, or no reply)
    reply_location: tuple[float, float] | None = None  # the pin this message replies to
    sender_is_bot: bool = False  # nobody wrote it: another bot's post, a linked channel's: never answered
    as_group: bool = False  # an admin posting as the group itself (anonymous: no person to register)
    addressed: bool = False  # named the bot ("@bot 你好"): in a group, answered even when it is no report
    # The platform's own object, for the adapter's services alone (formatting, file download):
    # the core never reads it.
    source: Any = field(default=None, compare=False, repr=False)

    @property
    def is_private(self) -> bool:
        return self.chat_type == "private"


@dataclass(frozen=True, slots=True)
class Notice:
    """A message owed to a chat: a catalogue kind and its arguments, rendered at send time.

    Rendering late keeps HTML and buttons out of the domain and lets the sender
    merge or re-render what is queued.
    """

    chat_id: int
    kind: str
    lang: str
    payload: dict[str, Any] = field(default_factory=dict)
    reply_to: int | None = None
    priority: int = 0
    dedupe_key: str | None = None
    case: Case | None = None  # the object, so a new case needs no flush before its notice


# Lower goes first. Conversation (replies, case announcements) shares one level so
# that a chat hears things in the order they happened; broadcasts wait behind it.
PRIORITY_CONVERSATION = 0
PRIORITY_BROADCAST = 5


class Awarder(Protocol):
    """The points bank as other services see it: award by rule, once per source key."""

    async def award(self, uow: UnitOfWork, user_id: int, rule: str, source_key: str, *,
                    units: int = 1, branch_id: int | None = None, actor_id: int | None = None) -> int:
        """Points credited (0 when the key was already used, a cap is reached or the rule gives none)."""

    async def award_each(self, uow: UnitOfWork, user_id: int, awards: Sequence[tuple[str, str, int | None]], *,
                         branch_id: int | None = None) -> int:
        """`award` of each (rule, source key, actor id) to one rider in turn; the points credited in all."""

    async def reverse(self, uow: UnitOfWork, source_key: str, reason: str) -> int:
        """Cancels what `source_key` awarded with a reversal entry; the points taken back."""
