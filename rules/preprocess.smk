rule scale:
    input:
        layout.DATA,
    output:
        layout.SCALED,
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
    params:
        code=code("scale"),
    script:
        "../scripts/scale.py"


rule subsample:
    input:
        layout.SCALED,
    output:
        layout.SAMPLE,
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
        code=code("subsample"),
    script:
        "../scripts/subsample.py"
