#!/usr/bin/env python3
"""Checks the OCI image tarballs Jib wrote (`jib:buildTar`, Docker-archive format).

For each deployable: the tarball exists and is at most --max-mb; the image runs as the
unprivileged numeric user 10001:10001 (Kubernetes' runAsNonRoot can verify a number, not a
name); the entrypoint is `java` with the deployable's main class and a class path whose
every entry is in the image; the JVM and the application are there (/opt/java/bin/java,
/app/classes); the ports are exposed; the OCI labels name the deployable, the version and a
git commit. Prints one line per image and exits 1 on any failure.

With --run (root, Linux): each image's file system is unpacked and its JVM started in a
chroot as user 10001 with `java -cp @/app/jib-classpath-file --dry-run <main class>` (the JVM
starts and loads the main class with the whole class path, without running it): no container
runtime needed.

Usage: check_images.py --repo . --version 0.1.0-SNAPSHOT [--commit SHA] [--max-mb 300] [--run]
"""
import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

DEPLOYABLES = {
    # name: (main class, exposed ports)
    "survey-service": ("io.cxhub.survey.SurveyServiceApplication", {"9091/tcp", "8081/tcp"}),
    "metrics-service": ("io.cxhub.metrics.MetricsServiceApplication", {"9092/tcp", "8082/tcp"}),
    "persona-service": ("io.cxhub.persona.PersonaServiceApplication", {"9093/tcp", "8083/tcp"}),
    "journey-service": ("io.cxhub.journey.JourneyServiceApplication", {"9094/tcp", "8084/tcp"}),
    "gateway": ("io.cxhub.gateway.GatewayApplication", {"8080/tcp", "8090/tcp"}),
}
USER = "10001:10001"


def layer_paths(archive, layer_names, wanted=()):
    """Every path in the image's file system (all layers), without a leading slash, and the
    text of the files named in `wanted`."""
    paths, texts = set(), {}
    for name in layer_names:
        member = archive.extractfile(name)
        with tarfile.open(fileobj=member, mode="r:*") as layer:
            for entry in layer:
                path = entry.name.lstrip("./").lstrip("/").rstrip("/")
                paths.add(path)
                if path in wanted and entry.isfile():
                    texts[path] = layer.extractfile(entry).read().decode()
    return paths, texts


def check(path, name, version, commit, max_mb):
    failures = []
    main_class, ports = DEPLOYABLES[name]
    size_mb = path.stat().st_size / 1e6
    if size_mb > max_mb:
        failures.append(f"{size_mb:.0f} MB, more than {max_mb} MB")
    with tarfile.open(path) as archive:
        manifest = json.load(archive.extractfile("manifest.json"))[0]
        config = json.load(archive.extractfile(manifest["Config"]))
        files, texts = layer_paths(archive, manifest["Layers"], wanted=("app/jib-classpath-file",))
    c = config.get("config", {})
    tags = manifest.get("RepoTags") or []
    if not any(t.split("/")[-1] == f"{name}:{version}" for t in tags):
        failures.append(f"tagged {tags}, expected .../{name}:{version}")
    user = c.get("User", "")
    if user != USER:
        failures.append(f"user is '{user}', expected {USER}")
    entrypoint = c.get("Entrypoint") or []
    if not entrypoint or entrypoint[0] != "java" or main_class not in entrypoint:
        failures.append(f"entrypoint {entrypoint} is not java … {main_class}")
    if "-cp" in entrypoint:
        classpath = entrypoint[entrypoint.index("-cp") + 1]
        if classpath.startswith("@"):
            # Java's @argfile: Jib writes the class path into a file of the image
            argfile = classpath[1:].lstrip("/")
            if argfile not in texts:
                failures.append(f"class path file {classpath[1:]} is not in the image")
            classpath = texts.get(argfile, "").strip()
        for entry in classpath.split(":"):
            if not entry:
                continue
            directory = entry.rstrip("*").rstrip("/").lstrip("/")
            if not any(f == directory or f.startswith(directory + "/") for f in files):
                failures.append(f"class path entry {entry} is not in the image")
    for required in ("opt/java/bin/java", "app/classes", "etc/passwd", "tmp"):
        if required not in files:
            failures.append(f"/{required} missing")
    if not any(re.fullmatch(r"app/libs/service-kit-.*\.jar", f) for f in files):
        failures.append("service-kit jar missing from /app/libs")
    exposed = set((c.get("ExposedPorts") or {}).keys())
    if not ports <= exposed:
        failures.append(f"exposes {sorted(exposed)}, expected {sorted(ports)}")
    labels = c.get("Labels") or {}
    expected = {
        "org.opencontainers.image.title": name,
        "org.opencontainers.image.version": version,
    }
    for key, value in expected.items():
        if labels.get(key) != value:
            failures.append(f"label {key} is {labels.get(key)!r}, expected {value!r}")
    revision = labels.get("org.opencontainers.image.revision", "")
    if commit and revision != commit:
        failures.append(f"label revision is {revision!r}, expected {commit}")
    elif not re.fullmatch(r"[0-9a-f]{40}", revision):
        failures.append(f"label revision {revision!r} is not a git commit")
    return size_mb, len(manifest["Layers"]), failures


def run_main_class(path, main_class):
    """Starts the image's JVM in a chroot as 10001 and loads the main class (--dry-run)."""
    with tempfile.TemporaryDirectory() as root, tarfile.open(path) as archive:
        Path(root).chmod(0o755)  # the image's / must be readable by its user
        manifest = json.load(archive.extractfile("manifest.json"))[0]
        for name in manifest["Layers"]:
            with tarfile.open(fileobj=archive.extractfile(name), mode="r:*") as layer:
                layer.extractall(root)
        proc = Path(root, "proc")
        proc.mkdir(exist_ok=True)
        subprocess.run(["mount", "-t", "proc", "proc", str(proc)], check=True)
        try:
            result = subprocess.run(
                ["chroot", "--userspec=" + USER, root, "/opt/java/bin/java", "-cp", "@/app/jib-classpath-file",
                 "--dry-run", main_class], capture_output=True, text=True, timeout=300)
        finally:
            subprocess.run(["umount", str(proc)], check=False)
        return result.returncode, (result.stdout + result.stderr).strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", default=".")
    parser.add_argument("--version", required=True)
    parser.add_argument("--commit")
    parser.add_argument("--max-mb", type=float, default=300)
    parser.add_argument("--run", action="store_true", help="also start each image's JVM in a chroot (root only)")
    args = parser.parse_args()
    failed = 0
    for name in DEPLOYABLES:
        path = Path(args.repo, name, "target/jib-image.tar")
        if not path.exists():
            print(f"FAIL {name}: no {path} (run deploy/images/build.sh)")
            failed += 1
            continue
        size_mb, layers, failures = check(path, name, args.version, args.commit, args.max_mb)
        if args.run and not failures:
            code, output = run_main_class(path, DEPLOYABLES[name][0])
            if code != 0:
                failures.append(f"java --dry-run {DEPLOYABLES[name][0]} failed ({code}): {output[-500:]}")
        for failure in failures:
            print(f"FAIL {name}: {failure}")
        if failures:
            failed += 1
        else:
            started = ", JVM and main class load as 10001" if args.run else ""
            print(f"ok   {name}: {size_mb:.0f} MB, {layers} layers, user {USER}, labels and entrypoint as expected{started}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
