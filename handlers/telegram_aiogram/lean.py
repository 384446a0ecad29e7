"""Import aiogram with each Telegram type's validator built when first used, not all at import.

Why: `import aiogram` builds a pydantic validator and serializer for every one of the Bot API's
~400 types (aiogram/types/__init__.py calls `model_rebuild` on each, in alphabetical order, so
most of them inline their nested types again). That is ~155 MB of resident memory in every
worker process (upstream aiogram#1513; pydantic-core#1616 made nested validators shareable, but
only for a model already built). The bot validates one Update and calls a dozen methods: built
on first use, the validators it needs take a few MB (issue 18: RSS ≤ 250 MB with 100k cases).

How: while aiogram is imported, its types' `model_rebuild(_types_namespace=…)` calls keep the
namespace (every type's name, for the forward references its modules import only under
TYPE_CHECKING) and build nothing; the types were declared with `defer_build=True`, so they stay
"not complete". Afterwards aiogram's base models (BotContextController, the base of every type and
method, and the Request and Response of a call, `Response[Message]` and the like made per method)
get a `model_rebuild` that hands that namespace to any rebuild without one, which is the rebuild
pydantic itself attempts when an incomplete model is first validated or serialized
(pydantic/_internal/_mock_val_ser.py). `import_aiogram()` must run before anything else imports
aiogram: the package's `__init__` calls it. Imported already (a test, a script), aiogram stays as
it built itself, which works the same.
"""
from __future__ import annotations

import sys
import threading
from collections.abc import Iterable, Mapping
from typing import Any

_LOCK = threading.Lock()
_types: Mapping[str, Any] | None = None  # the namespace aiogram.types rebuilds with; None: nothing deferred


def import_aiogram() -> bool:
    """Import aiogram with its types' validators deferred (see module doc); True if aiogram was
    imported so (by this call or an earlier one), False if it was imported otherwise first (then
    it is left as it is) or built nothing at import to defer."""
    with _LOCK:
        if "aiogram" in sys.modules:
            return _types is not None
        from pydantic import BaseModel

        original = BaseModel.__dict__["model_rebuild"].__func__

        def deferring(cls: type[BaseModel], *args: Any, _types_namespace: Mapping[str, Any] | None = None,
                      **kwargs: Any) -> bool | None:
            if _types_namespace is not None and cls.__module__.startswith("aiogram.types."):
                global _types
                _types = _types_namespace
                return None  # built when first used
            result: bool | None = original(cls, *args, _types_namespace=_types_namespace, **kwargs)
            return result

        BaseModel.model_rebuild = classmethod(deferring)  # type: ignore[method-assign,assignment]
        try:
            import aiogram  # noqa: F401  (the import is the point)
        finally:
            BaseModel.model_rebuild = classmethod(original)  # type: ignore[method-assign,assignment]
        if _types is None:  # aiogram no longer rebuilds at import: nothing deferred
            return False
        types = _types

        def with_types(cls: type[BaseModel], *args: Any, _types_namespace: Mapping[str, Any] | None = None,
                       **kwargs: Any) -> bool | None:
            result: bool | None = original(cls, *args, _types_namespace=_types_namespace or types, **kwargs)
            return result

        for root in [c for c in BaseModel.__subclasses__() if c.__module__.startswith("aiogram.")]:
            root.model_rebuild = classmethod(with_types)  # type: ignore[method-assign,assignment]
        return True


def build_now(models: Iterable[type[Any]]) -> None:
    """Build the validators of `models` now (aiogram types, methods, or `Response[...]` of a
    method's result), where import_aiogram() left them to their first use.

    Why: the first update after a start would otherwise pay for them, ~70 ms each for an Update,
    the Message a send answers with and an edit's answer (measured here, 2026-12): a backlog
    waiting through a restart is answered that much later, and `scripts/bench_ingest.py`
    counted them as ingest cost. Built once per process, kept for its life; a model built
    already is left as it is."""
    for model in models:
        if not getattr(model, "__pydantic_complete__", True):
            model.model_rebuild()
