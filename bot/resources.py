"""Files the code reads at run time that live outside the Python packages in the repository
(the lesson library `content/lessons`, the intake data `data/intake`).

In a checkout or an editable install they are read where they are, so edits show at once; a wheel
carries a copy under `bot/_data/` (setup.py's build step puts it there), so an installed package
needs no checkout. `data_dir("content", "lessons")` gives whichever exists, the checkout first.
"""
from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGED = Path(__file__).resolve().parent / "_data"


def data_dir(*parts: str) -> Path:
    """The folder `parts` (relative to the repository root): the checkout's, else the wheel's copy."""
    checkout = REPO_ROOT.joinpath(*parts)
    if checkout.is_dir():
        return checkout
    packaged = PACKAGED.joinpath(*parts)
    return packaged if packaged.is_dir() else checkout
