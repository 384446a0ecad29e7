"""Place spans by a linear-chain CRF (python-crfsuite, trained with sklearn-crfsuite).

Why: the rules in location.py know the patterns riders use (a proper name plus a
place suffix); a message naming its place some other way (a dialect word, a shop
without a suffix, a lower-case English street) gets no place from them. A CRF
trained on the corpus's labelled spans learns the contexts places sit in.

Tokens: every CJK character is a token, a Latin word, a number or a punctuation
mark is one; each token gets a BIO tag (B-LOC, I-LOC, O). Features: the token and
its neighbours (±2), character bigrams, whether it is a place suffix or a
home/motion cue, and the jieba word it lies in (its position B/M/E/S in the word,
the word itself, and the word's part-of-speech tag from jieba's dictionary), so
the model sees word segmentation without a per-message part-of-speech HMM.

Segmentation uses a jieba tokenizer over a trimmed copy of jieba's dictionary
(heads/jieba_small.txt, the 40,000 most frequent words with their tags, made by
`make_dictionary`), which loads in a fraction of a second, where the full
dictionary takes seconds on this machine.

Shapes: `spans(text)` -> list of (start, end, mean marginal probability) over the
*given* text (character offsets). Model file heads/location.crfsuite (~0.3 MB).
Optional at run time: when python-crfsuite or jieba is missing, `available()` is
False and places come from the rules alone (places.py logs it once).
"""
from __future__ import annotations

import bisect
import functools
import logging
import re
import threading
from pathlib import Path
from typing import Any, Iterable

log = logging.getLogger(__name__)

PKG_DIR = Path(__file__).resolve().parent
MODEL_FILE = PKG_DIR / "heads" / "location.crfsuite"
DICT_FILE = PKG_DIR / "heads" / "jieba_small.txt"
DICT_WORDS = 40000

_TOKEN = re.compile(r"[\u3400-\u9fff]|[A-Za-z][A-Za-z'\-]*|[0-9]+|\S")
_ZH_SUF1 = set("路街道巷弄口桥村园苑城区站院场楼栋门座号店厦湾里")
_ZH_SUF2 = {"小区", "花园", "家园", "新村", "广场", "大厦", "商场", "医院", "学校", "公园", "市场", "驿站",
            "路口", "大道", "大街", "地铁", "公交", "天桥", "隧道", "高架", "辅路", "门口", "楼下", "单元",
            "号楼", "北门", "南门", "东门", "西门", "后门", "正门", "侧门", "对面", "旁边", "巷子", "村口"}
_HOME = set("住家")
_EN_SUF = {"rd", "road", "st", "street", "ave", "avenue", "blvd", "lane", "ln", "plaza", "square", "garden",
           "gardens", "village", "park", "mall", "building", "tower", "center", "centre", "station", "market",
           "hospital", "school", "estate", "gate", "exit", "bridge", "tunnel", "metro", "junction", "stop"}
_EN_PREP = {"on", "at", "near", "in", "outside", "behind", "by", "along", "opposite", "of", "from", "to"}

_LOCK = threading.Lock()
_TOK: Any = None
_TAGS: dict[str, str] = {}


def available() -> bool:
    """True when python-crfsuite and jieba import (the CRF can run)."""
    try:
        import jieba  # noqa: F401
        import pycrfsuite  # noqa: F401
    except ImportError:
        return False
    return True


def _jieba_dictionary() -> Path:
    """jieba's own full dictionary (dict.txt: "word freq tag" per line); ImportError without jieba."""
    import jieba
    return Path(jieba.__file__).resolve().parent / "dict.txt"


def make_dictionary(out: Path = DICT_FILE, words: int = DICT_WORDS) -> Path:
    """Write the trimmed jieba dictionary: the `words` most frequent entries of jieba's own
    dict.txt (ties by the word), "word freq tag" per line; deterministic."""
    rows = []
    for line in _jieba_dictionary().read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) >= 3 and parts[1].isdigit():
            rows.append((-int(parts[1]), parts[0], parts[2]))
    rows.sort()
    out.write_text("".join(f"{w} {-f} {t}\n" for f, w, t in rows[:words]), encoding="utf-8")
    return out


def _tokenizer() -> Any:
    """The jieba tokenizer over the trimmed dictionary (loaded once, thread-safe)."""
    global _TOK
    if _TOK is None:
        with _LOCK:
            if _TOK is None:
                import jieba
                jieba.setLogLevel(logging.WARNING)
                if not DICT_FILE.exists():
                    make_dictionary()
                tok = jieba.Tokenizer(dictionary=str(DICT_FILE))
                tok.initialize()
                for line in DICT_FILE.read_text(encoding="utf-8").splitlines():
                    w, _f, t = line.split(" ")
                    _TAGS[w] = t
                _TOK = tok
    return _TOK


def tokenize(text: str) -> list[tuple[int, int]]:
    """(start, end) of each token of `text` (see module doc)."""
    return [m.span() for m in _TOKEN.finditer(text)]


def _word_info(text: str) -> list[tuple[str, str, str]]:
    """For each character: (jieba word, position B/M/E/S, dictionary tag or '-')."""
    info: list[tuple[str, str, str]] = []
    for w in _tokenizer().lcut(text, HMM=False):
        t = _TAGS.get(w, "-")
        if len(w) == 1:
            info.append((w, "S", t))
        else:
            info.extend((w, "B" if i == 0 else "E" if i == len(w) - 1 else "M", t) for i in range(len(w)))
    return info


# jieba's part-of-speech tags of words that are no part of a name: verbs, pronouns, prepositions,
# particles, conjunctions, numerals, measure words, adverbs, time and position words
_FUNCTION_TAGS = {"v", "vd", "vg", "vi", "vq", "r", "rr", "rz", "p", "u", "ud", "ug", "uj", "ul", "uv", "uz", "y",
                  "c", "m", "mq", "q", "d", "dg", "t", "tg", "f", "e", "o", "zg", "x", "-"}
PLACE_TAGS = {"ns", "j"}
"""jieba's tags of a place name (ns) and of an abbreviation (j: 国贸, 四惠, 上地), which in Beijing
riders' speech is mostly a place's; its plain nouns (n) hold 西单 as well as 干嘛 and 摸鱼, so
location._dictionary_place takes a plain noun only when it is rare and no everyday word."""
_FULL: bytes | None = None
NAME_TAGS = frozenset({"ns", "nt", "nz", "j"})
"""jieba's tags of a proper name that a place may be or hold: a place (ns), an organisation (nt: 首都师范大学,
中国美术馆), another proper name (nz) and an abbreviation (j)."""
_PROPER: list[str] | None = None
_PROPER_SET: frozenset[str] = frozenset()
NAME_HEAD_MIN = 5
"""How many of the dictionary's proper names a word must open to be a name's head whatever its own tag
(首都 opens 11: jieba tags it an adverb, as 都 "all"; 成都 18, 对外 7; 大都 "mostly" opens 4)."""


def _full_text() -> bytes:
    """jieba's full dictionary (dict.txt, ~350,000 words) as its UTF-8 bytes, b"\n" first; b"" without
    jieba. Read once (~0.1 s; warmed by `warm`); kept as bytes, 5 MB where a str of it takes 20 MB."""
    global _FULL
    if _FULL is None:
        with _LOCK:
            if _FULL is None:
                try:
                    _FULL = b"\n" + _jieba_dictionary().read_bytes()
                except (ImportError, OSError):
                    _FULL = b""
    return _FULL


@functools.lru_cache(maxsize=5000)
def dictionary_entry(word: str) -> tuple[int, str] | None:
    """(frequency, part-of-speech tag) of `word` in jieba's full dictionary (dict.txt, ~350,000 words),
    or None. Why the full one: the trimmed dictionary keeps frequent words only, and a district's name
    (十里堡 7, 四惠 3) is rare in jieba's corpus. Looked up with find (~2 ms), so only the rare short
    message that needs it pays (location._bare_at), once per word (cached: riders repeat 公司, 西单)."""
    if not word or " " in word or "\n" in word:
        return None
    full = _full_text()
    i = full.find(b"\n" + word.encode("utf-8") + b" ")
    if i < 0:
        return None
    line = full[i + 1:full.find(b"\n", i + 1)].decode("utf-8").split(" ")
    return (int(line[1]), line[2]) if len(line) >= 3 and line[1].isdigit() else None


def dictionary_tag(word: str) -> str | None:
    """The part-of-speech tag of `word` in jieba's full dictionary, or None (see dictionary_entry)."""
    entry = dictionary_entry(word)
    return entry[1] if entry else None


def _proper_names() -> list[str]:
    """The full dictionary's proper names (NAME_TAGS, ~34,000), sorted (built once, ~0.3 s)."""
    global _PROPER, _PROPER_SET
    if _PROPER is None:
        tags = b"|".join(sorted(t.encode() for t in NAME_TAGS))
        names = sorted(m.group(1).decode("utf-8")  # only the names' lines are decoded
                       for m in re.finditer(rb"^([^ \n]+) \d+ (?:" + tags + rb")$", _full_text(), re.MULTILINE))
        with _LOCK:
            _PROPER_SET = frozenset(names)
            _PROPER = names
    return _PROPER


def warm() -> None:
    """Read what the place rules look up in jieba's full dictionary (its text and proper names, ~0.4 s,
    ~12 MB) now, at start-up, so the first message that needs them does not stall the event loop."""
    _proper_names()


def proper_name(word: str) -> bool:
    """Whether `word` is a proper name in jieba's full dictionary (NAME_TAGS): 首都师范大学 and 中国美术馆
    are (organisations), though their first word (首都 "adverb", 中国) alone says nothing."""
    _proper_names()
    return word in _PROPER_SET


def _opens_a_longer_name(piece: str) -> bool:
    """Whether a proper name longer than `piece` begins with it (首都 → 首都师范大学): the names are sorted,
    so such a name comes right after `piece` (a set of every name's beginnings took 10 MB more)."""
    names = _proper_names()
    i = bisect.bisect_right(names, piece)
    return i < len(names) and names[i].startswith(piece)


def proper_names_from(text: str, start: int, past: int) -> int | None:
    """The end of the longest proper name of jieba's full dictionary that starts at text[start] and
    ends beyond index `past` (holds text[past]), or None; walks the names' beginnings, so a miss
    costs a lookup or two."""
    _proper_names()
    best = None
    j = start + 1
    while j <= len(text):
        piece = text[start:j]
        if piece in _PROPER_SET and j > past:
            best = j
        if not _opens_a_longer_name(piece):
            break
        j += 1
    return best


def starts_a_word(piece: str) -> bool:
    """Whether some word of the trimmed dictionary begins with `piece` (jieba keeps every word's
    beginnings in its table), so a jieba cut across it is worth its cost; False without jieba."""
    try:
        return piece in _tokenizer().FREQ
    except ImportError:
        return False


def name_head(word: str) -> bool:
    """Whether `word` opens at least NAME_HEAD_MIN of the dictionary's proper names (首都: 首都体育馆,
    首都医科大学 …), so that a name it opens is one (首都经济贸易大学), whatever tag jieba gives it."""
    if not word:
        return False
    names = _proper_names()
    i = bisect.bisect_right(names, word)  # past the word itself
    return i + NAME_HEAD_MIN <= len(names) and names[i + NAME_HEAD_MIN - 1].startswith(word)


def name_words(text: str) -> list[tuple[int, int, str]] | None:
    """(start, end, tag) of the jieba words of `text` (trimmed dictionary, no HMM), or None when jieba
    is missing. Lets the rules tell a name that holds a function word's character (首都机场: 都,
    对外经济贸易大学: 对) from a verb or particle glued onto one."""
    try:
        tok = _tokenizer()
    except ImportError:
        return None
    out: list[tuple[int, int, str]] = []
    pos = 0
    for w in tok.lcut(text, HMM=False):
        out.append((pos, pos + len(w), _TAGS.get(w, "-")))
        pos += len(w)
    return out


def is_name_word(tag: str) -> bool:
    """Whether a word tagged `tag` (see name_words) can be part of a proper name."""
    return tag not in _FUNCTION_TAGS


def features(text: str, toks: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """crfsuite feature dicts, one per token."""
    info = _word_info(text)
    words = [text[a:b] for a, b in toks]
    low = [w.lower() for w in words]
    out: list[dict[str, Any]] = []
    n = len(toks)
    for i, (a, _b) in enumerate(toks):
        w = low[i]
        zh = "\u3400" <= w[0] <= "\u9fff"
        f: dict[str, Any] = {"b": 1.0, "w": w, "zh": zh}
        if zh:
            jw, pos, tag = info[a] if a < len(info) else (w, "S", "-")
            f.update({"jp": pos, "jt": tag, "jw": jw if len(jw) <= 4 else jw[:2] + "_" + jw[-2:],
                      "suf1": w in _ZH_SUF1, "home": w in _HOME})
            if i + 1 < n:
                f["bi+"] = w + low[i + 1]
                f["suf2+"] = (w + low[i + 1]) in _ZH_SUF2
            if i > 0:
                f["bi-"] = low[i - 1] + w
                f["suf2-"] = (low[i - 1] + w) in _ZH_SUF2
        else:
            raw = words[i]
            f.update({"title": raw[:1].isupper(), "upper": raw.isupper() and len(raw) > 1,
                      "digit": raw.isdigit(), "ensuf": w in _EN_SUF, "prep": w in _EN_PREP,
                      "p3": w[-3:]})
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f[f"{d}w"] = low[j]
                if d in (-1, 1) and not zh:
                    f[f"{d}title"] = words[j][:1].isupper()
            else:
                f[f"{d}w"] = "<s>" if j < 0 else "</s>"
        out.append(f)
    return out


def bio(text: str, toks: list[tuple[int, int]], span: tuple[int, int] | None) -> list[str]:
    """BIO tags of the tokens for one gold span (tokens overlapping the span are inside)."""
    tags = []
    inside = False
    for a, b in toks:
        if span is not None and a < span[1] and b > span[0]:
            tags.append("I-LOC" if inside else "B-LOC")
            inside = True
        else:
            tags.append("O")
            inside = False
    return tags


def gold_span(row: dict[str, Any]) -> tuple[int, int] | None:
    """Where the row's labelled place sits in its text (the corpus's `loc_start` when given)."""
    loc = row.get("location")
    if not loc:
        return None
    text = row["text"]
    s = row.get("loc_start")
    if not isinstance(s, int) or text[s:s + len(loc)] != loc:
        s = text.find(loc)
    return None if s < 0 else (s, s + len(loc))


def train(rows: Iterable[dict[str, Any]], out: Path = MODEL_FILE, max_iterations: int = 80) -> Path:
    """Fit the CRF on report lines (their place, or none) and write it to `out`.

    Deterministic (L-BFGS, fixed order). Only reports: the CRF runs on messages judged
    reports, and a non-report's place is left unlabelled in the corpus."""
    import sklearn_crfsuite
    X, Y = [], []
    for r in rows:
        if not r.get("is_report"):
            continue
        text = r["text"][:400]
        toks = tokenize(text)
        if not toks:
            continue
        X.append(features(text, toks))
        Y.append(bio(text, toks, gold_span(r)))
    out.parent.mkdir(parents=True, exist_ok=True)
    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=0.1, c2=0.05, max_iterations=max_iterations,
                               all_possible_transitions=False, model_filename=str(out))
    crf.fit(X, Y)
    return out


class SpanTagger:
    """A loaded CRF model: `spans(text)` -> [(start, end, p)] of the places it marks."""

    def __init__(self, path: Path = MODEL_FILE):
        import pycrfsuite
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self._lock = threading.Lock()  # a crfsuite Tagger keeps its state between calls
        _tokenizer()

    def spans(self, text: str) -> list[tuple[int, int, float]]:
        text = text[:400]
        toks = tokenize(text)
        if not toks:
            return []
        X = features(text, toks)
        with self._lock:
            tags = self._tagger.tag(X)
            probs = [self._tagger.marginal(t, i) if t != "O" else 0.0 for i, t in enumerate(tags)]
        out: list[tuple[int, int, float]] = []
        cur: list[int] | None = None
        for i, t in enumerate(tags):
            if t == "O" or (t == "B-LOC" and cur is not None):
                if cur is not None:
                    out.append(self._close(toks, cur, probs))
                    cur = None
            if t != "O":
                cur = (cur or []) + [i]
        if cur is not None:
            out.append(self._close(toks, cur, probs))
        return out

    @staticmethod
    def _close(toks: list[tuple[int, int]], idx: list[int], probs: list[float]) -> tuple[int, int, float]:
        return toks[idx[0]][0], toks[idx[-1]][1], sum(probs[i] for i in idx) / len(idx)


def load(path: Path = MODEL_FILE) -> SpanTagger | None:
    """The shipped CRF, or None (library missing or no model file)."""
    if not path.exists() or not available():
        return None
    try:
        return SpanTagger(path)
    except Exception:  # unreadable model: rules only
        log.warning("intake: cannot load the place CRF %s; places from rules only", path)
        return None
