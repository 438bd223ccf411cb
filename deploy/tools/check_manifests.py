#!/usr/bin/env python3
"""Checks that the deployment files agree with each other and with the architecture.

    check_manifests.py --overlay dev rendered-dev.yaml --overlay prod rendered-prod.yaml \
        --compose deploy/compose/compose.yaml [--repo .]

For each rendered Kubernetes overlay (the output of `kubectl kustomize`): every deployable
has a Deployment and a Service of its own name whose selector finds its pods; ports are
named (`grpc`, `http`) and the environment points at them; probes use the actuator
health groups; pods run as non-root on a read-only root filesystem with requests and
limits; the NetworkPolicies let exactly the callers of ARCHITECTURE.md reach each gRPC
port; the MongoDB member list matches the StatefulSet. Then the Compose file is checked
against the same table, and, with --repo, the defaults in each module's application.yml.
Prints one line per failed check and exits 1 if there is any.
"""
import argparse
import re
import sys
from pathlib import Path

import yaml

SERVICES = {
    # name: (database, grpc port, actuator port, peers it calls)
    "survey-service": ("cx_survey", 9091, 8081, ["metrics-service", "journey-service", "persona-service"]),
    "metrics-service": ("cx_metrics", 9092, 8082, ["persona-service", "survey-service"]),
    "persona-service": ("cx_persona", 9093, 8083, ["metrics-service", "survey-service", "journey-service"]),
    "journey-service": ("cx_journey", 9094, 8084, ["metrics-service", "survey-service"]),
}
GATEWAY = "gateway"
GATEWAY_PORT = 8080
# the gateway's actuator (probes, Prometheus): never the public port
GATEWAY_MANAGEMENT_PORT = 8090
DEPLOYABLES = [*SERVICES, GATEWAY]
ADDR_VARIABLE = {name: name.split("-")[0].upper() + "_SERVICE_ADDR" for name in SERVICES}


def callers_of(service):
    """Who may call a service's gRPC port: the gateway and the services that name it as a peer."""
    return {GATEWAY} | {caller for caller, spec in SERVICES.items() if service in spec[3]}


class Report:
    def __init__(self):
        self.failures = []
        self.checks = 0

    def check(self, condition, where, message):
        self.checks += 1
        if not condition:
            self.failures.append(f"{where}: {message}")
        return condition


def index(objects):
    by_kind = {}
    for obj in objects:
        by_kind.setdefault(obj["kind"], {})[obj["metadata"]["name"]] = obj
    return by_kind


def matches(selector, labels):
    return all(labels.get(k) == v for k, v in (selector or {}).items())


def env_of(container):
    return {e["name"]: e for e in container.get("env", [])}


def resolve_env(entry, configmaps):
    """The value of an env entry: literal, or the ConfigMap key it refers to."""
    if "value" in entry:
        return entry["value"]
    ref = entry.get("valueFrom", {}).get("configMapKeyRef")
    if ref:
        return configmaps.get(ref["name"], {}).get("data", {}).get(ref["key"])
    return None


def expand(value, env, configmaps):
    """Expands $(VAR) references the way the kubelet does."""
    return re.sub(r"\$\((\w+)\)",
                  lambda m: str(resolve_env(env[m.group(1)], configmaps)) if m.group(1) in env else m.group(0),
                  value)


def check_overlay(name, objects, r):
    k = index(objects)
    deployments, services = k.get("Deployment", {}), k.get("Service", {})
    configmaps = k.get("ConfigMap", {})
    policies = k.get("NetworkPolicy", {})
    where = f"k8s/{name}"

    namespaces = {o["metadata"].get("namespace") for o in objects if o["kind"] != "Namespace"}
    r.check(len(namespaces) == 1, where, f"objects spread over namespaces {namespaces}")

    for deployable in DEPLOYABLES:
        w = f"{where} {deployable}"
        if not r.check(deployable in deployments, w, "no Deployment of that name"):
            continue
        if not r.check(deployable in services, w, "no Service of that name"):
            continue
        deployment, service = deployments[deployable], services[deployable]
        pod = deployment["spec"]["template"]
        labels = pod["metadata"]["labels"]
        r.check(matches(deployment["spec"]["selector"]["matchLabels"], labels), w, "Deployment selector misses its pods")
        r.check(matches(service["spec"]["selector"], labels), w, "Service selector misses the pods")
        r.check(labels.get("app.kubernetes.io/name") == deployable, w, "pod label app.kubernetes.io/name is not the deployable's name")
        container = pod["spec"]["containers"][0]
        r.check(container["image"].split("/")[-1].split(":")[0] == deployable, w, f"image {container['image']} is not named after the deployable")
        ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
        for sp in service["spec"]["ports"]:
            r.check(sp.get("targetPort") in ports, w, f"Service port {sp.get('name')} targets unknown container port {sp.get('targetPort')}")
        env = env_of(container)

        if deployable == GATEWAY:
            r.check(ports.get("http") == GATEWAY_PORT, w, f"http port is {ports.get('http')}, expected {GATEWAY_PORT}")
            r.check(resolve_env(env.get("GATEWAY_PORT", {}), configmaps) == str(GATEWAY_PORT), w, "GATEWAY_PORT does not match the http port")
            r.check(ports.get("management") == GATEWAY_MANAGEMENT_PORT, w, f"management port is {ports.get('management')}, expected {GATEWAY_MANAGEMENT_PORT}")
            r.check(resolve_env(env.get("MANAGEMENT_PORT", {}), configmaps) == str(GATEWAY_MANAGEMENT_PORT), w, "MANAGEMENT_PORT does not match the management port")
            r.check(all(sp.get("targetPort") != "management" and sp.get("port") != GATEWAY_MANAGEMENT_PORT for sp in service["spec"]["ports"]),
                    w, "the Service exposes the management port")
            r.check(pod["metadata"].get("annotations", {}).get("prometheus.io/port") == str(GATEWAY_MANAGEMENT_PORT), w,
                    "Prometheus does not scrape the management port")
            database, peers = "cx_gateway", list(SERVICES)
        else:
            database, grpc, http, peers = SERVICES[deployable]
            r.check(ports.get("grpc") == grpc, w, f"grpc port is {ports.get('grpc')}, expected {grpc}")
            r.check(ports.get("http") == http, w, f"http port is {ports.get('http')}, expected {http}")
            grpc_ports = [sp for sp in service["spec"]["ports"] if sp["name"] == "grpc"]
            r.check(len(grpc_ports) == 1 and grpc_ports[0]["port"] == grpc, w, "Service has no grpc port of the same number")
            r.check(resolve_env(env.get("GRPC_PORT", {}), configmaps) == str(grpc), w, "GRPC_PORT does not match the grpc port")
            r.check(resolve_env(env.get("HTTP_PORT", {}), configmaps) == str(http), w, "HTTP_PORT does not match the http port")

        for entry in env.values():
            ref = entry.get("valueFrom", {}).get("configMapKeyRef")
            if ref:
                r.check(resolve_env(entry, configmaps) is not None, w, f"{entry['name']} refers to missing ConfigMap key {ref['name']}/{ref['key']}")
        uri = expand(str(resolve_env(env.get("MONGODB_URI", {}), configmaps)), env, configmaps)
        r.check(re.fullmatch(rf"mongodb://{database}:[^@]+@[^/]+/{database}\?.*replicaSet=rs0.*", uri or "") is not None, w,
                f"MONGODB_URI {uri} does not log in as {database} to {database} on replicaSet=rs0")
        r.check("w=majority" in (uri or ""), w, "MONGODB_URI lacks w=majority")
        r.check("tls=true" in (uri or ""), w, "MONGODB_URI does not require TLS")
        password_ref = env.get("MONGODB_PASSWORD", {}).get("valueFrom", {}).get("secretKeyRef", {})
        r.check(password_ref.get("name") == "cx-hub-mongodb-users" and password_ref.get("key") == f"CX_{database[3:].upper()}_DB_PASSWORD",
                w, "MONGODB_PASSWORD does not come from its key of the cx-hub-mongodb-users Secret")
        r.check(str(resolve_env(env.get("SPRING_SSL_BUNDLE_PEM_MONGODB_TRUSTSTORE_CERTIFICATE", {}), configmaps)).startswith("file:"),
                w, "the MongoDB CA is not trusted (SPRING_SSL_BUNDLE_PEM_MONGODB_TRUSTSTORE_CERTIFICATE)")
        check_no_literal_secrets(w, container, r)
        check_trust_keys(w, pod["spec"], container, env, configmaps, deployable, r)
        for peer in peers:
            value = resolve_env(env.get(ADDR_VARIABLE[peer], {}), configmaps)
            expected = f"{peer}:{SERVICES[peer][1]}"
            r.check(value == expected, w, f"{ADDR_VARIABLE[peer]} is {value}, expected {expected}")

        probe_port = "management" if deployable == GATEWAY else "http"
        for probe, path in (("readinessProbe", "/actuator/health/readiness"), ("livenessProbe", "/actuator/health/liveness")):
            get = container.get(probe, {}).get("httpGet", {})
            r.check(get.get("path") == path and get.get("port") == probe_port, w, f"{probe} is not an httpGet of {path} on port {probe_port}")
        check_hardening(w, pod["spec"], r)

    statefulset = k.get("StatefulSet", {}).get("mongodb")
    if r.check(statefulset is not None, where, "no mongodb StatefulSet"):
        members = statefulset["spec"].get("replicas", 1)
        r.check(statefulset["spec"]["serviceName"] == "mongodb" and services.get("mongodb", {}).get("spec", {}).get("clusterIP") == "None",
                where, "mongodb StatefulSet is not governed by a headless Service named mongodb")
        data = next(iter(configmaps.values()), {}).get("data", {})
        hosts = data.get("MONGODB_HOSTS", "").split(",")
        r.check(hosts == [f"mongodb-{i}.mongodb:27017" for i in range(members)], where, f"MONGODB_HOSTS {hosts} does not list the {members} members")
        r.check(data.get("MONGODB_REPLICAS") == str(members), where, "MONGODB_REPLICAS differs from the StatefulSet's replicas")
        check_hardening(f"{where} mongodb", statefulset["spec"]["template"]["spec"], r)
        mongod = statefulset["spec"]["template"]["spec"]["containers"][0]
        args = mongod.get("args", [])
        r.check("--keyFile" in args, where, "mongodb members do not authenticate each other (--keyFile)")
        r.check("--tlsMode" in args and args[args.index("--tlsMode") + 1] == "requireTLS", where, "mongodb does not require TLS")
        root = env_of(mongod).get("MONGO_INITDB_ROOT_PASSWORD", {})
        r.check(root.get("valueFrom", {}).get("secretKeyRef", {}).get("name") == "mongodb-admin", where,
                "the MongoDB root password does not come from the mongodb-admin Secret")
        check_no_literal_secrets(f"{where} mongodb", mongod, r)
    job = k.get("Job", {}).get("mongodb-rs-init")
    if r.check(job is not None, where, "no replica-set init Job"):
        check_hardening(f"{where} mongodb-rs-init", job["spec"]["template"]["spec"], r)
        script = " ".join(map(str, job["spec"]["template"]["spec"]["containers"][0].get("command", [])))
        r.check("create-service-users.js" in script, where, "the init Job does not create the services' users")
    cronjobs = k.get("CronJob", {})
    backup = cronjobs.get("mongodb-backup")
    if r.check(backup is not None, where, "no mongodb-backup CronJob"):
        r.check(bool(backup["spec"].get("schedule")) and not backup["spec"].get("suspend", False), where, "the backup is not scheduled")
        r.check(backup["spec"].get("concurrencyPolicy") == "Forbid", where, "backups may overlap")
        pod = backup["spec"]["jobTemplate"]["spec"]["template"]["spec"]
        check_hardening(f"{where} mongodb-backup", pod, r)
        claims = [v["persistentVolumeClaim"]["claimName"] for v in pod.get("volumes", []) if "persistentVolumeClaim" in v]
        r.check(claims and all(c in k.get("PersistentVolumeClaim", {}) for c in claims), where, "the backup volume has no PersistentVolumeClaim")
    restore = cronjobs.get("mongodb-restore")
    if r.check(restore is not None, where, "no mongodb-restore CronJob (the template of deploy/k8s/restore.sh)"):
        r.check(restore["spec"].get("suspend") is True, where, "mongodb-restore must never run on a schedule (suspend: true)")
        check_hardening(f"{where} mongodb-restore", restore["spec"]["jobTemplate"]["spec"]["template"]["spec"], r)

    check_network_policies(where, policies, deployments, statefulset, r)

    hpas = k.get("HorizontalPodAutoscaler", {})
    for hpa in hpas.values():
        r.check(hpa["spec"]["scaleTargetRef"]["name"] in deployments, where, f"HPA {hpa['metadata']['name']} scales a missing Deployment")
    if name == "dev":
        r.check(not hpas, where, "dev should pin one replica, not autoscale")
        for d in [*deployments.values(), statefulset]:
            r.check(d["spec"].get("replicas") == 1, where, f"{d['metadata']['name']} does not run exactly one replica")
    if name == "prod":
        pdbs = k.get("PodDisruptionBudget", {})
        for deployable in [*DEPLOYABLES, "mongodb"]:
            r.check(deployable in pdbs, where, f"no PodDisruptionBudget for {deployable}")
        for deployable in DEPLOYABLES:
            hpa = hpas.get(deployable)
            r.check(hpa is not None and hpa["spec"]["minReplicas"] >= 2, where, f"{deployable} does not keep at least 2 replicas")
        pods = [*deployments.values(), statefulset]
        for pdb in pdbs.values():
            r.check(any(matches(pdb["spec"]["selector"]["matchLabels"], p["spec"]["template"]["metadata"]["labels"]) for p in pods),
                    where, f"PodDisruptionBudget {pdb['metadata']['name']} selects no pods")


def check_trust_keys(where, spec, container, env, configmaps, deployable, r):
    """Service-to-service trust: the signing key from the deployable's own Secret, the trusted
    public keys from the shared cx-trust-public Secret, both as mounted files."""
    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    mounts = container.get("volumeMounts", [])

    def secret_at(path):
        for m in mounts:
            if path == m["mountPath"] or path.startswith(m["mountPath"].rstrip("/") + "/"):
                return volumes.get(m["name"], {}).get("secret", {}).get("secretName")
        return None

    key = str(resolve_env(env.get("CX_TRUST_SIGNING_KEY", {}), configmaps))
    r.check(secret_at(key) == f"cx-trust-{deployable}", where,
            f"CX_TRUST_SIGNING_KEY {key} is not a file of the cx-trust-{deployable} Secret")
    trusted = str(resolve_env(env.get("CX_TRUST_TRUSTED_KEYS", {}), configmaps))
    r.check(secret_at(trusted) == "cx-trust-public", where,
            f"CX_TRUST_TRUSTED_KEYS {trusted} is not the mounted cx-trust-public Secret")


def check_no_literal_secrets(where, container, r):
    """Passwords, keys and tokens come from Secrets, never from a literal in a manifest."""
    for entry in container.get("env", []):
        if re.search(r"PASSWORD|SECRET|TOKEN|API_KEY", entry["name"]) and "value" in entry:
            r.check(False, where, f"{entry['name']} is a literal in the manifest, not a Secret reference")


def check_hardening(where, spec, r):
    pod_sc = spec.get("securityContext", {})
    r.check(pod_sc.get("runAsNonRoot") is True, where, "pod does not set runAsNonRoot")
    r.check(pod_sc.get("seccompProfile", {}).get("type") == "RuntimeDefault", where, "pod has no RuntimeDefault seccomp profile")
    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    for c in spec["containers"]:
        sc = c.get("securityContext", {})
        r.check(sc.get("readOnlyRootFilesystem") is True, where, f"container {c['name']} has a writable root filesystem")
        r.check(sc.get("allowPrivilegeEscalation") is False, where, f"container {c['name']} allows privilege escalation")
        r.check(sc.get("capabilities", {}).get("drop") == ["ALL"], where, f"container {c['name']} keeps capabilities")
        tmp = [m for m in c.get("volumeMounts", []) if m["mountPath"] == "/tmp"]
        r.check(len(tmp) == 1 and "emptyDir" in volumes.get(tmp[0]["name"], {}), where, f"container {c['name']} has no emptyDir /tmp")
        res = c.get("resources", {})
        r.check({"cpu", "memory"} <= set(res.get("requests", {})) and "memory" in res.get("limits", {}),
                where, f"container {c['name']} lacks cpu/memory requests or a memory limit")


def check_network_policies(where, policies, deployments, statefulset, r):
    r.check(any(p["spec"]["podSelector"] == {} and "Ingress" in p["spec"]["policyTypes"] and not p["spec"].get("ingress")
                for p in policies.values()), where, "no default-deny ingress policy")
    pod_labels = {name: d["spec"]["template"]["metadata"]["labels"] for name, d in deployments.items()}

    def allowed_sources(target_labels, port_name):
        """Deployables allowed to reach port_name of pods with target_labels; '*' when anyone."""
        sources = set()
        for p in policies.values():
            if not matches(p["spec"]["podSelector"].get("matchLabels"), target_labels) or p["spec"]["podSelector"] == {}:
                continue
            for rule in p["spec"].get("ingress", []):
                ports = [q.get("port") for q in rule.get("ports", [])]
                if ports and port_name not in ports:
                    continue
                if "from" not in rule:
                    sources.add("*")
                for peer in rule.get("from", []):
                    if "namespaceSelector" in peer:
                        sources.add("namespace:" + ",".join(f"{k}={v}" for k, v in peer["namespaceSelector"].get("matchLabels", {}).items()))
                    elif "podSelector" in peer:
                        sources |= {n for n, labels in pod_labels.items() if matches(peer["podSelector"].get("matchLabels"), labels)}
        return sources

    for service in SERVICES:
        if service not in pod_labels:
            continue
        got = allowed_sources(pod_labels[service], "grpc")
        r.check(got == callers_of(service), f"{where} {service}", f"gRPC port reachable from {sorted(got)}, expected {sorted(callers_of(service))}")
    if GATEWAY in pod_labels:
        r.check("*" in allowed_sources(pod_labels[GATEWAY], "http"), f"{where} gateway", "gateway http port is not open to clients")
    if statefulset:
        got = allowed_sources(statefulset["spec"]["template"]["metadata"]["labels"], "mongodb")
        r.check(set(DEPLOYABLES) <= got, f"{where} mongodb", f"reachable from {sorted(got)}, not from every deployable")


def check_compose(path, r):
    compose = yaml.safe_load(Path(path).read_text())
    services = compose["services"]
    where = "compose"
    for deployable in DEPLOYABLES:
        w = f"{where} {deployable}"
        if not r.check(deployable in services, w, "no such Compose service"):
            continue
        s = services[deployable]
        env = s.get("environment", {})
        r.check(s.get("build", {}).get("args", {}).get("SERVICE") == deployable, w, "build arg SERVICE is not the service's name")
        r.check(s.get("image", "").split("/")[-1].split(":")[0] == deployable, w, "image is not named after the service")
        r.check(s.get("depends_on", {}).get("mongodb", {}).get("condition") == "service_healthy", w, "does not wait for a healthy mongodb")
        r.check("healthcheck" in s and s.get("mem_limit"), w, "no healthcheck or memory limit")
        if deployable == GATEWAY:
            database, peers, http = "cx_gateway", list(SERVICES), GATEWAY_MANAGEMENT_PORT
            r.check(str(env.get("GATEWAY_PORT")) == str(GATEWAY_PORT), w, "GATEWAY_PORT is not 8080")
            r.check(str(env.get("MANAGEMENT_PORT")) == str(GATEWAY_MANAGEMENT_PORT), w, "MANAGEMENT_PORT is not 8090")
            r.check(not any(str(GATEWAY_MANAGEMENT_PORT) in str(p) for p in s.get("ports", [])), w, "publishes the management port")
            r.check(all(s["depends_on"].get(x, {}).get("condition") == "service_healthy" for x in SERVICES), w, "does not wait for the four services")
        else:
            database, grpc, http, peers = SERVICES[deployable]
            r.check(str(env.get("GRPC_PORT")) == str(grpc) and str(env.get("HTTP_PORT")) == str(http), w, "GRPC_PORT/HTTP_PORT differ from the port table")
            r.check("ports" not in s, w, "publishes a port; only the gateway may")
        r.check(re.fullmatch(rf"mongodb://{database}:\$\$\{{MONGODB_PASSWORD\}}@mongodb:27017/{database}\?replicaSet=rs0&w=majority&tls=true",
                             env.get("MONGODB_URI", "")) is not None,
                w, f"MONGODB_URI {env.get('MONGODB_URI')} is not the service's own user and database on rs0, w=majority, TLS")
        secrets = [x for x in s.get("secrets", []) if isinstance(x, dict)]
        r.check(any(x.get("source") == f"{database}_db_password" and x.get("target") == "MONGODB_PASSWORD" for x in secrets),
                w, f"the secret {database}_db_password is not mounted as MONGODB_PASSWORD")
        r.check(env.get("SPRING_CONFIG_IMPORT") == "configtree:/run/secrets/", w, "the password file is not read (SPRING_CONFIG_IMPORT)")
        trust_key = "cx_trust_" + deployable.replace("-", "_") + "_key"
        r.check(env.get("CX_TRUST_SIGNING_KEY") == "/run/secrets/cx_trust_key"
                and any(x.get("source") == trust_key and x.get("target") == "cx_trust_key" for x in secrets),
                w, f"the signing key is not the secret {trust_key} mounted as CX_TRUST_SIGNING_KEY")
        trusted = env.get("CX_TRUST_TRUSTED_KEYS")
        r.check(trusted is not None and any(str(v).split(":")[1:2] == [trusted] and str(v).endswith(":ro")
                                            and "/secrets/trust/public" in str(v) for v in s.get("volumes", [])),
                w, "CX_TRUST_TRUSTED_KEYS is not the read-only ./secrets/trust/public folder")
        r.check(s.get("depends_on", {}).get("mongodb-init", {}).get("condition") == "service_completed_successfully",
                w, "does not wait for its MongoDB user (mongodb-init)")
        for peer in peers:
            r.check(env.get(ADDR_VARIABLE[peer]) == f"{peer}:{SERVICES[peer][1]}", w, f"{ADDR_VARIABLE[peer]} is {env.get(ADDR_VARIABLE[peer])}")
        health = " ".join(map(str, s.get("healthcheck", {}).get("test", [])))
        r.check(f"127.0.0.1:{http}/actuator/health/readiness" in health, w, "healthcheck does not call its own readiness endpoint")
    mongod = [str(a) for a in services.get("mongodb", {}).get("command", [])]
    r.check("--replSet" in mongod, where, "mongodb does not run as a replica set")
    r.check("--keyFile" in mongod, where, "mongodb members do not authenticate (--keyFile)")
    r.check("--tlsMode" in mongod and mongod[mongod.index("--tlsMode") + 1] == "requireTLS", where, "mongodb does not require TLS")
    r.check(services.get("mongodb", {}).get("mem_limit"), where, "mongodb has no memory limit")
    r.check("MONGO_INITDB_ROOT_PASSWORD" not in services.get("mongodb", {}).get("environment", {}), where,
            "the MongoDB root password is a literal; use MONGO_INITDB_ROOT_PASSWORD_FILE")
    r.check("mongodb-init" in services and "create-service-users.js" in " ".join(map(str, services["mongodb-init"].get("volumes", []))),
            where, "no mongodb-init service creating the services' users")
    backup = services.get("mongodb-backup", {})
    r.check("backup.sh" in " ".join(map(str, backup.get("volumes", []))) and "loop" in backup.get("command", []),
            where, "no scheduled mongodb-backup service")
    for name, secret in compose.get("secrets", {}).items():
        r.check("file" in secret and "/secrets/" in secret["file"], where, f"secret {name} is not a file of ./secrets")
    r.check("ports" not in services.get("mongodb", {}), where, "mongodb publishes a port")


def check_module_defaults(repo, r):
    """The env defaults in each module's application.yml match the port table."""
    for deployable, (database, grpc, http, peers) in SERVICES.items():
        yml = Path(repo, deployable, f"src/main/resources/{deployable}.yml")
        if not r.check(yml.exists(), deployable, f"no {yml}"):
            continue
        text = yml.read_text()
        w = f"{deployable}/{deployable}.yml"
        r.check(f"${{GRPC_PORT:{grpc}}}" in text, w, f"GRPC_PORT default is not {grpc}")
        r.check(f"${{HTTP_PORT:{http}}}" in text, w, f"HTTP_PORT default is not {http}")
        r.check(f"/{database}}}" in text, w, f"MONGODB_URI default does not name {database}")
        r.check("${CX_TRUST_SIGNING_KEY:}" in text and "${CX_TRUST_TRUSTED_KEYS:}" in text, w,
                "cx.trust.signing-key / trusted-keys are not read from CX_TRUST_SIGNING_KEY / CX_TRUST_TRUSTED_KEYS")
        for peer in peers:
            if ADDR_VARIABLE[peer] in text:
                r.check(f"${{{ADDR_VARIABLE[peer]}:localhost:{SERVICES[peer][1]}}}" in text, w, f"{ADDR_VARIABLE[peer]} default is not port {SERVICES[peer][1]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--overlay", nargs=2, action="append", default=[], metavar=("NAME", "RENDERED"))
    parser.add_argument("--compose")
    parser.add_argument("--repo")
    args = parser.parse_args()
    r = Report()
    for name, rendered in args.overlay:
        check_overlay(name, [o for o in yaml.safe_load_all(Path(rendered).read_text()) if o], r)
    if args.compose:
        check_compose(args.compose, r)
    if args.repo:
        check_module_defaults(args.repo, r)
    for failure in r.failures:
        print(f"FAIL {failure}")
    print(f"{r.checks - len(r.failures)} passed, {len(r.failures)} failed")
    sys.exit(1 if r.failures else 0)


if __name__ == "__main__":
    main()
