"""Tests of the IDX reader on hand-built payloads."""

import gzip

import numpy as np
import pytest

from digit_clustering.data.idx import IdxFormatError, parse_idx, read_idx, read_idx_pair

pytestmark = pytest.mark.unit

ARRAY = np.arange(18, dtype=np.uint8).reshape(2, 3, 3)
HEADER = b"\x00\x00\x08\x03" + b"\x00\x00\x00\x02" + b"\x00\x00\x00\x03" + b"\x00\x00\x00\x03"
PAYLOAD = HEADER + bytes(range(18))


def idx_bytes(array: np.ndarray) -> bytes:
    dims = np.asarray(array.shape, dtype=">u4").tobytes()
    return b"\x00\x00\x08" + bytes([array.ndim]) + dims + array.astype(np.uint8).tobytes()


def test_header_is_built_as_the_idx_format_says():
    assert idx_bytes(ARRAY) == PAYLOAD


def test_gzipped_file_round_trips(tmp_path):
    path = tmp_path / "images-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(PAYLOAD, mtime=0))
    array = read_idx(path)
    assert array.dtype == np.uint8
    assert array.shape == (2, 3, 3)
    np.testing.assert_array_equal(array, ARRAY)


def test_plain_file_round_trips(tmp_path):
    path = tmp_path / "images-idx3-ubyte"
    path.write_bytes(PAYLOAD)
    array = read_idx(path)
    assert array.dtype == np.uint8
    np.testing.assert_array_equal(array, ARRAY)


def test_one_dimensional_labels_round_trip():
    labels = np.array([7, 0, 255], dtype=np.uint8)
    payload = b"\x00\x00\x08\x01\x00\x00\x00\x03" + bytes([7, 0, 255])
    np.testing.assert_array_equal(parse_idx(payload), labels)


def test_wrong_magic_is_rejected(tmp_path):
    path = tmp_path / "bad"
    path.write_bytes(b"\x01\x02" + PAYLOAD[2:])
    with pytest.raises(IdxFormatError, match=r"not an IDX file \(magic number 01020803"):
        read_idx(path)


def test_empty_payload_says_magic_is_missing():
    with pytest.raises(IdxFormatError, match="magic number missing"):
        parse_idx(b"", "empty")


def test_unsupported_type_byte_is_rejected():
    payload = b"\x00\x00\x0d\x03" + PAYLOAD[4:]  # 0x0D is float32 in the IDX format
    with pytest.raises(IdxFormatError, match="data type 0x0d is not supported"):
        parse_idx(payload, "floats")


def test_header_cut_short_is_rejected():
    with pytest.raises(IdxFormatError, match="declares 3 dimensions but is cut short"):
        parse_idx(HEADER[:10], "short")


def test_zero_dimensions_are_rejected():
    with pytest.raises(IdxFormatError, match="declares 0 dimensions"):
        parse_idx(b"\x00\x00\x08\x00", "scalar")


def test_truncated_payload_is_rejected_with_sizes(tmp_path):
    path = tmp_path / "cut"
    path.write_bytes(PAYLOAD[:-1])
    with pytest.raises(IdxFormatError, match=r"shape \(2, 3, 3\) \(34 bytes.*has 33 bytes"):
        read_idx(path)


def test_too_long_payload_is_rejected_with_sizes(tmp_path):
    path = tmp_path / "long.gz"
    path.write_bytes(gzip.compress(PAYLOAD + b"\x00", mtime=0))
    with pytest.raises(IdxFormatError, match=r"shape \(2, 3, 3\) \(34 bytes.*has 35 bytes"):
        read_idx(path)


def test_truncated_gzip_file_is_an_idx_format_error(tmp_path):
    path = tmp_path / "cut.gz"
    path.write_bytes(gzip.compress(PAYLOAD * 20, mtime=0)[:-12])
    with pytest.raises(IdxFormatError, match=r"cut\.gz: cannot be read .*truncated or corrupt"):
        read_idx(path)


def test_non_gzip_bytes_in_a_gz_file_are_an_idx_format_error(tmp_path):
    path = tmp_path / "plain.gz"
    path.write_bytes(PAYLOAD)
    with pytest.raises(IdxFormatError, match="Delete it and fetch it again"):
        read_idx(path)


def test_corrupt_deflate_stream_is_an_idx_format_error(tmp_path):
    damaged = bytearray(gzip.compress(PAYLOAD * 50, mtime=0))
    for offset in range(12, 30):
        damaged[offset] ^= 0xFF
    path = tmp_path / "damaged.gz"
    path.write_bytes(bytes(damaged))
    with pytest.raises(IdxFormatError, match="truncated or corrupt"):
        read_idx(path)


def test_missing_file_is_an_idx_format_error(tmp_path):
    with pytest.raises(IdxFormatError, match="absent.gz: cannot be read"):
        read_idx(tmp_path / "absent.gz")


def test_pair_reads_images_and_labels(tmp_path):
    images, labels = tmp_path / "images", tmp_path / "labels.gz"
    images.write_bytes(PAYLOAD)
    labels.write_bytes(gzip.compress(idx_bytes(np.array([4, 2], dtype=np.uint8)), mtime=0))
    got_images, got_labels = read_idx_pair(images, labels)
    np.testing.assert_array_equal(got_images, ARRAY)
    np.testing.assert_array_equal(got_labels, [4, 2])


def test_pair_with_count_mismatch_is_rejected(tmp_path):
    images, labels = tmp_path / "images", tmp_path / "labels"
    images.write_bytes(PAYLOAD)
    labels.write_bytes(idx_bytes(np.array([4, 2, 1], dtype=np.uint8)))
    with pytest.raises(IdxFormatError, match="holds 2 images but .*labels holds 3 labels"):
        read_idx_pair(images, labels)


def test_pair_with_swapped_files_is_rejected(tmp_path):
    images, labels = tmp_path / "images", tmp_path / "labels"
    images.write_bytes(PAYLOAD)
    labels.write_bytes(idx_bytes(np.array([4, 2], dtype=np.uint8)))
    with pytest.raises(IdxFormatError, match=r"3 dimensions, has 1\)"):
        read_idx_pair(labels, images)
