"""Scoring intake predictions against labelled lines (bench, `sentinel intake report`)."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import Intake


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


def score(rows: list[dict[str, Any]], preds: list[Intake], ask_threshold: float) -> dict[str, Any]:
    """All quality figures for predictions `preds` (Intake) of gold `rows`."""
    from . import CATEGORIES
    tp = sum(1 for r, p in zip(rows, preds) if r["is_report"] and p.is_report)
    fp = sum(1 for r, p in zip(rows, preds) if not r["is_report"] and p.is_report)
    fn = sum(1 for r, p in zip(rows, preds) if r["is_report"] and not p.is_report)
    reports = [(r, p) for r, p in zip(rows, preds) if r["is_report"]]
    conf: dict[str, Counter[str]] = {g: Counter() for g in CATEGORIES}
    for r, p in reports:
        conf[r["category"]][p.category or "(none)"] += 1
    per_cat = {}
    for c in CATEGORIES:
        ctp = conf[c][c]
        cfp = sum(conf[g][c] for g in CATEGORIES if g != c)
        cfn = sum(conf[c].values()) - ctp
        if ctp + cfp + cfn:
            per_cat[c] = f1(ctp, cfp, cfn)
    # urgent: over all messages (a non-report predicted urgent is a false alarm too)
    gold_u = [r.get("urgency") == "urgent" for r in rows]
    pred_u = [bool(p.is_report and p.urgency == "urgent") for p in preds]
    utp = sum(g and q for g, q in zip(gold_u, pred_u))
    u_rec = utp / sum(gold_u) if sum(gold_u) else 1.0
    u_prec = utp / sum(pred_u) if sum(pred_u) else 1.0
    loc_rows = [(r, p) for r, p in reports if "location" in r]
    loc_f1 = sum(char_f1(p.location, r["location"]) for r, p in loc_rows) / len(loc_rows) if loc_rows else 0.0
    loc_exact = sum(1 for r, p in loc_rows if p.location == r["location"]) / len(loc_rows) if loc_rows else 0.0
    asked = sum(1 for p in preds if p.confidence < ask_threshold)
    return {"n": len(rows), "reports": len(reports), "is_report_f1": f1(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn,
            "category_macro_f1": sum(per_cat.values()) / len(per_cat) if per_cat else 0.0, "per_cat": per_cat,
            "conf": conf, "urgent_recall": u_rec, "urgent_precision": u_prec, "n_urgent": sum(gold_u),
            "location_f1": loc_f1, "location_exact": loc_exact, "ask_rate": asked / len(rows) if rows else 0.0}


def render(d: dict[str, Any]) -> str:
    """Figures and the confusion matrix of `score()` as text."""
    from . import CATEGORIES
    lines = [f"{d['n']} lines, {d['reports']} reports, {d['n_urgent']} urgent",
             f"is_report F1      {d['is_report_f1']:.3f}  (tp {d['tp']} fp {d['fp']} fn {d['fn']})",
             f"category macro-F1 {d['category_macro_f1']:.3f}",
             f"urgent recall     {d['urgent_recall']:.3f}  precision {d['urgent_precision']:.3f}",
             f"location F1       {d['location_f1']:.3f}  exact {d['location_exact']:.3f}",
             f"asked share       {d['ask_rate']:.3f}",
             "confusion (rows gold, cols predicted):"]
    labels = list(CATEGORIES) + ["(none)"]
    lines.append(" " * 17 + " ".join(f"{s[:5]:>5s}" for s in labels))
    for g in CATEGORIES:
        lines.append(f"{g:16s} " + " ".join(f"{d['conf'][g][c] or '.':>5}" for c in labels))
    return "\n".join(lines)
