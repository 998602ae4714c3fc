# The tangent graph of a space's images, which a UMAP space on its points lays out; the held-out
# one links every image to training images only. A script's path is read when its job runs,
# after the loop ended, so it names the step from params.
for graph_rule, graph_output in (("graph", "output"), ("graph_heldout", "heldout")):

    rule:
        name:
            graph_rule
        input:
            points=of_graph("points"),
            pixels=of_graph("pixels"),
        output:
            layout.GRAPH if graph_output == "output" else layout.GRAPH_HELDOUT,
        log:
            layout.log(layout.JOBS[graph_rule]),
        benchmark:
            layout.benchmark(layout.JOBS[graph_rule])
        wildcard_constraints:
            graph=space_key_pattern(GRAPH_KIND),
        conda:
            "../envs/pipeline.yaml"
        threads: of_graph("threads")
        resources:
            mem_mb=per_attempt(of_graph("mem_mb")),
            runtime=per_attempt(of_graph("runtime")),
        params:
            settings=of_graph("settings"),
            step=graph_rule,
            code=code(graph_rule),
        script:
            "../scripts/{params.step}.py"
