rule scale:
    input:
        layout.DATA,
    output:
        layout.SCALED,
    log:
        layout.log(layout.JOBS["scale"]),
    benchmark:
        layout.benchmark(layout.JOBS["scale"])
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=2200,
        runtime=10,
    params:
        settings=of_pixels("settings"),
        code=code("scale"),
    script:
        "../scripts/scale.py"


rule subsample:
    input:
        layout.SCALED,
    output:
        layout.SAMPLE,
    log:
        layout.log(layout.JOBS["subsample"]),
    benchmark:
        layout.benchmark(layout.JOBS["subsample"])
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        settings=of_sample("settings"),
        code=code("subsample"),
    script:
        "../scripts/subsample.py"
