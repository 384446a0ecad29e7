"""The outbox's WeCom transport: sends one rendered notice the way WeCom allows, and maps WeCom's
errcodes to the sender's outcomes (handlers/wecom/errors.py).

Routes (docs/wecom.md): a member's private chat → message/send (markdown; buttons → a template card);
a group → the AI bot's response_url when the notice replies to a message whose response_url is
still unused (markdown or a card; a card's decision is shown by the AI bot's reply to its press,
handlers/wecom/cards.py; a choice too long for one card goes to the asker privately, every card,
and the group's one answer says so: a response_url takes one message), else appchat/send (groups the app made; markdown; a card's
buttons cannot go there, so they are dropped); in a group where only the AI bot is, a notice that
answers no message fails for that message alone (PermanentError), the group stays reachable. WeCom has no
edits of text, no forced replies and no forum topics: an edit is sent as a new message, a forced
reply as a plain one, and a topic is refused for good (the outbox then keeps the topic's messages in
the group itself).

The renderer is given (the neutral layer's, or handlers/render.py's today): anything with `text`
(the bot's HTML subset), `buttons`, `photo`, `voice` and `force_reply`.
"""
from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy.exc import SQLAlchemyError

from bot.i18n import t, wording
from bot.services.case_choices import PROMPT_KIND
from bot.outbox import CREATE_TOPIC, EDIT, Outgoing, PermanentError, TransientError, Unreachable
from handlers.wecom.callback import ReplyBook
from handlers.wecom.cards import CardBook
from handlers.wecom.client import SendResult, WeComClient, button_card, markdown
from handlers.wecom.errors import WeComError, outcomes
from handlers.wecom.ids import IdBook, message_number
from handlers.wecom.limits import WECOM, clip
from handlers.wecom.markup import as_text, to_markdown, to_plain
from handlers.wecom.prompts import PromptBook

GROUP_NOT_OURS = 86003  # appchat/send to a group the app did not create
PRIVATE_UNREACHABLE = (60111, 81013)  # message/send: no such member / none the app may write to
CARD_BUTTONS = 6  # a button_interaction card shows at most 6 buttons
CARD_TITLE_BYTES = 108  # a card's main title: keep it short (36 Chinese characters)
# A card's description: WeCom cuts a card's description beyond 512 bytes (message/send: a textcard's
# and a news article's "描述，不超过512个字节，超过会自动截断"; a template card's main_title.desc is
# advised shorter still, 44 characters), so a longer text is cut here, on a character, with "…", and
# the whole text follows the card as a markdown message (2048 bytes).
CARD_DESC_BYTES = 512
REPLACE_NAME_BYTES = 48  # the label that replaces a decided card's buttons: short (16 Chinese characters)


class RenderedLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def buttons(self) -> list[list[tuple[str, str]]] | None: ...
    @property
    def photo(self) -> str | None: ...
    @property
    def voice(self) -> str | None: ...


Renderer = Callable[[Outgoing], RenderedLike]


def cut(text: str, limit: int) -> str:
    """`text` within `limit` bytes of UTF-8: whole, or its beginning (never half a character) and "…"."""
    if len(text.encode()) <= limit:
        return text
    return clip(text, limit - len("…".encode())).rstrip() + "…"


def cards(task_prefix: str, text_html: str, buttons: list[list[tuple[str, str]]],
          lang: str = "zh") -> list[tuple[str, dict[str, Any]]]:
    """The notice as template cards of at most CARD_BUTTONS buttons each: the first carries the text
    (first line the title, the rest the description), each has its own task id. A first line too
    long for a title is shown whole in the description, the title its beginning with "…" (clipped
    alone, "请确认是否解决；如未解决可申请重新处理。" lost its end). A description longer than
    CARD_DESC_BYTES is its beginning with "…", and the whole text follows the cards as markdown
    (it was sent whole, up to 1,024 bytes, and WeCom cut it where it chose).

    More buttons than one card holds (a button_interaction card shows at most 6; `/assign`'s
    departments are a dozen) go on several cards, each titled with the notice's title and its
    number in `lang` ("C-000001 · 指派部门：请选择部门（2/3）"), the buttons shared as evenly as the
    cards allow (5, 5, 3 of 13): the second and third used to be titled "…", which said nothing of what
    their buttons were for, and the third held the cancel button alone."""
    flat = [button for row in buttons for button in row]
    plain = to_plain(text_html)
    title, _, desc = plain.partition("\n")
    if len(title.encode()) > CARD_TITLE_BYTES:
        title, desc = cut(title, CARD_TITLE_BYTES), plain
    shown = cut(desc, CARD_DESC_BYTES)
    total = max(1, -(-len(flat) // CARD_BUTTONS))
    per = -(-len(flat) // total)  # as even as the cards allow: the last is no lone "✖ 取消"
    out = []
    for i, n in enumerate(range(0, len(flat), per)):
        head = title if total == 1 else card_part(title, i + 1, total, lang)
        out.append(button_card(f"{task_prefix}-{i}", head, shown if n == 0 else "", flat[n:n + per]))
    if shown != desc:
        out.append(markdown(clip(to_markdown(text_html))))
    return out


def card_part(title: str, n: int, total: int, lang: str) -> str:
    """`title` numbered as the `n`th of `total` cards, within CARD_TITLE_BYTES (the title is cut, never
    the number)."""
    numbered = t(lang, "wecom-card-part", title="", n=n, total=total)
    room = CARD_TITLE_BYTES - len(numbered.encode())
    return t(lang, "wecom-card-part", title=cut(title.removesuffix("…"), room) if title else "", n=n, total=total)


class WeComTransport:
    platform = WECOM

    def __init__(self, client: WeComClient, ids: IdBook, replies: ReplyBook, render: Renderer,
                 cards: CardBook | None = None, prompts: PromptBook | None = None) -> None:
        self.client, self.ids, self.replies, self.render = client, ids, replies, render
        self.prompts = prompts or PromptBook()  # share the runtime's: a prompt's answer is the next message
        self.cards = cards or CardBook()  # share the callback's, so presses renew the update codes

    async def deliver(self, message: Outgoing) -> int | None:
        if message.payload.get(CREATE_TOPIC):
            raise PermanentError("WeCom groups have no topics")
        try:
            kind, target = await self.ids.target(message.chat_id)
        except KeyError:
            raise Unreachable(f"no WeCom id known for chat {message.chat_id}") from None
        except (SQLAlchemyError, OSError) as e:  # the identity table unreachable: try again later
            raise TransientError(f"WeCom id of chat {message.chat_id} not readable: {type(e).__name__}") from e
        with wording("wecom"):  # no replies; a group hears only @-mentions (bot/locales/*/wecom.ftl)
            rendered = self.render(message)
        if message.payload.get(EDIT):
            return await self._settle(message, rendered)
        with outcomes(message.chat_id):
            if kind == "user":
                result = await self._to_user(message, target, rendered)
            else:
                result = await self._to_group(message, target, rendered)
            await self._attachments(kind, target, message, rendered)
        number = message_number(result.msgid) if result.msgid else None
        if kind == "user":
            self.prompts.delivered(message.chat_id, number, message.kind == PROMPT_KIND)
        return number

    def decision_of(self, message: Outgoing) -> str:
        """The label a settling edit (an EDIT row) gives its card's buttons, rendered as `deliver` would."""
        with wording("wecom"):
            return decision_label(self.render(message).text)

    async def _settle(self, message: Outgoing, rendered: RenderedLike) -> int:
        """An edit of our earlier message: its cards' buttons become the new text's last line (who
        decided). Text cannot be edited on WeCom; a message without a card we can update (a code
        already used or expired) is left as it is — the edit is done, as for a message gone. A
        group's card is updated by the AI bot's reply to the press (cards.py): the decision is left there."""
        target = int(message.payload[EDIT])
        label = decision_label(rendered.text)
        for ref in self.cards.for_message(target):
            if ref.card is not None:
                self.cards.decide(ref.task_id, label)
                continue
            if ref.response_code is None:
                continue
            code, ref.response_code = ref.response_code, None
            try:
                with outcomes(message.chat_id):
                    await self.client.update_card(ref.userid, code, label)
            except PermanentError:
                continue  # the code was refused (expired): nothing more can be done to that card
        return target

    def _bodies(self, message: Outgoing, rendered: RenderedLike) -> list[tuple[str, dict[str, Any]]]:
        if rendered.buttons:
            return cards(f"o{message.id}", rendered.text, rendered.buttons, message.lang)
        return [markdown(clip(to_markdown(rendered.text)))]

    async def _to_user(self, message: Outgoing, userid: str, rendered: RenderedLike) -> SendResult:
        first: SendResult | None = None
        cards: list[tuple[str, str | None]] = []
        for msgtype, content in self._bodies(message, rendered):
            sent = await self.client.send_to_user(userid, msgtype, content)
            first = first or sent
            if msgtype == "template_card":
                cards.append((str(content["task_id"]), sent.response_code))
        assert first is not None
        if first.msgid:
            for task_id, code in cards:
                self.cards.sent(message_number(first.msgid), userid, task_id, code, rendered.text)
        return first

    async def _to_group(self, message: Outgoing, chatid: str, rendered: RenderedLike) -> SendResult:
        bodies = self._bodies(message, rendered)
        if message.reply_to and sum(1 for msgtype, _ in bodies if msgtype == "template_card") > 1:
            asker = self.replies.asker(message.chat_id, message.reply_to)
            if asker is not None:
                sent = await self._in_private(message, asker, rendered)
                if sent is not None:
                    return sent
        url = self.replies.take(message.chat_id, message.reply_to) if message.reply_to else None
        if url is not None:  # the one answer WeCom allows to that message
            msgtype, content = bodies[0]
            await self.client.respond(url, msgtype, content)
            sent = SendResult(None)
            if msgtype == "template_card":  # a number for the card, so a press's settling edit finds it
                task_id = str(content["task_id"])
                sent = SendResult(f"card-{task_id}")
                self.cards.sent_in_group(message_number(sent.msgid or ""), task_id, content, rendered.text)
            if msgtype == "template_card" and bodies[-1][0] == "markdown":  # a card cut short: its whole text
                try:  # where the app may post (a group it made); an AI-bot group keeps the card alone
                    await self.client.send_to_group(chatid, *bodies[-1])
                except WeComError as e:
                    if e.errcode != GROUP_NOT_OURS:
                        raise
            return sent
        try:
            return await self.client.send_to_group(chatid, *markdown(clip(to_markdown(rendered.text))))
        except WeComError as e:
            if e.errcode != GROUP_NOT_OURS:
                raise
            # A group where only the AI bot is: it takes an answer to a message, nothing unasked.
            # This message cannot go; the group is still reachable (not Unreachable).
            raise PermanentError(f"{e} (an AI-bot group takes only answers to its messages)") from e

    async def _in_private(self, message: Outgoing, asker: str, rendered: RenderedLike) -> SendResult | None:
        """A choice too long for one card, answering a group message: the response_url takes one
        answer, so only its first card would arrive (WeCom: "每个 response_url 用户可以调用接口一次").
        Every card goes to the asker privately (message/send: several cards arrive there, and each
        press comes back to the app's callback with a code that settles its card), and the group's one
        answer is a short line saying so. None, with nothing sent, when the app cannot write to them
        (60111, 81013: not a member it sees): the group then gets the first card, as before."""
        try:
            sent = await self._to_user(message, asker, rendered)
        except WeComError as e:
            if e.errcode not in PRIVATE_UNREACHABLE:
                raise  # the response_url stays unused: a retry tries again
            return None
        number = message_number(sent.msgid) if sent.msgid else None
        try:  # the bot spoke last in the asker's private chat: an open prompt there is no longer the question
            self.prompts.delivered(await self.ids.user(asker), number, message.kind == PROMPT_KIND)
        except (SQLAlchemyError, OSError):
            pass  # the cards went; only the prompt's bookkeeping is skipped
        url = self.replies.take(message.chat_id, message.reply_to) if message.reply_to else None
        if url is not None:
            title = cut(to_plain(rendered.text).partition("\n")[0], CARD_TITLE_BYTES)
            line = t(message.lang, "wecom-choice-in-private", title=as_text(title))
            await self.client.respond(url, *markdown(clip(line)))
        return sent

    async def _attachments(self, kind: str, target: str, message: Outgoing, rendered: RenderedLike) -> None:
        """A photo, a voice note (media ids) or a document (bytes in the row) after the text. A photo
        whose temporary media has expired (3 days: 40007) is skipped: the text went."""
        doc = message.payload.get("document")
        items: list[tuple[str, dict[str, Any]]] = []
        if doc:
            media_id = await self.client.upload_media("file", str(doc["name"]), base64.b64decode(doc["data"]),
                                                      "application/octet-stream")
            items.append(("file", {"media_id": media_id}))
        if rendered.photo:
            items.append(("image", {"media_id": rendered.photo}))
        if rendered.voice:
            items.append(("voice", {"media_id": rendered.voice}))
        for msgtype, content in items:
            try:
                if kind == "user":
                    await self.client.send_to_user(target, msgtype, content)
                else:
                    await self.client.send_to_group(target, msgtype, content)
            except WeComError as e:
                if e.errcode not in (40007, GROUP_NOT_OURS):  # media gone; a group appchat cannot reach
                    raise


def decision_label(text_html: str) -> str:
    """What a decided card's buttons become: the settling edit's last line (who decided what), as
    plain text of at most REPLACE_NAME_BYTES; "✓" for an edit with no text."""
    lines = [line for line in to_plain(text_html).splitlines() if line.strip()]
    return clip(lines[-1] if lines else "✓", REPLACE_NAME_BYTES)
