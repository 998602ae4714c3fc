"""From decoded points to feature spaces: scaling, sampling, PCA, UMAP, and nearest-neighbour look-
ups.
"""
