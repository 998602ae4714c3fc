# A run's pictures: of images (centroids, galleries...) or of a point cloud (a scatter and its
# 3-D page), as the dataset holds.
rule run_figures:
    input:
        unpack(of_run("figure_inputs")),
    output:
        **{
            name: reported(layout.run_file(png(name)), name, run="{run}")
            for name in run_figure_names(STUDY.has_images)
        },
        **({} if STUDY.has_images else {"page": layout.run_file(CLOUD_PAGE)}),
    log:
        layout.log(layout.run_job("figures")),
    benchmark:
        layout.benchmark(layout.run_job("figures"))
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=1500 if STUDY.has_images else 800,
        runtime=5,
    params:
        images=STUDY.has_images,
        code=code("run_figures"),
    script:
        "../scripts/run_figures.py"


# One copy of plotly's JavaScript per dataset, which every run's scatter.html links to.
rule plotly_js:
    output:
        layout.PLOTLY_JS,
    log:
        layout.log(layout.JOBS["plotly_js"]),
    benchmark:
        layout.benchmark(layout.JOBS["plotly_js"])
    localrule: True
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=300,
        runtime=5,
    params:
        code=code("plotly_js"),
    script:
        "../scripts/plotly_js.py"


# The figures of a fit's course, each named by the figure a method declares (`course_figure`).
rule iterations:
    input:
        features=of_run("features"),
        trace=layout.RUN_TRACE,
        centres=layout.RUN_CENTRES,
        model=of_run("model"),
    output:
        reported(layout.run_file(png("iterations")), "iterations", run="{run}"),
    log:
        layout.log(layout.run_job("iterations")),
    benchmark:
        layout.benchmark(layout.run_job("iterations"))
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=600,
        runtime=5,
    params:
        code=code("iterations"),
    script:
        "../scripts/iterations.py"


rule dendrogram:
    input:
        layout.RUN_TRACE,
    output:
        reported(layout.run_file(png("dendrogram")), "dendrogram", run="{run}"),
    log:
        layout.log(layout.run_job("dendrogram")),
    benchmark:
        layout.benchmark(layout.run_job("dendrogram"))
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=800,
        runtime=5,
    params:
        settings=of_run("course_settings"),
        code=code("dendrogram"),
    script:
        "../scripts/dendrogram.py"


rule neighbours_figure:
    input:
        neighbours=layout.NEIGHBOURS,
        pixels=of_space("pixels"),
    output:
        reported(layout.NEIGHBOURS_FIGURE, "neighbours"),
    log:
        layout.log(layout.JOBS["neighbours_figure"]),
    benchmark:
        layout.benchmark(layout.JOBS["neighbours_figure"])
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=1200,
        runtime=5,
    params:
        code=code("neighbours_figure"),
    script:
        "../scripts/neighbours_figure.py"


rule agreement_figure:
    input:
        layout.AGREEMENT,
    output:
        reported(layout.AGREEMENT_FIGURE, "agreement"),
    log:
        layout.log(layout.JOBS["agreement_figure"]),
    benchmark:
        layout.benchmark(layout.JOBS["agreement_figure"])
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=600,
        runtime=5,
    params:
        code=code("agreement_figure"),
    script:
        "../scripts/agreement_figure.py"
