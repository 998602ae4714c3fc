rule scale:
    input:
        "results/{dataset}/data.parquet",
    output:
        "results/{dataset}/scaled/{scaling}.parquet",
    log:
        "logs/{dataset}/scale/{scaling}.log",
    benchmark:
        "benchmarks/{dataset}/scale/{scaling}.tsv"
    threads: 1
    resources:
        mem_mb=1500,
        runtime=10,
    conda:
        "../envs/pipeline.yaml"
    script:
        "../scripts/scale.py"


rule subsample:
    input:
        "results/{dataset}/scaled/{scaling}.parquet",
    output:
        "results/{dataset}/sample/{scaling}/{sample}.parquet",
    params:
        settings=sample_settings,
    log:
        "logs/{dataset}/subsample/{scaling}/{sample}.log",
    benchmark:
        "benchmarks/{dataset}/subsample/{scaling}/{sample}.tsv"
    threads: 1
    resources:
        mem_mb=1500,
        runtime=10,
    conda:
        "../envs/pipeline.yaml"
    script:
        "../scripts/subsample.py"
