"""`sentinel` command line: run the bot, the offline demo, the emulator, migrations, intake tools."""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from datetime import date
from pathlib import Path
from collections.abc import Callable, Coroutine
from typing import Any

from bot.config import ConfigError, Settings, load_settings


def _settings() -> Settings:
    return load_settings()


def _run(args: argparse.Namespace) -> int:
    settings = _settings()
    if not settings.bot_token:
        raise ConfigError("SENTINEL_BOT_TOKEN is not set (ask @BotFather for one), "
                          "or try `sentinel demo` to run offline")
    if args.webhook and not settings.webhook_url:
        raise ConfigError("--webhook needs SENTINEL_WEBHOOK_URL (the public https URL Telegram calls)")
    from handlers.runtime import run_bot
    asyncio.run(run_bot(settings, webhook=args.webhook))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from handlers.demo import run_demo
    return asyncio.run(run_demo(keep=args.keep, port=args.port))


def _emulator(args: argparse.Namespace) -> int:
    import emulator
    argv = ["--host", args.host, "--port", str(args.port)] + (["--no-limits"] if args.no_limits else [])
    return emulator.main(argv) or 0


def _db_upgrade(args: argparse.Namespace) -> int:
    from storage.migrate import upgrade
    url = _settings().database_url
    upgrade(url, args.revision)
    print(f"database at {url.split('@')[-1]} is at revision {args.revision}")
    return 0


def _export_corrections(args: argparse.Namespace) -> int:
    from bot.intake.model import CORRECTIONS_FILE
    from bot.services.corrections import export_corrections
    out = Path(args.out) if args.out else CORRECTIONS_FILE
    count = asyncio.run(export_corrections(_settings().database_url, out))
    print(f"{count} corrections written to {out}")
    return 0


def _export(args: argparse.Namespace, what: str, run: Callable[[Settings, Path], Coroutine[Any, Any, int]]) -> int:
    from bot.exports import UnknownBranch
    settings = _settings()
    out = Path(args.out or f"{what}{'-' + str(args.since) if args.since else ''}.{args.format}")
    try:
        count = asyncio.run(run(settings, out))
    except UnknownBranch as e:
        raise ConfigError(f"no branch with code {e}") from e
    print(f"{count} rows written to {out} (times in {settings.timezone})")
    return 0


def _export_cases(args: argparse.Namespace) -> int:
    from bot.services.case_export import export_cases
    return _export(args, "cases", lambda s, out: export_cases(s.database_url, out, args.format, args.since, s.tz,
                                                               args.branch))


def _export_points(args: argparse.Namespace) -> int:
    from bot.points.export import export_points
    return _export(args, "balances" if args.balances else "points", lambda s, out: export_points(
        s.database_url, out, args.format, s.tz, since=args.since, branch_code=args.branch,
        balances=args.balances, points_file=s.points_file))


def _export_attendance(args: argparse.Namespace) -> int:
    from bot.services.attendance_export import export_attendance
    return _export(args, "attendance", lambda s, out: export_attendance(
        s.database_url, out, args.format, s.tz, since=args.since, branch_code=args.branch, lang=s.default_lang))


def _export_audit(args: argparse.Namespace) -> int:
    from bot.services.audit_export import export_audit
    return _export(args, "audit", lambda s, out: export_audit(
        s.database_url, out, args.format, s.tz, since=args.since, branch_code=args.branch))


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _export_parser(export: Any, name: str, func: Callable[[argparse.Namespace], int], help_: str,
                   since_required: bool = False) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = export.add_parser(name, help=help_)
    p.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    p.add_argument("--since", type=_date, required=since_required,
                   default=None, help="YYYY-MM-DD, local time" + ("" if since_required else " (default: everything)"))
    p.add_argument("--branch", default=None, help="branch code (default: every branch)")
    p.add_argument("--out", default=None, help=f"default: {name}[-<since>].<format>")
    p.set_defaults(func=func)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sentinel", description="Rider Sentinel (骑手哨兵)")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="run the bot (long polling, or --webhook)")
    p.add_argument("--webhook", action="store_true")
    p.set_defaults(func=_run)

    p = sub.add_parser("demo", help="offline demo: emulator + bot + a scripted conversation")
    p.add_argument("--keep", action="store_true", help="leave emulator and bot running afterwards")
    p.add_argument("--port", type=int, default=0, help="emulator port (default: a free one)")
    p.set_defaults(func=_demo)

    p = sub.add_parser("emulator", help="run the Telegram Bot API emulator")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8081)
    p.add_argument("--no-limits", action="store_true", help="switch rate limits off")
    p.set_defaults(func=_emulator)

    db = sub.add_parser("db", help="database tools").add_subparsers(dest="db_command", required=True)
    p = db.add_parser("upgrade", help="apply migrations")
    p.add_argument("revision", nargs="?", default="heads")
    p.set_defaults(func=_db_upgrade)

    export = sub.add_parser("export", help="tables for superiors (csv or xlsx)").add_subparsers(
        dest="export_command", required=True)
    p = _export_parser(export, "cases", _export_cases, "cases reported since a date; personal data masked",
                       since_required=True)
    p = _export_parser(export, "points", _export_points,
                       "the points ledger (or --balances); hidden riders stay anonymous")
    p.add_argument("--balances", action="store_true", help="one row per rider: balance, tier, last 12 months")
    _export_parser(export, "attendance", _export_attendance,
                   "activity check-ins and lesson completions; free text masked")
    _export_parser(export, "audit", _export_audit, "role changes (grant, revoke, bind, unbind, move), before and after")

    from bot.intake import cli as intake_cli
    intake = intake_cli.register(sub)
    p = intake.add_parser("export-corrections", help="write secretaries' label corrections for `intake train`")
    p.add_argument("--out", default=None, help="default: data/intake/corrections.jsonl")
    p.set_defaults(func=_export_corrections)

    from bot.lessons import cli as lessons_cli
    lessons_cli.register(sub)

    from bot import deadletter_cli
    deadletter_cli.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    quiet = "WARNING" if args.command == "demo" else "INFO"  # the demo prints its own transcript
    level = "DEBUG" if args.verbose else os.environ.get("SENTINEL_LOG_LEVEL", quiet).upper()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except ConfigError as e:
        print(f"sentinel: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
