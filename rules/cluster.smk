rule cluster:
    input:
        of_run("features"),
    output:
        labels=layout.RUN_LABELS,
        centres=layout.RUN_CENTRES,
        trace=layout.RUN_TRACE,
    log:
        layout.log(layout.run_job("cluster")),
    benchmark:
        layout.benchmark(layout.run_job("cluster"))
    conda:
        "../envs/pipeline.yaml"
    threads: of_run("threads")
    resources:
        mem_mb=per_attempt(of_run("mem_mb")),
        runtime=per_attempt(of_run("runtime")),
    params:
        method=of_run("method"),
        settings=of_run("params"),
        code=code("cluster", of_run("fit_module")),
    script:
        "../scripts/cluster.py"


rule heldout:
    input:
        of_run("heldout_features"),
    output:
        layout.RUN_HELDOUT,
    log:
        layout.log(layout.run_job("heldout")),
    benchmark:
        layout.benchmark(layout.run_job("heldout"))
    conda:
        "../envs/pipeline.yaml"
    threads: of_run("threads")
    resources:
        mem_mb=per_attempt(of_run("mem_mb")),
        runtime=per_attempt(of_run("runtime")),
    params:
        method=of_run("method"),
        settings=of_run("params"),
        code=code("heldout", of_run("fit_module")),
    script:
        "../scripts/heldout.py"
