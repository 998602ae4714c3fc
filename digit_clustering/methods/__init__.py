"""Clustering methods: the registry, one module per method, and the steps that fit a run."""
