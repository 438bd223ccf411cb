#!/usr/bin/env bash
# Restores CX Hub's MongoDB on Kubernetes from an archive of the mongodb-backup CronJob.
#
#   deploy/k8s/restore.sh --list                 the archives in the mongodb-backup volume
#   deploy/k8s/restore.sh latest                 the newest one
#   deploy/k8s/restore.sh cx-hub-20261203T020000Z.archive.gz
#
# Scales the gateway and the services to zero (no write may land during the restore),
# runs a Job made from the suspended mongodb-restore CronJob with RESTORE_ARCHIVE set,
# waits for it, then scales them back to one replica each (their HorizontalPodAutoscalers
# take over from there). Every collection the archive holds is dropped and reloaded;
# users and the replica-set configuration are left alone. For a fresh backup first:
#   kubectl -n cx-hub create job --from=cronjob/mongodb-backup backup-before-restore
#
# Environment: NAMESPACE (cx-hub).
set -euo pipefail
NS="${NAMESPACE:-cx-hub}"
APPS=(gateway survey-service metrics-service persona-service journey-service)
ARCHIVE="${1:-}"
[ -n "$ARCHIVE" ] && [ "$ARCHIVE" != -h ] && [ "$ARCHIVE" != --help ] || { sed -n '2,15p' "$0"; exit 2; }

job_from_cronjob() {  # name, command override (empty: the CronJob's), RESTORE_ARCHIVE
  kubectl -n "$NS" create job "$1" --from=cronjob/mongodb-restore --dry-run=client -o json |
    python3 -c '
import json, sys
job = json.load(sys.stdin)
container = job["spec"]["template"]["spec"]["containers"][0]
for env in container["env"]:
    if env["name"] == "RESTORE_ARCHIVE":
        env["value"] = sys.argv[1]
if sys.argv[2]:
    container["command"] = ["bash", "/scripts/backup.sh", sys.argv[2]]
json.dump(job, sys.stdout)' "$3" "$2" | kubectl -n "$NS" apply -f -
}

wait_job() {
  if ! kubectl -n "$NS" wait --for=condition=complete "job/$1" --timeout=2h; then
    kubectl -n "$NS" logs "job/$1" || true
    echo "job $1 failed" >&2
    return 1
  fi
  kubectl -n "$NS" logs "job/$1"
}

stamp="$(date -u +%Y%m%d%H%M%S)"
if [ "$ARCHIVE" = --list ]; then
  job_from_cronjob "mongodb-list-$stamp" list ""
  wait_job "mongodb-list-$stamp"
  exit 0
fi

kubectl -n "$NS" scale deployment "${APPS[@]}" --replicas=0
kubectl -n "$NS" wait --for=delete pod -l app.kubernetes.io/part-of=cx-hub,app.kubernetes.io/component!=database --timeout=5m || true
job_from_cronjob "mongodb-restore-$stamp" "" "$ARCHIVE"
status=0
wait_job "mongodb-restore-$stamp" || status=$?
kubectl -n "$NS" scale deployment "${APPS[@]}" --replicas=1
[ "$status" -eq 0 ] && echo "restored $ARCHIVE; the deployables are starting again"
exit "$status"
