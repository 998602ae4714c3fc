"""The figures the study draws for each run, and where each figure goes in Snakemake's report.

A per-run figure is a name here, a caption (``figures/captions/<name>.rst``) and the code that
draws it (``figures/run_figures.py``); the rules and the study's targets read these lists, and
the page shows whatever figures a run has.
"""

IMAGE_RUN_FIGURES = ("centroids", "confusion", "gallery", "nearest")  # runs on images
CLOUD_RUN_FIGURES = ("scatter", "confusion")  # runs on point clouds
CLOUD_PAGE = "scatter.html"  # a cloud's 3-D view that turns with the mouse

CATEGORIES = {
    "centroids": "Centroids",
    "confusion": "Confusion matrices",
    "gallery": "Cluster galleries",
    "nearest": "Images nearest each centre",
    "scatter": "Scatter plots",
    "iterations": "Lloyd's iterations",
    "dendrogram": "Dendrograms",
    "neighbours": "Nearest neighbours",
    "agreement": "Agreement between runs",
    "embedding": "Headline",
    "confused": "Headline",
    "metrics": "Metrics",
}


def run_figure_names(has_images: bool) -> tuple[str, ...]:
    """The figures every run of a dataset has: of images, or of a point cloud."""
    return IMAGE_RUN_FIGURES if has_images else CLOUD_RUN_FIGURES


def png(figure: str) -> str:
    return f"{figure}.png"


def figure_of(file_name: str) -> str:
    """The inverse of `png`: the figure a file shows."""
    return file_name.removesuffix(".png")
