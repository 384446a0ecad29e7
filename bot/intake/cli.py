"""CLI for intake: `sentinel classify [FILE|-]`, `sentinel intake train` and `sentinel intake report`.

`register(subparsers)` adds both to the main argparse CLI; every subparser sets
`func=callable(args) -> int`.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar


def _iter_inputs(stream: Iterable[str]) -> Iterator[tuple[Any, str, str | None]]:
    """(id, text, language) per non-blank line: a JSON object with `text` (and optional `id`,
    `lang`), or the line itself numbered from 1."""
    for i, line in enumerate(stream, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        obj = None
        if line.lstrip().startswith("{"):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                obj = None
        if isinstance(obj, dict) and "text" in obj:
            yield obj.get("id", i), str(obj["text"]), obj.get("lang")
        else:
            yield i, line, None


def _utf8_lines(stdin: Any) -> Iterator[str]:
    """Standard input line by line as UTF-8, read as bytes: the text layer's own decoding would pass
    undecodable bytes on as surrogates (and fail later, writing them). Not UTF-8: one line naming it."""
    binary = getattr(stdin, "buffer", None)
    if binary is None:  # already text (a test's StringIO)
        yield from stdin
        return
    for number, raw in enumerate(binary, 1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as e:
            from bot.ops.errors import CommandError
            raise CommandError(f"<stdin>:{number}: not UTF-8 text (byte {raw[e.start]:#04x}; "
                               "send UTF-8)") from None


def cmd_classify(args: argparse.Namespace) -> int:
    from . import classify
    src = args.file
    stream: Iterable[str] = _utf8_lines(sys.stdin) if src in (None, "-") else open(src, encoding="utf-8")
    out = args.out if getattr(args, "out", None) is not None else sys.stdout
    try:
        for id_, text, lang in _iter_inputs(stream):
            r = classify(text, lang)
            rec = {"id": id_, "is_report": r.is_report, "category": r.category, "urgency": r.urgency,
                   "location": r.location}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if hasattr(stream, "close") and stream is not sys.stdin:
            stream.close()
    out.flush()
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from . import model, reload_model, semantic
    paths = [Path(args.data)]
    if not paths[0].exists():
        print(f"no training data at {paths[0]}", file=sys.stderr)
        return 2
    corr = Path(args.corrections)
    if corr.exists():
        paths.append(corr)
    m = model.build(paths, semantic=not args.lexical_only)
    reload_model()
    sem = ("semantic heads -> " + str(model.SEMANTIC_FILE)) if semantic.available() and not args.lexical_only \
        else "semantic heads unchanged (extra not installed or --lexical-only)"
    print(f"intake model trained: {m.meta['n_rows']} lines ({m.meta['n_reports']} reports) "
          f"from {', '.join(str(p) for p in paths)} -> {model.LEXICAL_FILE}; {sem}")
    return 0


def _default_dev() -> Path:
    """The product side's evaluation set beside the checkout (`../shared/intake/dev.jsonl`): read
    to score the model, never to train it; `--data` names another labelled file."""
    return model_root().parent / "shared" / "intake" / "dev.jsonl"


def model_root() -> Path:
    from . import model
    return model.REPO_ROOT


def cmd_report(args: argparse.Namespace) -> int:
    """Figures and confusion matrix of the installed model on a labelled set (dev by default)."""
    from . import ASK_THRESHOLD, classify_with, get_model
    from .evaluate import render, score
    path = Path(args.data) if args.data else _default_dev()
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        print(f"cannot read {path}: {e}", file=sys.stderr)
        return 2
    m = get_model()
    m.routed = m.total = 0
    preds = [classify_with(m, r["text"], r.get("lang")) for r in rows]
    d = score(rows, preds, ASK_THRESHOLD)
    print(f"{path}: " + render(d))
    print(f"semantic stage   {'on' if m.semantic is not None else 'off'}; "
          f"reached by {m.routed}/{m.total} messages")
    return 0


_P = TypeVar("_P", bound=argparse.ArgumentParser)  # the parser class the main command line uses


def register(subparsers: argparse._SubParsersAction[_P]) -> argparse._SubParsersAction[_P]:
    """Add `classify` and `intake ...`; returns the `intake` sub-commands for more."""
    from . import model
    p = subparsers.add_parser("classify", help="classify rider messages (JSONL with id+text, or text lines)")
    p.add_argument("file", nargs="?", default="-", help="input file, '-' for stdin (default)")
    p.set_defaults(func=cmd_classify)

    intake = subparsers.add_parser("intake", help="intake model maintenance")
    sub = intake.add_subparsers(dest="intake_cmd", required=True)
    t = sub.add_parser("train", help="rebuild the model cache from data/intake/train.jsonl (+ corrections.jsonl)")
    t.add_argument("--data", default=str(model.TRAIN_FILE), metavar="JSONL",
                   help="labelled messages, one JSON object per line: text, is_report, category, urgency "
                        "(default: %(default)s)")
    t.add_argument("--corrections", default=str(model.CORRECTIONS_FILE), metavar="JSONL",
                   help="secretaries' label corrections, as `intake export-corrections` writes them; "
                        "read when present (default: %(default)s)")
    t.add_argument("--lexical-only", action="store_true", help="refit only the lexical heads")
    t.set_defaults(func=cmd_train)
    r = sub.add_parser("report", help="figures and confusion matrix on a labelled set (default: shared dev set)")
    r.add_argument("--data", default=None, help="labelled JSONL (default: shared/intake/dev.jsonl)")
    r.set_defaults(func=cmd_report)
    return sub


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="intake")
    register(ap.add_subparsers(dest="cmd", required=True))
    args = ap.parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
