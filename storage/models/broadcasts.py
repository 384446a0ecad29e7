"""Tables of the broadcasts feature."""
from __future__ import annotations
