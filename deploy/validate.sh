#!/usr/bin/env bash
# Offline checks of the deployment files (no Docker engine, no cluster needed):
#   1. yamllint over deploy/compose and deploy/k8s
#   2. Compose: `docker compose config` (or `docker-compose config`), then the Compose-spec
#      JSON schema
#   3. Kubernetes: render the base and each overlay with kustomize (`kubectl kustomize`),
#      validate every object against the Kubernetes schemas (kubernetes-models)
#   4. consistency: names, ports, labels, selectors, probes, hardening, NetworkPolicies,
#      Compose vs Kubernetes vs the modules' application.yml (tools/check_manifests.py)
#   5. scripts: syntax of the MongoDB users script and the shell scripts, the Kubernetes
#      copies of the MongoDB scripts identical to Compose's, the trust keys make-keys.sh makes
#   6. observability: Prometheus alert rules (promtool check rules, and their unit tests
#      with promtool test rules), the Grafana dashboard's structure and every one of its
#      PromQL queries (tools/check_dashboard.py, parsed by promtool)
# Missing tools are installed from Debian packages (apt-get) and the npm registry.
#
# Usage: deploy/validate.sh          exit code 0 when every check passes
set -euo pipefail

DEPLOY="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$DEPLOY")"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
failures=0

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
have() { command -v "$1" >/dev/null 2>&1; }

apt_updated=false
apt_install() {
  if [ "$(id -u)" != 0 ] || ! have apt-get; then
    echo "missing $*: install it (apt-get as root)"; return 1
  fi
  if [ "$apt_updated" = false ]; then apt-get update -qq >/dev/null; apt_updated=true; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# ---------------------------------------------------------------- tools
have yamllint || apt_install yamllint || true
# promtool comes with Debian's prometheus package
have promtool || apt_install prometheus || true
have node || apt_install nodejs npm || true
PYTHON=python3
if ! "$PYTHON" -c 'import yaml' 2>/dev/null; then
  apt_install python3-yaml || true
  PYTHON=/usr/bin/python3
fi
if docker compose version >/dev/null 2>&1; then
  COMPOSE=(docker compose)
else
  have docker-compose || apt_install docker-compose || true
  COMPOSE=(docker-compose)
fi
if have kubectl; then
  KUSTOMIZE=(kubectl kustomize)
elif have kustomize; then
  KUSTOMIZE=(kustomize build)
else
  apt_install kubectl || true
  KUSTOMIZE=(kubectl kustomize)
fi
if have npm && [ ! -d "$DEPLOY/tools/node_modules/kubernetes-models" ]; then
  # exact versions are pinned in tools/package.json; no lock file is kept
  (cd "$DEPLOY/tools" && npm install --no-package-lock --no-audit --no-fund --silent)
fi

# ---------------------------------------------------------------- 1. YAML lint
step "yamllint"
if have yamllint; then
  yamllint -c "$DEPLOY/.yamllint.yaml" "$DEPLOY/compose" "$DEPLOY/k8s" && echo "ok   YAML lint" || fail "yamllint"
else
  fail "yamllint not available"
fi

# ---------------------------------------------------------------- 2. Compose
step "Compose"
if "${COMPOSE[@]}" version >/dev/null 2>&1; then
  if "${COMPOSE[@]}" --project-directory "$DEPLOY/compose" --env-file "$DEPLOY/compose/.env.example" \
      -f "$DEPLOY/compose/compose.yaml" config -q; then
    echo "ok   ${COMPOSE[*]} config"
  else
    fail "${COMPOSE[*]} config"
  fi
else
  fail "neither 'docker compose' nor docker-compose is available"
fi
node "$DEPLOY/tools/validate-schemas.mjs" compose "$DEPLOY/compose/compose.yaml" || fail "Compose-spec schema"

# ---------------------------------------------------------------- 3. Kubernetes
step "Kubernetes: render and schema-validate"
rendered=()
for target in base overlays/dev overlays/prod; do
  file="$OUT/$(basename "$target").yaml"
  if "${KUSTOMIZE[@]}" "$DEPLOY/k8s/$target" > "$file"; then
    echo "ok   rendered k8s/$target: $(grep -c '^kind:' "$file") objects"
    rendered+=("$file")
  else
    fail "kustomize k8s/$target"
  fi
done
if [ ${#rendered[@]} -gt 0 ]; then
  node "$DEPLOY/tools/validate-schemas.mjs" k8s "${rendered[@]}" || fail "Kubernetes schemas"
fi

# ---------------------------------------------------------------- 4. consistency
step "Consistency of names, ports, labels, probes, policies"
if [ -f "$OUT/dev.yaml" ] && [ -f "$OUT/prod.yaml" ]; then
  "$PYTHON" "$DEPLOY/tools/check_manifests.py" \
    --overlay dev "$OUT/dev.yaml" --overlay prod "$OUT/prod.yaml" \
    --compose "$DEPLOY/compose/compose.yaml" --repo "$REPO" || fail "consistency"
else
  fail "consistency: overlays did not render"
fi

# ---------------------------------------------------------------- 5. scripts
step "Scripts"
node --check "$DEPLOY/compose/mongo/create-service-users.js" && echo "ok   mongo/create-service-users.js parses" \
  || fail "create-service-users.js"
for script in compose/mongo/backup.sh compose/mongo/restore.sh k8s/make-secrets.sh k8s/restore.sh \
    mongodb/make-secrets.sh images/build.sh trust/make-keys.sh; do
  bash -n "$DEPLOY/$script" && echo "ok   $script parses" || fail "$script"
done
# the trust keys as the services read them: PRIVATE KEY then PUBLIC KEY, public/<name>.pem
if bash "$DEPLOY/trust/make-keys.sh" "$OUT/trust" >/dev/null \
    && [ "$(grep -c -- '-----BEGIN' "$OUT/trust/gateway-key.pem")" = 2 ] \
    && grep -q -- '-----BEGIN PUBLIC KEY-----' "$OUT/trust/public/survey-service.pem" \
    && [ "$(ls "$OUT/trust/public" | wc -l)" = 5 ]; then
  echo "ok   trust/make-keys.sh makes a key pair per deployable"
else
  fail "trust/make-keys.sh"
fi
# Kubernetes mounts the scripts from a ConfigMap generated inside its kustomization: copies
for copy in create-service-users.js backup.sh; do
  cmp -s "$DEPLOY/compose/mongo/$copy" "$DEPLOY/k8s/base/mongodb/$copy" \
    && echo "ok   k8s/base/mongodb/$copy is compose/mongo/$copy" \
    || fail "k8s/base/mongodb/$copy differs from compose/mongo/$copy (copy it again)"
done
"$PYTHON" -m py_compile "$DEPLOY/images/base_image.py" "$DEPLOY/images/check_images.py" \
  && echo "ok   images/*.py compile" || fail "images/*.py"

# ---------------------------------------------------------------- 6. observability
step "Observability: alert rules and dashboard"
OBS="$DEPLOY/observability"
yamllint -c "$DEPLOY/.yamllint.yaml" "$OBS" && echo "ok   YAML lint (observability)" || fail "yamllint observability"
if have promtool; then
  promtool check rules "$OBS/alert-rules.yaml" || fail "promtool check rules"
  (cd "$OBS" && promtool test rules alert-rules.test.yaml) || fail "promtool test rules"
  if "$PYTHON" "$DEPLOY/tools/check_dashboard.py" "$OBS/grafana-dashboard.json" --rules-out "$OUT/dashboard-queries.yaml"; then
    promtool check rules "$OUT/dashboard-queries.yaml" >/dev/null && echo "ok   dashboard queries parse" \
      || { promtool check rules "$OUT/dashboard-queries.yaml"; fail "dashboard queries"; }
  else
    fail "dashboard structure"
  fi
else
  fail "promtool not available (Debian package prometheus)"
fi

echo
if [ "$failures" -eq 0 ]; then
  echo "deploy/validate.sh: all checks passed"
else
  echo "deploy/validate.sh: $failures check(s) failed"
  exit 1
fi
