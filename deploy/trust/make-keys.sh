#!/usr/bin/env bash
# Generates the keys of service-to-service trust (docs/architecture.md, "Service-to-service
# trust"): one EC P-256 key pair per deployable, as files in one folder (never committed:
# deploy/compose/secrets/ is ignored by git):
#   <name>-key.pem        the deployable's signing key: PRIVATE KEY (PKCS#8) then PUBLIC KEY,
#                         for CX_TRUST_SIGNING_KEY (a Compose secret, a Kubernetes Secret)
#   public/<name>.pem     its public key, for the peers' CX_TRUST_TRUSTED_KEYS folder; the
#                         file name up to the first dot names the key's owner
# for name in gateway survey-service metrics-service persona-service journey-service.
# Existing keys are kept, so running it again only fills in what is missing.
#
# Rotation of one deployable's key without downtime:
#   1. make a new pair beside the old one:  make-keys.sh DIR --rotate gateway
#      (writes gateway-key.next.pem and public/gateway.next.pem)
#   2. deploy the public folder everywhere (every service now trusts both keys);
#   3. swap gateway-key.next.pem in as gateway-key.pem and redeploy the gateway;
#   4. once every token signed with the old key has expired (90 s), delete the old
#      public/gateway.pem, rename public/gateway.next.pem to it, and deploy the folder again.
#
# Usage: deploy/trust/make-keys.sh OUTPUT_DIR [--rotate NAME]
set -euo pipefail
OUT="${1:?usage: make-keys.sh OUTPUT_DIR [--rotate NAME]}"
NAMES=(gateway survey-service metrics-service persona-service journey-service)
mkdir -p "$OUT/public"

pair() { # pair NAME SUFFIX
  local name="$1" suffix="$2"
  local key="$OUT/$name-key$suffix.pem" pub="$OUT/public/$name$suffix.pem"
  if [ -s "$key" ]; then
    return
  fi
  (umask 077; openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$key.tmp")
  openssl pkey -in "$key.tmp" -pubout -out "$pub"
  cat "$pub" >> "$key.tmp"
  mv "$key.tmp" "$key"
}

if [ "${2:-}" = "--rotate" ]; then
  pair "${3:?--rotate needs the name of a deployable}" ".next"
else
  for name in "${NAMES[@]}"; do
    pair "$name" ""
  done
fi
# read by containers running as user 10001; keep OUTPUT_DIR itself private to you
chmod 644 "$OUT"/*.pem "$OUT"/public/*.pem
echo "keys in $OUT: $(cd "$OUT" && ls -- *.pem public/*.pem | tr '\n' ' ')"
