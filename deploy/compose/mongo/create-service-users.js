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
