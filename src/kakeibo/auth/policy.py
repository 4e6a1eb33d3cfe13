"""Password policy: long enough, not blank, and not easy to guess (zxcvbn's estimate, which knows the common ones)."""

from __future__ import annotations

from collections.abc import Iterable

from kakeibo.core.errors import ValidationFailed

MIN_LENGTH = 8
# zxcvbn scores 0 to 4; 2 is "safe from an online attacker who is throttled", which sign-in is (see ratelimit.py).
MIN_SCORE = 2
# zxcvbn refuses longer input (and its matching grows quickly with length); a longer password is judged by its
# start, which only ever underrates it.
_SCORED_LENGTH = 72


def check_password(password: str, *, field: str = "password", context: Iterable[str] = ()) -> None:
    """Refuse a password that is short, all blank, or guessable; `context` (the email, the name) counts as known
    to an attacker."""
    if not password.strip():
        raise ValidationFailed("the password cannot be blank", field=field)
    if len(password) < MIN_LENGTH:
        raise ValidationFailed(f"the password must have at least {MIN_LENGTH} characters", field=field)
    known = [word for word in context if word]
    from zxcvbn import zxcvbn  # its dictionaries take a while to load: only when a password is chosen

    estimate = zxcvbn(password[:_SCORED_LENGTH], user_inputs=known)
    if estimate["score"] < MIN_SCORE:
        advice = estimate["feedback"].get("warning") or "it is too easy to guess"
        raise ValidationFailed(
            f"the password is too easy to guess ({advice.rstrip('.').lower()}); a few unrelated words work well",
            field=field,
        )
