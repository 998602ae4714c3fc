"""Raw spaces: the prepared pixels (or a cloud's coordinates) of a sample, as they are. No job
builds one: its points are the sample's table."""

from digit_clustering.features.kind import SpaceKind

SPACE = SpaceKind(description="the scaled pixels themselves", parameters={}, products=())
