"""The deliberation's figures and words: lengths, counts, durations, the words of `/proposal N vote`
and `commit`, and the refusal type. Figures are the product's choices (issue 19), not Telegram's."""
from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

from bot.periods import split_days
from bot.refusals import Refused

DEFAULT_RULE = (5, 7)  # supporters, days: a branch without its own AgendaRule
MAX_TITLE, MAX_BODY, MAX_COMMENT, MAX_OPTION = 80, 1000, 500, 60  # characters
MIN_OPTIONS, MAX_OPTIONS = 2, 8
DEFAULT_VOTE = timedelta(hours=48)
MAX_VOTE = timedelta(days=30)
CLOSE_GRACE = 24 * 3600  # seconds a closing job missed while the bot was down may still run
SWEEP_EVERY = 60  # seconds between sweeps for votes whose closing job was lost
YES_NO = ["dl-opt-yes", "dl-opt-no", "dl-opt-abstain"]  # catalogue keys, rendered in each reader's language
YES_NO_WORDS = {"赞成": 0, "同意": 0, "赞同": 0, "支持": 0, "赞成票": 0, "yes": 0, "y": 0, "for": 0, "agree": 0,
                "support": 0, "ok": 0, "okay": 0, "好": 0, "好的": 0, "行": 0, "可以": 0, "没问题": 0,
                "反对": 1, "不同意": 1, "不赞成": 1, "不赞同": 1, "不支持": 1, "反对票": 1, "no": 1, "n": 1,
                "against": 1, "disagree": 1, "不行": 1, "不可以": 1,
                "弃权": 2, "弃权票": 2, "abstain": 2, "abstention": 2, "pass": 2}
# vote words that open English phrases of other meanings ("no idea", "no problem", "y not"): a vote only
# alone or before a mark ("no.", "no, sorry"), never before another word (Voting.option_named)
ALONE_WORDS = frozenset({"no", "n", "y"})
# `/vote N 赞成` on a for/against vote: the option's index, for the words riders say (赞同, 支持, 可以, 不同意,
# ok, agree, disagree); the end of a sentence (`同意！`, `yes.`) is no part of the word (voting.option_named,
# bot.commandtext.ANSWER_END)
ANON_WORDS = {"anon", "anonymous", "匿名"}
NAMED_WORDS = {"named", "public", "实名", "记名"}
CLOSE_KEYS = {"close", "deadline", "until", "截止", "结束", "截至"}
QUORUM_KEYS = {"quorum", "法定", "法定人数", "最少"}
DUE_KEYS = {"due", "by", "期限", "截止", "完成"}
RULE_MAX = (500, 90)  # most supporters, most days a rule may ask
# `/proposals rule 5 7` as secretaries type it: 5人 7天, 5人，7天, 5 people 1 week, 5人7天
_RULE = re.compile(r"^\s*(\d{1,6})(?:\s*(?:个人|人|位|people|persons?|supporters?)\s*[,，、]?\s*|\s*[,，、]\s*|\s+)(\S.*)$",
                   re.IGNORECASE)


def read_rule(text: str) -> tuple[int, int] | None:
    """The supporters and days `text` (what follows `/proposals rule`) names, or None; whether they
    are within RULE_MAX is the service's to say (DeliberationService.set_rule)."""
    m = _RULE.match(unicodedata.normalize("NFKC", text))
    if m is None:
        return None
    days, rest = split_days(m[2])
    return (int(m[1]), days) if days is not None and not rest else None
NAMES_SHOWN = 30
POINTS_ADOPTED, POINTS_VOTE = "proposal_adopted", "vote_cast"
MAX_OWNER = 120  # characters of a commitment's owner
MAX_TOPIC_NAME = 128  # characters of a forum topic's name (Bot API createForumTopic)


class DeliberationError(Refused):
    """A deliberation step refused (bot.refusals.Refused: `key` and `params` are the answer); its
    own name so the deliberation handlers can word a proposal's status before rendering."""


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, the last one an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
