"""What made an output: the settings of the job that wrote it and the libraries' versions.

A workflow job declares its provenance once (`jobs.job` does it); every Parquet table and PNG
the job writes then carries it. The settings digest covers exactly what Snakemake tracks to
decide a rerun (the rule, its wildcards and its params), not the whole config: a file left in
place when an unrelated setting changes is the same bytes as in a clean build of the new config.
The study's whole-config digest is recorded by the aggregate table and shown in the report.
"""

import contextvars
import hashlib
import importlib.metadata
import json

LIBRARIES = (
    "snakemake",
    "numpy",
    "scipy",
    "scikit-learn",
    "pandas",
    "pyarrow",
    "matplotlib",
    "fastcluster",
    "hdbscan",
    "umap-learn",
    "plotly",
)

_current: contextvars.ContextVar[dict | None] = contextvars.ContextVar("provenance", default=None)


def library_versions() -> dict[str, str]:
    """The installed version of every library whose code shapes the results."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def settings_digest(rule: str, wildcards: dict, params: dict) -> str:
    """A short fingerprint of a job's rule, wildcards and params."""
    settings = {"rule": rule, "wildcards": wildcards, "params": params}
    encoded = json.dumps(settings, sort_keys=True, default=repr).encode()
    return hashlib.sha256(encoded).hexdigest()[:16]


def job_provenance(rule: str, wildcards: dict, params: dict) -> dict:
    return {
        "rule": rule,
        "settings_digest": settings_digest(rule, wildcards, params),
        "libraries": library_versions(),
    }


def current() -> dict | None:
    """The provenance of the running job, or None outside a workflow job."""
    return _current.get()


def declare(provenance: dict | None) -> contextvars.Token:
    return _current.set(provenance)


def forget(token: contextvars.Token) -> None:
    _current.reset(token)
