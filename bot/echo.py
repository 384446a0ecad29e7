"""Quoting what a user typed back at them, in one-line error messages.

An error line repeats the input so the operator sees which one was wrong, but a 5,000-character
argument (or a pasted file) echoed in full buries the line it is part of. Every echo of user input
in a CLI error goes through `echo`, so the rule lives in one place.
"""
from __future__ import annotations

import re

ECHO_LIMIT = 40  # characters of the input shown; the rest is an ellipsis


def echo(text: object, limit: int = ECHO_LIMIT) -> str:
    """`text` quoted as repr() quotes it, cut to `limit` characters with an ellipsis."""
    value = str(text)
    if len(value) > limit:
        return repr(value[:limit - 1]) + "…"
    return repr(value)


_QUOTED = re.compile(r"'([^'\n]*)'")  # a quoted run in a message argparse (or a type function) wrote


def shorten_quoted(message: str) -> str:
    """`message` with each quoted run cut as `echo` cuts it: argparse quotes what was typed in its own
    lines (`invalid choice: '…'`), which no type function of ours wrote."""
    return _QUOTED.sub(lambda m: echo(m.group(1)), message)
