#!/usr/bin/env python3
"""Compares gongbu's manifest validator with kubernetes-validate on mutated manifests.

    pip install kubernetes-validate pyyaml
    swift build -c release --product gongbu
    python3 scripts/conformance.py [--gongbu .build/release/gongbu] [--seed 7] [--per-document 12]

1. Valid manifests: the Kubernetes documentation examples in ../shared/conformance (when that
   folder exists) and the examples of the bundled notes, keeping the documents that
   kubernetes-validate --strict accepts.
2. Schema mutations (dropped fields, changed types, unknown and misspelt fields): the `schema`
   verdict of gongbu (any error with rule `schema`) is compared with kubernetes-validate's on
   every mutated document; agreement is reported and every disagreement listed.
3. API-rule mutations the JSON schemas cannot see (bad enum values, bad names, out-of-range
   ports, bad label values, Job pods that restart Always …): counts how many gongbu catches.

Writes a JSON report next to the text output when --json is given.
"""
import argparse
import copy
import json
import os
import random
import re
import subprocess
import sys
import tempfile

import yaml

try:
    import kubernetes_validate
    from kubernetes_validate.utils import validate as kv_validate, ValidationError, SchemaNotFoundError
except ImportError:
    sys.exit("install kubernetes-validate first: pip install kubernetes-validate")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "conformance", "k8s-docs-examples"))
VERSION = "1.37"


def load_bases():
    documents = []
    if os.path.isdir(SHARED):
        for folder, _, files in sorted(os.walk(SHARED)):
            for name in sorted(files):
                if name.endswith((".yaml", ".yml")):
                    path = os.path.join(folder, name)
                    try:
                        for doc in yaml.safe_load_all(open(path, encoding="utf-8")):
                            if isinstance(doc, dict) and doc.get("apiVersion") and doc.get("kind"):
                                documents.append((os.path.relpath(path, SHARED), doc))
                    except yaml.YAMLError:
                        pass
    fence = re.compile(r"^```(yaml|yml)\s*\n(.*?)^```", re.S | re.M)
    for folder, _, files in sorted(os.walk(os.path.join(ROOT, "content"))):
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            for match in fence.finditer(text):
                try:
                    for doc in yaml.safe_load_all(match.group(2)):
                        if isinstance(doc, dict) and doc.get("apiVersion") and doc.get("kind"):
                            documents.append((name, doc))
                except yaml.YAMLError:
                    pass
    valid = []
    for origin, doc in documents:
        if doc.get("kind") == "List":
            continue
        verdict = kv_verdict(doc)
        if verdict == "valid":
            valid.append((origin, doc))
    return valid


def kv_verdict(doc):
    try:
        kv_validate(doc, VERSION, strict=True)
        return "valid"
    except ValidationError:
        return "invalid"
    except SchemaNotFoundError:
        return "skipped"
    except Exception:
        return "invalid"


def paths(node, prefix=()):
    """Every (path, value) of a document, depth first."""
    yield prefix, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, prefix + (index,))


def get(node, path):
    for part in path:
        node = node[part]
    return node


def set_value(doc, path, value):
    parent = get(doc, path[:-1])
    parent[path[-1]] = value


def schema_mutations(doc, rng, count):
    """Structural mutations the JSON schema can see (or correctly accepts)."""
    mutants = []
    entries = [(p, v) for p, v in paths(doc) if p and p[0] not in ("apiVersion", "kind")]
    attempts = 0
    while len(mutants) < count and attempts < count * 20 and entries:
        attempts += 1
        path, value = rng.choice(entries)
        mutant = copy.deepcopy(doc)
        kind = rng.choice(["drop", "type", "unknown", "typo", "null", "list"])
        try:
            if kind == "drop" and isinstance(path[-1], str):
                del get(mutant, path[:-1])[path[-1]]
                label = f"drop {'.'.join(map(str, path))}"
            elif kind == "type":
                if isinstance(value, bool):
                    new = "true"
                elif isinstance(value, int):
                    new = str(value)
                elif isinstance(value, str):
                    new = 42
                elif isinstance(value, list):
                    new = {"item": value[0] if value else "x"}
                elif isinstance(value, dict):
                    new = ["x"]
                else:
                    continue
                set_value(mutant, path, new)
                label = f"type {'.'.join(map(str, path))} -> {type(new).__name__}"
            elif kind == "unknown" and isinstance(value, dict):
                value_copy = get(mutant, path)
                value_copy["unknownField"] = "x"
                label = f"unknown field at {'.'.join(map(str, path))}"
            elif kind == "typo" and isinstance(path[-1], str) and len(path[-1]) > 3:
                parent = get(mutant, path[:-1])
                key = path[-1]
                typo = key[0] + key[2] + key[1] + key[3:]
                if typo == key or typo in parent:
                    continue
                parent[typo] = parent.pop(key)
                label = f"typo {'.'.join(map(str, path))} -> {typo}"
            elif kind == "null":
                set_value(mutant, path, None)
                label = f"null {'.'.join(map(str, path))}"
            elif kind == "list" and not isinstance(value, (list, dict)):
                set_value(mutant, path, [value])
                label = f"list {'.'.join(map(str, path))}"
            else:
                continue
        except (KeyError, IndexError, TypeError):
            continue
        mutants.append((label, mutant))
    return mutants


def rule_mutations(doc):
    """Mutations only the API server's rules catch (the JSON schemas accept them all)."""
    mutants = []
    kind = doc.get("kind")

    def add(label, change):
        mutant = copy.deepcopy(doc)
        try:
            if change(mutant) is not False:
                mutants.append((label, mutant))
        except (KeyError, IndexError, TypeError):
            pass

    if kind in ("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"):
        # RBAC names only need to be path segments ("system:foo" and "Bad_Name" are fine).
        add("RBAC name with a '/'", lambda m: m["metadata"].__setitem__("name", "bad/name"))
    else:
        add("name with upper case and _", lambda m: m["metadata"].__setitem__("name", "Bad_Name"))
    add("label value with a space", lambda m: m["metadata"].setdefault("labels", {}).__setitem__("app", "my app"))

    def pod_spec(m):
        if kind == "Pod":
            return m["spec"]
        if kind == "CronJob":
            return m["spec"]["jobTemplate"]["spec"]["template"]["spec"]
        if kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"):
            return m["spec"]["template"]["spec"]
        raise KeyError

    def port_out_of_range(m):
        container = pod_spec(m)["containers"][0]
        container["ports"] = [{"containerPort": 70000}]

    def bad_pull_policy(m):
        pod_spec(m)["containers"][0]["imagePullPolicy"] = "Sometimes"

    def bad_restart(m):
        pod_spec(m)["restartPolicy"] = "Sometimes"

    def bad_container_name(m):
        pod_spec(m)["containers"][0]["name"] = "Web_Server"

    def long_port_name(m):
        pod_spec(m)["containers"][0]["ports"] = [{"containerPort": 8080, "name": "very-long-port-name"}]

    def bad_quantity(m):
        pod_spec(m)["containers"][0]["resources"] = {"requests": {"memory": "1GB"}}

    if kind in ("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"):
        add("containerPort 70000", port_out_of_range)
        add("imagePullPolicy Sometimes", bad_pull_policy)
        add("restartPolicy Sometimes", bad_restart)
        add("container name Web_Server", bad_container_name)
        add("port name longer than 15", long_port_name)
        add("memory 1GB", bad_quantity)
    if kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"):
        add("selector that does not match the template",
            lambda m: m["spec"].__setitem__("selector", {"matchLabels": {"app": "no-such-pods"}}))
    if kind == "Job":
        add("Job pod with restartPolicy Always", lambda m: m["spec"]["template"]["spec"].__setitem__("restartPolicy", "Always"))
    if kind == "CronJob":
        add("schedule with 6 fields", lambda m: m["spec"].__setitem__("schedule", "0 0 * * * *"))
        add("concurrencyPolicy forbid", lambda m: m["spec"].__setitem__("concurrencyPolicy", "forbid"))
    if kind == "Service":
        add("type Clusterip", lambda m: m["spec"].__setitem__("type", "Clusterip"))
        add("port 0", lambda m: m["spec"]["ports"][0].__setitem__("port", 0))
        add("protocol tcp", lambda m: m["spec"]["ports"][0].__setitem__("protocol", "tcp"))
        add("Service name starting with a digit", lambda m: m["metadata"].__setitem__("name", "1web"))
        add("sessionAffinity Sticky", lambda m: m["spec"].__setitem__("sessionAffinity", "Sticky"))
    if kind == "PersistentVolumeClaim":
        add("accessMode ReadWriteAll", lambda m: m["spec"].__setitem__("accessModes", ["ReadWriteAll"]))
    if kind == "Ingress":
        add("pathType prefix", lambda m: m["spec"]["rules"][0]["http"]["paths"][0].__setitem__("pathType", "prefix"))
    return mutants


def run_gongbu(gongbu, folder):
    result = subprocess.run([gongbu, "validate", "--output", "json", "--kubernetes-version", VERSION, folder],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit("gongbu validate failed: " + result.stderr)
    report = json.loads(result.stdout)
    verdicts = {}
    for entry in report["results"]:
        name = os.path.basename(entry["file"])
        errors = [e for e in entry["errors"] if e["severity"] == "error"]
        verdicts[name] = {
            "schema": "invalid" if any(e["rule"] in ("schema", "yaml") for e in errors) else ("skipped" if entry["status"] == "skipped" else "valid"),
            "any": "invalid" if errors else "valid",
            "errors": errors,
        }
    return verdicts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gongbu", default=os.path.join(ROOT, ".build", "release", "gongbu"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-document", type=int, default=12, help="schema mutations per valid document")
    parser.add_argument("--json", help="write the report as JSON to this file")
    args = parser.parse_args()
    if not os.path.exists(args.gongbu):
        sys.exit(f"{args.gongbu} not found; build it with: swift build -c release --product gongbu")

    rng = random.Random(args.seed)
    bases = load_bases()
    print(f"{len(bases)} valid base documents (kubernetes-validate {kubernetes_validate.__version__}, Kubernetes {VERSION}, strict)")

    with tempfile.TemporaryDirectory(prefix="gongbu-conformance-") as folder:
        schema_cases = {}
        rule_cases = {}
        for index, (origin, doc) in enumerate(bases):
            for number, (label, mutant) in enumerate(schema_mutations(doc, rng, args.per_document)):
                name = f"s{index:04d}-{number:02d}.yaml"
                with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                    yaml.safe_dump(mutant, f, allow_unicode=True, sort_keys=False)
                schema_cases[name] = (origin, label, kv_verdict(mutant))
            for number, (label, mutant) in enumerate(rule_mutations(doc)):
                name = f"r{index:04d}-{number:02d}.yaml"
                with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                    yaml.safe_dump(mutant, f, allow_unicode=True, sort_keys=False)
                rule_cases[name] = (origin, label, kv_verdict(mutant))
        verdicts = run_gongbu(args.gongbu, folder)

    compared = agree = 0
    disagreements = []
    for name, (origin, label, reference) in sorted(schema_cases.items()):
        ours = verdicts.get(name, {}).get("schema", "missing")
        if reference == "skipped" or ours == "skipped":
            continue
        compared += 1
        if ours == reference:
            agree += 1
        else:
            errors = verdicts.get(name, {}).get("errors", [])
            disagreements.append({"file": name, "origin": origin, "mutation": label, "kubernetes-validate": reference,
                                  "gongbu": ours, "gongbu errors": [f"{e['path']}: {e['message']} [{e['rule']}]" for e in errors[:3]]})
    caught = 0
    missed = []
    schema_blind = 0
    for name, (origin, label, reference) in sorted(rule_cases.items()):
        if reference == "valid":
            schema_blind += 1
        if verdicts.get(name, {}).get("any") == "invalid":
            caught += 1
        else:
            missed.append({"file": name, "origin": origin, "mutation": label})

    percent = 100.0 * agree / compared if compared else 0
    print(f"schema agreement: {agree}/{compared} documents ({percent:.2f}%)")
    for item in disagreements:
        print(f"  DISAGREE {item['file']} ({item['origin']}): {item['mutation']}: kubernetes-validate {item['kubernetes-validate']}, "
              f"gongbu {item['gongbu']} {item['gongbu errors']}")
    print(f"API-rule mutations: gongbu catches {caught}/{len(rule_cases)} "
          f"(kubernetes-validate --strict accepts {schema_blind} of them)")
    for item in missed:
        print(f"  MISSED {item['file']} ({item['origin']}): {item['mutation']}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"bases": len(bases), "compared": compared, "agree": agree, "percent": percent,
                       "disagreements": disagreements, "ruleMutations": len(rule_cases), "caught": caught,
                       "acceptedByKubernetesValidate": schema_blind, "missed": missed}, f, ensure_ascii=False, indent=2)
    return 0 if percent >= 99.0 and not missed else 1


if __name__ == "__main__":
    sys.exit(main())
