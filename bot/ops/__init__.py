"""Operator tools behind `sentinel`: one-line errors, database checks and migrations, exports' output,
`sentinel doctor`, the intake model's first build. The command line (bot/cli.py) only parses and dispatches."""
