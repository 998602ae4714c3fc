"""Figures of runs and of the study, drawn as PNG files (and the 3-D views of point clouds)."""
