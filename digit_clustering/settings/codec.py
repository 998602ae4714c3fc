"""Settings as path segments and back: ``{"n": 500, "seed": 0}`` <-> ``n~500@seed~0``.

Every intermediate is named by the settings that made it, so these keys are the study's
vocabulary: the pixels (``max``, or ``deskew~true@scale~max`` when deskewed first), a sample
(``n~5000@seed~0@stratify~true``), a feature space
(``pca~50@whiten~false@seed~0``, ``umap~10@n_neighbors~15@...``) and a run
(``kmeans/pca50/k~10@init~random/seed~0``). This module makes and reads all of them.
"""

from digit_clustering.settings.errors import ConfigError

# "@" separates settings; "," may not appear anywhere in a path segment because Snakemake
# passes a job's wildcards to cluster jobs as comma-separated pairs.
KEY_SEPARATORS = ("/", "@", "~", ",")


def encode(settings: dict) -> str:
    """``{"n": 500, "seed": 0}`` -> ``"n~500@seed~0"``: a readable, reversible path segment."""
    return "@".join(f"{name}~{format_value(value)}" for name, value in settings.items())


def decode(key: str) -> dict:
    """The inverse of `encode`, with numbers, booleans and None restored."""
    settings = {}
    for pair in key.split("@"):
        name, _, text = pair.partition("~")
        settings[name] = parse_value(text)
    return settings


def format_value(value) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if any(separator in text for separator in KEY_SEPARATORS):
        raise ConfigError(f"value {text!r} cannot contain any of {' '.join(KEY_SEPARATORS)}")
    return text


def parse_value(text: str):
    if text == "none":
        return None
    if text in ("true", "false"):
        return text == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


WHOLE_SAMPLE = "all"  # the sample key of every point
DESKEWED = "deskew~true@scale~"  # the key of deskewed pixels, before the scale's name


def pixels_key(scale: str, deskew: bool) -> str:
    """How the pixels are prepared: the scale's name, or ``deskew~true@scale~{scale}`` when each
    image is deskewed first (plain pixels keep the bare name their files always had)."""
    return DESKEWED + scale if deskew else scale


def pixels_settings(key: str) -> dict:
    """The inverse of `pixels_key`: ``{"deskew": ..., "scale": ...}``."""
    return {"deskew": key.startswith(DESKEWED), "scale": key.removeprefix(DESKEWED)}


def space_key(kind: str, settings: dict) -> str:
    """A feature space's path segment: ``pca~50@whiten~false@seed~0`` from its kind and its
    settings in declared order, the first under the kind's name; a kind with no settings is
    its name alone (``raw``)."""
    if not settings:
        return kind
    first, *rest = settings
    return encode({kind: settings[first], **{name: settings[name] for name in rest}})


def space_key_pattern(kind: str) -> str:
    """A regular expression that matches every path segment of a space of `kind`."""
    return rf"{kind}(?:~[^/]+)?"


def run_name(method: str, space: str, params: dict) -> str:
    """``{method}/{space}/{params but the seed}/seed~{seed}``; ``defaults`` for no params."""
    seed = params.get("seed")
    rest = {name: value for name, value in params.items() if name != "seed"}
    name = f"{method}/{space}/{encode(rest) or 'defaults'}"
    return f"{name}/seed~{seed}" if seed is not None else name


def without_seed(run: str) -> str | None:
    """The run's name with its seed left out; None for runs that have no seed."""
    head, _, last = run.rpartition("/")
    return head if set(decode(last)) == {"seed"} else None


def parse_run_name(run: str) -> tuple[str, str, dict]:
    """The inverse of `run_name`: method, space and params."""
    method, space, params, *seed = run.split("/")
    settings = {} if params == "defaults" else decode(params)
    if seed:
        settings.update(decode(seed[0]))
    return method, space, settings


def short_names(runs: list[str]) -> dict[str, str]:
    """Each run named by its method, space and only the settings that vary between the runs
    of its method: ``kmeans/pca50 k=12`` rather than every setting."""
    parsed = {run: parse_run_name(run) for run in runs}
    names = {}
    for run, (method, space, settings) in parsed.items():
        peers = [other for other in parsed.values() if other[0] == method]
        varying = [
            name for name in settings if len({repr(peer[2].get(name)) for peer in peers}) > 1
        ]
        details = " ".join(f"{name}={format_value(settings[name])}" for name in varying)
        names[run] = f"{method}/{space} {details}".rstrip()
    return names
