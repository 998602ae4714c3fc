rule scale:
    input:
        layout.DATA,
    output:
        layout.SCALED,
    log:
        "logs/{dataset}/scale/{pixels}.log",
    benchmark:
        "benchmarks/{dataset}/scale/{pixels}.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=2200,
        runtime=10,
    params:
        settings=pixels_settings_of,
        code=code("scale"),
    script:
        "../scripts/scale.py"


rule subsample:
    input:
        layout.SCALED,
    output:
        layout.SAMPLE,
    log:
        "logs/{dataset}/subsample/{pixels}/{sample}.log",
    benchmark:
        "benchmarks/{dataset}/subsample/{pixels}/{sample}.tsv"
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
