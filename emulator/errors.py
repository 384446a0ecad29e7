"""Bot API error type carrying Telegram's exact wording and HTTP status."""

from __future__ import annotations


class ApiError(Exception):
    """Raised by method handlers; turned into ``{"ok": false, ...}`` by the server."""

    def __init__(self, code: int, description: str, retry_after: int | None = None,
                 parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after
        self.parameters = parameters  # other ResponseParameters, e.g. migrate_to_chat_id

    def payload(self) -> dict:
        body: dict = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        if self.parameters:
            body["parameters"] = {**body.get("parameters", {}), **self.parameters}
        return body


def bad_request(text: str) -> ApiError:
    """400 with the "Bad Request: " prefix Telegram uses."""
    return ApiError(400, f"Bad Request: {text}")


def forbidden(text: str) -> ApiError:
    return ApiError(403, f"Forbidden: {text}")


UNAUTHORIZED = ApiError(401, "Unauthorized")
NOT_FOUND = ApiError(404, "Not Found")
CHAT_NOT_FOUND = "chat not found"
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
GETUPDATES_CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot "
    "instance is running"
)
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
    "delete the webhook first"
)
