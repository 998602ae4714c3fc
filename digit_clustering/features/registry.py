"""The registry of kinds of feature space: every module of this package but its machinery,
each declaring a `SPACE` beside the step that builds it (a module that declares none stops the
study at start). The config schema's ``spaces`` entries are generated from them."""

from pathlib import Path

from digit_clustering.features.kind import SpaceKind
from digit_clustering.settings.discovery import discover

MACHINERY = {"kind", "registry"}

SPACE_KINDS: dict[str, SpaceKind] = discover(
    __package__, Path(__file__).parent, "SPACE", SpaceKind, MACHINERY
)

# What a space of each way of being built is given besides its kind's settings.
FRAMING = {
    "pixels": {
        "sample": {
            "description": "This space's own sample, instead of the top-level 'subsample'.",
            "$ref": "#/$defs/sample",
        },
        "deskew": {
            "description": (
                "true for deskewed pixels, false for plain ones; default: the dataset's 'deskew'."
            ),
            "type": "boolean",
        },
    },
    "points": {
        "input": {
            "description": "the space (one built from pixels) whose points it lays out",
            "type": "string",
        }
    },
}


def kind_schema(name: str, kind: SpaceKind) -> dict:
    """The schema of a space of this kind. Defaults are described, not filled in: the study
    fills them from the declarations, so the config as given is the one its digest names."""
    framing = FRAMING[kind.takes]
    required = ["kind", *(["input"] if kind.takes == "points" else [])]
    required += [n for n, p in kind.parameters.items() if p.required]
    properties = {n: p.schema(with_default=False) for n, p in kind.parameters.items()}
    for parameter_name, parameter in kind.parameters.items():
        if not parameter.required:
            properties[parameter_name]["description"] += f" (default {parameter.default})"
    return {
        "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
        "then": {
            "description": f"a {name} space: {kind.description}",
            "required": required,
            "propertyNames": {"enum": ["kind", *framing, *kind.parameters]},
            "properties": {**framing, **properties},
        },
    }


def spaces_schema(description: str) -> dict:
    """The config schema's ``spaces`` section, from the kinds' own declarations."""
    kinds = ", ".join(f"{name} ({kind.description})" for name, kind in SPACE_KINDS.items())
    return {
        "description": description,
        "type": "object",
        "minProperties": 1,
        "propertyNames": {"pattern": "^[A-Za-z][A-Za-z0-9_-]*$"},
        "additionalProperties": {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"description": kinds, "enum": list(SPACE_KINDS)}},
            "allOf": [kind_schema(name, kind) for name, kind in SPACE_KINDS.items()],
        },
    }
