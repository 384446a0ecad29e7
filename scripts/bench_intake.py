#!/usr/bin/env python3
"""Benchmark bot.intake.classify against a labelled JSONL set.

    python scripts/bench_intake.py [--data FILE]

Prints is_report F1, category macro-F1 (true reports), urgency accuracy and
urgent recall (true reports), location exact match and character-overlap F1,
a category confusion matrix, throughput, p99 latency, cold start and peak RSS
of a fresh process. Exits 1 when any target is missed.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {
    "is_report_f1": 0.95, "category_macro_f1": 0.90, "urgency_accuracy": 0.90, "urgent_recall": 0.95,
    "location_exact": 0.80, "throughput": 5000.0, "cold_start_s": 1.5, "peak_rss_mb": 200.0,
}
COLD = r"""
import resource, sys, time, json
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from bot.intake import classify
classify("幸福小区3号门的路灯坏了")
t1 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
print(json.dumps({"cold_start_s": t1 - t0, "peak_rss_mb": rss}))
"""


def default_data() -> Path:
    for p in (Path("/work/shared/intake/dev.jsonl"), ROOT.parent / "shared" / "intake" / "dev.jsonl"):
        if p.exists():
            return p
    return Path("/work/shared/intake/dev.jsonl")


def f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def char_f1(pred: str | None, gold: str | None) -> float:
    if not pred and not gold:
        return 1.0
    if not pred or not gold:
        return 0.0
    common = sum((Counter(pred) & Counter(gold)).values())
    return f1(common, len(pred) - common, len(gold) - common)


def main() -> int:
    ap = argparse.ArgumentParser(description="intake classifier benchmark")
    ap.add_argument("--data", type=Path, default=default_data())
    ap.add_argument("--calls", type=int, default=20000, help="classify calls for throughput")
    ap.add_argument("--errors", action="store_true", help="print misclassified lines")
    args = ap.parse_args()

    rows = [json.loads(l) for l in args.data.read_text(encoding="utf-8").splitlines() if l.strip()]
    from bot.intake import CATEGORIES, classify  # warm: model loaded here

    preds = [classify(r["text"], r.get("lang")) for r in rows]
    tp = sum(1 for r, p in zip(rows, preds) if r["is_report"] and p.is_report)
    fp = sum(1 for r, p in zip(rows, preds) if not r["is_report"] and p.is_report)
    fn = sum(1 for r, p in zip(rows, preds) if r["is_report"] and not p.is_report)
    rep_f1 = f1(tp, fp, fn)

    reports = [(r, p) for r, p in zip(rows, preds) if r["is_report"]]
    labels = list(CATEGORIES) + ["(none)"]
    conf = {g: Counter() for g in CATEGORIES}
    for r, p in reports:
        conf[r["category"]][p.category or "(none)"] += 1
    per_cat = {}
    for c in CATEGORIES:
        ctp = conf[c][c]
        cfp = sum(conf[g][c] for g in CATEGORIES if g != c)
        cfn = sum(conf[c].values()) - ctp
        if ctp + cfp + cfn:
            per_cat[c] = f1(ctp, cfp, cfn)
    cat_f1 = sum(per_cat.values()) / len(per_cat) if per_cat else 0.0

    urg_ok = sum(1 for r, p in reports if p.urgency == r["urgency"])
    urg_acc = urg_ok / len(reports) if reports else 0.0
    urgent = [(r, p) for r, p in reports if r["urgency"] == "urgent"]
    urg_rec = sum(1 for r, p in urgent if p.urgency == "urgent") / len(urgent) if urgent else 1.0

    loc_rows = [(r, p) for r, p in reports if "location" in r]
    loc_exact = sum(1 for r, p in loc_rows if p.location == r["location"]) / len(loc_rows) if loc_rows else 0.0
    loc_cf1 = sum(char_f1(p.location, r["location"]) for r, p in loc_rows) / len(loc_rows) if loc_rows else 0.0

    # throughput and latency
    texts = [r["text"] for r in rows]
    lat = []
    n = 0
    t_start = time.perf_counter()
    while n < args.calls:
        for t in texts:
            t0 = time.perf_counter()
            classify(t)
            lat.append(time.perf_counter() - t0)
            n += 1
    elapsed = time.perf_counter() - t_start
    thr = n / elapsed
    lat.sort()
    p99 = lat[int(0.99 * (len(lat) - 1))] * 1000

    out = subprocess.run([sys.executable, "-c", COLD, str(ROOT)], capture_output=True, text=True, check=True)
    cold = json.loads(out.stdout.strip().splitlines()[-1])

    print(f"data: {args.data}  ({len(rows)} lines, {len(reports)} reports)")
    print(f"is_report      F1 {rep_f1:.3f}   (tp {tp} fp {fp} fn {fn})")
    print(f"category       macro-F1 {cat_f1:.3f} on true reports")
    for c, v in per_cat.items():
        print(f"   {c:16s} F1 {v:.3f}  (n={sum(conf[c].values())})")
    print(f"urgency        accuracy {urg_acc:.3f}   urgent recall {urg_rec:.3f} ({len(urgent)} urgent)")
    print(f"location       exact {loc_exact:.3f}   char-F1 {loc_cf1:.3f}  (n={len(loc_rows)})")
    print("confusion (rows gold, cols predicted):")
    short = [c[:5] for c in labels]
    print(" " * 17 + " ".join(f"{s:>5s}" for s in short))
    for g in CATEGORIES:
        print(f"{g:16s} " + " ".join(f"{conf[g][c] or '.':>5}" for c in labels))
    print(f"throughput     {thr:,.0f} msg/s  ({n} calls)   p99 latency {p99:.3f} ms")
    print(f"cold start     {cold['cold_start_s']:.3f} s   peak RSS {cold['peak_rss_mb']:.1f} MB")

    if args.errors:
        print("\nerrors:")
        for r, p in zip(rows, preds):
            bad = []
            if r["is_report"] != p.is_report:
                bad.append(f"report {r['is_report']}->{p.is_report}({p.confidence:.2f})")
            elif r["is_report"]:
                if r["category"] != p.category:
                    bad.append(f"cat {r['category']}->{p.category}")
                if r["urgency"] != p.urgency:
                    bad.append(f"urg {r['urgency']}->{p.urgency}")
                if r.get("location") != p.location:
                    bad.append(f"loc {r.get('location')!r}->{p.location!r}")
            if bad:
                print(f"  {r['id']}: {'; '.join(bad)} | {r['text'][:60]}")

    checks = {
        "is_report_f1": rep_f1 >= TARGETS["is_report_f1"],
        "category_macro_f1": cat_f1 >= TARGETS["category_macro_f1"],
        "urgency_accuracy": urg_acc >= TARGETS["urgency_accuracy"],
        "urgent_recall": urg_rec >= TARGETS["urgent_recall"],
        "location_exact": loc_exact >= TARGETS["location_exact"],
        "throughput": thr >= TARGETS["throughput"],
        "cold_start_s": cold["cold_start_s"] <= TARGETS["cold_start_s"],
        "peak_rss_mb": cold["peak_rss_mb"] <= TARGETS["peak_rss_mb"],
    }
    missed = [k for k, ok in checks.items() if not ok]
    print("RESULT:", "all targets met" if not missed else "MISSED " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
