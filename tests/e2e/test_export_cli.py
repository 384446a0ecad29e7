"""`sentinel export … --until DATE` and `--out -`: the real command on the bot's database (both backends)."""
from __future__ import annotations

import asyncio
import csv
import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import LI, WANG, with_boss
from tests.e2e.test_cases import _report
from tests.e2e.test_cli_errors import CLI, clean_env


@pytest.fixture
def settings(settings):
    return with_boss(settings)


async def export(settings, cwd: Path, *args: str) -> tuple[int, bytes, str]:
    proc = await asyncio.create_subprocess_exec(
        *CLI, "export", *args, cwd=cwd, env=clean_env(SENTINEL_DATABASE_URL=settings.database_url),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 120)
    assert proc.returncode is not None
    return proc.returncode, out, err.decode()


async def test_until_and_stdout(bot, tg, settings, tmp_path: Path) -> None:
    tmp_path = tmp_path / "work"  # the SQLite database sits in tmp_path itself
    tmp_path.mkdir()
    await _report(tg, "幸福小区3号门的路灯坏了 物业电话13812345678", who=LI)
    await _report(tg, "光华路积水很深 电动车过不去", who=WANG)
    today = datetime.now(settings.tz).date()
    yesterday = str(today - timedelta(days=1))

    code, out, err = await export(settings, tmp_path, "cases", "--since", yesterday, "--until", str(today),
                                  "--out", "-")
    assert code == 0 and err.strip() == "2 rows written to standard output (times in Asia/Shanghai)", err
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"))))
    assert [r["case"] for r in rows] == ["C-000001", "C-000002"]
    assert "13812345678" not in out.decode("utf-8-sig")

    code, out, err = await export(settings, tmp_path, "cases", "--since", yesterday, "--until", yesterday,
                                  "--out", "-")
    assert code == 0 and len(out.decode("utf-8-sig").splitlines()) == 1, out  # the header alone

    code, out, _ = await export(settings, tmp_path, "cases", "--since", yesterday, "--format", "xlsx",
                                "--out", "-")
    (tmp_path / "x.xlsx").write_bytes(out)
    assert code == 0 and load_workbook(tmp_path / "x.xlsx").active.max_row == 3

    for what in ("points", "attendance"):
        code, out, err = await export(settings, tmp_path, what, "--until", yesterday, "--out", "-")
        assert code == 0 and err.startswith("0 rows written"), err

    code, out, err = await export(settings, tmp_path, "cases", "--since", yesterday, "--out", "c.csv")
    assert code == 0 and "2 rows written to c.csv" in out.decode() and (tmp_path / "c.csv").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "x.xlsx"]
