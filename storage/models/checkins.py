"""Tables of the checkins feature."""
from __future__ import annotations
