// Creates one least-privilege MongoDB user per CX Hub database: readWrite on its own
// database and nothing else, so a compromised service cannot read another's data.
//
// Run it once against the replica set as a user administrator, with the passwords in
// the environment (a database whose variable is unset is skipped):
//
//   CX_SURVEY_DB_PASSWORD=... CX_METRICS_DB_PASSWORD=... CX_PERSONA_DB_PASSWORD=... \
//   CX_JOURNEY_DB_PASSWORD=... CX_GATEWAY_DB_PASSWORD=... \
//   mongosh "mongodb://<admin>@<host>:27017/admin?replicaSet=rs0" create-service-users.js
//
// Each user lives in its own database, so the service's connection string needs no
// authSource: mongodb://cx_survey:<password>@<host>:27017/cx_survey?replicaSet=rs0&w=majority
// Running it again updates passwords and roles (idempotent).
//
// CX_BACKUP_DB_PASSWORD adds `cx_backup` (in admin, roles backup and restore): the user of
// the scheduled mongodump and of the restore script, which can read every database but
// not administer users or the cluster.
//
// Compose runs it from the mongodb-init service and Kubernetes from the mongodb-rs-init Job
// (deploy/k8s/base/mongodb/create-service-users.js is a copy: validate.sh checks they match).
const databases = ['cx_survey', 'cx_metrics', 'cx_persona', 'cx_journey', 'cx_gateway'];

for (const name of databases) {
  const variable = `CX_${name.slice(3).toUpperCase()}_DB_PASSWORD`;
  const pwd = process.env[variable];
  if (!pwd) {
    print(`${name}: ${variable} is not set, skipped`);
    continue;
  }
  const target = db.getSiblingDB(name);
  const roles = [{ role: 'readWrite', db: name }];
  if (target.getUser(name)) {
    target.updateUser(name, { pwd, roles });
    print(`${name}: user updated`);
  } else {
    target.createUser({ user: name, pwd, roles });
    print(`${name}: user created`);
  }
}

const backupPwd = process.env.CX_BACKUP_DB_PASSWORD;
if (backupPwd) {
  const admin = db.getSiblingDB('admin');
  const roles = [{ role: 'backup', db: 'admin' }, { role: 'restore', db: 'admin' }];
  if (admin.getUser('cx_backup')) {
    admin.updateUser('cx_backup', { pwd: backupPwd, roles });
    print('cx_backup: user updated');
  } else {
    admin.createUser({ user: 'cx_backup', pwd: backupPwd, roles });
    print('cx_backup: user created');
  }
} else {
  print('cx_backup: CX_BACKUP_DB_PASSWORD is not set, skipped');
}
