"""The memory the jobs running at once may declare together on a workstation, when the user
does not say (`--resources mem_mb=`): the machine's memory (or its container's limit) less
what the system and Snakemake itself need. Without a cap, `--cores 8` on a 16 GB laptop could
start both 9 GB linkage jobs at once."""

import os
from pathlib import Path

RESERVED_MB = 2000  # the system, Snakemake's own process and the page cache
CGROUP_LIMITS = ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")


def physical_memory_mb() -> int:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20


def container_limit_mb(paths: tuple[str, ...] = CGROUP_LIMITS) -> int | None:
    """The memory limit of the container this runs in, if it sets one (cgroup v2, then v1)."""
    for path in paths:
        try:
            text = Path(path).read_text().strip()
        except OSError:
            continue
        if text.isdigit():
            return int(text) // 2**20
    return None


def default_memory_cap_mb(physical_mb: int, limit_mb: int | None) -> int:
    """What the jobs at once may declare together: the smaller of the machine's memory and its
    container's limit, less `RESERVED_MB`, and never below 1000."""
    available = min(physical_mb, limit_mb) if limit_mb is not None else physical_mb
    return max(1000, available - RESERVED_MB)


def this_machines_memory_cap_mb() -> int:
    return default_memory_cap_mb(physical_memory_mb(), container_limit_mb())


def cap_notice(cap_mb: int) -> str:
    return (
        f"Jobs running at once declare at most {cap_mb} MB together (this machine's memory "
        f"less {RESERVED_MB} MB); --resources mem_mb=N sets another cap."
    )
