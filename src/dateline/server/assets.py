"""The web UI's third-party files (Leaflet, topojson-client, world-atlas), installed at build time.

Each package comes from the npm registry through ``npm pack`` at the exact
version of ``assets.lock.json``; the tarball's sha512 must equal the lock's
integrity before anything is extracted, and only the files the lock names
are written, into ``static/vendor/`` (not under version control).  Nothing is
fetched while the server runs.

    python -m dateline.server.assets            # install what is missing or stale
    python -m dateline.server.assets --check    # exit 1 if anything is missing
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

LOCK = Path(__file__).with_name("assets.lock.json")
VENDOR = Path(__file__).with_name("static") / "vendor"
STAMP = ".installed"


class AssetError(RuntimeError):
    """An asset could not be fetched or did not match the lock."""


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    integrity: str
    files: dict[str, str]

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"


def locked_packages(lock: Path = LOCK) -> list[Package]:
    data = json.loads(lock.read_text(encoding="utf-8"))
    return [Package(p["name"], p["version"], p["integrity"], dict(p["files"])) for p in data["packages"]]


def missing(vendor: Path = VENDOR, lock: Path = LOCK) -> list[str]:
    """Vendor files (relative paths) that are absent; empty when the UI has everything."""
    return [dest for package in locked_packages(lock) for dest in package.files.values()
            if not (vendor / dest).is_file()]


def integrity_of(path: Path) -> str:
    """The npm/SRI form of a file's digest: ``sha512-<base64>``."""
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def _stamp(vendor: Path, package: Package) -> Path:
    return vendor / package.name / STAMP


def _current(vendor: Path, package: Package) -> bool:
    stamp = _stamp(vendor, package)
    return (stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == package.integrity
            and all((vendor / dest).is_file() for dest in package.files.values()))


def fetch(package: Package, workdir: Path, npm: str = "npm") -> Path:
    """Download the package tarball with ``npm pack`` and check it against the lock."""
    if shutil.which(npm) is None:
        raise AssetError(f"'{npm}' is not installed; install Node.js and npm (Debian: apt-get install npm), "
                         "then run: python -m dateline.server.assets")
    result = subprocess.run([npm, "pack", package.spec, "--pack-destination", str(workdir), "--json",
                             "--silent"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise AssetError(f"npm pack {package.spec} failed: {result.stderr.strip() or result.stdout.strip()}")
    filename = json.loads(result.stdout)[0]["filename"]
    tarball = workdir / filename
    actual = integrity_of(tarball)
    if actual != package.integrity:
        raise AssetError(f"{package.spec}: integrity mismatch, expected {package.integrity}, got {actual}")
    return tarball


def extract(tarball: Path, package: Package, vendor: Path) -> None:
    """Write only the files the lock names; paths inside the tarball are never used as targets."""
    with tarfile.open(tarball, "r:gz") as archive:
        for member_name, dest in package.files.items():
            member = archive.getmember(member_name)
            source = archive.extractfile(member)
            if source is None:
                raise AssetError(f"{package.spec}: {member_name} is not a regular file")
            target = vendor / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read())
    _stamp(vendor, package).write_text(package.integrity + "\n", encoding="utf-8")


def install(vendor: Path = VENDOR, lock: Path = LOCK, *, force: bool = False, npm: str = "npm",
            log=print) -> list[str]:
    """Install every locked package not already present at its locked version; returns the specs installed."""
    installed = []
    with tempfile.TemporaryDirectory(prefix="dateline-assets-") as tmp:
        for package in locked_packages(lock):
            if not force and _current(vendor, package):
                continue
            tarball = fetch(package, Path(tmp), npm)
            extract(tarball, package, vendor)
            installed.append(package.spec)
            log(f"installed {package.spec} ({len(package.files)} files, {package.integrity[:20]}…)")
    return installed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.server.assets", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report missing files (exit 1 if any)")
    parser.add_argument("--force", action="store_true", help="reinstall even if present")
    parser.add_argument("--dest", type=Path, default=VENDOR, help="vendor directory (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.check:
        absent = missing(args.dest)
        for name in absent:
            print(f"missing: {name}")
        return 1 if absent else 0
    try:
        done = install(args.dest, force=args.force)
    except AssetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if not done:
        print(f"web assets up to date in {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
