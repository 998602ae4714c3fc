"""Tests of the verified mirror download against a real loopback HTTP server."""

import gzip
import hashlib
import http.server
import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from digit_clustering.data.download import DownloadError, fetch_verified

pytestmark = pytest.mark.unit

NAME = "train-labels-idx1-ubyte.gz"
PAYLOAD = b"some payload " * 100
GOOD = gzip.compress(PAYLOAD, mtime=0)
GOOD_MD5 = hashlib.md5(PAYLOAD).hexdigest()
GOOD_ARCHIVE_MD5 = hashlib.md5(GOOD).hexdigest()
WRONG = gzip.compress(b"another payload " * 100, mtime=0)
HTML = b"<!DOCTYPE html><html><body>Service unavailable</body></html>"

STALL_BODY = "stall-body"  # send headers announcing a body, then nothing
STALL_SILENT = "stall-silent"  # accept the request, then send nothing at all


class _Handler(http.server.BaseHTTPRequestHandler):
    server: "_Server"

    def do_GET(self) -> None:  # noqa: N802 (name required by BaseHTTPRequestHandler)
        route = self.server.routes.get(self.path, (404, b"not found"))
        if route == STALL_SILENT:
            self.server.release.wait(10)
            return
        if route == STALL_BODY:
            self.send_response(200)
            self.send_header("Content-Length", str(len(GOOD)))
            self.end_headers()
            self.wfile.flush()
            self.server.release.wait(10)
            return
        status, body = route
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, tuple[int, bytes] | str] = {}
        self.release = threading.Event()

    def mirror(self, name: str) -> str:
        """URL of a mirror whose files are served under /name/."""
        return f"http://127.0.0.1:{self.server_address[1]}/{name}"

    def serve(self, name: str, route: tuple[int, bytes] | str) -> str:
        """Serve `route` as mirror `name`'s copy of NAME; return that mirror's URL."""
        self.routes[f"/{name}/{NAME}"] = route
        return self.mirror(name)


@pytest.fixture
def server() -> Iterator[_Server]:
    server = _Server()
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def destination(tmp_path: Path) -> Path:
    return tmp_path / "raw" / NAME


@pytest.fixture(autouse=True)
def _log_info(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="digit_clustering.data.download")


def _leftovers(destination: Path) -> list[str]:
    return sorted(path.name for path in destination.parent.iterdir() if path != destination)


def test_first_mirror_ok(server: _Server, destination: Path) -> None:
    mirror = server.serve("a", (200, GOOD))
    source = fetch_verified(NAME, GOOD_MD5, [mirror], destination, timeout=5)
    assert source == f"{mirror}/{NAME}"
    assert destination.read_bytes() == GOOD
    assert _leftovers(destination) == []


def test_checksum_mismatch_falls_back(
    server: _Server, destination: Path, caplog: pytest.LogCaptureFixture
) -> None:
    mirrors = [server.serve("bad", (200, WRONG)), server.serve("good", (200, GOOD))]
    source = fetch_verified(NAME, GOOD_MD5, mirrors, destination, timeout=5)
    assert source == f"{mirrors[1]}/{NAME}"
    assert destination.read_bytes() == GOOD
    assert f"!= expected {GOOD_MD5}" in caplog.text
    assert f"{mirrors[0]}/{NAME}" in caplog.text


def test_recompressed_payload_accepted(server: _Server, destination: Path) -> None:
    recompressed = gzip.compress(PAYLOAD, compresslevel=1, mtime=123456)
    assert recompressed != GOOD
    mirror = server.serve("a", (200, recompressed))
    fetch_verified(NAME, GOOD_MD5, [mirror], destination, timeout=5)
    assert destination.read_bytes() == recompressed


def test_http_404_falls_back(
    server: _Server, destination: Path, caplog: pytest.LogCaptureFixture
) -> None:
    mirrors = [server.mirror("missing"), server.serve("good", (200, GOOD))]
    assert fetch_verified(NAME, GOOD_MD5, mirrors, destination, timeout=5).startswith(mirrors[1])
    assert "HTTP 404 Not Found" in caplog.text


def test_every_mirror_bad(server: _Server, destination: Path) -> None:
    mirrors = [
        server.mirror("missing"),
        server.serve("wrong", (200, WRONG)),
        server.serve("html", (200, HTML)),
    ]
    with pytest.raises(DownloadError) as raised:
        fetch_verified(NAME, GOOD_MD5, mirrors, destination, timeout=5)
    lines = str(raised.value).splitlines()
    assert lines[0] == f"could not fetch {NAME} from any of 3 mirrors:"
    assert lines[1] == f"  - {mirrors[0]}/{NAME}: HTTP 404 Not Found"
    assert lines[2].startswith(f"  - {mirrors[1]}/{NAME}: payload md5 ")
    assert lines[3] == (
        f"  - {mirrors[2]}/{NAME}: not a gzip file (starts with b'<!DOCTYPE'...): "
        "the mirror served an error page?"
    )
    assert "mnist_mirror" in lines[4]
    assert not destination.exists()
    assert _leftovers(destination) == []


def test_a_checksum_mismatch_on_every_mirror_names_each_and_keeps_nothing(
    server: _Server, destination: Path
) -> None:
    mirrors = [server.serve("one", (200, WRONG)), server.serve("two", (200, WRONG))]
    with pytest.raises(DownloadError) as raised:
        fetch_verified(NAME, GOOD_MD5, mirrors, destination, timeout=5)
    lines = str(raised.value).splitlines()
    assert lines[0] == f"could not fetch {NAME} from any of 2 mirrors:"
    for line, mirror in zip(lines[1:3], mirrors, strict=True):
        assert line.startswith(f"  - {mirror}/{NAME}: payload md5 ")
        assert line.endswith(f"!= expected {GOOD_MD5}")
    assert not destination.exists()
    assert _leftovers(destination) == []


def test_no_mirror_configured(destination: Path) -> None:
    with pytest.raises(DownloadError, match="no mirror is configured"):
        fetch_verified(NAME, GOOD_MD5, [], destination)
    assert not destination.exists()


def test_truncated_gzip_falls_back(
    server: _Server, destination: Path, caplog: pytest.LogCaptureFixture
) -> None:
    mirrors = [
        server.serve("truncated", (200, GOOD[: len(GOOD) // 2])),
        server.serve("good", (200, GOOD)),
    ]
    assert fetch_verified(NAME, GOOD_MD5, mirrors, destination, timeout=5).startswith(mirrors[1])
    assert "corrupt or truncated gzip" in caplog.text
    assert destination.read_bytes() == GOOD


@pytest.mark.parametrize("stall", [STALL_BODY, STALL_SILENT])
def test_stalled_server_times_out(
    server: _Server, destination: Path, caplog: pytest.LogCaptureFixture, stall: str
) -> None:
    mirrors = [server.serve("stall", stall), server.serve("good", (200, GOOD))]
    start = time.monotonic()
    source = fetch_verified(NAME, GOOD_MD5, mirrors, destination, timeout=0.5)
    assert time.monotonic() - start < 5
    assert source.startswith(mirrors[1])
    assert "timed out after 0.5 s without data" in caplog.text
    assert destination.read_bytes() == GOOD


def test_connection_refused_falls_back(
    server: _Server, destination: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mirrors = [f"http://127.0.0.1:{port}/", server.serve("good", (200, GOOD))]
    assert fetch_verified(NAME, GOOD_MD5, mirrors, destination, timeout=5).startswith(mirrors[1])
    assert f"http://127.0.0.1:{port}/{NAME}: connection failed" in caplog.text


def test_local_directory_and_file_url(
    tmp_path: Path, destination: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = tmp_path / "mirror"
    local.mkdir()
    (local / NAME).write_bytes(GOOD)
    empty = tmp_path / "empty"
    empty.mkdir()

    monkeypatch.chdir(tmp_path)
    source = fetch_verified(NAME, GOOD_MD5, ["empty", "mirror"], destination)
    assert source == str(Path("mirror") / NAME)
    assert destination.read_bytes() == GOOD

    destination.unlink()
    source = fetch_verified(NAME, GOOD_MD5, [empty.as_uri(), local.as_uri()], destination)
    assert source == f"{local.as_uri()}/{NAME}"
    assert destination.read_bytes() == GOOD
    assert _leftovers(destination) == []


def test_missing_local_file_reason(tmp_path: Path, destination: Path) -> None:
    with pytest.raises(DownloadError) as raised:
        fetch_verified(NAME, GOOD_MD5, [str(tmp_path), tmp_path.as_uri()], destination)
    assert str(raised.value).count(": no such file") == 2


def test_existing_destination_untouched_on_failure(server: _Server, destination: Path) -> None:
    destination.parent.mkdir(parents=True)
    destination.write_bytes(b"old content")
    mirrors = [server.mirror("missing"), server.serve("wrong", (200, WRONG))]
    with pytest.raises(DownloadError):
        fetch_verified(NAME, GOOD_MD5, mirrors, destination, timeout=5)
    assert destination.read_bytes() == b"old content"
    assert _leftovers(destination) == []


def test_progress_is_logged(
    server: _Server, destination: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fetch_verified(NAME, GOOD_MD5, [server.serve("a", (200, GOOD))], destination, timeout=5)
    assert "fetching " in caplog.text
    assert "100 %" in caplog.text
    assert f"verified {NAME} (payload md5 {GOOD_MD5})" in caplog.text


def test_a_published_archive_md5_accepts_that_archive(server: _Server, destination: Path) -> None:
    mirror = server.serve("a", (200, GOOD))
    fetch_verified(NAME, GOOD_ARCHIVE_MD5, [mirror], destination, timeout=5, md5_of="archive")
    assert destination.read_bytes() == GOOD


def test_an_archive_md5_refuses_a_recompressed_copy(server: _Server, destination: Path) -> None:
    recompressed = gzip.compress(PAYLOAD, compresslevel=1, mtime=123456)
    mirror = server.serve("a", (200, recompressed))
    with pytest.raises(
        DownloadError, match=f"archive md5 [0-9a-f]{{32}} != expected {GOOD_ARCHIVE_MD5}"
    ):
        fetch_verified(NAME, GOOD_ARCHIVE_MD5, [mirror], destination, timeout=5, md5_of="archive")
    assert not destination.exists() and _leftovers(destination) == []


def test_an_archive_md5_still_needs_a_whole_gzip(server: _Server, destination: Path) -> None:
    truncated = GOOD[: len(GOOD) // 2]
    mirror = server.serve("a", (200, truncated))
    md5 = hashlib.md5(truncated).hexdigest()
    with pytest.raises(DownloadError, match="corrupt or truncated gzip"):
        fetch_verified(NAME, md5, [mirror], destination, timeout=5, md5_of="archive")


def test_an_unknown_md5_kind_is_refused(destination: Path) -> None:
    with pytest.raises(ValueError, match="md5_of must be one of"):
        fetch_verified(NAME, GOOD_MD5, ["/nowhere"], destination, md5_of="sha1")
