#!/usr/bin/env python3
"""Generates gongbu's model of kubectl from kubectl itself.

For every kubectl release it can run, the script walks the command tree from `kubectl --help`
(each command's `Available Commands:`), reads each command's `--help` (usage line, aliases,
flags with their defaults) and `kubectl options` (the global flags), and merges the releases
into one model: every command and flag with the releases that have it, so a checker can say
that a flag is unknown, needs a value, wants a number, or was there in an older kubectl.

Where the kubectl binaries come from (Debian):

    apt-get install kubectl              # kubectl 1.27 … 1.33 as kubectl.1.NN beside a dispatcher
    apt-get download kubernetes-client   # kubectl 1.20; conflicts with the above, so unpack it:
    dpkg -x kubernetes-client_*.deb /tmp/kubectl-1.20

    python3 scripts/generate-kubectl-model.py [--kubectl-1.20 /tmp/kubectl-1.20/usr/bin/kubectl]

writes Sources/3-Commands/KubectlModel.generated.swift. The model's format is documented in
Sources/3-Commands/KubectlModel.swift.
"""
import glob
import json
import os
import re
import subprocess
import sys

from swift_literal import raw_string

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources", "3-Commands", "KubectlModel.generated.swift")
SDK = "/usr/lib/google-cloud-sdk/bin"

FLAG = re.compile(r"^\s+(?:-(\S), )?--([A-Za-z0-9][A-Za-z0-9-]*)=(.*)$")


def binaries(extra):
    found = {}
    for path in glob.glob(os.path.join(SDK, "kubectl.1.*")):
        found[path.rsplit("kubectl.", 1)[1]] = path
    for version, path in extra.items():
        if os.path.exists(path):
            found[version] = path
    return dict(sorted(found.items(), key=lambda item: tuple(int(p) for p in item[0].split("."))))


def run(binary, args):
    env = dict(os.environ, KUBECONFIG="/dev/null", HOME="/nonexistent", NO_COLOR="1")
    result = subprocess.run([binary] + args, capture_output=True, text=True, env=env, timeout=30)
    return result.stdout


def sections(text):
    """Section name → its lines (`Options:`, `Available Commands:`, `Usage:` …)."""
    result = {}
    current = None
    for line in text.splitlines():
        if line and not line[0].isspace() and line.rstrip().endswith(":"):
            current = line.rstrip()[:-1]
            result[current] = []
        elif current:
            result[current].append(line)
    return result


def value_type(default):
    if default in ("true", "false"):
        return "bool"
    if re.fullmatch(r"-?\d+", default):
        return "int"
    if re.fullmatch(r"-?\d+(\.\d+)?", default):
        return "float"
    if re.fullmatch(r"(\d+(h|m|s|ms))+", default):
        return "duration"
    if default.startswith("["):
        return "list"
    if default.startswith("map["):
        return "map"
    return "string"


def parse_flags(lines):
    flags = {}
    for index, line in enumerate(lines):
        match = FLAG.match(line)
        if not match:
            continue
        short, name, rest = match.groups()
        if rest.startswith("'"):
            end = rest.find("'", 1)
            default = rest[1:end] if end > 0 else rest[1:]
            tail = rest[end + 1:] if end > 0 else ""
        else:
            default, _, tail = rest.partition(":")
            tail = ":" + tail
        description = tail.lstrip(":").strip()
        if not description and index + 1 < len(lines):
            description = lines[index + 1].strip()
        kind = value_type(default if not rest.startswith("'") else "'")
        if rest.startswith("'"):
            kind = "string"
        flag = {"type": kind, "default": default}
        if short:
            flag["short"] = short
        if re.search(r"\bRequired\b", description):
            flag["required"] = True
        if "DEPRECATED" in description or description.lower().startswith("deprecated"):
            flag["deprecatedText"] = description[:160]
        flags[name] = flag
    return flags


def parse_command(binary, path):
    text = run(binary, path + ["--help"])
    parts = sections(text)
    usage = " ".join(line.strip() for line in parts.get("Usage", []) if line.strip() and not line.strip().startswith("Use "))
    aliases = []
    for line in parts.get("Aliases", []):
        aliases += [a.strip() for a in line.split(",") if a.strip()]
    subcommands = []
    for name, lines in parts.items():
        if "Commands" in name:
            for line in lines:
                match = re.match(r"^  ([a-z][a-z0-9-]*)\s", line)
                if match:
                    subcommands.append(match.group(1))
    aliases = [a for a in aliases if a != path[-1]] if path else []
    return {"usage": usage, "aliases": aliases, "flags": parse_flags(parts.get("Options", [])), "subcommands": subcommands}


def walk(binary):
    commands = {}
    root = parse_command(binary, [])
    queue = [[name] for name in root["subcommands"] if name not in ("help",)]
    while queue:
        path = queue.pop(0)
        key = " ".join(path)
        if key in commands or len(path) > 3:
            continue
        command = parse_command(binary, path)
        commands[key] = command
        queue += [path + [name] for name in command["subcommands"] if name != "help"]
    options = parse_flags(sections(run(binary, ["options"])).get("The following options can be passed to any command", []))
    if not options:
        options = parse_flags(run(binary, ["options"]).splitlines())
    return commands, options


def probe(binary, path, name, kind):
    """A flag missing from a release's help may still be accepted, hidden because deprecated:
    kubectl then says so (`Flag --record has been deprecated, …`). Returns the message, or
    None when the release does not know the flag."""
    argument = f"--{name}" if kind == "bool" else f"--{name}=x"
    env = dict(os.environ, KUBECONFIG="/dev/null", HOME="/nonexistent")
    result = subprocess.run([binary] + path + [argument, "--help"], capture_output=True, text=True, env=env, timeout=30)
    output = (result.stderr + result.stdout).strip().splitlines()
    first = output[0] if output else ""
    match = re.match(r"Flag --[\w-]+ has been deprecated, (.*)", first)
    if match:
        return match.group(1).strip()
    return None


def add_hidden_flags(model, found):
    """Fills in, for each command flag, the releases that accept it hidden (deprecated)."""
    versions = model["versions"]
    for key, command in model["commands"].items():
        path = key.split(" ")
        for name, flag in command["flags"].items():
            for index, version in enumerate(versions):
                if index in flag["in"] or index not in command["in"]:
                    continue
                message = probe(found[version], path, name, flag.get("type"))
                if message is not None:
                    flag.setdefault("deprecated", {})[version] = message
                    flag.setdefault("hidden", []).append(index)


def merge(per_version):
    versions = list(per_version)
    model = {"versions": versions, "global": {}, "commands": {}}
    for index, version in enumerate(versions):
        commands, options = per_version[version]
        for name, flag in options.items():
            entry = model["global"].setdefault(name, {**flag, "in": []})
            entry.update({k: v for k, v in flag.items()})
            entry["in"].append(index)
        for key, command in commands.items():
            entry = model["commands"].setdefault(key, {"usage": command["usage"], "aliases": [], "flags": {}, "in": []})
            entry["usage"] = command["usage"]
            entry["aliases"] = sorted(set(entry["aliases"]) | set(command["aliases"]))
            entry["in"].append(index)
            for name, flag in command["flags"].items():
                if name in options:
                    continue
                current = entry["flags"].setdefault(name, {"in": []})
                current.update(flag)
                current["in"].append(index)
    return model


def render(model):
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        "// Generated by scripts/generate-kubectl-model.py from kubectl "
        + ", ".join(model["versions"])
        + ". Do not edit by hand.\n\n"
        + "extension KubectlModel {\n"
        + "    /// The model as JSON (format in KubectlModel.swift).\n"
        + f"    static let json = {raw_string(text)}\n"
        + "}\n"
    )


def main():
    extra = {}
    args = sys.argv[1:]
    if "--kubectl-1.20" in args:
        extra["1.20"] = args[args.index("--kubectl-1.20") + 1]
    found = binaries(extra)
    if not found:
        sys.exit("no kubectl found: apt-get install kubectl (see the docstring)")
    per_version = {}
    for version, binary in found.items():
        per_version[version] = walk(binary)
        print(f"kubectl {version}: {len(per_version[version][0])} commands, {len(per_version[version][1])} global flags")
    model = merge(per_version)
    add_hidden_flags(model, found)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(render(model))
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}: {len(model['commands'])} commands over {len(model['versions'])} releases")


if __name__ == "__main__":
    main()
