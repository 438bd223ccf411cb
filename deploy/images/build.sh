#!/usr/bin/env bash
# Builds the OCI images of the four services and the gateway without Docker, then checks them:
#   1. the Java base image (deploy/images/base_image.py: jlink of Debian's JDK, non-root user)
#      -> target/images/java-base.tar
#   2. ./mvnw -Pimages package: Jib's buildTar per deployable -> <module>/target/jib-image.tar,
#      tagged cx-hub/<module>:<version>, labelled with the version and this git commit
#   3. deploy/images/check_images.py: entrypoint, user, labels, ports, size; as root also
#      starts each image's JVM in a chroot as user 10001 (java --dry-run of the main class)
# Load a tarball with `docker load -i`, `podman load -i`, `skopeo copy docker-archive:…` or
# `ctr -n k8s.io images import`; push it to your registry from there.
#
# Usage: deploy/images/build.sh [extra Maven arguments, e.g. -Dmaven.repo.local=…]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$REPO"
COMMIT="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | sed -n 2p)"
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  echo "note: the work tree has uncommitted changes; the images are labelled with $COMMIT all the same"
fi

python3 deploy/images/base_image.py target/images/java-base.tar
./mvnw -q -Pimages package -DskipTests -Dcx.git.commit="$COMMIT" \
  -pl survey-service,metrics-service,persona-service,journey-service,gateway -am "$@"
RUN=()
# as root, also start each image's JVM in a chroot (no container runtime needed)
[ "$(id -u)" = 0 ] && command -v chroot >/dev/null && RUN=(--run)
python3 deploy/images/check_images.py --repo "$REPO" --version "$VERSION" --commit "$COMMIT" "${RUN[@]}"
