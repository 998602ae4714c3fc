"""The style and saving every figure shares, and a figure that only says why it is empty."""

import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from digit_clustering.jobs import provenance  # noqa: E402
from digit_clustering.jobs.atomic import atomic_path  # noqa: E402

STYLE = {"font.size": 9, "axes.titlesize": 9, "figure.dpi": 100}


def png_metadata() -> dict:
    """PNG text chunks: the running job's provenance, and not matplotlib's own "Software"
    stamp, which a provenance-less figure would otherwise carry."""
    made_by = provenance.current()
    if made_by is None:
        return {"Software": None}
    return {"Software": None, "Provenance": json.dumps(made_by, sort_keys=True)}


def message_figure(message: str, output):
    with plt.rc_context(STYLE):
        figure = plt.figure(figsize=(6, 1.2))
        figure.text(0.5, 0.5, message, ha="center", va="center")
        save(figure, output)


def save(figure, output, tight: bool = False):
    """Write the figure as PNG (atomically, with no library version in it); `tight` trims it
    to what is drawn, for figures whose labels would otherwise be cut."""
    with atomic_path(output) as temporary:
        figure.savefig(
            temporary,
            format="png",
            metadata=png_metadata(),
            bbox_inches="tight" if tight else None,
            pad_inches=0.1,
        )
    plt.close(figure)
