"""Report intake: decide whether a rider's message is a report, and of what.

`classify` is the one interface the rest of the bot uses. Behind it:

* normalize.py - Traditional->Simplified, full->half width, lower case (length kept)
* model.py     - lexical stage: logistic regressions (scikit-learn) over character /
                 word n-grams, shipped as heads/lexical.npz, refitted by
                 `sentinel intake train` from data/intake/ (+ corrections.jsonl)
* semantic.py  - semantic stage (optional extra): multilingual-e5-small embeddings
                 and three linear heads (heads/semantic.npz), for unsure messages
* rules.py     - life-safety cues forcing `urgent`, de-escalation cues
* location.py  - rule-based extractor of the shortest place span
* span_crf.py  - CRF over labelled place spans (python-crfsuite, jieba word features),
                 shipped as heads/location.crfsuite
* places.py    - the incident's place: rules where they are sure, the CRF otherwise
* lang.py      - zh / en detection

Codes follow the labelling contract in docs/taxonomy.md.
"""
from __future__ import annotations

import asyncio
import logging
import math
import os
import re
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from bot.commandtext import normalize_command  # the chat layer's own test of a command
from bot.metrics import INTAKE_UNSURE

from . import rules as _rules
from .lang import detect_language
from .location import extract_location
from .normalize import normalize
from .places import locate

if TYPE_CHECKING:  # the stages load lazily (scikit-learn, the encoder)
    from .model import LexicalModel
    from .span_crf import SpanTagger
    from .semantic import SemanticHeads

CATEGORIES: tuple[str, ...] = (
    "lighting", "road", "waterlogging", "bike_lane", "parking", "traffic",
    "fire_safety", "sanitation", "public_facility", "person_in_need",
    "rider_rights", "rider_service", "suggestion", "other",
)
URGENCIES: tuple[str, ...] = ("urgent", "normal", "low")
# below this confidence in the is_report decision the bot asks "是，上报 / 不是"
ASK_THRESHOLD: float = 0.6


@dataclass(frozen=True, slots=True)
class Intake:
    is_report: bool
    category: str | None = None
    urgency: str | None = None
    location: str | None = None
    confidence: float = 1.0

    @property
    def urgent_report(self) -> bool:
        """A report of danger to someone's safety (taxonomy.md: urgent): a case wherever it is said,
        even in reply to what takes other replies as answers (a survey's question, a proposal's thread)."""
        return self.is_report and self.urgency == "urgent"


log = logging.getLogger(__name__)

# The lexical stage decides alone when it is this sure; otherwise the message
# goes to the semantic stage (when the `semantic` extra is installed).
LEXICAL_SURE_LOW = 0.08    # p(report) below: chit-chat
LEXICAL_SURE_HIGH = 0.92   # p(report) above and a clear category: a report
CATEGORY_SURE = 0.85
# Temperature on the final is_report logit. Decisions are unchanged (p >= 0.5); it only
# sets how often the bot asks "是，上报 / 不是" (confidence < ASK_THRESHOLD). Chosen on
# out-of-fold predictions of the corpus (grouped 5-fold). First corpus: T = 1.5 asked about
# ~7 % of labelled lines. With the hand-written second round, T = 1.5 asks about 4.7 % of
# labelled lines, catches 46 % of the wrong calls and 48 % of the vague lines; T = 2.0 would
# give 6.5 %, 56 %, 57 % but also asks about plain English reports ("The street light is out
# at ... gate 3"), so it stays at 1.5.
CALIBRATION_T = 1.5
SEMANTIC_WEIGHT = 0.5      # share of the semantic stage in the blended probabilities (grouped CV on the corpus)
# The encoder's budget. Tens of ms of CPU a message, it is the bot's dearest work: at a city's peak
# (issue 18: 200 updates/s on 2 cores) the unsure messages alone keep it busy most of a core and the
# rest of the bot gets too little; nothing bounded how far it could fall behind. So an unsure message
# is decided by the lexical stage alone when embedding it would
# - keep it waiting for the encoder longer than SEMANTIC_WAIT_S seconds (the embeddings queued
#   before it; SENTINEL_INTAKE_SEMANTIC_WAIT), or
# - take the encoder past ENCODER_SHARE of one core over the last ENCODER_WINDOW_S seconds
#   (SENTINEL_INTAKE_ENCODER_SHARE).
# Such a message is decided as without the `semantic` extra, and counted (`Cascade.shed`;
# sentinel_intake_unsure_total{stage="lexical"}). Only a sustained peak is shed: a burst of a few
# hundred unsure messages at once (a backlog after a restart, a labelled set sent through the bot)
# keeps both stages, as accuracy comes before a few seconds; at ordinary loads neither applies. The
# default share sheds only for an encoder that cannot keep up at all: at 200 updates/s on 2 cores a
# share of 0.5 kept the bot's processing within seconds (README, City), but the replies then waited
# for Telegram's 30 messages/s instead, and 6 in 10 unsure messages lost the semantic stage.
SEMANTIC_WAIT_S = 10.0
ENCODER_SHARE = 1.0  # by default only an encoder that cannot keep up at all; 0.5 on a small, busy machine
ENCODER_WINDOW_S = 30.0

_MODEL: Cascade | None = None
_SUGGEST = re.compile(r"^\W*(?:我)?(?:建议|提个?建议|提议|suggestion|idea|proposal)")
# Parked cars in the way of the fire service ("车横在消防通道口", "停满了车 消防车进不来", "parked in the fire
# lane"): the taxonomy files them as fire_safety, not parking.
_FIRE_ACCESS = re.compile(r"消防(?:通道|车道|车|栓|门)|fire (?:lane|exit|truck|engine|hydrant)s?\b")
_LOCK = threading.Lock()
_MAX_CHARS = 2000  # a report is never longer; bounds the cost of huge pastes
# A unit (up to 8 characters, no digits) said four times or more in a row is read as said three times: a
# flood ("很长"×3000, "啊"×500, "asdf"×300) weighed its one word thousands of times and came out an unsure
# report, asked about in front of the group; "路灯坏了"×100 is still a report, "8888号" and C-000001 keep
# their digits.
_REPEATED = re.compile(r"(\D{1,8}?)\1{3,}", re.S)
# A leading media label — "视频：…", "[图片] …", "【照片】…", "video: …" (how chat apps and forwards
# mark what came with a text) — says what is attached, not what happened. The heads learned
# "视频" as a chit-chat word ("刷视频"), so "视频：朝阳路护栏倒了" was chit-chat while the same
# words alone were a report. Only a bracketed label or one followed by a colon is dropped, on
# the normalised text (half-width, lower-case): "视频里看到…" keeps its words.
_MEDIA = r"(?:小?视频|图片|照片|截图|图|录像|video|photo|pic|picture|image|screenshot)"
_MEDIA_LABEL = re.compile(rf"^\s*(?:[\[(【]\s*{_MEDIA}\s*[\])】]|{_MEDIA}\s*:)[\s:,.-]*")


# A rider's account of arriving somewhere and seeing a problem there: "到达世贸天阶斜对面发现积水",
# "到了望京SOHO看到井盖没了", "来到朝阳公园南门，发现路灯不亮". Verbs of arriving (到达, 来到) are all but absent from the
# corpus, and "到了" there is mostly the rider's own errand ("到了商家", "我到了"), so the heads read the
# whole as an order update: the semantic stage gave 0.12 for a report to "到达世贸天阶斜对面发现积水",
# where "世贸天阶斜对面，积水" reads 0.55-0.59 (a report). The arrival and the noticing say where the rider was
# and that they looked, not what is wrong; what is reported is the clause after 发现/看到, at the place.
# So both stages read "place，clause" (the place and the rest as the rider wrote them); the place is still
# read, and the life-safety rules still applied, on the whole message. Only when the place is one the
# rules name (a named place, not 商家, 小区 or 顾客楼下) and opens right after the verb.
_ARRIVED_SAW = re.compile(r"^\s*(?:(?:我们|我|刚刚|刚才|刚|今天|早上|上午|中午|下午|晚上|半夜|就)\s*)*"
                          r"(?:到达|到了|来到|抵达|走到|骑到|赶到)(?P<place>[^，,。！？!?；;]+?)"
                          r"(?:的?时候|时|后|以后|之后)?\s*[，,]?\s*(?:就|又|才|我)?"
                          r"(?:发现|看到|看见|瞧见|注意到)(?P<rest>.*\w.*)$")


def _seen_at(text: str, n: str, lang: str | None) -> str | None:
    """"place，what was seen" for a message that arrives at a named place and sees something there
    (see _ARRIVED_SAW), from the original text; None for any other message."""
    m = _ARRIVED_SAW.match(n)
    if m is None:
        return None
    place = extract_location(text[:m.end("place")], lang, n[:m.end("place")])
    if not place or not text.startswith(place, m.start("place")) or m.start("place") + len(place) != m.end("place"):
        return None
    return place + "，" + text[m.start("rest"):]


class Cascade:
    """The lexical heads, and the semantic heads + encoder when available."""

    def __init__(self, lexical: LexicalModel, semantic: SemanticHeads | None = None,
                 embed: Callable[[str], np.ndarray] | None = None, places: SpanTagger | bool | None = None) -> None:
        self.lexical = lexical
        self.semantic = semantic
        self.embed = embed  # text -> embedding; default: the bundled encoder
        self.places = places  # place CRF (span_crf.SpanTagger); None: the shipped one, False: rules only
        self.routed = 0   # messages that reached the semantic stage (for the bench)
        self.total = 0
        self.shed = 0     # of those, decided by the lexical stage alone: the encoder was behind
        self.wait_s = SEMANTIC_WAIT_S  # the most an unsure message waits for the encoder
        self.share = ENCODER_SHARE  # the most of one core the encoder takes (over ENCODER_WINDOW_S)


def get_model() -> Cascade:
    """Load both stages once (the bot calls this at start-up, off the event loop)."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                from . import model as _m
                from . import semantic as _s
                lex = _m.load()
                sem = None
                if os.environ.get("SENTINEL_INTAKE_SEMANTIC", "1") != "0" and _s.available():
                    sem = _s.load_heads(_m.SEMANTIC_FILE)
                    if sem is not None:
                        _s.encoder()  # warm: the first message should not pay for it
                if sem is None:
                    log.info("intake: semantic stage off (install the 'semantic' extra); lexical stage only")
                from .places import default_tagger
                from .span_crf import warm
                warm()  # the place rules' full dictionary: not on the first message's event loop
                _MODEL = Cascade(lex, sem, places=default_tagger())
                _MODEL.wait_s = float(os.environ.get("SENTINEL_INTAKE_SEMANTIC_WAIT", SEMANTIC_WAIT_S))
                _MODEL.share = float(os.environ.get("SENTINEL_INTAKE_ENCODER_SHARE", ENCODER_SHARE))
    return _MODEL


def reload_model() -> None:
    """Drop the in-memory model (after `sentinel intake train`)."""
    global _MODEL
    _MODEL = None


def classify(text: str, lang: str | None = None) -> Intake:
    """Report? category, urgency and place of one rider message (see module doc).

    Synchronous: for the CLI, benches and worker threads. Code running on the bot's event
    loop uses `classify_async`, which keeps the encoder off the loop."""
    return classify_with(get_model(), text, lang)


async def classify_async(text: str, lang: str | None = None) -> Intake:
    """`classify` for the event loop: the lexical stage decides inline (microseconds), and
    only a message it is unsure of is embedded, on the encoder's own thread, so tens of
    milliseconds of encoder time never stall other chats' updates. An embedding `prefetch`
    started for this text is taken instead (waited for if it is still being made)."""
    m = _MODEL if _MODEL is not None else await asyncio.to_thread(get_model)
    first = _lexical_stage(m, text, lang)
    if isinstance(first, Intake):
        return first
    e = await _embedding(m, first.said)
    INTAKE_UNSURE.labels("lexical" if e is None else "semantic").inc()
    return _final_stage(m, first, e)


class _Encoder:
    """The encoder's one thread, how far behind it is (embeddings queued or running, and the
    wall-clock seconds one takes: a moving average of those made) and how busy it has been (the
    CPU seconds of the embeddings made within the last ENCODER_WINDOW_S). Thread-safe."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 cpu: Callable[[], float] = time.thread_time) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="intake-encoder")
        self._lock = threading.Lock()
        self._clock, self._cpu = clock, cpu
        self._made: deque[tuple[float, float]] = deque()  # (finished at, CPU seconds it took)
        self._busy_s = 0.0  # the sum of those seconds
        self.waiting = 0
        self.seconds = 0.0  # per embedding; 0 until one is made

    def behind(self) -> float:
        """Seconds until a message queued now would be embedded (an estimate)."""
        with self._lock:
            return (self.waiting + 1) * self.seconds

    def busy(self) -> float:
        """The share of one core the encoder took over the last ENCODER_WINDOW_S (0 to 1)."""
        with self._lock:
            self._forget(self._clock())
            return self._busy_s / ENCODER_WINDOW_S

    def over(self, m: Cascade) -> bool:
        """Whether one more embedding is beyond `m`'s budget: a wait longer than `m.wait_s`, or
        the encoder past `m.share` of a core with it (the embeddings queued are bounded by the wait)."""
        return self.behind() > m.wait_s or self.busy() + self.seconds / ENCODER_WINDOW_S > m.share

    def submit(self, embed: Callable[[str], np.ndarray], text: str) -> Future[np.ndarray]:
        with self._lock:
            self.waiting += 1
        try:
            future = self._pool.submit(self._timed, embed, text)
        except BaseException:
            self._done(None)
            raise
        future.add_done_callback(self._done)  # made, failed or cancelled before it ran
        return future

    def _done(self, _future: object) -> None:
        with self._lock:
            self.waiting -= 1

    def _timed(self, embed: Callable[[str], np.ndarray], text: str) -> np.ndarray:
        t0, cpu0 = self._clock(), self._cpu()
        try:
            return embed(text)
        finally:
            took, cpu = self._clock() - t0, self._cpu() - cpu0
            with self._lock:
                self.seconds = took if self.seconds == 0 else 0.8 * self.seconds + 0.2 * took
                self._made.append((self._clock(), cpu))
                self._busy_s += cpu
                self._forget(self._clock())

    def _forget(self, now: float) -> None:
        while self._made and self._made[0][0] < now - ENCODER_WINDOW_S:
            self._busy_s -= self._made.popleft()[1]
        if not self._made:
            self._busy_s = 0.0  # no drift from the sums


# Embeddings started by `prefetch`, by text, each taken once by `classify_async`; at most
# PREFETCH_KEPT texts (a message a dialog consumed before classification leaves its
# embedding behind: the oldest go first). 1,024 x 384 float32 = 1.5 MB at most.
PREFETCH_KEPT = 1024
_PREFETCHED: OrderedDict[str, list[Future[np.ndarray] | None]] = OrderedDict()  # None: not started
_ENCODER: _Encoder | None = None


def _encoder() -> _Encoder:
    """One thread for the encoder (it embeds one message at a time anyway: semantic.embed),
    so messages queue in order here rather than in the default pool's threads on its lock."""
    global _ENCODER
    if _ENCODER is None:
        with _LOCK:
            if _ENCODER is None:
                _ENCODER = _Encoder()
    return _ENCODER


async def prefetch(texts: Iterable[str | None], *, wait: bool = True) -> int:
    """Start embedding the texts the lexical stage is unsure of, before the caller opens its
    unit of work; with `wait`, return once they are made. Returns how many were started.

    Why: an update holds a database connection (on SQLite, the only one) from its first
    statement to its commit. Embedding inside it (~20 ms a message on one core) kept the
    other updates waiting for that connection while the encoder ran (issue 18). An update
    handled alone waits for its embedding before it opens its unit of work; a polling batch
    (one unit of work for all) does not wait: each message's classification waits for its
    own embedding while the encoder goes on with the next ones. Each embedding is used once,
    by `classify_async` of the same text; commands ("/...") are not classified, so not
    embedded. A text is not started while the encoder is beyond its budget (`SEMANTIC_WAIT_S`,
    `ENCODER_SHARE`), and its `classify_async` then decides it by the lexical stage alone
    rather than embed it inside the unit of work. Does nothing until the model is loaded or
    without a semantic stage; never raises (an embedding that failed is made again by
    `classify_async`)."""
    m = _MODEL
    if m is None or m.semantic is None:
        return 0
    todo = [u.said for t in texts if t and t.strip() and normalize_command(t) is None
            and isinstance(u := _lexical_stage(m, t, None, count=False), _Unsure)]
    embed, encoder = _embedder(m), _encoder()
    started = []
    for t in todo:
        f = None if encoder.over(m) else encoder.submit(embed, t)
        _PREFETCHED.setdefault(t, []).append(f)
        _PREFETCHED.move_to_end(t)
        if f is not None:
            started.append(f)
    while len(_PREFETCHED) > PREFETCH_KEPT:
        _PREFETCHED.popitem(last=False)
    if wait and started:
        await asyncio.wait([asyncio.wrap_future(f) for f in started])
    return len(started)


async def _embedding(m: Cascade, text: str) -> np.ndarray | None:
    """The embedding of `text`: the one `prefetch` started, or made now on the encoder's thread;
    None (counted in `m.shed`) when it is beyond the encoder's budget, now or when `prefetch` saw it."""
    waiting, passed_over = _PREFETCHED.get(text), False
    if waiting:
        f = waiting.pop(0)
        if not waiting:
            del _PREFETCHED[text]
        passed_over = f is None
        if f is not None:
            try:
                return await asyncio.wrap_future(f)
            except Exception:
                log.warning("intake: a prefetched embedding failed; embedding again", exc_info=True)
    encoder = _encoder()
    if passed_over or encoder.over(m):
        m.shed += 1
        return None
    return await asyncio.wrap_future(encoder.submit(_embedder(m), text))


def classify_with(m: Cascade, text: str, lang: str | None = None) -> Intake:
    """`classify` with explicit models (cross-validation, benches)."""
    first = _lexical_stage(m, text, lang)
    if isinstance(first, Intake):
        return first
    return _final_stage(m, first, _embedder(m)(first.said))


@dataclass(slots=True)
class _Unsure:
    """What the lexical stage hands to the semantic stage for one message: `said`, what both stages
    read (the message, or its place and what was seen there: `_seen_at`); `text` and `n`, the whole
    message (its place, its life-safety cues)."""
    text: str
    n: str
    lang: str | None
    feats: list[str]
    s: np.ndarray
    p: float
    pc: np.ndarray
    said: str


def _embedder(m: Cascade) -> Callable[[str], np.ndarray]:
    """The cascade's text -> embedding function (the bundled encoder by default)."""
    if m.embed is None:
        from .semantic import embed as _embed
        m.embed = _embed
    return m.embed


def _lexical_stage(m: Cascade, text: str, lang: str | None, count: bool = True) -> Intake | _Unsure:
    """The cheap part: the final Intake when the lexical stage is sure (or there is no
    semantic stage), else what the semantic stage needs to finish. `count`: add to the
    cascade's counts (False for `prefetch`, which looks ahead at what classify will do)."""
    if not text or not text.strip():
        return Intake(is_report=False, confidence=1.0)
    text = _REPEATED.sub(r"\1\1\1", text[:_MAX_CHARS])
    n = normalize(text)
    if label := _MEDIA_LABEL.match(n):  # the same cut of both: an index into one is one into the other
        text, n = text[label.end():], n[label.end():]
    if not any(ch.isalnum() for ch in n):  # only emoji / punctuation
        return Intake(is_report=False, confidence=0.99)
    if _rules.whereabouts(n, lambda: locate(text, lang, n, m.places)):
        return Intake(is_report=False, confidence=0.95)  # "在驿站等单": where the rider is, nothing wrong
    from .model import features
    lex = m.lexical
    said = _seen_at(text, n, lang)
    feats = features(n if said is None else normalize(said))
    s = lex.scores(feats)
    p = float(lex.p_report(s))
    pc = lex.p_category(s)
    m.total += count
    first = _Unsure(text, n, lang, feats, s, p, pc, text if said is None else said)
    if m.semantic is not None and (LEXICAL_SURE_LOW < p < LEXICAL_SURE_HIGH
                                   or (p >= 0.5 and float(pc.max()) < CATEGORY_SURE)):
        m.routed += count
        return first
    return _final_stage(m, first, None)


def _final_stage(m: Cascade, u: _Unsure, e: np.ndarray | None) -> Intake:
    """Blend in the semantic stage (when `e`, the message's embedding, is given), calibrate,
    apply the life-safety rules, then category, urgency and place."""
    text, n, lang, feats, s, p, pc = u.text, u.n, u.lang, u.feats, u.s, u.p, u.pc
    lex = m.lexical
    if e is not None:
        assert m.semantic is not None  # a message is embedded only when there is a semantic stage
        w = SEMANTIC_WEIGHT
        p = float((1 - w) * p + w * m.semantic.p_report(e))
        pc = (1 - w) * pc + w * m.semantic.p_category(e)
    if 0.0 < p < 1.0:
        p = 1.0 / (1.0 + math.exp(-math.log(p / (1.0 - p)) / CALIBRATION_T))
    if p < 0.75 and _rules.urgent_cue(n) and not _rules.not_now(n) \
            and "kw:past" not in feats and "kw:neg" not in feats:
        p = 0.75  # a present life-safety cue is always worth a report
    if p < 0.5:
        return Intake(is_report=False, confidence=round(1.0 - p, 4))
    category = lex.labels["category"][int(pc.argmax())]
    if _SUGGEST.match(n):
        category = "suggestion"  # an explicit "建议 / suggestion:" opener
    elif category == "parking" and _FIRE_ACCESS.search(n):
        category = "fire_safety"  # taxonomy.md: blocked fire lanes by parked cars go to fire_safety
    pu = lex.p_urgency(s, category)
    if e is not None and m.semantic is not None:
        pu = (1 - SEMANTIC_WEIGHT) * pu + SEMANTIC_WEIGHT * m.semantic.p_urgency(e, category)
    urgency = lex.labels["urgency"][int(pu.argmax())]
    urgency = _rules.adjust_urgency(n, category, urgency)
    location = locate(text, lang, n, m.places)
    if urgency == "urgent":
        category, location = _urgent_topic(m, text, n, lang, category, location)
    return Intake(True, category, urgency, location, round(float(p), 4))


def _urgent_topic(m: Cascade, text: str, n: str, lang: str | None, category: str,
                  location: str | None) -> tuple[str, str | None]:
    """Two topics, one life-threatening: the urgent one gives category and place.

    The category only switches when the topic that gave the whole message its
    category is itself not urgent, so one incident told in two sentences keeps
    its category; the place is the urgent topic's when it names one."""
    spans = _rules.topics(n)
    if len(spans) < 2:
        return category, location
    from .model import features
    from . import URGENCIES
    lex = m.lexical
    u = URGENCIES.index("urgent")
    best = None
    same_cat_urgent = False
    for a, b in spans:
        seg = n[a:b]
        s = lex.scores(features(seg))
        cat = lex.labels["category"][int(lex.p_category(s).argmax())]
        cue = _rules.urgent_cue(seg) and not _rules.calm_cue(seg)
        pu = float(lex.p_urgency(s, cat)[u])
        key = (cue, pu)
        if cat == category and (cue or pu > 0.5):
            same_cat_urgent = True
        if best is None or key > best[0]:
            best = (key, cat, a, b)
    if best is None or not (best[0][0] or best[0][1] > 0.5):
        return category, location
    _, cat, a, b = best
    seg_loc = locate(text[a:b], lang, n[a:b], m.places)
    return (category if same_cat_urgent else cat), seg_loc or location


__all__ = ["CATEGORIES", "URGENCIES", "ASK_THRESHOLD", "Intake", "classify", "classify_async", "detect_language",
           "extract_location", "normalize", "reload_model", "get_model"]
