"""CLI for intake: `sentinel classify [FILE|-]` and `sentinel intake train`.

`register(subparsers)` adds both to the main argparse CLI; every subparser sets
`func=callable(args) -> int`.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _iter_inputs(stream):
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


def cmd_classify(args: argparse.Namespace) -> int:
    from . import classify
    src = args.file
    stream = sys.stdin if src in (None, "-") else open(src, encoding="utf-8")
    out = args.out if getattr(args, "out", None) is not None else sys.stdout
    try:
        for id_, text, lang in _iter_inputs(stream):
            r = classify(text, lang)
            rec = {"id": id_, "is_report": r.is_report, "category": r.category, "urgency": r.urgency,
                   "location": r.location}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if stream is not sys.stdin:
            stream.close()
    out.flush()
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from . import model, reload_model
    paths = [Path(args.data)]
    corr = Path(args.corrections)
    if corr.exists():
        paths.append(corr)
    m = model.build(paths)
    reload_model()
    print(f"intake model trained: {m.meta['n_rows']} lines ({m.meta['n_reports']} reports) "
          f"from {', '.join(str(p) for p in paths)} -> {model.CACHE_FILE}")
    return 0


def register(subparsers) -> argparse._SubParsersAction:
    """Add `classify` and `intake ...`; returns the `intake` sub-commands for more."""
    from . import model
    p = subparsers.add_parser("classify", help="classify rider messages (JSONL with id+text, or text lines)")
    p.add_argument("file", nargs="?", default="-", help="input file, '-' for stdin (default)")
    p.set_defaults(func=cmd_classify)

    intake = subparsers.add_parser("intake", help="intake model maintenance")
    sub = intake.add_subparsers(dest="intake_cmd", required=True)
    t = sub.add_parser("train", help="rebuild the model cache from data/intake/train.jsonl (+ corrections.jsonl)")
    t.add_argument("--data", default=str(model.TRAIN_FILE))
    t.add_argument("--corrections", default=str(model.CORRECTIONS_FILE))
    t.set_defaults(func=cmd_train)
    return sub


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="intake")
    register(ap.add_subparsers(dest="cmd", required=True))
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
