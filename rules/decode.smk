rule decode:
    input:
        decode_input,
    output:
        "results/{dataset}/data.parquet",
    params:
        idx_files=mnist_idx_files,
        local_source=local_source,
        blobs=blobs_settings,
    log:
        "logs/{dataset}/decode.log",
    benchmark:
        "benchmarks/{dataset}/decode.tsv"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    conda:
        "../envs/pipeline.yaml"
    script:
        "../scripts/decode.py"
