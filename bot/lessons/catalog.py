"""The loaded library as the bot uses it: look-ups by id, and which lesson a group gets next."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from bot.lessons.library import Lesson, default_folder, load_library


@dataclass(frozen=True)
class Catalog:
    lessons: tuple[Lesson, ...]
    _by_id: Mapping[str, Lesson] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {lesson.id: lesson for lesson in self.lessons})

    @classmethod
    def of(cls, lessons: Iterable[Lesson]) -> Catalog:
        return cls(tuple(lessons))

    def get(self, lesson_id: str) -> Lesson | None:
        return self._by_id.get(lesson_id)

    def next_for(self, had: Mapping[str, datetime]) -> Lesson | None:
        """The first lesson in library order that the group has not had; once it has had them
        all, the one it had longest ago (a new round). `had`: lesson id -> when last pushed."""
        for lesson in self.lessons:
            if lesson.id not in had:
                return lesson
        return min(self.lessons, key=lambda lesson: had[lesson.id], default=None)


@lru_cache(maxsize=None)
def load_catalog(folder: Path | None = None) -> Catalog:
    """The library in `folder` (default: content/lessons), loaded once per process; a broken
    file raises here, at start-up, rather than in a rider's chat. New lessons need a restart."""
    return Catalog.of(load_library(folder or default_folder()))
