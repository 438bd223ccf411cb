#!/usr/bin/env bash
# Issue 9's scale benchmark in one command (docs/benchmarks.md, "Scale of the embedded default"):
# builds the one-jar and the benchmarks, starts cx-hub.jar with -Xmx768m in a child process,
# loads the responses, runs every scenario and appends a dated table to docs/benchmarks.md.
#   benchmarks/scale.sh                         # 1,000,000 responses
#   benchmarks/scale.sh --responses=100000      # a quicker run
# Extra Maven options (e.g. -Dmaven.repo.local=...) go in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q ${MAVEN_ARGS:-} -pl deploy/local -am install -DskipTests
./mvnw -q ${MAVEN_ARGS:-} -Pbench -pl benchmarks package -DskipTests
exec java -Xmx1g -Dloader.main=io.cxhub.bench.ScaleBenchmark -cp benchmarks/target/benchmarks.jar \
  org.springframework.boot.loader.launch.PropertiesLauncher --jar=deploy/local/target/cx-hub.jar "$@"
