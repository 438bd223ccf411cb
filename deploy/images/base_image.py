#!/usr/bin/env python3
"""Builds the CX Hub Java base image as a Docker-archive tarball, without Docker or a registry.

Jib takes it as `tar://` base (see the `images` profile of the root pom.xml). The image is
the Java runtime of this machine's Debian JDK (openjdk-17-jdk-headless), cut down by jlink
to the modules the services use, plus exactly the shared libraries it links (found with
ldd, copied from the Debian system), the CA certificates, fontconfig and the DejaVu fonts
(journey-service renders PNG exports with Batik), and a non-root user `cx` (10001).
Nothing is downloaded: the inputs are Debian packages already installed.

Usage: base_image.py OUTPUT.tar [--jdk /usr/lib/jvm/java-17-openjdk-amd64] [--tag cx-hub/java-base:17]
"""
import argparse
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

MODULES = [
    "java.se",            # the Java SE API (includes java.desktop for Batik's headless AWT)
    "jdk.unsupported",    # sun.misc.Unsafe: Netty, protobuf, Caffeine
    "jdk.crypto.ec",      # TLS with EC keys (MongoDB TLS, OIDC, webhooks over HTTPS)
    "jdk.crypto.cryptoki",
    "jdk.management",     # JVM metrics (Micrometer) and thread/heap MXBeans
    "jdk.naming.dns",     # mongodb+srv:// seed lists
    "jdk.zipfs",          # nested jars
    "jdk.localedata",     # French formats and collation
    "jdk.charsets",
    "jdk.net",
]
USER_ID = 10001
FONT_DIRS = ["/usr/share/fonts/truetype/dejavu"]
EXTRA_FILES = ["/etc/fonts", "/etc/ssl/certs/ca-certificates.crt"]
# loaded with dlopen, so ldd of the runtime does not list them
DLOPENED = ["libfontconfig.so.1", "libnss_dns.so.2", "libnss_files.so.2", "libresolv.so.2"]


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def shared_libraries(paths):
    """Every shared library the given ELF files need, transitively, as real file paths."""
    needed = set()
    for path in paths:
        try:
            out = run("ldd", str(path))
        except subprocess.CalledProcessError:
            continue  # not dynamic
        for line in out.splitlines():
            m = re.search(r"(/\S+) \(0x", line)
            if m and not m.group(1).startswith(str(paths[0]).split("/bin/")[0]):
                needed.add(m.group(1))
    return sorted(needed)


def find_library(name):
    for directory in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                      "/usr/lib/aarch64-linux-gnu"):
        candidate = Path(directory, name)
        if candidate.exists():
            return str(candidate)
    return None


def add_file(tar, source, arcname, mode=None):
    info = tar.gettarinfo(source, arcname)
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mtime = 0
    if mode is not None:
        info.mode = mode
    if info.isreg():
        with open(source, "rb") as f:
            tar.addfile(info, f)
    else:
        tar.addfile(info)


def add_dir(tar, arcname, mode=0o755, uid=0):
    info = tarfile.TarInfo(arcname)
    info.type = tarfile.DIRTYPE
    info.mode = mode
    info.uid = info.gid = uid
    info.mtime = 0
    tar.addfile(info)


def add_text(tar, arcname, text, mode=0o644):
    data = text.encode()
    info = tarfile.TarInfo(arcname)
    info.size = len(data)
    info.mode = mode
    info.mtime = 0
    tar.addfile(info, io.BytesIO(data))


def parents(path):
    parts = Path(path).parts[1:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def build_layer(jdk, workdir):
    runtime = Path(workdir, "java")
    run(str(Path(jdk, "bin/jlink")), "--add-modules", ",".join(MODULES), "--output", str(runtime),
        "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2")
    elves = [runtime / "bin/java", *runtime.rglob("*.so")]
    libraries = set(shared_libraries(elves))
    for name in DLOPENED:
        found = find_library(name)
        if found:
            libraries.add(found)
    # the dlopened libraries' own dependencies
    libraries |= set(shared_libraries([Path(p) for p in sorted(libraries)]))
    layer = Path(workdir, "layer.tar")
    with tarfile.open(layer, "w", format=tarfile.PAX_FORMAT) as tar:
        dirs = set()
        entries = []
        for library in sorted(libraries):
            # the content of the real file, at the path the dynamic linker looks up (e.g.
            # /lib/x86_64-linux-gnu/libc.so.6, /lib64/ld-linux-x86-64.so.2)
            entries.append((os.path.realpath(library), library.lstrip("/")))
        for path in [*FONT_DIRS, *EXTRA_FILES]:
            if not os.path.exists(path):
                continue
            if os.path.isdir(path):
                for root, _, files in os.walk(path):
                    for f in files:
                        full = os.path.join(root, f)
                        if os.path.exists(full):
                            entries.append((os.path.realpath(full), full.lstrip("/")))
            else:
                entries.append((os.path.realpath(path), path.lstrip("/")))
        for root, _, files in os.walk(runtime):
            for f in files:
                full = os.path.join(root, f)
                entries.append((os.path.realpath(full), "opt/java/" + os.path.relpath(full, runtime)))
        for _, target in entries:
            dirs.update(parents("/" + target))
        for d in sorted(dirs | {"etc", "opt", "home"}):
            add_dir(tar, d)
        add_dir(tar, "tmp", mode=0o1777)
        add_dir(tar, "home/cx", mode=0o750, uid=USER_ID)
        seen = set()
        for source, target in sorted(entries, key=lambda e: e[1]):
            if target in seen:
                continue
            seen.add(target)
            add_file(tar, source, target)
        add_text(tar, "etc/passwd", f"root:x:0:0:root:/root:/sbin/nologin\ncx:x:{USER_ID}:{USER_ID}:CX Hub:/home/cx:/sbin/nologin\n")
        add_text(tar, "etc/group", f"root:x:0:\ncx:x:{USER_ID}:\n")
        add_text(tar, "etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n")
    return layer


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--jdk", default="/usr/lib/jvm/java-17-openjdk-amd64")
    parser.add_argument("--tag", default="cx-hub/java-base:17")
    args = parser.parse_args()
    if not Path(args.jdk, "bin/jlink").exists():
        sys.exit(f"no jlink in {args.jdk}: install Debian's openjdk-17-jdk-headless")
    with tempfile.TemporaryDirectory() as workdir:
        layer = build_layer(args.jdk, workdir)
        diff_id = sha256(layer)
        arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)
        config = {
            "architecture": arch,
            "os": "linux",
            "config": {
                "Env": ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java", "LANG=C.UTF-8"],
                "User": f"{USER_ID}:{USER_ID}",
                "WorkingDir": "/home/cx",
                "Labels": {"org.opencontainers.image.description":
                           "Java 17 runtime (jlink of Debian's OpenJDK) for CX Hub services"},
            },
            "rootfs": {"type": "layers", "diff_ids": [f"sha256:{diff_id}"]},
            "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "deploy/images/base_image.py"}],
            "created": "1970-01-01T00:00:00Z",
        }
        config_bytes = json.dumps(config, sort_keys=True).encode()
        config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
        manifest = [{"Config": config_name, "RepoTags": [args.tag], "Layers": [f"{diff_id}/layer.tar"]}]
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(args.output, "w") as out:
            for name, data in ((config_name, config_bytes), ("manifest.json", json.dumps(manifest).encode())):
                info = tarfile.TarInfo(name)
                info.size = len(data)
                info.mtime = 0
                out.addfile(info, io.BytesIO(data))
            out.add(layer, f"{diff_id}/layer.tar")
    size = Path(args.output).stat().st_size
    print(f"{args.output}: {args.tag}, {size / 1e6:.1f} MB uncompressed")


if __name__ == "__main__":
    main()
