# No code digest: a downloaded file is pinned by its MD5, whatever code fetched it.
rule download:
    output:
        layout.IDX_FILE,
    log:
        layout.log(layout.JOBS["download"]),
    benchmark:
        layout.benchmark(layout.JOBS["download"])
    retries: 1
    localrule: True
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=400,
        runtime=30,
    params:
        checksum=of(STUDY.by_idx_file, "checksum"),
        # Where a file may be found, not what it is (the MD5 says that): pointing at another
        # mirror never re-downloads a verified file.
        mirrors=untracked(STUDY.by_idx_file, "mirrors"),
        timeout=untracked(STUDY.by_idx_file, "timeout"),
    script:
        "../scripts/download.py"
