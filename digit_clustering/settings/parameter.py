"""A declared setting: its type (or the values it may take), its range, its default and a line
of help, next to the code that reads it, as scikit-learn declares parameters on the estimator.

Methods and kinds of feature space declare theirs this way; the config schema's sections for
them are generated from the declarations (`block_schema`), and the study fills in defaults
with `resolved`.
"""

from dataclasses import dataclass

JSON_TYPES = {int: "integer", float: "number", str: "string", bool: "boolean"}
REQUIRED = object()  # the default of a setting a config must give


@dataclass(frozen=True)
class Parameter:
    """One parameter: its type (or the values it may take), its range, its default, and a line
    of help. ``nullable`` parameters may be null (None) as well."""

    kind: type
    default: object
    help: str
    minimum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    choices: tuple | None = None
    nullable: bool = False

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def schema(self, with_default: bool = True) -> dict:
        if self.choices is not None:
            schema = {"enum": list(self.choices)}
        else:
            kind = JSON_TYPES[self.kind]
            schema = {"type": [kind, "null"] if self.nullable else kind}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.exclusive_minimum is not None:
            schema["exclusiveMinimum"] = self.exclusive_minimum
        if self.exclusive_maximum is not None:
            schema["exclusiveMaximum"] = self.exclusive_maximum
        if with_default and not self.required:
            schema["default"] = self.default
        schema["description"] = self.help
        return schema

    def coerced(self, value):
        """The value as the declared type reads it: an integer given for a float is a float, so
        ``0`` and ``0.0`` name the same setting."""
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        return value


def block_schema(description: str, parameters: dict[str, Parameter]) -> dict:
    """The JSON schema of a block of declared parameters (a method's settings)."""
    return {
        "description": description,
        "type": "object",
        "additionalProperties": False,
        "default": {},
        "properties": {name: p.schema() for name, p in parameters.items()},
    }


def resolved(parameters: dict[str, Parameter], given: dict) -> dict:
    """Every declared parameter, in declared order: the given value, else its default."""
    return {
        name: parameter.coerced(given[name]) if name in given else parameter.default
        for name, parameter in parameters.items()
    }
