rule image_run_figures:
    input:
        features=run_features,
        pixels=run_pixels,
        labels=layout.RUN_LABELS,
        centres=layout.RUN_CENTRES,
        model=run_model,
    output:
        **run_figure_outputs(IMAGE_RUN_FIGURES),
    log:
        layout.log(layout.run_job("figures")),
    benchmark:
        layout.benchmark(layout.run_job("figures"))
    wildcard_constraints:
        dataset=IMAGE_DATASETS,
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=1500,
        runtime=5,
    params:
        code=code("image_run_figures"),
    script:
        "../scripts/image_run_figures.py"


rule cloud_run_figures:
    input:
        features=run_features,
        labels=layout.RUN_LABELS,
        centres=layout.RUN_CENTRES,
        plotly_js=layout.PLOTLY_JS,  # what scatter.html loads
    output:
        **run_figure_outputs(CLOUD_RUN_FIGURES),
        page=layout.run_file(CLOUD_PAGE),
    log:
        layout.log(layout.run_job("figures")),
    benchmark:
        layout.benchmark(layout.run_job("figures"))
    wildcard_constraints:
        dataset=CLOUD_DATASETS,
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=800,
        runtime=5,
    params:
        code=code("cloud_run_figures"),
    script:
        "../scripts/cloud_run_figures.py"


# One copy of plotly's JavaScript per dataset, which every run's scatter.html links to.
rule plotly_js:
    output:
        layout.PLOTLY_JS,
    log:
        layout.log("plotly_js"),
    benchmark:
        layout.benchmark("plotly_js")
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


rule lloyd_figure:
    input:
        features=run_features,
        trace=layout.RUN_TRACE,
        centres=layout.RUN_CENTRES,
        model=run_model,
    output:
        course_figure_output("lloyd"),
    log:
        layout.log(course_figure_job("lloyd")),
    benchmark:
        layout.benchmark(course_figure_job("lloyd"))
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=600,
        runtime=5,
    params:
        code=code("lloyd_figure"),
    script:
        "../scripts/lloyd_figure.py"


rule dendrogram:
    input:
        layout.RUN_TRACE,
    output:
        course_figure_output("agglomerative"),
    log:
        layout.log(course_figure_job("agglomerative")),
    benchmark:
        layout.benchmark(course_figure_job("agglomerative"))
    conda:
        "../envs/pipeline.yaml"
    threads: 1
    resources:
        mem_mb=800,
        runtime=5,
    params:
        settings=run_params,
        code=code("dendrogram"),
    script:
        "../scripts/dendrogram.py"


rule neighbours_figure:
    input:
        neighbours=layout.NEIGHBOURS,
        pixels=space_pixels,
    output:
        figure(layout.NEIGHBOURS_FIGURE, "neighbours"),
    log:
        layout.log("neighbours/{space}-figure"),
    benchmark:
        layout.benchmark("neighbours/{space}-figure")
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
        figure(layout.AGREEMENT_FIGURE, "agreement"),
    log:
        layout.log("agreement/{sample}-figure"),
    benchmark:
        layout.benchmark("agreement/{sample}-figure")
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
