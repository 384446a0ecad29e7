"""`sentinel web [--host --port]` and `sentinel api-key create|list|revoke`.

Mistakes are one line and an exit code (bot/ops/errors.py): 1 for a refused action, 2 for usage.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from typing import Any

from bot.config import Settings, load_settings
from bot.echo import echo
from emulator.cli import port_number


def _web(args: argparse.Namespace) -> int:
    from bot.ops import database
    from handlers.web.serve import serve
    settings = load_settings()
    database.current(settings.database_url, must_exist=False)  # reachable (SQLite: created on upgrade)
    asyncio.run(serve(settings, host=args.host, port=args.port))
    return 0


async def _with_uow(settings: Settings, work: Any) -> Any:
    from bot.ops.errors import CommandError
    from bot.services.api_keys import ApiKeyError
    from storage.db import create_engine, session_factory
    from storage.uow import UnitOfWork
    engine = create_engine(settings.database_url)
    try:
        async with UnitOfWork(session_factory(engine)) as uow:
            return await work(uow)
    except ApiKeyError as e:
        raise CommandError(str(e)) from None
    finally:
        await engine.dispose()


def _ready() -> Settings:
    from bot.ops.database import ready_settings
    return ready_settings()  # never creates a database


def _usage(check: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type from a service's check: its ApiKeyError is a usage mistake (one line, exit 2)."""
    def parse(text: str) -> Any:
        from bot.services.api_keys import ApiKeyError
        try:
            return check(text)
        except ApiKeyError as e:
            raise argparse.ArgumentTypeError(str(e)) from None
    parse.__name__ = check.__name__  # argparse names the type in its own messages
    return parse


def _key_name(text: str) -> str:
    from bot.services.api_keys import check_name
    return check_name(text)


def _jurisdiction(text: str) -> tuple[str, str]:
    from bot.services.api_keys import parse_jurisdiction
    return parse_jurisdiction(text)


def _create(args: argparse.Namespace) -> int:
    from bot.services.api_keys import create_key
    jurisdictions = dict(args.jurisdiction or [])
    key = asyncio.run(_with_uow(_ready(), lambda uow: create_key(uow, args.name, args.branch, jurisdictions)))
    print(key)
    scope = f"branch {args.branch}" if args.branch else "every branch"
    print(f"API key {echo(args.name)} created for {scope}: give it to the integration now, it is not shown again",
          file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    from bot.services.api_keys import list_keys
    keys = asyncio.run(_with_uow(_ready(), list_keys))
    for k in keys:
        state = f"revoked {k.revoked}" if k.revoked else "active"
        mapping = f" jurisdictions {json.dumps(k.jurisdictions, ensure_ascii=False)}" if k.jurisdictions else ""
        print(f"{k.name:<24} {k.branch or '(every branch)':<16} created {k.created}  {state}{mapping}")
    print(f"{len(keys)} API key(s)")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from bot.services.api_keys import revoke_key
    asyncio.run(_with_uow(_ready(), lambda uow: revoke_key(uow, args.name)))
    print(f"API key {echo(args.name)} revoked: its requests now get 403")
    return 0


def register(sub: Any) -> None:
    """Add `web` and `api-key` to the `sentinel` command line."""
    p = sub.add_parser("web", help="the web server: the dashboard under /dash/, Open311 GeoReport v2 under /open311/v2/")
    p.add_argument("--host", default=None, help="default: SENTINEL_WEB__HOST (127.0.0.1)")
    p.add_argument("--port", type=port_number, default=None, help="default: SENTINEL_WEB__PORT (8081)")
    p.set_defaults(func=_web)

    keys = sub.add_parser("api-key", help="API keys of Open311 integrations").add_subparsers(
        dest="api_key_command", required=True)
    p = keys.add_parser("create", help="a new key (printed once; only its hash is stored)")
    p.add_argument("name", type=_usage(_key_name))
    p.add_argument("--branch", default=None, help="branch code: the key sees and files only that branch's requests")
    p.add_argument("--jurisdiction", action="append", metavar="ID=CODE", type=_usage(_jurisdiction),
                   help="map a jurisdiction_id the client sends to a branch code (repeatable)")
    p.set_defaults(func=_create)
    keys.add_parser("list", help="every key: scope, created, revoked").set_defaults(func=_list)
    p = keys.add_parser("revoke", help="refuse a key from now on (403)")
    p.add_argument("name", type=_usage(_key_name))
    p.set_defaults(func=_revoke)
