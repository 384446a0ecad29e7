"""Every operator mistake ends in one line on stderr and an exit code (2 usage, 1 runtime), never a
traceback: the real `sentinel` command in a fresh process, in an empty folder, with a table of bad inputs.
Then the mistakes that need a peer: a Bot API that refuses the token, a network that is down at start,
and `sentinel doctor` against the emulator and a running bot."""
from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.cases import load_routing
from emulator import Emulator, EmulatorConfig
from tests.conftest import RUNTIME, TOKEN, RunningBot, until

pytestmark = pytest.mark.e2e  # each case runs the real command in a process of its own

GOOD_FORM_TOKEN = "123456789:AAExampleExampleExampleExampleExamp"
CLI = [sys.executable, "-m", "bot.cli"]


def clean_env(**extra: str) -> dict[str, str]:
    """The test runner's environment without any SENTINEL_* setting, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENTINEL_")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    env.update(extra)
    return env


def sentinel(args: list[str], cwd: Path, timeout: float = 120, stdin: bytes = b"",
             **env: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(CLI + args, cwd=cwd, env=clean_env(**env), capture_output=True, input=stdin,
                          timeout=timeout)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode(errors="replace"),
                                       done.stderr.decode(errors="replace"))


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def busy_port() -> Iterator[int]:
    """A port something is already listening on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield int(s.getsockname()[1])


def _files(folder: Path) -> None:
    (folder / "bad.txt").write_bytes("路灯坏了\n".encode() + b"\xff\xfe broken\n")
    (folder / "broken.jsonl").write_text('{"text": "路灯坏了", "is_report": true}\n{oops\n', encoding="utf-8")
    (folder / "empty.jsonl").write_text("\n", encoding="utf-8")
    (folder / "nolabel.jsonl").write_text('{"text": "路灯坏了"}\n', encoding="utf-8")
    (folder / "routing.toml").write_text("[departments.x\nmembers = [", encoding="utf-8")
    (folder / "a-folder").mkdir()
    (folder / "binary.toml").write_bytes(b"\xff\xfe x\n")
    lines = {"one-label": ['{"text": "路灯坏了", "is_report": true, "category": "lighting"}',
                           '{"text": "路灯又坏了", "is_report": true, "category": "lighting"}'],
             "unknown-category": ['{"text": "路灯坏了", "is_report": true, "category": "nosuchcat"}',
                                  '{"text": "你好", "is_report": false}'],
             "one-category": ['{"text": "路灯坏了", "is_report": true, "category": "lighting", "urgency": "normal"}',
                              '{"text": "井盖丢了", "is_report": true, "category": "lighting", "urgency": "urgent"}',
                              '{"text": "你好", "is_report": false}']}
    for name, rows in lines.items():
        (folder / f"{name}.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")


Setup = Callable[[Path], dict[str, str]]
STDIN = "<stdin>"  # an environment key that is the command's standard input instead


def env_bytes(data: bytes) -> Setup:
    def setup(folder: Path) -> dict[str, str]:
        (folder / ".env").write_bytes(data)
        return {}
    return setup


def env_file(text: str) -> Setup:
    def setup(folder: Path) -> dict[str, str]:
        (folder / ".env").write_text(text, encoding="utf-8")
        return {}
    return setup


# A whole, valid WeCom configuration (the emulator's values: emulator/wecom/server.py WeComConfig).
WECOM_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
WECOM = {"SENTINEL_WECOM__CORP_ID": "wwemulatorcorp0001", "SENTINEL_WECOM__AGENT_ID": "1000002",
         "SENTINEL_WECOM__APP_SECRET": "emulator-app-secret", "SENTINEL_WECOM__APP_TOKEN": "emulatortoken",
         "SENTINEL_WECOM__APP_AES_KEY": WECOM_KEY}

# (id, arguments, environment, exit code, a phrase the line must contain)
CASES: list[tuple[str, list[str], dict[str, str] | Setup, int, str]] = [
    # settings
    ("superadmins-not-ids", ["db", "current"], {"SENTINEL_SUPERADMIN_IDS": "1,x"}, 2, "SENTINEL_SUPERADMIN_IDS"),
    ("superadmins-bad-json", ["db", "current"], {"SENTINEL_SUPERADMIN_IDS": "[1,"}, 2, "SENTINEL_SUPERADMIN_IDS"),
    ("log-level-env", ["db", "history"], {"SENTINEL_LOG_LEVEL": "LOUD"}, 2, "SENTINEL_LOG_LEVEL"),
    ("log-level-dotenv", ["classify", "-"], env_file("SENTINEL_LOG_LEVEL=LOUD\n"), 2, "SENTINEL_LOG_LEVEL"),
    ("timezone", ["db", "current"], {"SENTINEL_TIMEZONE": "Mars/Olympus"}, 2, "SENTINEL_TIMEZONE"),
    ("routing-file-broken", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_ROUTING_FILE": "routing.toml"},
     2, "SENTINEL_ROUTING_FILE"),
    ("routing-file-missing", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_ROUTING_FILE": "nope.toml"},
     2, "SENTINEL_ROUTING_FILE"),
    ("points-file-missing", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_POINTS_FILE": "nope.toml"},
     2, "SENTINEL_POINTS_FILE"),
    ("routing-file-not-utf8", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_ROUTING_FILE": "binary.toml"},
     2, "SENTINEL_ROUTING_FILE: binary.toml: not UTF-8"),
    ("points-file-not-utf8", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_POINTS_FILE": "binary.toml"},
     2, "SENTINEL_POINTS_FILE: binary.toml: not UTF-8"),
    ("dotenv-not-utf8", ["db", "current"], env_bytes(b"\xff\xfeSENTINEL_LOG_LEVEL=INFO\n"), 2, ".env: not UTF-8"),
    # empty means unset (the default file): the next check speaks, here the database's
    ("routing-file-empty", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_ROUTING_FILE": "",
                                     "SENTINEL_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/x"},
     1, "cannot use the database"),
    ("points-file-empty", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_POINTS_FILE": " ",
                                    "SENTINEL_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/x"},
     1, "cannot use the database"),
    # pydantic's wording translated: the allowed values, the type
    ("tiles-datum", ["db", "current"], {"SENTINEL_WEB__TILES_DATUM": "foo"}, 2,
     "SENTINEL_WEB__TILES_DATUM: expected one of wgs84, gcj02, got 'foo'"),
    ("poll-timeout-text", ["db", "current"], {"SENTINEL_POLL_TIMEOUT": "abc"}, 2,
     "SENTINEL_POLL_TIMEOUT: expected a whole number, got 'abc'"),
    ("runtime-unknown", ["db", "current"], {"SENTINEL_RUNTIME": "x"}, 2, "expected one of aiogram, ptb"),
    ("web-enabled-not-bool", ["db", "current"], {"SENTINEL_WEB__ENABLED": "maybe"}, 2, "expected true or false"),
    ("database-url-scheme", ["db", "current"], {"SENTINEL_DATABASE_URL": "mysql://x"}, 2, "SENTINEL_DATABASE_URL"),
    # a URL SQLAlchemy cannot read, or SQLite with no file: refused with the settings, whatever the command
    ("database-url-port", ["db", "current"], {"SENTINEL_DATABASE_URL": "postgresql://postgres@127.0.0.1:5432:99/test"},
     2, "invalid setting SENTINEL_DATABASE_URL: not a database URL"),
    ("database-url-ipv6", ["export", "points"], {"SENTINEL_DATABASE_URL": "postgresql://postgres@[::1/test"},
     2, "invalid setting SENTINEL_DATABASE_URL: not a database URL"),
    ("database-url-port-range", ["deadletter", "list"], {"SENTINEL_DATABASE_URL": "postgresql://u@h:99999/x"},
     2, "SENTINEL_DATABASE_URL: port 99999 is out of range"),
    ("database-url-sqlite-no-file", ["db", "current"], {"SENTINEL_DATABASE_URL": "sqlite:///"}, 2,
     "invalid setting SENTINEL_DATABASE_URL: an SQLite database needs a file"),
    ("database-url-sqlite-memory", ["db", "upgrade"], {"SENTINEL_DATABASE_URL": "sqlite:///:memory:"}, 2,
     "invalid setting SENTINEL_DATABASE_URL: an SQLite database needs a file"),
    ("database-url-password-unshown", ["db", "current"], {"SENTINEL_DATABASE_URL": "postgresql://u:s3cret@h:1:2/x"},
     2, "not a database URL"),
    # a Redis URL redis-py cannot read: refused with the settings, not at the first send of `run`
    ("redis-url-scheme", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_REDIS_URL": "localhost:6379"}, 2,
     "invalid setting SENTINEL_REDIS_URL: not a Redis URL: expected redis://"),
    ("redis-url-port", ["db", "current"], {"SENTINEL_REDIS_URL": "redis://:s3cret@127.0.0.1:637900/0"}, 2,
     "invalid setting SENTINEL_REDIS_URL: not a Redis URL (a port is a number from 1 to 65535)"),
    # Redis unreachable: `run` came up and then no outbox pass could pace a send; now one line before it starts
    ("redis-unreachable", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_REDIS_URL": "redis://:s3cret@127.0.0.1:1/0"},
     1, "cannot reach Redis (SENTINEL_REDIS_URL)"),
    # the WeCom adapter (bot/config.py WeComSettings)
    ("wecom-corp-id", ["db", "current"], {"SENTINEL_WECOM__CORP_ID": "corp-1"}, 2, "SENTINEL_WECOM__CORP_ID"),
    ("wecom-agent-id", ["db", "current"], {**WECOM, "SENTINEL_WECOM__AGENT_ID": "app"}, 2, "SENTINEL_WECOM__AGENT_ID"),
    ("wecom-agent-id-zero", ["db", "current"], {**WECOM, "SENTINEL_WECOM__AGENT_ID": "0"}, 2,
     "SENTINEL_WECOM__AGENT_ID"),
    ("wecom-secret-space", ["db", "current"], {**WECOM, "SENTINEL_WECOM__APP_SECRET": "a b"}, 2,
     "SENTINEL_WECOM__APP_SECRET"),
    ("wecom-app-token", ["db", "current"], {**WECOM, "SENTINEL_WECOM__APP_TOKEN": "tok-en"}, 2,
     "SENTINEL_WECOM__APP_TOKEN"),
    ("wecom-app-aes-key", ["db", "current"], {**WECOM, "SENTINEL_WECOM__APP_AES_KEY": "tooshort"}, 2,
     "SENTINEL_WECOM__APP_AES_KEY"),
    ("wecom-aibot-aes-key", ["db", "current"], {**WECOM, "SENTINEL_WECOM__AIBOT_TOKEN": "bot",
                                                "SENTINEL_WECOM__AIBOT_AES_KEY": WECOM_KEY[:-1] + "!"}, 2,
     "SENTINEL_WECOM__AIBOT_AES_KEY"),
    ("wecom-api-base", ["db", "current"], {**WECOM, "SENTINEL_WECOM__API_BASE": "qyapi.weixin.qq.com"}, 2,
     "SENTINEL_WECOM__API_BASE"),
    ("wecom-half", ["db", "current"], {"SENTINEL_WECOM__CORP_ID": WECOM["SENTINEL_WECOM__CORP_ID"]}, 2,
     "SENTINEL_WECOM__APP_SECRET"),
    ("wecom-pair", ["db", "current"], {**WECOM, "SENTINEL_WECOM__AIBOT_TOKEN": "bot"}, 2,
     "SENTINEL_WECOM__AIBOT_AES_KEY"),
    ("wecom-no-corp", ["db", "current"], {"SENTINEL_WECOM__APP_SECRET": "s3cret"}, 2, "SENTINEL_WECOM__CORP_ID"),
    ("wecom-dotenv", ["db", "current"], env_file("SENTINEL_WECOM__CORP_ID=wx-nope\n"), 2, "SENTINEL_WECOM__CORP_ID"),
    # the database
    ("db-unreachable", ["db", "current"], {"SENTINEL_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/x"}, 1,
     "cannot use the database"),
    ("db-missing-folder", ["db", "upgrade"], {"SENTINEL_DATABASE_URL": "sqlite:///no/such/folder/x.db"}, 1,
     "no folder"),
    ("db-current-no-db", ["db", "current"], {}, 1, "no database at"),
    # an SQLite file that cannot be made (a folder nobody may write): no server to check, the file
    ("db-sqlite-unwritable", ["db", "upgrade"], {"SENTINEL_DATABASE_URL": "sqlite:////proc/sentinel.db"}, 1,
     "unable to open database file (check SENTINEL_DATABASE_URL and that this process may create and write its file)"),
    ("db-upgrade-nosuchrev", ["db", "upgrade", "nosuchrev"], {}, 2, "nosuchrev"),
    ("db-downgrade-no-db", ["db", "downgrade", "base"], {}, 1, "no database at"),
    ("db-no-subcommand", ["db"], {}, 2, "db_command"),
    ("export-no-db", ["export", "cases", "--since", "2026-11-01"], {}, 1, "no database at"),
    ("export-points-no-db", ["export", "points"], {}, 1, "no database at"),
    ("export-attendance-no-db", ["export", "attendance", "--out", "-"], {}, 1, "no database at"),
    # every command that reads (or edits rows of) the database finds none, and makes none
    ("deadletter-list-no-db", ["deadletter", "list"], {}, 1, "no database at"),
    ("deadletter-show-no-db", ["deadletter", "show", "999"], {}, 1, "no database at"),
    ("deadletter-drop-no-db", ["deadletter", "drop", "999"], {}, 1, "no database at"),
    ("deadletter-retry-no-db", ["deadletter", "retry", "999"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN}, 1,
     "no database at"),
    ("api-key-list-no-db", ["api-key", "list"], {}, 1, "no database at"),
    ("api-key-revoke-no-db", ["api-key", "revoke", "x"], {}, 1, "no database at"),
    ("export-corrections-no-db", ["intake", "export-corrections"], {}, 1, "no database at"),
    ("export-audit-no-db", ["export", "audit"], {}, 1, "no database at"),
    # api-key arguments: usage mistakes, before the database; a long input is echoed cut short
    ("api-key-bad-name", ["api-key", "create", "bad name!"], {}, 2, "got 'bad name!'"),
    ("api-key-bad-jurisdiction", ["api-key", "create", "x", "--jurisdiction", "foo"], {}, 2,
     "argument --jurisdiction: expected JURISDICTION_ID=BRANCH_CODE, got 'foo'"),
    ("api-key-long-name", ["api-key", "create", "a" * 5000], {}, 2, "got '" + "a" * 39 + "'… (see"),
    ("api-key-revoke-bad-name", ["api-key", "revoke", "bad name!"], {}, 2, "a key name is"),
    # argparse's own echoes, and the settings', are cut the same way
    ("long-choice", ["export", "points", "--format", "z" * 5000], {}, 2, "invalid choice: '" + "z" * 39 + "'…"),
    ("long-port", ["emulator", "--port", "z" * 5000], {}, 2, "not a port number: '" + "z" * 39 + "'…"),
    ("long-dead-letter-id", ["deadletter", "show", "z" * 5000], {}, 2, "'" + "z" * 39 + "'…"),
    ("long-setting", ["db", "current"], {"SENTINEL_SUPERADMIN_IDS": "z" * 5000}, 2, "got '" + "z" * 39 + "'…"),
    # export dates outside what a local day can be turned into
    ("export-since-too-early", ["export", "cases", "--since", "0001-01-01", "--out", "-"], {}, 2,
     "argument --since: 0001-01-01 is out of range"),
    ("export-until-too-late", ["export", "cases", "--since", "2026-01-01", "--until", "9999-12-31"], {}, 2,
     "argument --until: 9999-12-31 is out of range"),
    ("export-points-until-too-late", ["export", "points", "--until", "9999-12-31"], {}, 2, "out of range"),
    ("export-long-date", ["export", "points", "--since", "x" * 5000], {}, 2, "not a date (YYYY-MM-DD): 'xxx"),
    # export arguments
    ("export-since-missing", ["export", "cases"], {}, 2, "--since"),
    ("export-since-not-date", ["export", "cases", "--since", "yesterday"], {}, 2, "not a date"),
    ("export-until-before-since", ["export", "cases", "--since", "2026-11-02", "--until", "2026-11-01"], {}, 2,
     "--until"),
    ("export-out-folder", ["export", "cases", "--since", "2026-11-01", "--out", "a-folder"], {}, 2, "is a folder"),
    ("export-out-no-folder", ["export", "points", "--out", "no/such/dir/p.csv"], {}, 2, "no folder"),
    ("export-format", ["export", "points", "--format", "pdf"], {}, 2, "--format"),
    # the bot's token
    ("run-no-token", ["run"], {}, 2, "SENTINEL_BOT_TOKEN"),
    ("run-malformed-token", ["run"], {"SENTINEL_BOT_TOKEN": "not-a-token"}, 2, "SENTINEL_BOT_TOKEN"),
    ("run-webhook-no-url", ["run", "--webhook"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN}, 2, "SENTINEL_WEBHOOK_URL"),
    ("webhook-path", ["run"], {"SENTINEL_WEBHOOK_PATH": "webhook"}, 2, "SENTINEL_WEBHOOK_PATH"),
    # input files
    ("classify-missing", ["classify", "missing.txt"], {}, 1, "missing.txt"),
    ("classify-folder", ["classify", "a-folder"], {}, 1, "is a folder"),
    ("classify-not-utf8", ["classify", "bad.txt"], {}, 1, "bad.txt:2: not UTF-8"),
    ("train-missing", ["intake", "train", "--data", "missing.jsonl"], {}, 1, "missing.jsonl"),
    ("train-empty", ["intake", "train", "--data", "empty.jsonl"], {}, 1, "no training lines"),
    ("train-broken-json", ["intake", "train", "--data", "broken.jsonl"], {}, 1, "broken.jsonl:2: not valid JSON"),
    ("train-no-label", ["intake", "train", "--data", "nolabel.jsonl"], {}, 1, "nolabel.jsonl:1"),
    ("classify-stdin-not-utf8", ["classify", "-"], {STDIN: "abc\udcffdef\n"}, 1, "<stdin>:1: not UTF-8"),
    ("train-one-label", ["intake", "train", "--data", "one-label.jsonl", "--lexical-only"], {}, 1,
     "lines with false"),
    ("train-unknown-category", ["intake", "train", "--data", "unknown-category.jsonl", "--lexical-only"], {}, 1,
     "unknown-category.jsonl:1: unknown category 'nosuchcat' (allowed: lighting,"),
    ("train-one-category", ["intake", "train", "--data", "one-category.jsonl", "--lexical-only"], {}, 1,
     "found only 'lighting'"),
    ("deadletter-not-an-id", ["deadletter", "retry", "abc"], {}, 2, "not a dead letter id"),
    ("train-folder", ["intake", "train", "--data", "a-folder"], {}, 1, "is a folder"),
    ("lessons-validate-missing", ["lessons", "validate", "missing.md"], {}, 1, "missing.md"),
    # ports
    ("emulator-port-range", ["emulator", "--port", "99999"], {}, 2, "out of range"),
    ("emulator-port-text", ["emulator", "--port", "eighty"], {}, 2, "not a port"),
    ("demo-port-range", ["demo", "--port", "-1"], {}, 2, "out of range"),
    ("emulator-port-busy", ["emulator", "--port", "{busy}"], {}, 1, "in use; stop what uses it or choose another --port"),
    ("demo-port-busy", ["demo", "--port", "{busy}"], {}, 1, "in use; stop what uses it or choose another --port"),
    ("emulator-host", ["emulator", "--host", "256.1.1.1"], {}, 2, "--host"),
    # each server's port in use names its own setting (a running bot makes its database: bot.db)
    ("metrics-port-busy", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_METRICS_PORT": "{busy}",
                                    "SENTINEL_API_BASE": "http://127.0.0.1:1", "SENTINEL_RUNTIME": RUNTIME,
                                    "SENTINEL_DATABASE_URL": "sqlite:///bot.db"}, 1,
     "in use; stop what uses it or choose another SENTINEL_METRICS_PORT"),
    ("run-web-port-busy", ["run"], {"SENTINEL_BOT_TOKEN": GOOD_FORM_TOKEN, "SENTINEL_WEB__ENABLED": "true",
                                    "SENTINEL_WEB__PORT": "{busy}", "SENTINEL_API_BASE": "http://127.0.0.1:1",
                                    "SENTINEL_RUNTIME": RUNTIME, "SENTINEL_DATABASE_URL": "sqlite:///bot.db"}, 1,
     "in use; stop what uses it or choose another SENTINEL_WEB__PORT"),
    ("web-port-busy", ["web"], {"SENTINEL_WEB__PORT": "{busy}", "SENTINEL_DATABASE_URL": "sqlite:///bot.db"}, 1,
     "in use; stop what uses it or choose another SENTINEL_WEB__PORT"),
    ("web-port-arg-busy", ["web", "--port", "{busy}"], {"SENTINEL_DATABASE_URL": "sqlite:///bot.db"}, 1,
     "in use; stop what uses it or choose another --port"),
    # the command line itself
    ("unknown-command", ["frobnicate"], {}, 2, "invalid choice"),
    ("unknown-option", ["--frobnicate", "db", "history"], {}, 2, "unrecognized"),
]


@pytest.mark.parametrize("args,env,code,phrase", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_mistake_is_one_line_and_an_exit_code(tmp_path: Path, busy_port: int, args: list[str],
                                                env: dict[str, str] | Setup, code: int, phrase: str) -> None:
    _files(tmp_path)
    extra = {k: v.replace("{busy}", str(busy_port)) for k, v in (env(tmp_path) if callable(env) else env).items()}
    stdin = extra.pop(STDIN, "").encode(errors="surrogateescape")
    args = [a.replace("{busy}", str(busy_port)) for a in args]
    done = sentinel(args, tmp_path, stdin=stdin, **extra)
    lines = done.stderr.splitlines()
    assert "Traceback" not in done.stderr, done.stderr
    assert len(lines) == 1, done.stderr
    assert done.returncode == code, (done.returncode, done.stderr)
    assert phrase in lines[0], lines[0]
    assert len(lines[0]) < 400 and "[SQL:" not in lines[0] and "s3cret" not in lines[0], lines[0]
    assert not (tmp_path / "sentinel.db").exists() or args[:2] == ["db", "upgrade"] and args[2:] == [], \
        "a failed command left a database behind"


def test_export_in_a_folder_without_a_database_creates_none(tmp_path: Path) -> None:
    done = sentinel(["export", "cases", "--since", "2026-11-01"], tmp_path)
    assert done.returncode == 1
    assert list(tmp_path.iterdir()) == [], "an export must not create a database (or anything else)"


def test_an_unmigrated_database_is_one_line_saying_what_to_run(tmp_path: Path) -> None:
    """A trial: `deadletter list` made an empty sentinel.db, then failed with `no such table … [SQL: …]`.
    Every command that needs the tables, on an empty file: one line, `sentinel db upgrade`, exit 1."""
    import sqlite3
    sqlite3.connect(tmp_path / "sentinel.db").close()
    for args in (["deadletter", "list"], ["deadletter", "show", "1"], ["api-key", "list"],
                 ["intake", "export-corrections"], ["export", "points", "--out", "-"]):
        done = sentinel(args, tmp_path)
        assert done.returncode == 1 and done.stderr.count("\n") == 1, (args, done.stderr)
        assert "no tables yet: run `sentinel db upgrade`" in done.stderr, (args, done.stderr)


def test_a_revoked_api_keys_name_is_not_reused_and_the_refusal_says_so(tmp_path: Path) -> None:
    """A trial: after `api-key revoke tmp1`, `api-key create tmp1` said "already exists (revoke it, …)":
    revoking does not free a name (names stay unique, so the list and the audit tell keys apart)."""
    assert sentinel(["db", "upgrade"], tmp_path).returncode == 0
    assert sentinel(["api-key", "create", "tmp1"], tmp_path).returncode == 0
    assert sentinel(["api-key", "revoke", "tmp1"], tmp_path).returncode == 0
    again = sentinel(["api-key", "create", "tmp1"], tmp_path)
    assert again.returncode == 1 and again.stderr.count("\n") == 1, again.stderr
    assert "revoked" in again.stderr and "pick another name" in again.stderr and "revoke it" not in again.stderr
    assert sentinel(["api-key", "create", "tmp2"], tmp_path).returncode == 0
    taken = sentinel(["api-key", "create", "tmp2"], tmp_path)
    assert taken.returncode == 1 and "already exists: pick another name" in taken.stderr, taken.stderr


@pytest.mark.parametrize("after", [0.3, 1.0, 2.0, 4.0])
def test_ctrl_c_while_the_command_starts_is_quiet(tmp_path: Path, after: float) -> None:
    """A trial: Ctrl-C in the seconds `sentinel` takes to load (its parser imports the bot, the web app and
    the model) printed a traceback of whatever import it hit. Now it ends quietly (130) at any moment;
    `classify -` with standard input left open waits for input once loaded, so every delay interrupts it."""
    from importlib.metadata import entry_points
    (script,) = entry_points(group="console_scripts", name="sentinel")
    assert script.value == "bot.launch:main", script.value  # the console script is the guarded entry
    proc = subprocess.Popen([sys.executable, "-m", "bot.launch", "classify", "-"], cwd=tmp_path, env=clean_env(),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        try:
            proc.wait(after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert quiet_or_before_us(proc.returncode, err.decode()), (proc.returncode, err.decode()[-800:])


def quiet_or_before_us(returncode: int, err: str) -> bool:
    """Whether a Ctrl-C at start-up ended as it should: quietly with 130 (or the interpreter's death by SIGINT),
    or, on a loaded machine, inside the interpreter's own start-up before a line of ours ran (its site
    packages' .pth files, the editable install's import hook: a KeyboardInterrupt whose traceback passes
    through no file of the project's). A traceback through any of our files is the fault this guards."""
    if returncode in (130, -signal.SIGINT) and err == "":
        return True
    frames = re.findall(r'File "([^"]+)"', err)
    ours = [f for f in frames if "site-packages" not in f and re.search(r"[/\\](?:bot|handlers|storage|emulator)[/\\]", f)]
    return returncode == 1 and err.rstrip().endswith("KeyboardInterrupt") and not ours


def test_db_commands_report_the_revision(tmp_path: Path) -> None:
    up = sentinel(["db", "upgrade"], tmp_path)
    assert up.returncode == 0, up.stderr
    from bot.ops.database import heads
    head = ", ".join(heads())
    assert f"is at revision {head}" in up.stdout
    assert f"{head} (head)" in sentinel(["db", "current"], tmp_path).stdout
    down = sentinel(["db", "downgrade", "0002"], tmp_path)
    assert down.returncode == 0 and "is at revision 0002" in down.stdout, down.stderr
    assert "behind" in sentinel(["db", "current"], tmp_path).stdout
    history = sentinel(["db", "history"], tmp_path).stdout.splitlines()
    assert history[0].startswith(f"{head} (head)") and history[-1].startswith("0001 <- base")
    assert sentinel(["db", "upgrade"], tmp_path).returncode == 0
    version = sentinel(["--version"], tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("sentinel ")


# -- with a peer: the emulator, a running bot -------------------------------------------------------------
async def _process(args: list[str], cwd: Path, **env: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(*CLI, *args, cwd=cwd, env=clean_env(**env),
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


async def test_a_token_the_bot_api_refuses_is_one_line(tmp_path: Path, emu: Emulator) -> None:
    emu.config.tokens = [TOKEN]  # the emulator now knows only this bot
    proc = await _process(["run"], tmp_path, SENTINEL_BOT_TOKEN=GOOD_FORM_TOKEN, SENTINEL_API_BASE=emu.base_url,
                          SENTINEL_RUNTIME=RUNTIME)
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    lines = err.decode().splitlines()
    assert proc.returncode == 1, err.decode()
    assert "Traceback" not in err.decode()
    assert [line for line in lines if line.startswith("sentinel:")] == lines[-1:], err.decode()
    assert "rejected SENTINEL_BOT_TOKEN" in lines[-1]


async def test_a_bot_started_without_network_waits_for_it(tmp_path: Path) -> None:
    """getMe fails (nothing listens yet): the bot logs and retries with backoff instead of exiting, and
    once the Bot API is there it starts polling."""
    port = closed_port()
    proc = await _process(["run"], tmp_path, SENTINEL_BOT_TOKEN=TOKEN, SENTINEL_API_BASE=f"http://127.0.0.1:{port}",
                          SENTINEL_RUNTIME=RUNTIME)
    assert proc.stderr is not None
    seen: list[str] = []

    async def retried(times: int) -> bool:
        while sum("retrying in" in line for line in seen) < times:
            line = await proc.stderr.readline()  # type: ignore[union-attr]  # started with stderr=PIPE
            if not line:
                return False
            seen.append(line.decode())
        return True

    try:
        assert await asyncio.wait_for(retried(2), 120), "".join(seen)
        assert proc.returncode is None, "the bot exited instead of waiting for the network"
        assert any("cannot reach the Bot API" in line for line in seen)
        emu = Emulator(EmulatorConfig(limits=False))
        await emu.start(host="127.0.0.1", port=port)
        try:
            async def polling() -> bool:
                return bool((await _calls(emu)).get("getUpdates"))
            await until(polling, timeout=60)
        finally:
            proc.send_signal(signal.SIGTERM)
            await asyncio.wait_for(proc.wait(), 60)
            await emu.stop()
        assert proc.returncode == 0
        assert "Traceback" not in "".join(seen)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def _calls(emu: Emulator) -> dict[str, Any]:
    from emulator.client import EmulatorClient
    async with EmulatorClient(emu.base_url, token=TOKEN) as client:
        return dict((await client.stats())["calls"])


def _doctor_env(settings: Any, **extra: str) -> dict[str, str]:
    return {"SENTINEL_BOT_TOKEN": settings.bot_token, "SENTINEL_API_BASE": settings.api_base,
            "SENTINEL_DATABASE_URL": settings.database_url, "SENTINEL_RUNTIME": settings.runtime, **extra}


async def test_doctor_checks_each_part_one_line_each(tmp_path: Path, settings: Any, bot: RunningBot) -> None:
    proc = await _process(["doctor"], tmp_path, **_doctor_env(settings))
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    lines = out.decode().splitlines()
    names = [line.split(":")[0] for line in lines]
    assert names == ["✓ settings", "✓ database", "✓ token", "✓ webhook", "✗ departments", "✓ scheduler",
                     "✓ intake model"], out.decode() + err.decode()
    assert "urban_lighting" in lines[4]  # the default routing staffs nobody
    assert proc.returncode == 1 and not err

    staffed = tmp_path / "routing.toml"
    staffed.write_text("".join(f"[departments.{code}]\nmembers = [42]\n" for code in load_routing().departments),
                       encoding="utf-8")
    proc = await _process(["doctor"], tmp_path, **_doctor_env(settings, SENTINEL_ROUTING_FILE=str(staffed)))
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode == 0, out.decode() + err.decode()
    assert all(line.startswith("✓ ") for line in out.decode().splitlines())

    await bot.stop()  # no bot: nobody runs the jobs, and the doctor says so
    proc = await _process(["doctor"], tmp_path, **_doctor_env(settings, SENTINEL_ROUTING_FILE=str(staffed)))
    out, _ = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode == 1
    assert [line for line in out.decode().splitlines() if line.startswith("✗")] == [
        next(line for line in out.decode().splitlines() if line.startswith("✗ scheduler"))]


@pytest.mark.parametrize("runtime", ["aiogram", "ptb"])
async def test_doctor_closes_the_runtimes_bot(tmp_path: Path, settings: Any, emu: Emulator, runtime: str) -> None:
    """The token line asks with the runtime's own Bot (handlers.runtime.library: make_bot, close),
    and nothing is left open on either runtime: no "Unclosed client session" on stderr (PTB's
    shutdown() alone leaves the session of a Bot never initialize()d), whether the Bot API answers
    or refuses the token."""
    emu.config.tokens = [settings.bot_token]  # the emulator knows this bot only
    for token, line in ((settings.bot_token, "✓ token: getMe answered: @"), (GOOD_FORM_TOKEN, "✗ token:")):
        proc = await _process(["doctor"], tmp_path, **_doctor_env(settings, SENTINEL_RUNTIME=runtime,
                                                                     SENTINEL_BOT_TOKEN=token))
        out, err = await asyncio.wait_for(proc.communicate(), 120)
        assert any(x.startswith(line) for x in out.decode().splitlines()), out.decode() + err.decode()
        assert "Unclosed" not in err.decode() and not err, err.decode()


async def test_doctor_does_not_call_settings_valid_with_a_malformed_token(tmp_path: Path) -> None:
    proc = await _process(["doctor"], tmp_path, SENTINEL_BOT_TOKEN="abc")
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    lines = out.decode().splitlines()
    assert proc.returncode == 1 and "Traceback" not in err.decode()
    assert lines[0].startswith("✗ settings:") and "SENTINEL_BOT_TOKEN" in lines[0], out.decode()


async def test_doctor_without_database_or_token(tmp_path: Path) -> None:
    proc = await _process(["doctor"], tmp_path)
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    text = out.decode()
    assert proc.returncode == 1 and "Traceback" not in text + err.decode()
    assert "✗ database: no database at" in text and "✗ token: SENTINEL_BOT_TOKEN is not set" in text
    assert "wecom" not in text  # not configured: no line
    assert not (tmp_path / "sentinel.db").exists()


async def test_doctor_says_whether_wecom_answers(tmp_path: Path) -> None:
    """Configured, the WeCom line checks the app's secret against gettoken (here the WeCom emulator)."""
    from emulator.wecom import WeComEmulator
    from emulator.wecom.server import WeComConfig
    wecom = WeComEmulator(WeComConfig())
    await wecom.start()
    try:
        env = {**WECOM, "SENTINEL_WECOM__API_BASE": wecom.base_url}
        proc = await _process(["doctor"], tmp_path, **env)
        out, err = await asyncio.wait_for(proc.communicate(), 120)
        lines = [line for line in out.decode().splitlines() if line.split(":")[0].endswith("wecom")]
        assert lines == ["✓ wecom: corp wwemulatorcorp0001, app 1000002 (callback); gettoken answered "
                         "(token valid 7200 s)"], out.decode() + err.decode()
        proc = await _process(["doctor"], tmp_path, **{**env, "SENTINEL_WECOM__APP_SECRET": "wrong-secret"})
        out, err = await asyncio.wait_for(proc.communicate(), 120)
        lines = [line for line in out.decode().splitlines() if line.split(":")[0].endswith("wecom")]
        assert len(lines) == 1 and lines[0].startswith("✗ wecom:") and "errcode 40001" in lines[0], out.decode()
        assert proc.returncode == 1 and "Traceback" not in err.decode()
    finally:
        await wecom.stop()
