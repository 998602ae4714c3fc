"""The four files of an MNIST-format dataset: their names, by split, and their archives' names."""

IDX_SPLITS = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
IDX_STEMS = tuple(stem for stems in IDX_SPLITS.values() for stem in stems)


def idx_archive(stem: str) -> str:
    """The name of a file as the mirrors publish it, gzipped."""
    return f"{stem}.gz"
