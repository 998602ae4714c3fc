"""Neighbour graphs of images by a distance that knows how digits change: each image's
candidates in a feature space, re-ranked by tangent distance in pixel space."""
