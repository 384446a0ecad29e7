"""The `sentinel` console script. Loading the command line takes seconds (its commands import the
bot, the web app and the intake model); Ctrl-C in those seconds ends the command quietly, exit
code 130, as it does once the command runs (bot.cli.main), never with a traceback of an import."""
from __future__ import annotations

import sys


def main() -> int:
    try:
        from bot.cli import main as cli_main
    except KeyboardInterrupt:
        return 130
    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
