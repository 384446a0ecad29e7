"""Settings operators actually type: comma lists of ids, a log level from `.env`, one ConfigError class."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings, log_level


@pytest.mark.parametrize("given,ids", [("1,2", [1, 2]), ("[1, 2]", [1, 2]), (" 7 ", [7]), ("1, 2;3", [1, 2, 3]),
                                       ("", [])])
def test_superadmin_ids_as_a_comma_list_or_json(monkeypatch: pytest.MonkeyPatch, given: str,
                                                ids: list[int]) -> None:
    monkeypatch.setenv("SENTINEL_SUPERADMIN_IDS", given)
    assert load_settings(_env_file=None).superadmin_ids == ids


@pytest.mark.parametrize("given", ["1,x", "[1,", "@boss"])
def test_bad_superadmin_ids_name_the_setting(monkeypatch: pytest.MonkeyPatch, given: str) -> None:
    monkeypatch.setenv("SENTINEL_SUPERADMIN_IDS", given)
    with pytest.raises(ConfigError, match="SENTINEL_SUPERADMIN_IDS"):
        load_settings(_env_file=None)


def test_log_level_from_dotenv_and_checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SENTINEL_LOG_LEVEL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert log_level("WARNING") == logging.WARNING
    (tmp_path / ".env").write_text("SENTINEL_LOG_LEVEL=debug\n", encoding="utf-8")
    assert log_level("WARNING") == logging.DEBUG
    monkeypatch.setenv("SENTINEL_LOG_LEVEL", "LOUD")
    with pytest.raises(ConfigError, match="SENTINEL_LOG_LEVEL"):
        log_level("INFO")


def test_routing_and_points_files_raise_the_one_config_error(tmp_path: Path) -> None:
    from bot.cases import load_routing
    from bot.points import load_points_config
    from bot.tomlconfig import ConfigError as TomlConfigError
    assert TomlConfigError is ConfigError
    bad = tmp_path / "bad.toml"
    bad.write_text("[departments.x\n", encoding="utf-8")
    for load in (load_routing, load_points_config):
        with pytest.raises(ConfigError, match="invalid TOML"):
            load(bad)
