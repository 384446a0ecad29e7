"""Injected failures and call statistics (both reset by ``/_emu/reset``)."""

from __future__ import annotations

from collections import Counter

from .errors import ApiError

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected fault",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: injected fault",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


class Faults:
    """FIFO of "the next N calls of method M fail with status S" rules."""

    def __init__(self) -> None:
        self.items: list[dict] = []

    def add(self, spec: dict) -> dict:
        status = int(spec.get("status", 500))
        retry_after = spec.get("retry_after")
        if status == 429 and retry_after is None:
            retry_after = 1
        fault = {
            "method": str(spec.get("method", "*")),
            "status": status,
            "count": int(spec.get("count", 1)),
            "remaining": int(spec.get("count", 1)),
            "retry_after": int(retry_after) if retry_after is not None else None,
            "description": spec.get("description"),
        }
        self.items.append(fault)
        return fault

    def check(self, method: str) -> None:
        """Raise the next matching fault, consuming one use of it."""
        if not self.items:
            return
        name = method.lower()
        for fault in self.items:
            if fault["remaining"] > 0 and fault["method"].lower() in (name, "*"):
                fault["remaining"] -= 1
                status = fault["status"]
                desc = fault["description"]
                if desc is None:
                    desc = (f"Too Many Requests: retry after {fault['retry_after']}"
                            if status == 429 else _DEFAULT_DESCRIPTIONS.get(status, "Injected fault"))
                raise ApiError(status, desc, retry_after=fault["retry_after"])

    def clear(self) -> None:
        self.items.clear()


class Stats:
    """Per-method call counts and per-status error counts."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
