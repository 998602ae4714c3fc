"""The error a config that cannot describe a study raises, and its "did you mean" hint."""

import difflib


class ConfigError(ValueError):
    """The config cannot describe a study; the message names the key, the value and the fix."""


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1)
    return f" Did you mean {close[0]!r}?" if close else ""
