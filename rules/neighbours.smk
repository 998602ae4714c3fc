# The nearest images to a few query images, for a study that looks them up (`neighbours.space`).
if STUDY.lookup:

    rule neighbours:
        input:
            of_space("points"),
        output:
            layout.NEIGHBOURS,
        log:
            layout.log(layout.JOBS["neighbours"]),
        benchmark:
            layout.benchmark(layout.JOBS["neighbours"])
        conda:
            "../envs/pipeline.yaml"
        threads: 2
        resources:
            mem_mb=1500,
            runtime=10,
        params:
            queries=STUDY.lookup.queries,
            k=STUDY.lookup.k,
            code=code("neighbours"),
        script:
            "../scripts/neighbours.py"
