"""Tables of the points feature."""
from __future__ import annotations
