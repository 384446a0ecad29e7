"""aiogram imported through the adapter builds its types' validators when first used
(handlers/telegram_aiogram/lean.py), and every type and method still builds, validates and
serializes then. Each check runs in a fresh interpreter: in this one aiogram is imported already."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _run(code: str) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_the_adapter_imports_aiogram_with_its_types_not_yet_built() -> None:
    got = _run("""
import json
import handlers.telegram_aiogram
from handlers.telegram_aiogram.lean import import_aiogram
from aiogram import types
models = [getattr(types, n) for n in types.__all__ if hasattr(getattr(types, n), "model_rebuild")]
print(json.dumps({"lean": import_aiogram(), "models": len(models),
                  "built": sum(bool(m.__pydantic_complete__) for m in models)}))
""")
    assert got["lean"] is True
    assert isinstance(got["models"], int) and got["models"] > 300
    assert got["built"] == 0


def test_every_type_and_method_builds_on_first_use_and_round_trips() -> None:
    """Pydantic's own first-use rebuild (an incomplete model's validator, reached) builds each of
    them, and each method's `Response[…]` (what aiogram validates a call's answer with), with the
    types' namespace; an Update and a SendMessage go through as before."""
    got = _run("""
import json
import handlers.telegram_aiogram
from aiogram import methods, types
from aiogram.types import Update
from aiogram.methods import SendMessage
from aiogram.methods.base import Response
from aiogram.types import InlineKeyboardMarkup, InlineKeyboardButton
update = Update.model_validate({"update_id": 7, "message": {
    "message_id": 2, "date": 0, "chat": {"id": -100, "type": "supergroup", "title": "g"},
    "from": {"id": 1, "is_bot": False, "first_name": "a"}, "text": "路灯坏了",
    "reply_to_message": {"message_id": 1, "date": 0, "chat": {"id": -100, "type": "supergroup"}}}})
send = SendMessage(chat_id=-100, text="好", reply_markup=InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="b", callback_data="x")]]))
failed = []
for module in (methods, types):  # answers first: built before the types they hold
    for name in module.__all__:
        cls = getattr(module, name)
        if not hasattr(cls, "model_rebuild") or getattr(cls, "__pydantic_generic_metadata__", {}).get("parameters"):
            continue
        built = ([Response[cls.__returning__]] if hasattr(cls, "__returning__") else []) + [cls]  # a call's answer
        for model in built:
            model.__pydantic_validator__.validate_python  # the first-use rebuild pydantic attempts
            if not model.__pydantic_complete__:
                failed.append(model.__name__)
print(json.dumps({"text": update.message.text, "reply_to": update.message.reply_to_message.message_id,
                  "dumped": send.model_dump(exclude_none=True)["reply_markup"],
                  "failed": failed}))
""")
    assert got["text"] == "路灯坏了" and got["reply_to"] == 1
    assert got["dumped"] == {"inline_keyboard": [[{"text": "b", "callback_data": "x"}]]}
    assert got["failed"] == []


def test_the_runtime_builds_what_every_update_and_reply_need_before_the_first_update() -> None:
    """`receive` builds the Update, the outbox's usual calls and their answers first
    (runtime.CALLS): the first update after a start does not pay for them; the rest stay lean."""
    got = _run("""
import json
import handlers.telegram_aiogram
from aiogram import types
from aiogram.methods.base import Response
from aiogram.types import Update
from handlers.telegram_aiogram.lean import build_now
from handlers.telegram_aiogram.runtime import CALLS
wanted = [Update, *CALLS, *(Response[c.__returning__] for c in CALLS)]
before = [m.__name__ for m in wanted if not m.__pydantic_complete__]
build_now(wanted)
build_now(wanted)  # twice: a built model is left as it is
print(json.dumps({"before": before, "after": sum(bool(m.__pydantic_complete__) for m in wanted),
                  "wanted": len(wanted), "poll": types.Poll.__pydantic_complete__}))
""")
    assert {"Update", "SendMessage", "Response[Message]"} <= set(got["before"])  # lean until then
    assert got["after"] == got["wanted"]
    assert got["poll"] is False
