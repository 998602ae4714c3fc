"""Getting the data: the dataset registry, verified downloads, IDX files and local sources, decoded
into one points table.
"""
