"""Tables of the lessons feature."""
from __future__ import annotations
