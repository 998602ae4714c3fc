rule scale:
    input:
        layout.DATA,
    output:
        layout.SCALED,
    log:
        layout.log("scale/{pixels}"),
    benchmark:
        layout.benchmark("scale/{pixels}")
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
        layout.log("subsample/{pixels}/{sample}"),
    benchmark:
        layout.benchmark("subsample/{pixels}/{sample}")
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
