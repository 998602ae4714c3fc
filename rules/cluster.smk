rule cluster:
    input:
        run_features,
    output:
        labels="results/{dataset}/runs/{run}/labels.parquet",
        centres="results/{dataset}/runs/{run}/centres.parquet",
        trace="results/{dataset}/runs/{run}/trace.parquet",
    log:
        "logs/{dataset}/runs/{run}/cluster.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/cluster.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: NUMERIC_THREADS
    resources:
        mem_mb=run_memory_mb,
        runtime=run_runtime,
    params:
        method=run_method,
        settings=run_params,
        code=run_method_code,
    script:
        "../scripts/cluster.py"


rule heldout:
    input:
        run_heldout_features,
    output:
        "results/{dataset}/runs/{run}/heldout.parquet",
    log:
        "logs/{dataset}/runs/{run}/heldout.log",
    benchmark:
        "benchmarks/{dataset}/runs/{run}/heldout.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: NUMERIC_THREADS
    resources:
        mem_mb=run_memory_mb,
        runtime=run_runtime,
    params:
        method=run_method,
        settings=run_params,
        code=run_method_code,
    script:
        "../scripts/heldout.py"


rule neighbours:
    input:
        space_features,
    output:
        "results/{dataset}/neighbours/{space}.parquet",
    log:
        "logs/{dataset}/neighbours/{space}.log",
    benchmark:
        "benchmarks/{dataset}/neighbours/{space}.tsv"
    conda:
        "../envs/pipeline.yaml"
    threads: 2
    resources:
        mem_mb=1500,
        runtime=10,
    params:
        queries=config["neighbours"]["queries"],
        k=config["neighbours"]["k"],
    script:
        "../scripts/neighbours.py"
