"""One function per workflow step, taking and writing plain paths (no Snakemake here).

The steps are grouped by stage so that each job imports only what its stage needs: a job's
imports are most of its cost on small data.
"""
