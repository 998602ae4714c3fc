rule silhouette:
    input:
        features=space_features,
        labels=space_labels,
    output:
        layout.SILHOUETTE,
    log:
        layout.log("silhouette/{space}"),
    benchmark:
        layout.benchmark("silhouette/{space}")
    conda:
        "../envs/pipeline.yaml"
    threads: 4
    resources:
        mem_mb=scaled_by_attempt(2500),
        runtime=scaled_by_attempt(20),
    params:
        runs=space_runs,
        sample_size=config["evaluation"]["silhouette_sample"],
        seed=config["evaluation"]["seed"],
        code=code("silhouette"),
    script:
        "../scripts/silhouette.py"


rule evaluate:
    input:
        unpack(run_heldout),
        features=run_features,
        labels=layout.RUN_LABELS,
        centres=layout.RUN_CENTRES,
        pixels=run_pixels,
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
        run=run_identity,
        code=code("evaluate"),
    script:
        "../scripts/evaluate.py"


rule aggregate:
    input:
        metrics=all_metrics,
        silhouettes=all_silhouettes,
    output:
        table=layout.METRICS,
        csv=figure(layout.METRICS_CSV, "metrics"),
    log:
        layout.log("aggregate"),
    benchmark:
        layout.benchmark("aggregate")
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=5,
    params:
        config_digest=config_digest(config),
        code=code("aggregate"),
    script:
        "../scripts/aggregate.py"


rule agreement:
    input:
        point_set_labels,
    output:
        layout.AGREEMENT,
    log:
        layout.log("agreement/{sample}"),
    benchmark:
        layout.benchmark("agreement/{sample}")
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        runs=point_set_run_names,
        code=code("agreement"),
    script:
        "../scripts/agreement.py"
