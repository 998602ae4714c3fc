rule headline:
    input:
        metrics=layout.METRICS,
        labels=headline_labels,
        features=headline_features,
        view=headline_view,
        pixels=headline_pixels,
    output:
        pairs=layout.HEADLINE["pairs"],
        embedding=figure(layout.HEADLINE["embedding"], "embedding"),
        confused=figure(layout.HEADLINE["confused"], "confused"),
    log:
        layout.log("headline"),
    benchmark:
        layout.benchmark("headline")
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        runs=headline_runs,
        space=STUDY.headline_space,
        space_description=headline_space_description,
        view=STUDY.headline_view,
        compare=STUDY.headline_compare,
        compare_description=headline_compare_description,
        code=code("headline"),
    script:
        "../scripts/headline.py"
