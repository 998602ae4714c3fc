from snakemake.utils import min_version, validate

min_version("9.27")


configfile: "config.yaml"


include: "rules/common.smk"
include: "rules/download.smk"
include: "rules/decode.smk"
include: "rules/preprocess.smk"
include: "rules/graphs.smk"
include: "rules/features.smk"
include: "rules/neighbours.smk"
include: "rules/cluster.smk"
include: "rules/evaluate.smk"
include: "rules/figures.smk"
include: "rules/headline.smk"
include: "rules/report.smk"


rule all:
    default_target: True
    input:
        targets(STUDY),


onsuccess:
    print(where_to_look(STUDY.dataset))
