"""A WeCom (企业微信) server API emulator beside the Telegram one: see server.py."""
from .server import DEFAULT_AES_KEY, WeComConfig, WeComEmulator

__all__ = ["DEFAULT_AES_KEY", "WeComConfig", "WeComEmulator"]
