rule decode:
    input:
        decode_input,
    output:
        layout.DATA,
    log:
        layout.log("decode"),
    benchmark:
        layout.benchmark("decode")
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=1200,
        runtime=10,
    params:
        idx_files=idx_files,
        local_source=decode_source,
        settings=dataset_settings,
        code=code("decode"),
    script:
        "../scripts/decode.py"
