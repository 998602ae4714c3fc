rule scale:
    input:
        "results/{dataset}/data.parquet",
    output:
        "results/{dataset}/scaled/{scaling}.parquet",
    log:
        "logs/{dataset}/scale/{scaling}.log",
    benchmark:
        "benchmarks/{dataset}/scale/{scaling}.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    script:
        "../scripts/scale.py"


rule subsample:
    input:
        "results/{dataset}/scaled/{scaling}.parquet",
    output:
        "results/{dataset}/sample/{scaling}/{sample}.parquet",
    log:
        "logs/{dataset}/subsample/{scaling}/{sample}.log",
    benchmark:
        "benchmarks/{dataset}/subsample/{scaling}/{sample}.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        settings=sample_settings,
    script:
        "../scripts/subsample.py"
