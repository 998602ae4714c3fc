rule cluster:
    input:
        run_features,
    output:
        labels=layout.RUN_LABELS,
        centres=layout.RUN_CENTRES,
        trace=layout.RUN_TRACE,
    log:
        "logs/{dataset}/runs/{run}/cluster.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/cluster.tsv"
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
        "logs/{dataset}/runs/{run}/heldout.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/heldout.tsv"
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
