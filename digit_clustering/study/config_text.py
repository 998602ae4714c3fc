"""The config as the report and the tables record it, and its digest."""

import copy
import hashlib

import yaml

# Where data is fetched from changes no result (every file is checked against its MD5).
FETCH_KEYS = ("mirrors", "timeout")


def config_text(config: dict) -> str:
    """The config as YAML, without the keys that say where data is fetched from."""
    config = copy.deepcopy(config)
    config.pop("mnist_mirror", None)
    for settings in config.get("datasets", {}).values():
        for key in FETCH_KEYS:
            settings.pop(key, None)
    return yaml.safe_dump(config, sort_keys=False, width=100)


def config_digest(config: dict) -> str:
    """A short fingerprint of `config_text`: two reports with the same digest describe the
    same study."""
    return hashlib.sha256(config_text(config).encode()).hexdigest()[:12]
