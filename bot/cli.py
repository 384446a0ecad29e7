"""`sentinel` command line: run the bot, the offline demo, the emulator, migrations, intake tools."""
from __future__ import annotations

import sys

if __name__ == "__main__":  # `python -m bot.cli`: the guarded entry first, before the seconds of imports below
    from bot.launch import main as _guarded  # Ctrl-C in them ends quietly, 130, as with `sentinel`

    sys.exit(_guarded())

import argparse
import asyncio
import logging
import os
from datetime import date
from pathlib import Path
from collections.abc import Callable, Coroutine
from typing import Any, NoReturn

from bot.config import ConfigError, Settings, load_settings, log_level, validate_token
from bot.echo import echo, shorten_quoted
from bot.ops.errors import explain
from bot.timeparse import EARLIEST as FIRST_DAY, LATEST as LAST_DAY
from emulator.cli import port_number


def _settings() -> Settings:
    return load_settings()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("rider-sentinel")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line (exit 2) naming the command and pointing at its --help."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {shorten_quoted(message)} (see `{self.prog} --help`)\n")


def _run(args: argparse.Namespace) -> int:
    from bot.ops.malloc import pin_mmap_threshold
    pin_mmap_threshold()  # a bot runs for months: keep glibc's heap from creeping (bot/ops/malloc.py)
    settings = _settings()
    if getattr(args, "platform", None):
        settings = settings.model_copy(update={"platform": args.platform})
    if settings.platform == "wecom":
        return _run_wecom(settings)
    if not settings.bot_token:
        raise ConfigError("SENTINEL_BOT_TOKEN is not set (ask @BotFather for one), "
                          "or try `sentinel demo` to run offline")
    if args.webhook and not settings.webhook_url:
        raise ConfigError("--webhook needs SENTINEL_WEBHOOK_URL (the public https URL Telegram calls)")
    validate_token(settings.bot_token)  # a malformed token: one line before anything starts
    from bot.ops import database
    from bot.ops.doctor import load_operator_files
    load_operator_files(settings)
    from bot.ops.shared import redis_reachable
    redis_reachable(settings.redis_url)  # N workers' shared limit: unreachable, no reply could be paced
    database.current(settings.database_url, must_exist=False)  # reachable (SQLite: created on upgrade)
    from bot.ops.model import ensure_model
    ensure_model()  # a first build shows its progress here rather than as a silent pause at start
    from handlers.runtime import run_bot
    asyncio.run(run_bot(settings, webhook=args.webhook, runtime=getattr(args, "runtime", None)))
    return 0


def _run_wecom(settings: Any) -> int:
    """The bot on WeCom: its callbacks served on SENTINEL_WEBHOOK_HOST/PORT (docs/wecom.md)."""
    if not settings.wecom.configured:
        raise ConfigError("--platform wecom needs SENTINEL_WECOM__CORP_ID and the rest (docs/wecom.md), "
                          "or try `sentinel demo --platform wecom` to run offline")
    from bot.ops import database
    from bot.ops.doctor import load_operator_files
    load_operator_files(settings)
    from bot.ops.shared import redis_reachable
    redis_reachable(settings.redis_url)
    database.current(settings.database_url, must_exist=False)
    from bot.ops.model import ensure_model
    ensure_model()
    from handlers.runtime import run_bot
    asyncio.run(run_bot(settings))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from bot.ops.model import ensure_model
    from handlers.demo import run_demo
    ensure_model()  # the first build shows a progress bar instead of a silent pause
    if getattr(args, "platform", None) == "wecom":
        from handlers.demo_wecom import run_wecom_demo
        return asyncio.run(run_wecom_demo(keep=args.keep))
    from bot.ops.errors import listening
    with listening("127.0.0.1", args.port, port_setting="--port", host_setting="--port"):
        return asyncio.run(run_demo(keep=args.keep, port=args.port, runtime=getattr(args, "runtime", None)))


def _emulator(args: argparse.Namespace) -> int:
    from bot.ops.errors import listening
    from emulator.cli import serve
    with listening(args.host, args.port, port_setting="--port", host_setting="--host"):
        return serve(args)


def _db_upgrade(args: argparse.Namespace) -> int:
    from bot.ops import database
    url = _settings().database_url
    reached = database.upgrade(url, args.revision)
    print(f"database {database.describe(url)} is at revision {', '.join(reached) or 'base'}")
    return 0


def _db_downgrade(args: argparse.Namespace) -> int:
    from bot.ops import database
    url = _settings().database_url
    reached = database.downgrade(url, args.revision)
    print(f"database {database.describe(url)} is at revision {', '.join(reached) or 'base (empty)'}")
    return 0


def _db_current(args: argparse.Namespace) -> int:
    from bot.ops import database
    url = _settings().database_url
    at, heads = database.current(url), database.heads()
    state = "head" if set(at) == set(heads) else f"behind {', '.join(heads)}: run `sentinel db upgrade`"
    print(f"{database.describe(url)}: {', '.join(at) or 'no tables yet'} ({state})")
    return 0


def _db_history(args: argparse.Namespace) -> int:
    from bot.ops import database
    print("\n".join(database.history()))
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from bot.ops.doctor import run_checks
    return run_checks()


def _classify(original: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """`classify`: the input file checked first (missing, a folder, not UTF-8), the model built visibly."""
    def run(args: argparse.Namespace) -> int:
        from bot.ops.inputs import read_text
        from bot.ops.model import ensure_model
        if args.file not in (None, "-"):
            read_text(args.file)
        ensure_model()
        return original(args)
    return run


def _train(original: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """`intake train`: the data checked line by line first, so a broken line is named."""
    def run(args: argparse.Namespace) -> int:
        from bot.ops.inputs import check_training_data
        check_training_data(args.data, args.corrections)
        return original(args)
    return run


def _export_corrections(args: argparse.Namespace) -> int:
    from bot.intake.model import CORRECTIONS_FILE
    from bot.services.corrections import export_corrections
    from bot.ops.database import ready_settings
    out = Path(args.out) if args.out else CORRECTIONS_FILE
    count = asyncio.run(export_corrections(ready_settings().database_url, out))  # never creates a database
    print(f"{count} corrections written to {out}")
    return 0


def _export(args: argparse.Namespace, what: str, run: Callable[[Settings, Path], Coroutine[Any, Any, int]]) -> int:
    from bot.exports import UnknownBranch
    from bot.ops import database
    from bot.ops.output import STDOUT, check_out, write_to
    if args.since and args.until and args.until < args.since:
        raise ConfigError(f"--until {args.until} is before --since {args.since}")
    out = args.out or f"{what}{'-' + str(args.since) if args.since else ''}.{args.format}"
    check_out(out)
    settings = _settings()
    database.require_ready(settings.database_url)  # never creates a database
    try:
        count = write_to(out, args.format, lambda path: asyncio.run(run(settings, path)))
    except UnknownBranch as e:
        raise ConfigError(f"no branch with code {e}") from e
    where = "standard output" if out == STDOUT else out
    print(f"{count} rows written to {where} (times in {settings.timezone})",
          file=sys.stderr if out == STDOUT else sys.stdout)
    return 0


def _export_cases(args: argparse.Namespace) -> int:
    from bot.services.case_export import export_cases
    return _export(args, "cases", lambda s, out: export_cases(s.database_url, out, args.format, args.since, s.tz,
                                                               args.branch, until=args.until))


def _export_points(args: argparse.Namespace) -> int:
    from bot.points.export import export_points
    return _export(args, "balances" if args.balances else "points", lambda s, out: export_points(
        s.database_url, out, args.format, s.tz, since=args.since, branch_code=args.branch,
        balances=args.balances, points_file=s.points_file, until=args.until))


def _export_attendance(args: argparse.Namespace) -> int:
    from bot.services.attendance_export import export_attendance
    return _export(args, "attendance", lambda s, out: export_attendance(
        s.database_url, out, args.format, s.tz, since=args.since, branch_code=args.branch, lang=s.default_lang,
        until=args.until))


def _export_audit(args: argparse.Namespace) -> int:
    from bot.services.audit_export import export_audit
    return _export(args, "audit", lambda s, out: export_audit(
        s.database_url, out, args.format, s.tz, since=args.since, branch_code=args.branch))


def _export_proposals(args: argparse.Namespace) -> int:
    from bot.deliberation.export import export_proposals
    return _export(args, "proposals", lambda s, out: export_proposals(
        s.database_url, out, args.format, s.tz, since=args.since, branch_code=args.branch, until=args.until))


def _date(text: str) -> date:
    """The argparse type of --since/--until: a day in FIRST_DAY..LAST_DAY (bot.timeparse's one range:
    the dashboard and Open311 clamp to it; outside it a local midnight shifted to UTC overflows deep in
    a query), else a usage line (exit 2): typed here, such a day is a mistake."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {echo(text)}") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"{day} is out of range ({FIRST_DAY} to {LAST_DAY})")
    return day


def _export_parser(export: Any, name: str, func: Callable[[argparse.Namespace], int], help_: str,
                   since_required: bool = False) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = export.add_parser(name, help=help_)
    p.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    p.add_argument("--since", type=_date, required=since_required,
                   default=None, help="YYYY-MM-DD, local time" + ("" if since_required else " (default: everything)"))
    p.add_argument("--until", type=_date, default=None, help="YYYY-MM-DD, local time, that day included "
                                                             "(default: up to now)")
    p.add_argument("--branch", default=None, help="branch code (default: every branch)")
    p.add_argument("--out", default=None, help=f"a file in an existing folder, or - for standard output "
                                               f"(default: {name}[-<since>].<format>)")
    p.set_defaults(func=func)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sentinel", description="Rider Sentinel (骑手哨兵)")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging, tracebacks on errors")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    p: argparse.ArgumentParser = sub.add_parser("run", help="run the bot (long polling, or --webhook)")
    p.add_argument("--webhook", action="store_true")
    p.add_argument("--runtime", choices=("aiogram", "ptb"), default=None,
                   help="the library that receives updates (default: SENTINEL_RUNTIME, else aiogram)")
    p.add_argument("--platform", choices=("telegram", "wecom"), default=None,
                   help="the chat platform (default: SENTINEL_PLATFORM, else telegram; wecom: docs/wecom.md)")
    p.set_defaults(func=_run)

    p = sub.add_parser("demo", help="offline demo: emulator + bot + a scripted conversation")
    p.add_argument("--keep", action="store_true", help="leave emulator and bot running afterwards")
    p.add_argument("--port", type=port_number, default=0, help="emulator port (default: a free one)")
    p.add_argument("--runtime", choices=("aiogram", "ptb"), default=None,
                   help="the library that receives updates (default: SENTINEL_RUNTIME, else aiogram)")
    p.add_argument("--platform", choices=("telegram", "wecom"), default=None,
                   help="play the demo on Telegram's emulator (default) or WeCom's")
    p.set_defaults(func=_demo)

    from emulator.cli import add_arguments as emulator_arguments
    p = sub.add_parser("emulator", help="run the Telegram Bot API emulator (same flags as `python -m emulator`)")
    emulator_arguments(p)
    p.set_defaults(func=_emulator)

    p = sub.add_parser("doctor", help="check settings, database, Redis, token, webhook, departments, scheduler, model")
    p.set_defaults(func=_doctor)

    db = sub.add_parser("db", help="database tools").add_subparsers(dest="db_command", required=True)
    p = db.add_parser("upgrade", help="apply migrations; prints the revision reached")
    p.add_argument("revision", nargs="?", default="heads")
    p.set_defaults(func=_db_upgrade)
    p = db.add_parser("downgrade", help="undo migrations down to REV (a revision id, -1, or base)")
    p.add_argument("revision", metavar="REV")
    p.set_defaults(func=_db_downgrade)
    db.add_parser("current", help="the revision the database is at").set_defaults(func=_db_current)
    db.add_parser("history", help="every migration, newest first").set_defaults(func=_db_history)

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
    _export_parser(export, "proposals", _export_proposals,
                   "riders' deliberation: proposals, votes and commitments (counts, no names)")

    from bot.intake import cli as intake_cli
    intake = intake_cli.register(sub)
    sub.choices["classify"].set_defaults(func=_classify(sub.choices["classify"].get_default("func")))
    intake.choices["train"].set_defaults(func=_train(intake.choices["train"].get_default("func")))
    p = intake.add_parser("export-corrections", help="write secretaries' label corrections for `intake train`")
    p.add_argument("--out", default=None, help="default: data/intake/corrections.jsonl")
    p.set_defaults(func=_export_corrections)

    from bot.lessons import cli as lessons_cli
    lessons_cli.register(sub)

    from bot import deadletter_cli
    deadletter_cli.register(sub)

    from handlers.web import cli as web_cli  # `web` and `api-key`
    web_cli.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Every mistake ends here as one line on stderr: exit 2 for usage, 1 for runtime (bot/ops/errors.py)."""
    try:  # the parser imports every command's module: seconds in which Ctrl-C may come
        args = build_parser().parse_args(argv)
    except KeyboardInterrupt:
        return 130
    try:
        # services log what they do; tools print their own output, so only warnings go to stderr
        default = "INFO" if args.command in ("run", "emulator") else "WARNING"
        level = logging.DEBUG if args.verbose else log_level(default)
        logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        if not args.verbose:  # Alembic's plugin set-up chatter is no news to an operator
            logging.getLogger("alembic").setLevel(max(level, logging.WARNING))
        func: Callable[[argparse.Namespace], int] = args.func
        return func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `sentinel … | head`: the reader left; nothing to explain
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as e:  # the one place mistakes become a line, not a traceback
        if args.verbose:
            logging.getLogger("sentinel").exception("traceback")
        code, line = explain(e)
        print(f"sentinel: {line}", file=sys.stderr)
        return code


if __name__ == "__main__":
    sys.exit(main())
