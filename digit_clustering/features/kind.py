"""What a kind of feature space declares beside the step that builds it: its settings (with
their ranges and defaults, from which the config schema is generated), what it is built from,
the files its job writes, and what that job needs.

A space of a kind that ``takes`` ``"pixels"`` is built from a sample of the prepared pixels
(deskewed or plain, scaled); one that takes ``"points"`` from the points of another space
(its ``input``), which must itself be built from pixels. A kind with no ``products`` is its
input itself (raw pixels): no job builds it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from digit_clustering.jobs.threads import NUMERIC_THREADS
from digit_clustering.settings.parameter import Parameter

TAKES = ("pixels", "points")


@dataclass(frozen=True)
class SpaceKind:
    description: str  # what the kind is, for the schema and people
    parameters: dict[str, Parameter]  # in the order of the space's path key
    label: Callable[[dict], str] | None = None  # how people name a space: ``PCA-50``
    takes: str = "pixels"  # "pixels" or "points" (see the module's docstring)
    products: tuple[str, ...] = ("points",)  # the tables its job writes (`layout.space_file`)
    # Settings that shape no point (and so stay out of the path key and the job's params).
    unkeyed: tuple[str, ...] = ()
    # Settings that shape the points only when another setting has a value: {name: (other,
    # value)}; otherwise they too stay out of the key and the params.
    keyed_when: dict[str, tuple[str, object]] = field(default_factory=dict)
    # Whether a job can fit it on the training split alone and place the test split with the
    # fitted model (`{name}_heldout` script), for spaces whose layout the test points would shape.
    places_heldout: bool = False
    # The settings of the tangent graph of its input's images that it lays out, if it asks
    # for one (`graphs`); None where it lays out none.
    graph: Callable[[dict], dict | None] = field(default=lambda settings: None)
    # Settings whose default a dataset may give all its spaces of this kind (its block's key).
    dataset_defaults: tuple[str, ...] = ()
    # Settings that must stay at most its input's points less two (a layout's neighbours).
    below_points: tuple[str, ...] = ()
    memory_mb: int = 2000  # measured peak on all of MNIST, with headroom
    runtime_min: int = 10
    threads: Callable[[dict], int] = field(default=lambda settings: NUMERIC_THREADS)

    @property
    def builds(self) -> bool:
        return bool(self.products)

    @property
    def maps_back(self) -> bool:
        """Whether its job keeps a model that maps points back to pixels (centroid images)."""
        return "model" in self.products

    def keyed(self, settings: dict) -> dict:
        """The settings that make its points, in declared order: its job's params."""
        return {
            name: value
            for name, value in settings.items()
            if name in self.parameters and name not in self.unkeyed and self._shapes(name, settings)
        }

    def _shapes(self, name: str, settings: dict) -> bool:
        other, value = self.keyed_when.get(name, (None, None))
        return other is None or settings[other] == value
