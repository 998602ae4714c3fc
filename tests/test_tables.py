"""Tests of the points tables and of atomic writes."""

import os
import stat

import numpy as np
import pyarrow as pa
import pytest

from digit_clustering.jobs.atomic import atomic_path
from digit_clustering.tables import (
    CorruptTableError,
    Points,
    read_clusters,
    read_parquet,
    read_points,
    table_metadata,
    write_parquet,
    write_points,
)

pytestmark = pytest.mark.unit


def current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def sample_points(dtype, with_split: bool) -> Points:
    x = np.arange(15).reshape(5, 3)
    return Points(
        ids=np.array([3, 8, 10, 11, 40], dtype=np.int64),
        x=(x * 17 if dtype == np.uint8 else x / 7).astype(dtype),
        labels=np.array([1, -1, 9, 0, 4], dtype=np.int16),
        split=np.array(["train", "train", "test", "test", "train"], dtype=object)
        if with_split
        else None,
        metadata={"dataset": "digits", "image_shape": [8, 8], "scaling": "max", "ratio": 0.25},
    )


@pytest.mark.parametrize("dtype", [np.uint8, np.float32])
@pytest.mark.parametrize("with_split", [False, True])
def test_points_round_trip(tmp_path, dtype, with_split):
    points = sample_points(dtype, with_split)
    path = tmp_path / "points.parquet"
    write_points(points, path)
    read = read_points(path)
    assert read.ids.dtype == np.int64
    np.testing.assert_array_equal(read.ids, points.ids)
    assert read.x.dtype == dtype
    assert read.x.shape == (5, 3)
    np.testing.assert_array_equal(read.x, points.x)
    assert read.labels.dtype == np.int16
    np.testing.assert_array_equal(read.labels, points.labels)
    if with_split:
        assert read.split.tolist() == ["train", "train", "test", "test", "train"]
    else:
        assert read.split is None
    assert read.metadata == points.metadata
    assert read.image_shape == (8, 8)


def test_points_table_layout(tmp_path):
    path = tmp_path / "points.parquet"
    write_points(sample_points(np.uint8, with_split=False), path)
    table = read_parquet(path)
    assert table.column_names == ["id", "split", "label", "x"]
    assert table.schema.field("id").type == pa.int64()
    assert table.schema.field("split").type == pa.string()
    assert table.schema.field("label").type == pa.int16()
    assert table.schema.field("x").type == pa.list_(pa.uint8(), 3)
    assert table.column("split").null_count == 5


def test_points_reject_mismatched_lengths():
    with pytest.raises(ValueError, match=r"ids \(3\), x \(2, 4\) and labels \(3\)"):
        Points(ids=np.arange(3), x=np.zeros((2, 4)), labels=np.zeros(3))


def test_take_selects_rows_and_copies_metadata():
    points = sample_points(np.uint8, with_split=True)
    taken = points.take(np.array([4, 0]))
    assert taken.ids.tolist() == [40, 3]
    assert taken.split.tolist() == ["train", "train"]
    np.testing.assert_array_equal(taken.x, points.x[[4, 0]])
    taken.metadata["scaling"] = "none"
    assert points.metadata["scaling"] == "max"


def test_parquet_metadata_round_trip(tmp_path):
    path = tmp_path / "t.parquet"
    write_parquet(pa.table({"a": [1, 2]}), path, {"b": [1, 2], "c": None})
    assert table_metadata(read_parquet(path)) == {"b": [1, 2], "c": None}
    write_parquet(pa.table({"a": [1, 2]}), path)
    assert table_metadata(read_parquet(path)) == {}


def test_truncated_parquet_raises_corrupt_table_error_naming_the_file(tmp_path):
    path = tmp_path / "points.parquet"
    write_points(sample_points(np.float32, with_split=True), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptTableError, match="points.parquet is not a readable Parquet") as info:
        read_points(path)
    assert str(path) in str(info.value)
    assert "Delete it and re-run snakemake" in str(info.value)


def test_missing_parquet_raises_corrupt_table_error(tmp_path):
    with pytest.raises(CorruptTableError, match="absent.parquet .*Delete it and re-run"):
        read_parquet(tmp_path / "absent.parquet")


def test_writing_the_same_points_twice_gives_identical_bytes(tmp_path):
    first, second = tmp_path / "a.parquet", tmp_path / "b.parquet"
    write_points(sample_points(np.float32, with_split=True), first)
    write_points(sample_points(np.float32, with_split=True), second)
    assert first.read_bytes() == second.read_bytes()


def test_read_clusters_checks_ids(tmp_path):
    path = tmp_path / "labels.parquet"
    write_parquet(pa.table({"id": pa.array([1, 2, 3], pa.int64()), "cluster": [0, 1, 0]}), path)
    np.testing.assert_array_equal(read_clusters(str(path), np.array([1, 2, 3])), [0, 1, 0])
    with pytest.raises(ValueError, match="does not label the points of its feature space"):
        read_clusters(str(path), np.array([1, 2, 4]))


# -- atomic writes ---------------------------------------------------------------------------


def test_atomic_path_moves_the_file_into_place(tmp_path):
    destination = tmp_path / "deeper" / "out.txt"
    with atomic_path(destination) as temporary:
        assert temporary.parent == destination.parent
        assert temporary.name.startswith(".out.txt.")
        assert not destination.exists()
        temporary.write_text("new")
    assert destination.read_text() == "new"
    assert sorted(p.name for p in destination.parent.iterdir()) == ["out.txt"]


def test_atomic_path_leaves_destination_untouched_when_the_body_raises(tmp_path):
    destination = tmp_path / "out.txt"
    destination.write_text("old")
    with pytest.raises(RuntimeError, match="boom"), atomic_path(destination) as temporary:
        temporary.write_text("half")
        raise RuntimeError("boom")
    assert destination.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_atomic_path_creates_nothing_when_the_body_raises(tmp_path):
    destination = tmp_path / "new.txt"
    with pytest.raises(KeyError), atomic_path(destination):
        raise KeyError("x")
    assert list(tmp_path.iterdir()) == []


def test_atomic_files_are_not_private(tmp_path):
    destination = tmp_path / "out.parquet"
    write_parquet(pa.table({"a": [1]}), destination)
    mode = stat.S_IMODE(destination.stat().st_mode)
    assert mode == 0o666 & ~current_umask()
    if not current_umask() & 0o044:
        assert mode & 0o044 == 0o044  # group and others may read it
        assert mode != 0o600


def test_a_temporary_file_left_by_a_killed_writer_goes_with_the_next_write(tmp_path):
    destination = tmp_path / "out[1].parquet"
    stale = tmp_path / ".out[1].parquet.k1ll3d.tmp"
    stale.write_bytes(b"half a file")
    unrelated = tmp_path / ".other.parquet.k1ll3d.tmp"
    unrelated.write_bytes(b"another output's")
    write_parquet(pa.table({"a": [1]}), destination)
    assert sorted(p.name for p in tmp_path.iterdir()) == [unrelated.name, destination.name]
