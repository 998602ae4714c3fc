rule silhouette:
    input:
        features=of_space("points"),
        labels=of_space("labels"),
    output:
        layout.SILHOUETTE,
    log:
        layout.log(layout.JOBS["silhouette"]),
    benchmark:
        layout.benchmark(layout.JOBS["silhouette"])
    conda:
        "../envs/pipeline.yaml"
    threads: 4
    resources:
        mem_mb=per_attempt(2500),
        runtime=per_attempt(20),
    params:
        runs=of_space("runs"),
        settings=of_space("silhouette_settings"),
        code=code("silhouette"),
    script:
        "../scripts/silhouette.py"


rule evaluate:
    input:
        features=of_run("features"),
        labels=layout.RUN_LABELS,
        centres=layout.RUN_CENTRES,
        pixels=of_run("pixels"),
        heldout=of_run("heldout"),
    output:
        layout.RUN_METRICS,
    log:
        layout.log(layout.run_job("evaluate")),
    benchmark:
        layout.benchmark(layout.run_job("evaluate"))
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=2200,
        runtime=10,
    params:
        run=of_run("identity"),
        code=code("evaluate"),
    script:
        "../scripts/evaluate.py"


rule aggregate:
    input:
        metrics=[run.metrics for run in STUDY.runs],
        silhouettes=[space.silhouette for space in STUDY.used_spaces()],
    output:
        table=layout.METRICS,
        csv=reported(layout.METRICS_CSV, "metrics"),
    log:
        layout.log(layout.JOBS["aggregate"]),
    benchmark:
        layout.benchmark(layout.JOBS["aggregate"])
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        code=code("aggregate"),
    script:
        "../scripts/aggregate.py"


rule agreement:
    input:
        of_sample("labels"),
    output:
        layout.AGREEMENT,
    log:
        layout.log(layout.JOBS["agreement"]),
    benchmark:
        layout.benchmark(layout.JOBS["agreement"])
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        runs=of_sample("runs"),
        code=code("agreement"),
    script:
        "../scripts/agreement.py"
