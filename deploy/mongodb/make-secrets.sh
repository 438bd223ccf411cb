#!/usr/bin/env bash
# Generates every secret the production MongoDB of CX Hub needs, as files in one folder
# (never committed: deploy/compose/secrets/ is ignored by git):
#   mongodb_admin_password        the root user `admin` (created on the first start)
#   mongodb_keyfile               replica-set members authenticate each other with it
#   mongodb_ca.crt                the CA the services and tools trust
#   mongodb.pem                   the members' TLS certificate and key (one PEM, as mongod wants)
#   mongodb_tls.crt, mongodb_tls.key   the same, separately (a Kubernetes TLS Secret)
#   cx_survey_db_password … cx_gateway_db_password   one per service database
#   cx_backup_db_password         the backup user (roles backup and restore)
# Passwords are 32 hex characters: safe inside a connection string without escaping.
# Existing files are kept, so running it again only fills in what is missing.
#
# The certificate is signed by a CA made here (valid 825 days) for the names the members
# and clients use: mongodb (Compose), mongodb-<n>.mongodb[.<namespace>.svc.cluster.local]
# (Kubernetes) and localhost. With cert-manager, issue the members' certificate from your
# issuer instead and keep only the passwords and keyfile from here.
#
# Usage: deploy/mongodb/make-secrets.sh OUTPUT_DIR [NAMESPACE] [MEMBERS]
set -euo pipefail
OUT="${1:?usage: make-secrets.sh OUTPUT_DIR [NAMESPACE] [MEMBERS]}"
NAMESPACE="${2:-cx-hub}"
MEMBERS="${3:-3}"
mkdir -p "$OUT"
chmod 700 "$OUT"
umask 077

password() { [ -s "$OUT/$1" ] || openssl rand -hex 16 | tr -d '\n' > "$OUT/$1"; }

password mongodb_admin_password
for db in survey metrics persona journey gateway backup; do
  password "cx_${db}_db_password"
done
[ -s "$OUT/mongodb_keyfile" ] || openssl rand -base64 756 > "$OUT/mongodb_keyfile"

if [ ! -s "$OUT/mongodb.pem" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  openssl req -x509 -newkey rsa:3072 -nodes -days 825 -subj "/CN=CX Hub MongoDB CA" \
    -keyout "$work/ca.key" -out "$OUT/mongodb_ca.crt" 2>/dev/null
  names="DNS:mongodb,DNS:localhost,IP:127.0.0.1"
  for i in $(seq 0 $((MEMBERS - 1))); do
    names="$names,DNS:mongodb-$i.mongodb,DNS:mongodb-$i.mongodb.$NAMESPACE.svc.cluster.local"
  done
  openssl req -newkey rsa:3072 -nodes -subj "/CN=mongodb" \
    -keyout "$OUT/mongodb_tls.key" -out "$work/server.csr" 2>/dev/null
  printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth,clientAuth\n' "$names" > "$work/ext"
  openssl x509 -req -in "$work/server.csr" -CA "$OUT/mongodb_ca.crt" -CAkey "$work/ca.key" \
    -CAcreateserial -CAserial "$work/ca.srl" -days 825 -extfile "$work/ext" -out "$OUT/mongodb_tls.crt" 2>/dev/null
  cat "$OUT/mongodb_tls.crt" "$OUT/mongodb_tls.key" > "$OUT/mongodb.pem"
fi
# the files are read by containers running as other users (mongodb: 999, services: 10001)
chmod 644 "$OUT"/*
chmod 755 "$OUT"
echo "secrets in $OUT: $(ls "$OUT" | tr '\n' ' ')"
