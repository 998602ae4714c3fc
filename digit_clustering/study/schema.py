"""The parts of the config schema that the code declares: each method's parameters (beside its
``fit``), each kind of space's settings (beside its step) and the names of an MNIST-format
dataset's four files."""

from digit_clustering.data.idx_files import IDX_STEMS, idx_archive
from digit_clustering.features.registry import spaces_schema
from digit_clustering.methods.registry import methods_schema


def complete_schema(schema: dict) -> dict:
    """`schema` (the file's) with the sections generated from the code filled in."""
    archives = [idx_archive(stem) for stem in IDX_STEMS]
    idx_dataset = schema["$defs"]["idx_dataset"]
    md5 = {
        **idx_dataset["properties"]["md5"],
        "required": archives,
        "additionalProperties": False,
        "properties": {archive: {"$ref": "#/$defs/md5"} for archive in archives},
    }
    idx_dataset = {**idx_dataset, "properties": {**idx_dataset["properties"], "md5": md5}}
    return {
        **schema,
        "properties": {
            **schema["properties"],
            "methods": methods_schema(),
            "spaces": spaces_schema(schema["properties"]["spaces"]["description"]),
        },
        "$defs": {**schema["$defs"], "idx_dataset": idx_dataset},
    }
