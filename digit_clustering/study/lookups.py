"""The spaces the report's extras use: the nearest-neighbour look-up's and the headline's (its
space, its view and the space it is set beside), checked against the spaces and runs of the
study."""

from digit_clustering.settings.errors import ConfigError, check_declared_space
from digit_clustering.study.runs import Run
from digit_clustering.study.spaces import Data, Space


def neighbours_space(config: dict, spaces: dict[str, Space], data: Data) -> str | None:
    """The space of the look-up; None when there is none or this dataset does not use it."""
    lookup = config["neighbours"]
    name = lookup["space"]
    if name is None:
        return None
    check_declared_space(config, "neighbours.space", name)
    if name not in spaces:
        return None
    too_large = [query for query in lookup["queries"] if query >= data.n_points]
    if too_large:
        raise ConfigError(
            f"config key 'neighbours.queries' has ids {too_large}, but {data.name}'s ids "
            f"run from 0 to {data.n_points - 1}."
        )
    return name


def headline_spaces(
    config: dict, spaces: dict[str, Space], runs: list[Run], data: Data, has_images: bool
) -> tuple[str | None, str | None]:
    """The space whose most accurate run opens the report and the space it is drawn in;
    no headline when the study runs nothing in that space or its points are no images."""
    space, view = config["headline"]["space"], config["headline"]["view"]
    for key, name in (("space", space), ("view", view)):
        if name is not None:
            check_declared_space(config, f"headline.{key}", name)
    if space is None or not has_images or not any(run.space == space for run in runs):
        return None, None
    if view is not None and view not in spaces:
        raise ConfigError(
            f"config key 'headline.view' is {view!r}, a space {data.name}'s study does "
            f"not use: add it to 'datasets.{data.name}.spaces', or set headline.view to "
            "null to draw the headline on its own space's first two principal axes."
        )
    if view is not None and spaces[view].sample != spaces[space].sample:
        raise ConfigError(
            f"config key 'headline.view' is {view!r}, whose sample is not that of "
            f"headline.space {space!r}: the view must hold the same points."
        )
    return space, view


def headline_compare(
    config: dict, spaces: dict[str, Space], runs: list[Run], headline_space: str | None
) -> tuple[str, ...]:
    """The spaces whose most accurate runs the headline is set beside, in order (the same path
    on plain pixels shows what deskewing adds); none without a headline, and none that this
    dataset's study runs nothing in (MNIST's plain run is its own extra run)."""
    compared = []
    for index, name in enumerate(config["headline"]["compare"]):
        key = f"headline.compare[{index}]"
        check_declared_space(config, key, name)
        if headline_space is None or name not in spaces:
            continue
        if not any(run.space == name for run in runs):
            continue
        if spaces[name].sample != spaces[headline_space].sample:
            raise ConfigError(
                f"config key '{key}' is {name!r}, whose sample is not that of "
                f"headline.space {headline_space!r}: the two must hold the same points."
            )
        compared.append(name)
    return tuple(compared)
