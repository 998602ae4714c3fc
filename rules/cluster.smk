rule cluster:
    input:
        run_features,
    output:
        labels=layout.RUN_LABELS,
        centres=layout.RUN_CENTRES,
        trace=layout.RUN_TRACE,
    log:
        layout.log(layout.CLUSTER_JOB),
    benchmark:
        layout.benchmark(layout.CLUSTER_JOB)
    conda:
        "../envs/pipeline.yaml"
    threads: run_threads
    resources:
        mem_mb=run_memory_mb,
        runtime=run_runtime,
    params:
        method=run_method,
        settings=run_params,
        code=fit_code("cluster"),
    script:
        "../scripts/cluster.py"


rule heldout:
    input:
        run_heldout_features,
    output:
        layout.RUN_HELDOUT,
    log:
        layout.log(layout.run_job("heldout")),
    benchmark:
        layout.benchmark(layout.run_job("heldout"))
    conda:
        "../envs/pipeline.yaml"
    threads: run_threads
    resources:
        mem_mb=run_memory_mb,
        runtime=run_runtime,
    params:
        method=run_method,
        settings=run_params,
        code=fit_code("heldout"),
    script:
        "../scripts/heldout.py"
