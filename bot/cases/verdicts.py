"""The reporter's word on a fix, said instead of pressing ✅ / ❌: "修好了，谢谢", "确认", "fixed" confirm
it; "没修好", "还是不亮", "still dark" reopen it. Read only in reply to the bot's message about a case
the department marked resolved ("已处理完毕…请确认是否解决"), from its reporter. Pure.

Why a list and not the classifier: the answer must be a clear yes or no; anything else ("什么时候
来看的？") stays words about the case, passed on to the department (bot.services.answers)."""
from __future__ import annotations

import re
import unicodedata

CONFIRM = "confirm"
REOPEN = "reopen"

# "not fixed" first: 没修好 holds 修好, "not fixed" holds fixed
_NOT_FIXED = re.compile(
    r"没(?:有)?(?:修)?好|还没(?:有)?修|没(?:有)?修|没(?:有)?解决|未解决|没人来|不亮|还是(?:坏|黑|不|没|老样子|一样|有|在)|"
    r"仍(?:然)?(?:是|在|坏|不|没)|依(?:然|旧)|照旧|老样子|又坏|又不|还坏|坏着|根本没|并没|"
    r"\bnot (?:fixed|solved|resolved|working|yet)\b|\bisn'?t (?:fixed|solved|working)\b|\bstill\b|\bno\b|\bnope\b|"
    r"\bbroken\b|\bnothing (?:changed|done)\b", re.I)
_FIXED = re.compile(
    r"修好|好了|已解决|解决了|确认|亮了|通了|没问题了?|可以了|搞定|ok了|"
    r"^(?:是的?|对|嗯|好的?|ok|yes|yep|yeah)$|\b(?:fixed|solved|resolved|confirmed?|works now|working now|all good)\b",
    re.I)
_NOISE = re.compile(r"[\s!！.。,，、~～:：;；👍🙏]+")
_NEGATED_FIX = re.compile(r"(?:还)?(?:没有|没|未)(?:修)?(?:好|解决)|\bnot (?:fixed|solved|resolved)\b|\bisn'?t fixed\b", re.I)
# a question is no answer, with or without its mark ("when will it be fixed", "什么时候修好")
_QUESTION = re.compile(r"什么|啥|何时|多久|为什么|为啥|怎么|吗|呢|么|\b(?:when|why|how|what|will|would|can|could|did|does|is it)\b",
                       re.I)
_BUT = re.compile(r"但|不过|可是|只是|\bbut\b", re.I)  # "好了，但是另一根还坏着": no clear answer
_THANKS = re.compile(r"谢谢|多谢|感谢|辛苦了?|thank(?:s| you)|\bthx\b", re.I)


def reporter_verdict(text: str) -> str | None:
    """CONFIRM, REOPEN, or None when `text` is no clear answer (a question, more than a short
    answer, or both at once)."""
    said = unicodedata.normalize("NFKC", text).strip()
    if not said or "?" in said or len(said) > 40 or _QUESTION.search(said):
        return None
    short = _NOISE.sub(" ", _THANKS.sub(" ", said)).strip()
    if _BUT.search(short):
        return None
    fixed = _FIXED.search(_NEGATED_FIX.sub(" ", short))
    if _NOT_FIXED.search(short):
        return None if fixed else REOPEN  # "修好了…还是不亮" says both
    return CONFIRM if fixed else None
