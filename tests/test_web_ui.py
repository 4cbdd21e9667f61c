"""The web UI's server side: vendor assets checked against the lock, and the pages served without them."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from dateline.server import assets

fastapi = pytest.importorskip("fastapi")


def make_tarball(path: Path, files: dict[str, bytes]) -> str:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    path.write_bytes(buffer.getvalue())
    return "sha512-" + base64.b64encode(hashlib.sha512(buffer.getvalue()).digest()).decode()


def write_lock(path: Path, integrity: str) -> Path:
    path.write_text(json.dumps({"packages": [{
        "name": "demo", "version": "1.0.0", "integrity": integrity,
        "files": {"package/dist/demo.js": "demo/demo.js"}}]}))
    return path


def test_the_lock_pins_every_package_by_version_and_sha512():
    packages = assets.locked_packages()
    assert {p.name for p in packages} == {"leaflet", "topojson-client", "world-atlas"}
    for package in packages:
        assert package.version.count(".") == 2 and package.integrity.startswith("sha512-")
        assert all(not dest.startswith(("/", "..")) for dest in package.files.values())


def test_missing_lists_every_file_of_an_empty_vendor_dir(tmp_path):
    lock = write_lock(tmp_path / "lock.json", "sha512-x")
    assert assets.missing(tmp_path / "vendor", lock) == ["demo/demo.js"]


def test_extract_writes_only_the_locked_files(tmp_path):
    tarball = tmp_path / "demo-1.0.0.tgz"
    integrity = make_tarball(tarball, {"package/dist/demo.js": b"ok()", "package/../../evil.js": b"no"})
    package = assets.locked_packages(write_lock(tmp_path / "lock.json", integrity))[0]
    assert assets.integrity_of(tarball) == integrity
    vendor = tmp_path / "vendor"
    assets.extract(tarball, package, vendor)
    assert (vendor / "demo" / "demo.js").read_bytes() == b"ok()"
    assert sorted(p.name for p in vendor.rglob("*") if p.is_file()) == [".installed", "demo.js"]
    assert assets._current(vendor, package)


def test_a_tarball_that_does_not_match_the_lock_is_refused(tmp_path, monkeypatch):
    tarball = tmp_path / "demo-1.0.0.tgz"
    make_tarball(tarball, {"package/dist/demo.js": b"tampered()"})
    package = assets.locked_packages(write_lock(tmp_path / "lock.json", "sha512-AAAA"))[0]

    class Packed:
        returncode = 0
        stdout = json.dumps([{"filename": tarball.name}])
        stderr = ""

    monkeypatch.setattr(assets.shutil, "which", lambda name: "/usr/bin/npm")
    monkeypatch.setattr(assets.subprocess, "run", lambda *a, **k: Packed())
    with pytest.raises(assets.AssetError, match="integrity mismatch"):
        assets.fetch(package, tmp_path)


def test_without_npm_the_error_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(assets.shutil, "which", lambda name: None)
    package = assets.locked_packages()[0]
    with pytest.raises(assets.AssetError, match="python -m dateline.server.assets"):
        assets.fetch(package, tmp_path)


def ui_app():
    from fastapi import FastAPI

    from dateline.server.web import mount_ui

    app = FastAPI()
    mount_ui(app)
    return app


def test_the_page_and_its_files_are_served_and_marked_missing_without_assets(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    monkeypatch.setattr(assets, "VENDOR", tmp_path / "no-vendor")
    client = TestClient(ui_app())
    page = client.get("/")
    assert page.status_code == 200
    assert 'data-vendor="missing"' in page.text and '<a class="skip-link" href="#main">' in page.text
    assert client.get("/static/js/app.js").headers["content-type"].startswith(("text/javascript",
                                                                                "application/javascript"))
    assert client.get("/static/css/app.css").status_code == 200
    status = client.get("/ui/assets").json()
    assert status["installed"] is False and "leaflet/leaflet.js" in status["missing"]


def test_leaflet_gets_elements_not_html_strings():
    # Leaflet inserts a string popup or tooltip as HTML; names from the store must go in as elements.
    import re

    static = Path(assets.__file__).with_name("static") / "js"
    for script in static.rglob("*.js"):
        code = script.read_text(encoding="utf-8")
        assert not re.search(r"\.(bindPopup|bindTooltip|setContent|setTooltipContent|setPopupContent)\(\s*[`'\"]",
                             code), script.name
        assert "innerHTML" not in code and "insertAdjacentHTML" not in code, script.name
