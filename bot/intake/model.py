"""Intake models: a lexical stage and an optional semantic stage, trained with scikit-learn.

Lexical stage (always on): sparse binary features of the normalised text
(character 1-3 grams of CJK runs, Latin words and bigrams, lexicon hits, see
`features`) and three logistic regressions fitted by scikit-learn:

* report   - binary: is the message a report at all?
* category - 14-way, trained on reports only
* urgency  - 3-way, trained on reports, with the category as an extra feature

For speed the fitted coefficients are kept as one float32 matrix and a
feature -> row index: scoring a message is a dict lookup per feature and one
sum, so the lexical stage stays well above 5,000 messages a second.

Semantic stage (the optional `semantic` extra, see semantic.py): the same three
heads fitted on multilingual-e5-small sentence embeddings. It sees only the
messages the lexical stage is unsure of.

Trained heads are versioned in the package (`heads/*.npz`, a few MB) so a fresh
install classifies at once; `sentinel intake train` refits them from
data/intake/train.jsonl plus the secretaries' corrections. When the shipped
lexical heads are missing they are fitted at first use (a few seconds).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from bot.resources import data_dir

from .lexicon import lexicon_features

log = logging.getLogger(__name__)

FEATURE_VERSION = 5
PKG_DIR = Path(__file__).resolve().parent
REPO_ROOT = PKG_DIR.parent.parent
DATA_DIR = data_dir("data", "intake")  # the checkout's, or the copy a wheel carries
TRAIN_FILE = DATA_DIR / "train.jsonl"
CORRECTIONS_FILE = DATA_DIR / "corrections.jsonl"
HEADS_DIR = PKG_DIR / "heads"
LEXICAL_FILE = HEADS_DIR / "lexical.npz"
SEMANTIC_FILE = HEADS_DIR / "semantic.npz"
META_FILE = HEADS_DIR / "meta.json"
CACHE_FILE = LEXICAL_FILE  # kept name: the CLI prints where the model went

_TOKEN = re.compile(r"[\u3400-\u9fff]+|[a-z][a-z'\-]*|[0-9]+|[^\sa-z0-9\u3400-\u9fff.,!?;:，。！？、~…\"'()（）\[\]]")
_EN_STOP = {"the", "a", "an", "is", "are", "to", "of", "in", "on", "at", "and", "it", "its", "it's", "for",
            "this", "that", "i", "we", "my", "our", "you", "be", "was", "were", "has", "have", "with"}


def features(n: str) -> list[str]:
    """Sparse feature names for normalised text n (duplicates removed)."""
    feats: list[str] = []
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


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    e = np.exp(z)
    p: np.ndarray = e / e.sum()
    return p


class LexicalModel:
    """Three linear heads over one feature index; scoring without scikit-learn."""

    def __init__(self, vocab: list[str], W: np.ndarray, b: np.ndarray, slices: dict[str, tuple[int, int]],
                 labels: dict[str, tuple[str, ...]], meta: dict[str, Any]):
        self.index = {f: i for i, f in enumerate(vocab)}
        self.vocab = vocab
        self.W = W            # (n_features, n_outputs) float32: report | category | urgency columns
        self.b = b            # (n_outputs,)
        self.slices = slices  # head -> (start, stop) columns
        self.labels = labels
        self.meta = meta

    def scores(self, feats: Iterable[str]) -> np.ndarray:
        """Raw scores of all heads (report | category | urgency columns)."""
        rows = [i for i in map(self.index.get, feats) if i is not None]
        if not rows:
            return self.b.copy()
        s: np.ndarray = self.W.take(rows, axis=0).sum(axis=0) + self.b
        return s

    def p_report(self, s: np.ndarray) -> float:
        a, _ = self.slices["report"]
        z = float(s[a])
        return 1.0 / (1.0 + np.exp(-z)) if z > -30 else 0.0

    def p_category(self, s: np.ndarray) -> np.ndarray:
        a, b = self.slices["category"]
        return _softmax(s[a:b])

    def p_urgency(self, s: np.ndarray, category: str) -> np.ndarray:
        """Urgency from the scores `s` plus the category's own weights."""
        a, b = self.slices["urgency"]
        z = s[a:b]
        k = self.index.get("cat=" + category)
        if k is not None:
            z = z + self.W[k, a:b]
        return _softmax(z)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp.npz")
        np.savez_compressed(tmp, vocab=np.array(self.vocab), W=self.W.astype(np.float16), b=self.b,
                            meta=np.array(json.dumps({"slices": self.slices, "labels": self.labels,
                                                      **self.meta}, ensure_ascii=False)))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> "LexicalModel":
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            slices = {k: tuple(v) for k, v in meta.pop("slices").items()}
            labels = {k: tuple(v) for k, v in meta.pop("labels").items()}
            return cls(z["vocab"].tolist(), z["W"].astype(np.float32), z["b"].astype(np.float32),
                       slices, labels, meta)


# ------------------------------------------------------------- training ----
def load_rows(paths: Iterable[Path]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
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


def dedupe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Later rows (corrections come last) override earlier labels of the same text."""
    by_text: dict[str, dict[str, Any]] = {}
    for r in rows:
        by_text[r["text"]] = r
    return list(by_text.values())


def _fit_lr(X: Any, y: Any, C: float, sample_weight: np.ndarray | None = None) -> Any:
    """A fitted sklearn LogisticRegression (X: dense array or sparse matrix; y: labels)."""
    from sklearn.linear_model import LogisticRegression
    cw = None if sample_weight is not None else "balanced"
    return LogisticRegression(C=C, max_iter=2000, class_weight=cw).fit(X, y, sample_weight=sample_weight)


def report_targets(rows: list[dict[str, Any]]) -> tuple[list[int], np.ndarray, np.ndarray]:
    """Row index, target and sample weight for the is_report heads (fit without class_weight).

    Labelled lines are weighted to balance yes and no. Lines labelled ambiguous
    (is_report null: a vague hint with nothing to act on) count once as yes and
    once as no, each at half of an average line's weight, so the heads learn to
    be unsure of them and the bot asks instead of guessing."""
    n_yes = sum(1 for r in rows if r.get("is_report") is True)
    n_no = sum(1 for r in rows if r.get("is_report") is False)
    n = n_yes + n_no
    w_yes = n / (2 * n_yes) if n_yes else 1.0
    w_no = n / (2 * n_no) if n_no else 1.0
    idx: list[int] = []
    y: list[int] = []
    w: list[float] = []
    for i, r in enumerate(rows):
        if r.get("is_report") is None:
            idx += [i, i]
            y += [1, 0]
            w += [0.5, 0.5]
        else:
            idx.append(i)
            y.append(1 if r["is_report"] else 0)
            w.append(w_yes if r["is_report"] else w_no)
    return idx, np.array(y), np.array(w)


def train_lexical(rows: list[dict[str, Any]], fingerprint: str = "") -> LexicalModel:
    """Fit the three lexical heads (deterministic: lbfgs, no sampling)."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction import DictVectorizer

    from . import CATEGORIES, URGENCIES
    from .normalize import normalize

    rows = dedupe(rows)
    F = [features(normalize(r["text"])) for r in rows]
    cat_feats = ["cat=" + c for c in CATEGORIES]
    dv = DictVectorizer(dtype=np.float32)
    dv.fit([{f: 1 for f in fs} for fs in F] + [{f: 1 for f in cat_feats}])
    # drop features seen once: they only memorise
    X_all = dv.transform([{f: 1 for f in fs} for fs in F])
    df = np.asarray((X_all > 0).sum(axis=0)).ravel()
    keep = np.where((df >= 2) | np.isin(np.arange(len(dv.feature_names_)),
                                        [dv.vocabulary_[c] for c in cat_feats]))[0]
    vocab = [dv.feature_names_[i] for i in keep]
    X = X_all[:, keep]
    col = {f: i for i, f in enumerate(vocab)}

    ridx, y_rep, w_rep = report_targets(rows)
    rep = _fit_lr(X[ridx], y_rep, C=1.0, sample_weight=w_rep)
    rep_idx = [i for i, r in enumerate(rows) if r["is_report"] and r.get("category") in CATEGORIES]
    cat = _fit_lr(X[rep_idx], [rows[i]["category"] for i in rep_idx], C=2.0)
    urg_idx = [i for i in rep_idx if rows[i].get("urgency") in URGENCIES]
    cat_onehot = csr_matrix((np.ones(len(urg_idx), np.float32),
                             ([k for k in range(len(urg_idx))], [col["cat=" + rows[i]["category"]] for i in urg_idx])),
                            shape=(len(urg_idx), len(vocab)))
    Xu = X[urg_idx] + cat_onehot
    urg = _fit_lr(Xu, [rows[i]["urgency"] for i in urg_idx], C=2.0)

    def full(clf: Any, labels: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        order = [list(clf.classes_).index(label) if label in clf.classes_ else None for label in labels]
        W = np.zeros((len(vocab), len(labels)), np.float32)
        b = np.full(len(labels), -30.0, np.float32)
        for j, k in enumerate(order):
            if k is not None:
                W[:, j] = clf.coef_[k]
                b[j] = clf.intercept_[k]
        return W, b

    Wr = rep.coef_.T.astype(np.float32)
    br = rep.intercept_.astype(np.float32)
    Wc, bc = full(cat, CATEGORIES)
    Wu, bu = full(urg, URGENCIES)
    del hstack
    W = np.hstack([Wr, Wc, Wu])
    b = np.concatenate([br, bc, bu])
    slices = {"report": (0, 1), "category": (1, 1 + len(CATEGORIES)),
              "urgency": (1 + len(CATEGORIES), 1 + len(CATEGORIES) + len(URGENCIES))}
    # prune rows that carry no weight anywhere
    live = np.where(np.abs(W).max(axis=1) > 1e-3)[0]
    vocab = [vocab[i] for i in live]
    W = W[live]
    meta = {"fingerprint": fingerprint, "n_rows": len(rows), "n_reports": len(rep_idx),
            "feature_version": FEATURE_VERSION}
    return LexicalModel(vocab, W, b, slices, {"category": CATEGORIES, "urgency": URGENCIES}, meta)


# kept for callers of the old API
def train(rows: list[dict[str, Any]], fingerprint: str = "") -> LexicalModel:
    return train_lexical(rows, fingerprint)


def build(paths: list[Path] | None = None, out: Path | None = LEXICAL_FILE,
          semantic: bool = True) -> LexicalModel:
    """Refit the heads from the training files (and, with the encoder, the semantic heads)."""
    paths = paths if paths is not None else _data_files()
    rows = load_rows(paths)
    if not rows:
        raise FileNotFoundError(f"no intake training data at {paths[0]}")
    fp = data_fingerprint(paths)
    lex = train_lexical(rows, fp)
    if out is not None:
        try:
            lex.save(out)
        except OSError:  # read-only install: keep the in-memory model
            log.warning("intake: cannot write %s; using the model in memory", out)
    if out is not None:
        _train_places(rows, out.with_name("location.crfsuite"))
    if semantic and out is not None:
        from . import semantic as sem
        if sem.available():
            sem.train_and_save(dedupe(rows), out.with_name(SEMANTIC_FILE.name), fp)
        else:
            log.info("intake: semantic extra not installed; only the lexical heads were refitted")
    return lex


def _train_places(rows: list[dict[str, Any]], out: Path) -> None:
    """Refit the place CRF (span_crf) from the labelled spans, when its libraries are installed."""
    from . import span_crf
    if not span_crf.available():
        log.info("intake: python-crfsuite/jieba not installed; the place CRF was not refitted")
        return
    try:
        span_crf.train(dedupe(rows), out)
    except OSError:
        log.warning("intake: cannot write %s; the place CRF was not refitted", out)


def load() -> LexicalModel:
    """The shipped lexical heads, or fit them now if they are missing or unreadable."""
    if LEXICAL_FILE.exists():
        try:
            m = LexicalModel.load(LEXICAL_FILE)
            if m.meta.get("feature_version") == FEATURE_VERSION:
                return m
        except Exception:  # corrupt / incompatible file: refit
            log.warning("intake: %s unreadable, refitting the lexical heads", LEXICAL_FILE)
    return build(semantic=False)
