import json

import matplotlib.pyplot as plt
import PIL.Image
import pyarrow as pa
import pytest

from digit_clustering.figures import style as figures
from digit_clustering.jobs import provenance
from digit_clustering.tables import read_metadata, write_parquet

pytestmark = pytest.mark.unit

TABLE = pa.table({"id": [1, 2]})


def test_settings_digest_follows_every_setting_but_not_their_order():
    digest = provenance.settings_digest("cluster", {"run": "a"}, {"k": 3, "seed": 0})
    assert digest == provenance.settings_digest("cluster", {"run": "a"}, {"seed": 0, "k": 3})
    assert digest != provenance.settings_digest("cluster", {"run": "a"}, {"k": 4, "seed": 0})
    assert digest != provenance.settings_digest("cluster", {"run": "b"}, {"k": 3, "seed": 0})
    assert digest != provenance.settings_digest("heldout", {"run": "a"}, {"k": 3, "seed": 0})


def test_tables_written_inside_a_job_carry_its_provenance_beside_their_metadata(tmp_path):
    made_by = provenance.job_provenance("cluster", {"run": "a"}, {"k": 3})
    token = provenance.declare(made_by)
    try:
        write_parquet(TABLE, tmp_path / "inside.parquet", {"method": "kmeans"})
    finally:
        provenance.forget(token)
    write_parquet(TABLE, tmp_path / "outside.parquet", {"method": "kmeans"})
    assert read_metadata(tmp_path / "inside.parquet") == {"method": "kmeans", "provenance": made_by}
    assert read_metadata(tmp_path / "outside.parquet") == {"method": "kmeans"}
    assert made_by["libraries"]["scikit-learn"] == provenance.library_versions()["scikit-learn"]


def test_figures_written_inside_a_job_carry_its_provenance(tmp_path):
    made_by = provenance.job_provenance("run_figures", {"run": "a"}, {})
    token = provenance.declare(made_by)
    try:
        figures.save(plt.figure(), tmp_path / "figure.png")
    finally:
        provenance.forget(token)
    text = PIL.Image.open(tmp_path / "figure.png").text
    assert json.loads(text["Provenance"]) == made_by
    assert "Software" not in text
