"""Repositories: the only place that writes SQL for the domain."""
from storage.repositories.branches import BranchRepository
from storage.repositories.cases import CaseRepository
from storage.repositories.chats import ChatRepository
from storage.repositories.outbox import OutboxRepository
from storage.repositories.updates import UpdateRepository
from storage.repositories.users import UserRepository

__all__ = ["BranchRepository", "CaseRepository", "ChatRepository", "OutboxRepository", "UpdateRepository", "UserRepository"]
