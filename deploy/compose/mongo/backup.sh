#!/usr/bin/env bash
# Backup and restore of CX Hub's MongoDB with mongodump/mongorestore, run inside a mongo:7
# container (Compose: the mongodb-backup service; Kubernetes: the mongodb-backup CronJob and
# the mongodb-restore Job, from a copy of this file in deploy/k8s/base/mongodb/).
#
#   backup.sh once               one archive: /backup/cx-hub-<UTC time>.archive.gz
#   backup.sh loop               one now, then every BACKUP_INTERVAL_SECONDS (Compose's schedule)
#   backup.sh list               the archives, newest last
#   backup.sh restore ARCHIVE    restores an archive (a file name in /backup, or `latest`):
#                                every collection it holds is dropped and reloaded
#
# An archive is a gzipped mongodump of every database with the oplog of the dump's
# duration (--oplog), so that it is a consistent point in time of the replica set; the
# restore replays it (--oplogReplay). Archives older than BACKUP_RETENTION_DAYS are deleted
# after each successful backup.
#
# Environment: MONGODB_HOSTS (mongodb:27017), MONGODB_OPTIONS (replicaSet=rs0&tls=true),
# MONGODB_CA_FILE (/run/secrets/mongodb_ca), BACKUP_PASSWORD_FILE
# (/run/secrets/cx_backup_db_password: user cx_backup, roles backup and restore),
# BACKUP_DIR (/backup), BACKUP_INTERVAL_SECONDS (86400), BACKUP_RETENTION_DAYS (14).
set -euo pipefail

HOSTS="${MONGODB_HOSTS:-mongodb:27017}"
OPTIONS="${MONGODB_OPTIONS:-replicaSet=rs0&tls=true}"
CA_FILE="${MONGODB_CA_FILE:-/run/secrets/mongodb_ca}"
PASSWORD_FILE="${BACKUP_PASSWORD_FILE:-/run/secrets/cx_backup_db_password}"
DIR="${BACKUP_DIR:-/backup}"
INTERVAL="${BACKUP_INTERVAL_SECONDS:-86400}"
RETENTION="${BACKUP_RETENTION_DAYS:-14}"

uri() {
  # the password file holds hex only (make-secrets.sh): safe in a URI
  printf 'mongodb://cx_backup:%s@%s/?authSource=admin&%s' "$(tr -d '\n' < "$PASSWORD_FILE")" "$HOSTS" "$OPTIONS"
}

backup_once() {
  local name="cx-hub-$(date -u +%Y%m%dT%H%M%SZ).archive.gz"
  # written under a temporary name: a crash never leaves a truncated archive that looks complete
  mongodump --uri "$(uri)&readPreference=secondaryPreferred" --tlsCAFile "$CA_FILE" \
    --oplog --gzip --archive="$DIR/.$name.partial" --quiet
  mv "$DIR/.$name.partial" "$DIR/$name"
  echo "backup written: $DIR/$name ($(du -h "$DIR/$name" | cut -f1))"
  find "$DIR" -maxdepth 1 -name 'cx-hub-*.archive.gz' -mtime +"$RETENTION" -print -delete
}

case "${1:-once}" in
  once)
    backup_once
    ;;
  loop)
    while true; do
      backup_once || echo "backup failed; next attempt in ${INTERVAL}s" >&2
      sleep "$INTERVAL"
    done
    ;;
  list)
    ls -1tr "$DIR" | grep -E '^cx-hub-.*\.archive\.gz$' || echo "no archive in $DIR"
    ;;
  restore)
    archive="${2:?restore needs an archive name (see: backup.sh list) or 'latest'}"
    if [ "$archive" = latest ]; then
      archive="$(ls -1t "$DIR" | grep -E '^cx-hub-.*\.archive\.gz$' | head -1)"
      [ -n "$archive" ] || { echo "no archive in $DIR" >&2; exit 1; }
    fi
    archive="$(basename "$archive")"
    [ -f "$DIR/$archive" ] || { echo "no archive $DIR/$archive" >&2; exit 1; }
    echo "restoring $archive"
    mongorestore --uri "$(uri)" --tlsCAFile "$CA_FILE" \
      --gzip --archive="$DIR/$archive" --oplogReplay --drop --nsExclude 'admin.*' --nsExclude 'config.*'
    echo "restored $archive"
    ;;
  *)
    echo "usage: backup.sh once|loop|list|restore ARCHIVE" >&2
    exit 2
    ;;
esac
