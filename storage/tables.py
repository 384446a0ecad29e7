"""Typed access to a table model's Core `Table` (for Core statements and bulk inserts).

SQLModel sets `__table__` on every `table=True` model when the class is created but does not
declare it, so `Model.__table__` reads as an error to a type checker. The mapper's
`local_table` is that same `Table` object, and typed.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Table, inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import SQLModel


@lru_cache(maxsize=None)
def table_of(model: type[SQLModel]) -> Table:
    """The `Table` behind a table model, looked up once per model (it is on every hot path).
    TypeError for a model without a table of its own (`table=False`, or mapped to a join/select),
    which no caller in storage/ passes."""
    table = inspect(model).local_table
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table


def dialect_insert(dialect_name: str, table: Table) -> Any:
    """`INSERT` for `table` in the dialect's own form (SQLite's or PostgreSQL's), the one with
    `on_conflict_do_nothing` / `on_conflict_do_update`; `dialect_name` is the connection's
    `dialect.name` ("sqlite", else PostgreSQL)."""
    return (sqlite if dialect_name == "sqlite" else postgresql).insert(table)
