# One rule per kind of space that builds one (features/<kind>.py), and one more for a kind
# that can fit it on the training split alone; each runs scripts/<kind>[_heldout].py. A script's
# path is read when its job runs, after the loop ended, so it names the kind from params.
for kind_name, kind in SPACE_KINDS.items():
    if not kind.builds:
        continue

    rule:
        name:
            kind_name
        input:
            points=of_space_job("input"),
            graph=of_space_job("graph"),
        output:
            **{p: layout.space_file(kind.takes, p) for p in kind.products},
        log:
            layout.log(layout.space_job(kind.takes)),
        benchmark:
            layout.benchmark(layout.space_job(kind.takes))
        wildcard_constraints:
            **{layout.key_wildcard(kind.takes): space_key_pattern(kind_name)},
        conda:
            "../envs/pipeline.yaml"
        threads: of_space_job("threads")
        resources:
            mem_mb=of_space_job("mem_mb"),
            runtime=of_space_job("runtime"),
        params:
            settings=of_space_job("settings"),
            kind=kind_name,
            code=code(kind_name),
        script:
            "../scripts/{params.kind}.py"

    if kind.places_heldout:

        rule:
            name:
                f"{kind_name}_heldout"
            input:
                points=of_space_job("input"),
                graph=of_space_job("heldout_graph"),
            output:
                layout.space_file(kind.takes, "heldout"),
            log:
                layout.log(layout.space_job(kind.takes, "heldout")),
            benchmark:
                layout.benchmark(layout.space_job(kind.takes, "heldout"))
            wildcard_constraints:
                embedding=space_key_pattern(kind_name),
            conda:
                "../envs/pipeline.yaml"
            threads: of_space_job("threads")
            resources:
                mem_mb=of_space_job("mem_mb"),
                runtime=of_space_job("runtime"),
            params:
                settings=of_space_job("settings"),
                kind=kind_name,
                code=code(f"{kind_name}_heldout"),
            script:
                "../scripts/{params.kind}_heldout.py"
