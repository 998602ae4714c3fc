"""Feature spaces: one module per kind of space (raw pixels, PCA, UMAP), each declaring its
settings and what it is built from beside the step that builds it; the registry finds them."""
