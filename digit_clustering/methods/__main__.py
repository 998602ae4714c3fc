"""``python -m digit_clustering.methods``: every method's parameters, ranges and defaults, as
their modules declare them."""

from digit_clustering.methods.registry import METHODS
from digit_clustering.settings.parameter import Parameter


def allowed(parameter: Parameter) -> str:
    if parameter.choices is not None:
        return " | ".join(map(str, parameter.choices))
    bounds = [parameter.kind.__name__]
    if parameter.minimum is not None:
        bounds.append(f">= {parameter.minimum}")
    if parameter.exclusive_minimum is not None:
        bounds.append(f"> {parameter.exclusive_minimum}")
    if parameter.exclusive_maximum is not None:
        bounds.append(f"< {parameter.exclusive_maximum}")
    if parameter.nullable:
        bounds.append("or null")
    return ", ".join(bounds)


def describe() -> str:
    lines = []
    for name, method in METHODS.items():
        lines += [f"{name}: {method.description}"]
        for parameter_name, parameter in method.parameters.items():
            default = "null" if parameter.default is None else parameter.default
            lines += [
                f"  {parameter_name} = {default}  ({allowed(parameter)})",
                f"      {parameter.help}",
            ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(describe())
