rule neighbours:
    input:
        space_features,
    output:
        layout.NEIGHBOURS,
    log:
        layout.log("neighbours/{space}"),
    benchmark:
        layout.benchmark("neighbours/{space}")
    conda:
        "../envs/pipeline.yaml"
    threads: 2
    resources:
        mem_mb=1500,
        runtime=10,
    params:
        queries=config["neighbours"]["queries"],
        k=config["neighbours"]["k"],
        code=code("neighbours"),
    script:
        "../scripts/neighbours.py"
