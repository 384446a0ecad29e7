"""How riders' deliberation is written (Telegram HTML): cards, agenda posts, votes, results,
the commitment's news, `/proposal N` and `/proposals`."""
from __future__ import annotations

from typing import Any

from bot.i18n import t
from bot.wording import listed
from handlers.render import composer, esc


def option_label(lang: str, text: str, yes_no: bool) -> str:
    """A vote option as a reader sees it: the default ones are catalogue keys (赞成 / For …)."""
    return t(lang, text) if yes_no else text


def status_name(lang: str, status: str) -> str:
    return t(lang, f"dl-status-{status}")


@composer("dl-card")
def _card(lang: str, p: dict[str, Any]) -> str:
    lines = [t(lang, "dl-card-title", id=str(p["id"]), title=esc(p["title"], 80))]
    if p.get("body"):
        lines.append(esc(p["body"], 1000))
    lines.append(t(lang, "dl-card-progress", supporters=int(p.get("supporters") or 0),
                   threshold=int(p.get("threshold") or 0), days=int(p.get("days") or 0)))
    if p.get("settled"):  # the last edit: the final count, and why the button is gone
        return "\n".join(lines) + "\n\n" + t(lang, str(p["settled"]))
    lines.append(t(lang, "dl-card-hint"))
    return "\n".join(lines)


@composer("dl-agenda")
def _agenda(lang: str, p: dict[str, Any]) -> str:
    lines = [t(lang, "dl-agenda-title", id=str(p["id"]), title=esc(p["title"], 80))]
    if p.get("body"):
        lines.append(esc(p["body"], 1000))
    lines += [t(lang, "dl-agenda-supporters", supporters=int(p.get("supporters") or 0)),
              t(lang, "dl-agenda-hint", id=str(p["id"]))]
    return "\n".join(lines)


@composer("dl-vote")
def _vote(lang: str, p: dict[str, Any]) -> str:
    yes_no = bool(p.get("yes_no"))
    lines = [t(lang, "dl-vote-title", id=str(p["id"]), title=esc(p["title"], 80))]
    lines += [f"{n}. {esc(option_label(lang, o, yes_no), 60)}" for n, o in enumerate(p.get("options") or [], 1)]
    ended = p.get("ended") if p.get("closed") else None  # closed before its deadline: when it really ended
    lines += [t(lang, "dl-vote-rules-ended" if ended else "dl-vote-rules", deadline=esc(ended or p.get("deadline") or ""),
                quorum=int(p.get("quorum") or 0), mode=t(lang, "dl-anon" if p.get("anonymous") else "dl-named"))]
    if not p.get("closed"):  # once closed (threads.unbutton) the how-to-vote line would mislead
        lines.append(t(lang, "dl-vote-hint", id=str(p["id"])))
    return "\n".join(lines)


@composer("dl-result")
def _result(lang: str, p: dict[str, Any]) -> str:
    yes_no = bool(p.get("yes_no"))
    lines = [t(lang, "dl-result-title", id=str(p["id"]), title=esc(p["title"], 80))]
    options = p.get("options") or []
    for n, o in enumerate(options, 1):
        lines.append(t(lang, "dl-option-line", n=n, text=esc(option_label(lang, o["text"], yes_no), 60),
                       count=int(o.get("count") or 0)))
        if o.get("names") and not p.get("anonymous"):
            lines.append("    " + esc(listed(o["names"], lang), 600))
    met = bool(p.get("quorum_met"))
    lines.append(t(lang, "dl-result-turnout", turnout=int(p.get("turnout") or 0), quorum=int(p.get("quorum") or 0),
                   met=t(lang, "dl-quorum-met" if met else "dl-quorum-not-met")))
    if p.get("adopted"):
        winner = p.get("winner")
        if not yes_no and isinstance(winner, int) and 0 <= winner < len(options):
            lines.append(t(lang, "dl-result-adopted-option", option=esc(options[winner]["text"], 60)))
        else:
            lines.append(t(lang, "dl-result-adopted"))
    else:
        lines.append(t(lang, "dl-result-rejected" if met else "dl-result-no-quorum"))
    return "\n".join(lines)


def _news(lang: str, key: str, p: dict[str, Any]) -> str:
    return t(lang, key, id=str(p["id"]), title=esc(p["title"], 80), owner=esc(p.get("owner") or "—", 120),
             due=esc(p.get("due") or ""), note=esc(p.get("note") or "", 500), reason=esc(p.get("reason") or "", 500))


@composer("dl-commit")
def _commit(lang: str, p: dict[str, Any]) -> str:
    return _news(lang, "dl-commit", p)


@composer("dl-note")
def _note(lang: str, p: dict[str, Any]) -> str:
    return _news(lang, "dl-note", p)


@composer("dl-declined")
def _declined(lang: str, p: dict[str, Any]) -> str:
    return _news(lang, "dl-declined", p)


@composer("dl-done")
def _done(lang: str, p: dict[str, Any]) -> str:
    text = _news(lang, "dl-done", p)
    return text + ("\n" + t(lang, "dl-done-note", note=esc(p["note"], 500)) if p.get("note") else "")


@composer("dl-summary")
def _summary(lang: str, p: dict[str, Any]) -> str:
    lines = [t(lang, "dl-sum-title", id=str(p["id"]), title=esc(p["title"], 80), status=status_name(lang, p["status"]))]
    if p.get("body"):
        lines.append(esc(p["body"], 1000))
    if p.get("threshold"):  # still proposed: what the agenda needs
        lines.append(t(lang, "dl-sum-supporters", supporters=int(p.get("supporters") or 0),
                       threshold=int(p["threshold"]), days=int(p.get("days") or 0)))
    else:
        lines.append(t(lang, "dl-sum-supported", supporters=int(p.get("supporters") or 0)))
    if p.get("reason"):
        lines.append(t(lang, "dl-sum-reason", reason=esc(p["reason"], 500)))
    lines.append(t(lang, "dl-sum-comments", comments=int(p.get("comments") or 0)))
    if p.get("latest"):
        lines.append(t(lang, "dl-sum-latest"))
        lines += [t(lang, "dl-sum-comment", name=esc(c.get("name") or "—", 40), text=esc(c["text"], 200))
                  for c in p["latest"]]
    vote = p.get("vote")
    if vote:
        lines.append(t(lang, "dl-sum-vote", turnout=int(vote.get("turnout") or 0), quorum=int(vote.get("quorum") or 0),
                       deadline=esc(vote.get("deadline") or "")))
    tally = p.get("tally")
    if tally:
        result = _result(lang, {**tally, "id": p["id"], "title": p["title"]}).split("\n", 1)[1]
        if p.get("status") != "adopted" and tally.get("adopted"):  # past the owner step: no "the secretary now…"
            result = result.rsplit("\n", 1)[0] + "\n" + t(lang, "dl-sum-was-adopted")
        lines.append(result)
    if p.get("owner"):
        lines.append(t(lang, "dl-sum-commitment", owner=esc(p["owner"], 120), due=esc(p.get("due") or "")))
    if p.get("notes"):
        lines.append(t(lang, "dl-sum-notes"))
        lines += [t(lang, "dl-sum-note", at=esc(n.get("at") or ""), text=esc(n["text"], 200)) for n in p["notes"]]
    if p.get("done"):
        lines.append(t(lang, "dl-sum-done-note" if p.get("done_note") else "dl-sum-done", at=esc(p["done"]),
                       note=esc(p.get("done_note") or "", 500)))
    if p.get("actions"):  # the steps allowed now, each as its command (bot.deliberation.lifecycle.commands)
        lines.append(t(lang, "dl-sum-actions"))
        lines += [t(lang, "dl-sum-step", command=f"/proposal {p['id']} {a['word']}",
                    args=t(lang, f"dl-args-{a['action']}"), what=t(lang, f"dl-action-{a['action']}"))
                  for a in p["actions"]]
    return "\n".join(lines)


@composer("dl-err-state")
def _not_now(lang: str, p: dict[str, Any]) -> str:
    """A secretary's step the proposal's status does not take, and what they may do now, each step as
    the proposal's card lists it (`/proposal 1 vote` while it gathers support: first /proposal 1 agenda);
    none left: said so."""
    line = t(lang, "dl-err-state", id=p["id"], status=esc(p.get("status") or ""))
    if "steps" not in p:
        return line
    steps = p.get("steps") or []
    if not steps:
        return f"{line}\n{t(lang, 'dl-err-state-none')}"
    return "\n".join([line, t(lang, "dl-err-state-now")]
                      + [t(lang, "dl-sum-step", command=f"/proposal {p['id']} {a['word']}",
                           args=t(lang, f"dl-args-{a['action']}"), what=t(lang, f"dl-action-{a['action']}"))
                         for a in steps])


@composer("dl-list")
def _list(lang: str, p: dict[str, Any]) -> str:
    """A list; the overview (`/proposals` alone) adds how many each other list holds, with its filter."""
    items = p.get("items") or []
    others = {k: int(v) for k, v in (p.get("others") or {}).items() if int(v)}
    if not items and not others:
        return t(lang, "dl-list-none-yet" if p.get("overview") else "dl-list-empty")
    which = p.get("which", "open")
    total = max(int(p.get("total") or 0), len(items))
    lines = [t(lang, f"dl-list-title-{which}", count=total) if items else t(lang, f"dl-list-none-{which}")]
    for it in items:
        line = t(lang, "dl-list-item", id=str(it["id"]), title=esc(it["title"], 60),
                 status=status_name(lang, it["status"]), supporters=int(it.get("supporters") or 0))
        if it.get("owner"):
            # (the English one begins with its space; Chinese （ takes none)
            line += t(lang, "dl-list-owner", owner=esc(it["owner"], 40), due=esc(it.get("due") or ""))
        lines.append(line)
    if total > len(items):
        lines.append(t(lang, "dl-list-more", shown=len(items)))
    if others:
        sep = "；" if lang == "zh" else "; "
        lines += ["", t(lang, "dl-list-others", lists=sep.join(t(lang, f"dl-list-other-{k}", count=n)
                                                               for k, n in others.items()))]
    return "\n".join(lines)
