# No code digest: a downloaded file is pinned by its MD5, whatever code fetched it.
rule download:
    output:
        layout.IDX_FILE,
    log:
        layout.log("download/{idx_file}"),
    benchmark:
        layout.benchmark("download/{idx_file}")
    retries: 1
    localrule: True
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=400,
        runtime=30,
    params:
        checksum=idx_checksum,
        mirrors=idx_mirrors,
        timeout=idx_timeout,
    script:
        "../scripts/download.py"
