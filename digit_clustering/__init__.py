"""Reproducible clustering of handwritten digits: the library behind the Snakemake workflow."""
