rule decode:
    input:
        STUDY.data.files,
    output:
        layout.DATA,
    log:
        layout.log(layout.JOBS["decode"]),
    benchmark:
        layout.benchmark(layout.JOBS["decode"])
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=1200,
        runtime=10,
    params:
        idx_files=STUDY.data.idx_files,
        local_source=STUDY.data.local_source,
        settings=STUDY.data.settings,
        code=code("decode"),
    script:
        "../scripts/decode.py"
