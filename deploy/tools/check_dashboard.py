#!/usr/bin/env python3
"""Offline check of a Grafana dashboard JSON (deploy/observability/grafana-dashboard.json).

Structure: valid JSON, a uid and title, unique panel ids, every panel placed on the 24-column
grid without overlapping another, every query panel using the dashboard's datasource
variable. Queries: every PromQL expression, with Grafana's variables replaced by sample
values, is written as a recording rule into a rules file for `promtool check rules`, which
parses it. Prints the rules file path when --rules-out is given (validate.sh runs promtool).

Usage: check_dashboard.py DASHBOARD.json --rules-out FILE
"""
import argparse
import json
import re
import sys

VARIABLES = {
    "$__rate_interval": "5m",
    "$__interval": "1m",
    "$__range": "1h",
    "$application": ".*",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dashboard")
    parser.add_argument("--rules-out", required=True)
    args = parser.parse_args()
    errors = []
    with open(args.dashboard, encoding="utf-8") as f:
        dashboard = json.load(f)
    for key in ("uid", "title", "panels", "schemaVersion"):
        if key not in dashboard:
            errors.append(f"dashboard has no '{key}'")
    variables = {v.get("name") for v in dashboard.get("templating", {}).get("list", [])}
    if "datasource" not in variables:
        errors.append("no 'datasource' template variable: the dashboard would be bound to one Prometheus")
    seen_ids = set()
    cells = {}
    rules = []
    for panel in dashboard.get("panels", []):
        pid = panel.get("id")
        title = panel.get("title", "?")
        if pid in seen_ids:
            errors.append(f"panel id {pid} is used twice")
        seen_ids.add(pid)
        grid = panel.get("gridPos")
        if not grid or not all(k in grid for k in ("x", "y", "w", "h")):
            errors.append(f"panel '{title}' has no complete gridPos")
            continue
        if grid["x"] < 0 or grid["x"] + grid["w"] > 24:
            errors.append(f"panel '{title}' lies outside the 24 columns")
        for x in range(grid["x"], grid["x"] + grid["w"]):
            for y in range(grid["y"], grid["y"] + grid["h"]):
                if (x, y) in cells:
                    errors.append(f"panel '{title}' overlaps '{cells[(x, y)]}'")
                    break
                cells[(x, y)] = title
            else:
                continue
            break
        if panel.get("type") == "row":
            continue
        if panel.get("datasource", {}).get("uid") != "${datasource}":
            errors.append(f"panel '{title}' does not use the ${{datasource}} variable")
        targets = panel.get("targets", [])
        if not targets:
            errors.append(f"panel '{title}' has no query")
        for target in targets:
            expr = target.get("expr", "")
            if not expr.strip():
                errors.append(f"panel '{title}' has an empty query")
                continue
            for name, value in VARIABLES.items():
                expr = expr.replace(name, value)
            unknown = re.findall(r"\$\w+", expr)
            if unknown:
                errors.append(f"panel '{title}' uses unknown variables {unknown}")
                continue
            rules.append((f"dashboard:panel_{pid}_{target.get('refId', 'A')}", expr))
    with open(args.rules_out, "w", encoding="utf-8") as out:
        out.write("groups:\n  - name: dashboard-queries\n    rules:\n")
        for record, expr in rules:
            out.write(f"      - record: {record}\n        expr: {json.dumps(expr)}\n")
    for error in errors:
        print("FAIL:", error)
    if errors:
        return 1
    print(f"ok   dashboard '{dashboard['title']}': {len(seen_ids)} panels, {len(rules)} queries to parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
