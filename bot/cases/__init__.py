"""Cases: lifecycle rules, routing, duplicate detection and case numbers.

Pure logic, no storage or chat: the caller loads a case, asks `decide`, stores
`Transition.changes`, logs the event and announces it when `announce` is set.
"""
from .lifecycle import (
    ACTIONS, STATUSES, Actor, CaseError, CaseSnapshot, IllegalTransition, InvalidInput,
    MissingInput, NotPermitted, Transition, TransferLimitReached, actor_for,
    allowed_actions, apply, decide, is_open,
)
from .numbers import format_case_no, parse_case_no
from .routing import ConfigError, Route, RoutingTable, load_routing

__all__ = [
    "ACTIONS", "STATUSES", "Actor", "CaseError", "CaseSnapshot", "ConfigError",
    "IllegalTransition", "InvalidInput", "MissingInput", "NotPermitted", "Route",
    "RoutingTable", "Transition", "TransferLimitReached", "actor_for", "allowed_actions",
    "apply", "decide", "format_case_no", "is_open", "load_routing", "parse_case_no",
]
