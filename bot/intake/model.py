"""Linear intake models in pure Python (no NumPy, no scikit-learn).

Three logistic-regression models over sparse n-gram features:

* report   - binary: is the message a report at all?
* category - 14-way softmax, trained on reports only
* urgency  - 3-way softmax, trained on reports, with the (gold / predicted)
             category as an extra feature so category defaults are learnt

Features (on the normalised text): character 1-3 grams of every CJK run, word
unigrams and bigrams plus 5-char word prefixes for Latin text, emoji/symbols,
digit runs collapsed to "0", and a length bucket.

Training is plain SGD with L2, a fixed seed and a fixed order, so the same data
always gives the same model. The trained model is pickled next to this file as
``_model.pkl`` (git-ignored) and rebuilt automatically when the training data
or the feature version changes.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import random
import re
from pathlib import Path
from typing import Iterable

from .lexicon import lexicon_features

FEATURE_VERSION = 4
LEXICON_WEIGHT = 1.5
PKG_DIR = Path(__file__).resolve().parent
REPO_ROOT = PKG_DIR.parent.parent
DATA_DIR = REPO_ROOT / "data" / "intake"
TRAIN_FILE = DATA_DIR / "train.jsonl"
CORRECTIONS_FILE = DATA_DIR / "corrections.jsonl"
CACHE_FILE = PKG_DIR / "_model.pkl"

_TOKEN = re.compile(r"[\u3400-\u9fff]+|[a-z][a-z'\-]*|[0-9]+|[^\sa-z0-9\u3400-\u9fff.,!?;:，。！？、~…\"'()（）\[\]]")
_EN_STOP = {"the", "a", "an", "is", "are", "to", "of", "in", "on", "at", "and", "it", "its", "it's", "for",
            "this", "that", "i", "we", "my", "our", "you", "be", "was", "were", "has", "have", "with"}


def features(n: str) -> list[str]:
    """Sparse feature names for normalised text n (duplicates removed)."""
    feats: list[str] = ["_bias"]
    words: list[str] = []
    cjk_total = 0
    for tok in _TOKEN.findall(n):
        c = tok[0]
        if "\u3400" <= c <= "\u9fff":
            L = len(tok)
            cjk_total += L
            feats.extend(tok)
            feats.extend(tok[i:i + 2] for i in range(L - 1))
            feats.extend(tok[i:i + 3] for i in range(L - 2))
            words.append("<zh>")
        elif "a" <= c <= "z":
            if tok not in _EN_STOP:
                feats.append("w:" + tok)
                if len(tok) > 5:
                    feats.append("p:" + tok[:5])
            words.append(tok)
        elif c.isdigit():
            feats.append("num")
            words.append("0")
        else:
            feats.append("s:" + tok)
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        if a != "<zh>" or b != "<zh>":
            feats.append("b:" + a + "_" + b)
    size = cjk_total + 3 * len([w for w in words if w not in ("<zh>", "0")])
    feats.append("len:" + ("xs" if size < 6 else "s" if size < 14 else "m" if size < 30 else "l"))
    feats.extend(lexicon_features(n))
    return list(dict.fromkeys(feats))


class Softmax:
    """Multinomial logistic regression over sparse binary features."""

    def __init__(self, labels: Iterable[str]):
        self.labels = tuple(labels)
        self.w: dict[str, tuple[float, ...]] = {}

    def scores(self, feats: Iterable[str]) -> list[float]:
        w = self.w
        rows = [w[f] for f in feats if f in w]
        if not rows:
            return [0.0] * len(self.labels)
        return [sum(col) for col in zip(*rows)]

    def proba(self, feats: Iterable[str]) -> list[float]:
        s = self.scores(feats)
        m = max(s)
        e = [math.exp(x - m) for x in s]
        z = sum(e)
        return [x / z for x in e]

    def fit(self, X: list[list[str]], y: list[str], epochs: int = 25, lr: float = 0.5,
            l2: float = 1e-4, seed: int = 7) -> "Softmax":
        K = len(self.labels)
        idx = {lab: i for i, lab in enumerate(self.labels)}
        W: dict[str, list[float]] = {}
        G: dict[str, list[float]] = {}  # AdaGrad accumulators
        order = list(range(len(X)))
        rng = random.Random(seed)
        for ep in range(epochs):
            rng.shuffle(order)
            for j in order:
                feats = X[j]
                rows = [W[f] for f in feats if f in W]
                s = [sum(col) for col in zip(*rows)] if rows else [0.0] * K
                m = max(s)
                e = [math.exp(v - m) for v in s]
                z = sum(e)
                g = [v / z for v in e]
                g[idx[y[j]]] -= 1.0
                for f in feats:
                    wf = W.get(f)
                    if wf is None:
                        wf = W[f] = [0.0] * K
                        G[f] = [1e-6] * K
                    gf = G[f]
                    for k in range(K):
                        gk = g[k] + l2 * wf[k]
                        if gk:
                            gf[k] += gk * gk
                            wf[k] -= lr * gk / math.sqrt(gf[k])
        # prune near-zero rows, store compactly
        self.w = {f: tuple(round(v, 5) for v in ws) for f, ws in W.items() if max(abs(v) for v in ws) > 1e-3}
        return self


class IntakeModel:
    def __init__(self, report: Softmax, category: Softmax, urgency: Softmax, meta: dict):
        self.report = report
        self.category = category
        self.urgency = urgency
        self.meta = meta
        self._kw_index = {}
        for i, c in enumerate(category.labels):
            self._kw_index["kw:" + c] = i
            self._kw_index["kw2:" + c] = i

    def __setstate__(self, state):
        self.__dict__.update(state)

    def p_report(self, feats: list[str]) -> float:
        no, yes = self.report.scores(feats)
        # lexicon prior: a fault word next to category vocabulary is evidence of a
        # report; thanks / logistics / bot-questions are evidence against
        fs = set(feats)
        bonus = 0.0
        if "kw:fault" in fs and ("kwn:0" not in fs):
            bonus += LEXICON_WEIGHT
        if "kw:danger" in fs and ("kwn:0" not in fs):
            bonus += 0.5 * LEXICON_WEIGHT
        if "kw:neg" in fs:
            bonus -= LEXICON_WEIGHT
        z = yes - no + bonus
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def predict_category(self, feats: list[str]) -> tuple[str, float]:
        s = self.category.scores(feats)
        # lexicon prior: each category keyword hit adds a fixed vote on top of the
        # learnt weights, so unseen phrasings with known vocabulary still land right
        for f in feats:
            if f.startswith("kw"):
                k = self._kw_index.get(f)
                if k is not None:
                    s[k] += LEXICON_WEIGHT
        m = max(s)
        e = [math.exp(x - m) for x in s]
        z = sum(e)
        p = [x / z for x in e]
        k = max(range(len(p)), key=p.__getitem__)
        return self.category.labels[k], p[k]

    def predict_urgency(self, feats: list[str], category: str) -> tuple[str, float]:
        p = self.urgency.proba(feats + ["cat=" + category])
        k = max(range(len(p)), key=p.__getitem__)
        return self.urgency.labels[k], p[k]


# ------------------------------------------------------------- training ----
def load_rows(paths: Iterable[Path]) -> list[dict]:
    rows: list[dict] = []
    for p in paths:
        if not p.exists():
            continue
        with p.open(encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    rows.append(json.loads(line))
    return rows


def _data_files() -> list[Path]:
    return [TRAIN_FILE] + ([CORRECTIONS_FILE] if CORRECTIONS_FILE.exists() else [])


def data_fingerprint(paths: Iterable[Path] | None = None) -> str:
    h = hashlib.sha256(f"v{FEATURE_VERSION}".encode())
    for p in paths if paths is not None else _data_files():
        if p.exists():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def train(rows: list[dict], fingerprint: str = "") -> IntakeModel:
    from .normalize import normalize
    from . import CATEGORIES, URGENCIES

    # corrections come last in `rows` and override earlier labels of the same text
    by_text: dict[str, dict] = {}
    for r in rows:
        by_text[r["text"]] = r
    rows = list(by_text.values())
    X = [features(normalize(r["text"])) for r in rows]
    y_rep = ["yes" if r["is_report"] else "no" for r in rows]
    report = Softmax(("no", "yes")).fit(X, y_rep, epochs=20, lr=0.4, l2=2e-4, seed=11)
    rep_idx = [i for i, r in enumerate(rows) if r["is_report"] and r.get("category") in CATEGORIES]
    category = Softmax(CATEGORIES).fit([X[i] for i in rep_idx], [rows[i]["category"] for i in rep_idx],
                                       epochs=25, lr=0.5, l2=1e-4, seed=13)
    urg_idx = [i for i in rep_idx if rows[i].get("urgency") in URGENCIES]
    urgency = Softmax(URGENCIES).fit([X[i] + ["cat=" + rows[i]["category"]] for i in urg_idx],
                                     [rows[i]["urgency"] for i in urg_idx], epochs=25, lr=0.4, l2=1e-4,
                                     seed=17)
    meta = {"fingerprint": fingerprint, "n_rows": len(rows), "n_reports": len(rep_idx),
            "feature_version": FEATURE_VERSION}
    return IntakeModel(report, category, urgency, meta)


def build(paths: list[Path] | None = None, cache: Path | None = CACHE_FILE) -> IntakeModel:
    paths = paths if paths is not None else _data_files()
    rows = load_rows(paths)
    if not rows:
        raise FileNotFoundError(f"no intake training data at {paths[0]}")
    model = train(rows, data_fingerprint(paths))
    if cache is not None:
        tmp = cache.with_name(cache.name + f".{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as f:
                pickle.dump(model, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
        except OSError:  # read-only install: keep the in-memory model
            tmp.unlink(missing_ok=True)
    return model


def load() -> IntakeModel:
    """Cached model if it matches the training data, else (re)build it."""
    fp = data_fingerprint() if TRAIN_FILE.exists() else None
    if CACHE_FILE.exists():
        try:
            with CACHE_FILE.open("rb") as f:
                model = pickle.load(f)
            if fp is None or model.meta.get("fingerprint") == fp:
                return model
        except Exception:  # corrupt / incompatible cache: rebuild
            pass
    return build()
