"""Job plumbing: the context every workflow job runs in, provenance, atomic writes, storage errors,
thread limits, stale locks and code digests.
"""
