"""Quoting what a user typed back at them, in one-line error messages.

An error line repeats the input so the operator sees which one was wrong, but a 5,000-character
argument (or a pasted file) echoed in full buries the line it is part of. Every echo of user input
in a CLI error goes through `echo`, so the rule lives in one place.
"""
from __future__ import annotations

ECHO_LIMIT = 40  # characters of the input shown; the rest is an ellipsis


def echo(text: object, limit: int = ECHO_LIMIT) -> str:
    """`text` quoted as repr() quotes it, cut to `limit` characters with an ellipsis."""
    value = str(text)
    if len(value) > limit:
        return repr(value[:limit - 1]) + "…"
    return repr(value)
