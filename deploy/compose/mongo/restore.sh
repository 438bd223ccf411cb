#!/usr/bin/env bash
# Restores CX Hub's MongoDB from an archive of the mongodb-backup service (Compose).
#
#   deploy/compose/mongo/restore.sh --list        the archives in the mongo-backup volume
#   deploy/compose/mongo/restore.sh latest        the newest one
#   deploy/compose/mongo/restore.sh cx-hub-20261203T020000Z.archive.gz
#
# Stops the gateway and the services (no write may land during the restore), restores
# every collection the archive holds (each is dropped, then reloaded; users and the
# replica-set configuration are left alone), then starts them again and waits for them to
# be healthy. Run a fresh backup first if the current data may still be needed:
#   docker compose -f deploy/compose/compose.yaml exec mongodb-backup bash /scripts/backup.sh once
set -euo pipefail
COMPOSE=(docker compose -f "$(cd "$(dirname "$0")/.." && pwd)/compose.yaml")
docker compose version >/dev/null 2>&1 || COMPOSE=(docker-compose -f "$(cd "$(dirname "$0")/.." && pwd)/compose.yaml")
APPS=(gateway survey-service metrics-service persona-service journey-service)

case "${1:-}" in
  ""|-h|--help)
    sed -n '2,12p' "$0"; exit 2 ;;
  --list)
    exec "${COMPOSE[@]}" run --rm --no-deps mongodb-backup list ;;
esac

"${COMPOSE[@]}" stop "${APPS[@]}"
"${COMPOSE[@]}" run --rm --no-deps mongodb-backup restore "$1"
"${COMPOSE[@]}" up -d --wait "${APPS[@]}"
echo "restored $1; the services are up"
