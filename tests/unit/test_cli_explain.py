"""`bot.ops.errors.explain` on a database error that got past the commands' own checks: the driver's
reason in one line, never SQLAlchemy's `[SQL: …]` and parameters (a trial printed
`unexpected StatementError: (builtins.OverflowError) … [SQL: SELECT cases.id, …`)."""
from __future__ import annotations

import sqlite3

from sqlalchemy import exc

from bot.ops.errors import RUNTIME, explain


def test_a_missing_table_says_what_to_run() -> None:
    error = exc.OperationalError("SELECT dead_letter.id FROM dead_letter", {},
                                 sqlite3.OperationalError("no such table: dead_letter"))
    code, line = explain(error)
    assert code == RUNTIME and "[SQL" not in line and "SELECT" not in line, line
    assert line == "the database is missing a table (no such table: dead_letter): run `sentinel db upgrade`"


def test_a_statement_error_is_its_reason_without_the_statement() -> None:
    error = exc.StatementError("(builtins.OverflowError) date value out of range",
                               "SELECT cases.id FROM cases WHERE cases.created_at >= ?", {"p": "secret-param"},
                               OverflowError("date value out of range"))
    code, line = explain(error)
    assert code == RUNTIME and "SELECT" not in line and "secret-param" not in line, line
    assert line.startswith("the database refused the command: date value out of range")
