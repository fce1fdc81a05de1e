#!/usr/bin/env python3
"""Holds gongbu's declarative equivalents of kubectl's generator commands to kubectl itself.

Generates a few hundred generator commands (`run`, `create deployment|service|configmap|secret|
job|cronjob|namespace`, `expose`) from a fixed seed, with the values notes use and the ones YAML
makes hard (numbers as strings, `yes`, dates, `a: b`, long text, Korean, cron schedules), runs each
through the installed kubectl with `--dry-run=client -o yaml` and through `gongbu yaml`, and
compares the two texts. `run` and `expose` ask an API server even in a client-side dry run, so the
script serves a small fake one: discovery for the built-in groups, and for `expose` the very
object kubectl printed for the story's earlier `create deployment`/`run`.

kubectl gives a container a random five-character suffix when its image name has `_` or `.`;
gongbu writes `xxxxx` there, and the comparison takes any five characters.

Usage (from the repository, after `swift build`):
    python3 scripts/kubectl-dry-run-conformance.py [--kubectl PATH] [--gongbu PATH] [--count N]
        [--seed N] [--show N]

Needs PyYAML (`pip install pyyaml`) and a kubectl: Debian's `kubectl` package installs releases
1.27 to 1.33 as /usr/lib/google-cloud-sdk/bin/kubectl.1.NN, the default here being 1.33.
Prints the agreement and the first differences; exits 1 when any command disagrees.
"""

import argparse
import http.server
import json
import random
import re
import shlex
import subprocess
import sys
import threading

import yaml

DEFAULT_KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.33"


# A fake API server: enough discovery for kubectl's client-side dry runs, and objects by path.
def resource(name, kind, namespaced=True, short=()):
    return {"name": name, "singularName": kind.lower(), "namespaced": namespaced, "kind": kind,
            "verbs": ["create", "delete", "get", "list", "patch", "update", "watch"], "shortNames": list(short)}


CORE = [resource("pods", "Pod", short=["po"]), resource("services", "Service", short=["svc"]),
        resource("configmaps", "ConfigMap", short=["cm"]), resource("secrets", "Secret"),
        resource("namespaces", "Namespace", False, ["ns"]),
        resource("replicationcontrollers", "ReplicationController", short=["rc"])]
GROUPS = {"apps/v1": [resource("deployments", "Deployment", short=["deploy"]), resource("replicasets", "ReplicaSet", short=["rs"])],
          "batch/v1": [resource("jobs", "Job"), resource("cronjobs", "CronJob", short=["cj"])]}
OBJECTS = {}
PLURALS = {"Pod": ("api/v1", "pods"), "Deployment": ("apis/apps/v1", "deployments")}


class FakeServer(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, body, code=200):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/api":
            return self.send({"kind": "APIVersions", "versions": ["v1"],
                              "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]})
        if path == "/api/v1":
            return self.send({"kind": "APIResourceList", "groupVersion": "v1", "resources": CORE})
        if path == "/apis":
            groups = [{"name": g.split("/")[0], "versions": [{"groupVersion": g, "version": g.split("/")[1]}],
                       "preferredVersion": {"groupVersion": g, "version": g.split("/")[1]}} for g in GROUPS]
            return self.send({"kind": "APIGroupList", "apiVersion": "v1", "groups": groups})
        if path.startswith("/apis/") and path[6:] in GROUPS:
            return self.send({"kind": "APIResourceList", "groupVersion": path[6:], "resources": GROUPS[path[6:]]})
        if path in OBJECTS:
            return self.send(OBJECTS[path])
        return self.send({"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound", "code": 404,
                          "message": "not found"}, 404)


# Values notes use, and values YAML makes hard.
NAMES = ["web", "api", "hello-node", "db", "frontend", "nginx", "my-app", "worker1"]
IMAGES = ["nginx", "nginx:1.27", "busybox", "gcr.io/project/hello-node:v1", "redis:7-alpine", "my_app:1", "a.b/c.d:1",
          "localhost:5000/team/api@sha256:" + "0123456789abcdef" * 4, "registry.k8s.io/pause:3.9", "Nginx"]
LITERALS = ["1", "true", "yes", "no", "on", "1.5", "07", "0x1F", "1e3", "2019-02-14", "null", "~", "", "a: b", "#x", " lead",
            "trail ", "*/5 * * * *", "x #y", "it's", 'a"b', "안녕 하세요", "@x", "%x", "[a]", "-x", "?x", "a:b",
            "word " * 25 + "end", "http://example.com:80/path?q=1", "1:20", "+1", ".inf", "0o17", "1_000", "Y", "ok"]
ENVS = ["A=1", "MODE=prod", "EMPTY=", "URL=http://x:80/a", "FLAG=true", "LIST=a,b"]
SCHEDULES = ["*/5 * * * *", "0 0 * * *", "@hourly", "30 2 * * 1-5"]
PORTS = [80, 8080, 443, 3000, 5432]


def stories(rng, count):
    """Lists of argv lists; a story's later commands may expose what its first made."""
    made = []
    while len(made) < count:
        name = rng.choice(NAMES)
        namespace = ["-n", "demo"] if rng.random() < 0.15 else []
        kind = rng.choice(["deployment", "deployment", "run", "run", "service", "configmap", "secret", "registry", "job",
                           "cronjob", "namespace"])
        if kind == "deployment":
            images = [rng.choice(IMAGES)] + ([rng.choice(IMAGES)] if rng.random() < 0.2 else [])
            command = ["create", "deployment", name] + [f"--image={i}" for i in images]
            if rng.random() < 0.5:
                command.append(f"--replicas={rng.randint(1, 5)}")
            port = rng.random() < 0.6
            if port:
                command.append(f"--port={rng.choice(PORTS)}")
            if len(images) == 1 and rng.random() < 0.2:
                command += ["--", "sleep", "3600"]
            story = [command + namespace if "--" not in command else command[:command.index("--")] + namespace + command[command.index("--"):]]
            if port and not namespace and rng.random() < 0.7:
                expose = ["expose", "deployment" if rng.random() < 0.5 else "deploy", name]
                if rng.random() < 0.5:
                    expose.append(f"--port={rng.choice(PORTS)}")
                    if rng.random() < 0.5:
                        expose.append(f"--target-port={rng.choice(PORTS)}")
                if rng.random() < 0.5:
                    expose.append("--type=" + rng.choice(["NodePort", "LoadBalancer", "ClusterIP"]))
                if rng.random() < 0.2:
                    expose.append("--name=" + name + "-svc")
                story.append(expose)
            made.append(story)
        elif kind == "run":
            command = ["run", name, f"--image={rng.choice(IMAGES)}"]
            port = rng.random() < 0.5
            if port:
                command.append(f"--port={rng.choice(PORTS)}")
            if rng.random() < 0.3:
                command.append("--labels=" + rng.choice(["app=web", "app=web,tier=frontend", "run=x"]))
            for _ in range(rng.choice([0, 0, 1, 2])):
                command.append("--env=" + rng.choice(ENVS))
            if rng.random() < 0.3:
                command.append("--restart=" + rng.choice(["Never", "OnFailure", "Always"]))
            if rng.random() < 0.15:
                command.append("--image-pull-policy=" + rng.choice(["IfNotPresent", "Always"]))
            if rng.random() < 0.1:
                command.append("--privileged")
            if rng.random() < 0.1:
                command.append("--annotations=note=" + rng.choice(["a", "1", "yes"]))
            tail = []
            if rng.random() < 0.3:
                if rng.random() < 0.5:
                    command.append("--command")
                tail = ["--", "sh", "-c", rng.choice(["echo hi", "sleep 10", "while true; do date; sleep 5; done"])]
            story = [command + namespace + tail]
            if port and not namespace and rng.random() < 0.5:
                story.append(["expose", "pod", name] + (["--port=" + str(rng.choice(PORTS))] if rng.random() < 0.5 else []))
            made.append(story)
        elif kind == "service":
            flavour = rng.choice(["clusterip", "nodeport", "loadbalancer", "externalname"])
            command = ["create", "service", flavour, name]
            if flavour == "externalname":
                command.append("--external-name=" + rng.choice(["example.com", "db.example.org"]))
            else:
                for _ in range(rng.choice([1, 1, 2])):
                    command.append("--tcp=" + rng.choice(["80", "80:8080", "443:https", "5432:5432", "80,443"]))
                if flavour == "nodeport" and rng.random() < 0.5:
                    command.append(f"--node-port={rng.randint(30000, 32767)}")
                if flavour == "clusterip" and rng.random() < 0.2:
                    command = ["create", "service", "clusterip", name, "--clusterip=None"]
            made.append([command + namespace])
        elif kind in ("configmap", "secret"):
            command = ["create", "configmap" if kind == "configmap" else "secret"] + ([] if kind == "configmap" else ["generic"]) + [name]
            keys = rng.sample(["a", "b", "key", "80", "APP_MODE", "config.yaml", "x-y", "yes"], rng.randint(1, 4))
            for key in keys:
                command.append(f"--from-literal={key}={rng.choice(LITERALS)}")
            if kind == "secret" and rng.random() < 0.2:
                command.append("--type=Opaque")
            made.append([command + namespace])
        elif kind == "registry":
            command = ["create", "secret", "docker-registry", name, "--docker-username=" + rng.choice(["me", "user<1>"]),
                       "--docker-password=" + rng.choice(["p", "s3cr&t"])]
            if rng.random() < 0.6:
                command.append("--docker-server=" + rng.choice(["r.io", "https://index.docker.io/v1/", "ghcr.io"]))
            if rng.random() < 0.5:
                command.append("--docker-email=me@example.com")
            made.append([command + namespace])
        elif kind in ("job", "cronjob"):
            command = ["create", kind, name, f"--image={rng.choice(IMAGES)}"]
            if kind == "cronjob":
                command.append("--schedule=" + rng.choice(SCHEDULES))
                if rng.random() < 0.3:
                    command.append("--restart=" + rng.choice(["Never", "OnFailure"]))
            tail = ["--", "date"] if rng.random() < 0.5 else []
            made.append([command + namespace + tail])
        else:
            made.append([["create", "namespace", name]])
    return made[:count]


def kubectl_yaml(kubectl, server, argv):
    at = argv.index("--") if "--" in argv else len(argv)
    full = [kubectl, "--server", server] + argv[:at] + ["--dry-run=client", "-o", "yaml"] + argv[at:]
    result = subprocess.run(full, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kubectl", default=DEFAULT_KUBECTL)
    parser.add_argument("--gongbu", default=".build/debug/gongbu")
    parser.add_argument("--count", type=int, default=300, help="stories to generate (one or two commands each)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--show", type=int, default=5, help="differences to print")
    args = parser.parse_args()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeServer)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = f"http://127.0.0.1:{httpd.server_address[1]}"

    rng = random.Random(args.seed)
    totals = {"commands": 0, "agree": 0, "differ": 0, "gongbu declined": 0, "kubectl refused": 0}
    by_command = {}
    shown = 0
    for story in stories(rng, args.count):
        OBJECTS.clear()
        lines = ["kubectl " + shlex.join(argv) for argv in story]
        result = subprocess.run([args.gongbu, "yaml", "--json"] + lines, capture_output=True, text=True)
        ours = [entry.get("yaml") for entry in json.loads(result.stdout)["commands"]]
        for argv, line, mine in zip(story, lines, ours):
            theirs = kubectl_yaml(args.kubectl, server, argv)
            key = " ".join(argv[:2]) if argv[0] == "create" else argv[0]
            counts = by_command.setdefault(key, [0, 0])
            if theirs is None:
                totals["kubectl refused"] += 1
                if mine is not None and shown < args.show:
                    print(f"kubectl refused, gongbu wrote YAML: {line}")
                    shown += 1
                continue
            totals["commands"] += 1
            counts[1] += 1
            # What kubectl made, served for a later expose.
            made = yaml.safe_load(theirs)
            if made and made.get("kind") in PLURALS:
                prefix, plural = PLURALS[made["kind"]]
                OBJECTS[f"/{prefix}/namespaces/default/{plural}/{made['metadata']['name']}"] = made
            if mine is None:
                totals["gongbu declined"] += 1
                if shown < args.show:
                    print(f"gongbu declined: {line}")
                    shown += 1
                continue
            pattern = re.escape(mine).replace("xxxxx", "[a-z0-9]{5}")
            if re.fullmatch(pattern, theirs):
                totals["agree"] += 1
                counts[0] += 1
            else:
                totals["differ"] += 1
                if shown < args.show:
                    shown += 1
                    print(f"differs: {line}")
                    import difflib
                    for diff in difflib.unified_diff(theirs.splitlines(), mine.splitlines(), "kubectl", "gongbu", lineterm="", n=1):
                        print("   ", diff)
    version = subprocess.run([args.kubectl, "version", "--client", "-o", "json"], capture_output=True, text=True)
    try:
        client = json.loads(version.stdout)["clientVersion"]["gitVersion"]
    except (ValueError, KeyError):
        client = args.kubectl
    compared = totals["commands"]
    print(f"\nkubectl {client}, seed {args.seed}: {compared} commands compared")
    for name, value in totals.items():
        if name != "commands":
            print(f"  {name}: {value}")
    if compared:
        print(f"  agreement: {100 * totals['agree'] / compared:.1f} % of all, "
              f"{100 * totals['agree'] / max(compared - totals['gongbu declined'], 1):.1f} % of those gongbu writes")
    for name, (agree, total) in sorted(by_command.items()):
        print(f"  {name}: {agree}/{total}")
    httpd.shutdown()
    return 0 if totals["differ"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
