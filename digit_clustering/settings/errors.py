"""The error a config that cannot describe a study raises, its "did you mean" hint, and the
check that a key names a declared space."""

import difflib


class ConfigError(ValueError):
    """The config cannot describe a study; the message names the key, the value and the fix."""


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1)
    return f" Did you mean {close[0]!r}?" if close else ""


def check_declared_space(config: dict, key: str, name: str) -> None:
    """Refuse a config whose `key` names a space that is not declared under ``spaces``."""
    declared = config["spaces"]
    if name not in declared:
        raise ConfigError(
            f"config key '{key}' is {name!r}, which is not declared under 'spaces' "
            f"({', '.join(declared)})." + did_you_mean(name, declared)
        )
