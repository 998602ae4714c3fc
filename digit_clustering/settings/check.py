"""Turn JSON-schema violations of the config into messages a user can act on."""

import copy

import jsonschema

from digit_clustering.settings.errors import ConfigError, did_you_mean


def key_path(parts) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(top level)"


def describe(error: jsonschema.ValidationError) -> str:
    where = key_path(error.absolute_path)
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind in ("oneOf", "anyOf") and error.context and "description" not in schema:
        return describe(jsonschema.exceptions.best_match(error.context))
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(schema.get("properties", {}))
        unknown = sorted(set(value) - set(allowed))
        if allowed:
            hints = "".join(did_you_mean(key, allowed) for key in unknown)
            return (
                f"config key {where!r} has unknown key(s) {', '.join(map(repr, unknown))}."
                f"{hints} Allowed keys: {', '.join(allowed)}."
            )
    if kind == "enum":
        choices = ", ".join(map(str, error.validator_value))
        return (
            f"config key {where!r} is {value!r}, which is not allowed; choose one of {choices}."
            + did_you_mean(value, error.validator_value)
        )
    if kind == "required":
        return f"config key {where!r} is missing a required key: {error.message}."
    message = f"config key {where!r} is {value!r}: {error.message}."
    if "description" in schema:
        message += f" Allowed: {schema['description']}"
    return message


def _fill_defaults(validator, properties, instance, schema):
    if isinstance(instance, dict):
        for name, subschema in properties.items():
            if isinstance(subschema, dict) and "default" in subschema:
                instance.setdefault(name, copy.deepcopy(subschema["default"]))
    yield from jsonschema.Draft202012Validator.VALIDATORS["properties"](
        validator, properties, instance, schema
    )


_FillingValidator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, {"properties": _fill_defaults}
)


def check_against_schema(instance, schema: dict, prefix: tuple = ()) -> None:
    """Fill in `schema`'s defaults, then raise `ConfigError` listing every violation."""
    validator = _FillingValidator(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.path)))
    if errors:
        for error in errors:
            error.path.extendleft(reversed(prefix))
        lines = [describe(error) for error in errors]
        raise ConfigError("invalid config:\n  " + "\n  ".join(lines))
