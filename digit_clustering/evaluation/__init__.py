"""Scoring runs: contingency, label-based and geometric metrics, silhouettes, agreement between
runs and the label-free choice.
"""
