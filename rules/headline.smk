# The run the report opens with, for a study that has one (`headline.space`).
if STUDY.headline:

    rule headline:
        input:
            metrics=layout.METRICS,
            labels=STUDY.headline.labels,
            features=STUDY.headline.points,
            view=STUDY.headline.view_points or [],
            pixels=STUDY.headline.pixels,
        output:
            pairs=layout.HEADLINE_PAIRS,
            embedding=reported(layout.HEADLINE_EMBEDDING, "embedding"),
            confused=reported(layout.HEADLINE_CONFUSED, "confused"),
        log:
            layout.log(layout.JOBS["headline"]),
        benchmark:
            layout.benchmark(layout.JOBS["headline"])
        conda:
            "../envs/pipeline.yaml"
        threads: 1
        resources:
            mem_mb=2000,
            runtime=10,
        params:
            runs=STUDY.headline.runs,
            space=STUDY.headline.space,
            view=STUDY.headline.view,
            code=code("headline"),
        script:
            "../scripts/headline.py"
