"""What each audit entry says, as a sentence people read: "ann signed in", "bob published “Title”", "mod banned
carol: spam". One template per action, in one table; an action without one still reads as a sentence.

A template names the actor (or `who`: the account a visitor signed up for, or into), the record it was about
(`subject`: a post's title, a person's name, looked up as the entry is read) and values the action recorded
(`reason`, `role`, `login`, `refused`), each empty when not recorded. Some actions read differently by what they
recorded: a template keyed "<action> <variant>" wins over the action's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SENTENCES: dict[str, str] = {
    "user.register": "{who} signed up",
    "user.sign_in": "{who} signed in",
    "user.sign_in refused": "A sign-in as {login} was refused: {refused}",
    "user.sign_out": "{actor} signed out",
    "user.sign_out_everywhere": "{actor} signed out everywhere",
    "user.change_password": "{actor} changed their password",
    "user.update_profile": "{actor} updated their profile",
    "user.follow": "{actor} followed {subject}",
    "user.unfollow": "{actor} stopped following {subject}",
    "user.change_role": "{actor} gave {subject} the role {role}",
    "user.ban": "{actor} banned {subject}{because}",
    "user.unban": "{actor} lifted {subject}'s ban",
    "post.create": "{actor} wrote {subject}",
    "post.create draft": "{actor} started a draft, {subject}",
    "post.create published": "{actor} published {subject}",
    "post.update": "{actor} edited {subject}",
    "post.publish": "{actor} published {subject}",
    "post.unpublish": "{actor} unpublished {subject}{because}",
    "post.archive": "{actor} archived {subject}{because}",
    "post.restore": "{actor} restored {subject}",
    "post.favorite": "{actor} favourited {subject}",
    "post.unfavorite": "{actor} stopped favouriting {subject}",
    "comment.add": "{actor} commented on {subject}",
    "comment.delete": "{actor} deleted a comment{because}",
    "notification.read_all": "{actor} read their notifications",
    "picture.upload": "{actor} uploaded a picture",
}
SUBJECTS = {"post": "post", "favorite": "post", "user": "user"}  # whose name an entry's record is read as
REASONS = ("reason", "banned_reason")


def sentence(action: str, actor: str, changes: Mapping[str, Any], subject: str | None) -> str:
    """The entry as a sentence."""
    facts = facts_of(actor, changes, subject)
    for key in (f"{action} refused" if "refused" in changes else "", f"{action} {facts['status']}", action):
        if key in SENTENCES:
            return SENTENCES[key].format_map(facts)
    done = f"{actor} did “{action}”"
    return f"{done} to {subject}" if subject else done


def label(action: str) -> str:
    """An action as a list to choose from says it: what its sentence says was done ("published …")."""
    template = SENTENCES.get(action)
    if template is None:
        return action
    blanks = dict.fromkeys(facts_of("", {}, None), "…") | {"actor": "", "who": "", "because": ""}
    return template.format_map(blanks).strip()


def subject_of(record_type: str, record_id: int | None, changes: Mapping[str, Any]) -> tuple[str, int] | None:
    """What an entry is about, to read its name: ("post", id) or ("user", id); None when nothing is to be named."""
    if record_type == "comment":  # (a comment is named by its post; a deleted one's post was not recorded)
        post_id = after(changes.get("post_id"))
        return ("post", post_id) if isinstance(post_id, int) else None
    kind = SUBJECTS.get(record_type)
    return (kind, record_id) if kind and record_id is not None else None


def subject_name(kind: str, record_id: int, name: str | None) -> str:
    """How a sentence names a post (its title, quoted) or a person; by number when it is gone."""
    if name is None:
        return f"{kind} #{record_id}"
    return f"“{name}”" if kind == "post" else name


def after(change: object) -> object:
    """The value a change recorded as set (a [before, after] pair's second)."""
    return change[1] if isinstance(change, list | tuple) and len(change) == 2 else None


def facts_of(actor: str, changes: Mapping[str, Any], subject: str | None) -> dict[str, str]:
    """What a template may name, each "" when the entry did not record it."""
    recorded = {name: "" if (value := after(change)) is None else str(value) for name, change in changes.items()}
    reason = next((recorded[name] for name in REASONS if recorded.get(name)), "")
    return {
        **{name: recorded.get(name, "") for name in ("role", "login", "refused", "status")},
        "actor": actor,
        "who": recorded.get("username") or subject or actor,  # the visitor who signed up or in: whom they became
        "subject": subject or "something",
        "reason": reason,
        "because": f": {reason}" if reason else "",
    }
