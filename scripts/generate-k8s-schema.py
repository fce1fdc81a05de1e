#!/usr/bin/env python3
"""Generates gongbu's embedded Kubernetes schema from the kubernetes-validate PyPI package.

Run by hand when a new Kubernetes version is out:

    pip install kubernetes-validate
    python3 scripts/generate-k8s-schema.py            # all versions the package ships
    python3 scripts/generate-k8s-schema.py 1.33 1.37  # only some

It reads the *strict* JSON schemas of every Kubernetes version the package ships, strips
descriptions and other annotations, deduplicates identical type definitions across versions,
and writes Sources/3-Manifests/KubernetesSchema.generated.swift, which embeds the result (one
compact JSON document, ~350 KB, ~32 KB compressed) in the binary. That file is committed; the
package is not.

Compact format (format 1):
  {"format":1, "source": "...", "versions": {"1.37": {"apps/v1/Deployment": <type>, ...}, ...},
   "types": [<node>, ...]}
A node is a list whose first element says what it is:
  ["s"] string  ["i"] integer  ["n"] number  ["b"] boolean  ["*"] anything
  ["is"] int-or-string  ["q"] quantity (string or number)  ["t"] date-time string
  ["a", item] array  ["m", value] map with string keys  ["o"] free-form object
  ["O", {"field": type, ...}, ["required", ...]] object with known fields only (strict)
Each node may end with the flag "?" when null is accepted (the JSON schemas' ["x","null"]).
"""
import json
import os
import re
import sys

from swift_literal import raw_string

try:
    import kubernetes_validate
except ImportError:
    sys.exit("install the PyPI package first: pip install kubernetes-validate")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_SWIFT = os.path.join(ROOT, "Sources", "3-Manifests", "KubernetesSchema.generated.swift")
PACKAGE = os.path.join(os.path.dirname(kubernetes_validate.__file__), "kubernetes-json-schema")


class Builder:
    def __init__(self):
        self.types = []
        self.index = {}

    def intern(self, node):
        key = json.dumps(node, separators=(",", ":"))
        if key not in self.index:
            self.index[key] = len(self.types)
            self.types.append(node)
        return self.index[key]


def nullable(schema):
    t = schema.get("type")
    return isinstance(t, list) and "null" in t


def base_type(schema):
    t = schema.get("type")
    if isinstance(t, list):
        t = [x for x in t if x != "null"]
        return t[0] if t else None
    return t


def convert(schema, defs, builder, cache, stack):
    """Returns the type index for a schema (following $ref)."""
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        if name in cache:
            return cache[name]
        if name in stack:
            # A recursive type (JSONSchemaProps): placeholder resolved after conversion.
            return ("ref", name)
        stack.add(name)
        result = convert(defs[name], defs, builder, cache, stack)
        stack.discard(name)
        cache[name] = result
        return result
    flag = ["?"] if nullable(schema) else []
    if "oneOf" in schema:
        kinds = sorted(base_type(s) for s in schema["oneOf"])
        nullable_any = any(nullable(s) for s in schema["oneOf"])
        flag = ["?"] if nullable_any else []
        if kinds == ["integer", "string"]:
            return builder.intern(["is"] + flag)
        if kinds == ["number", "string"]:
            return builder.intern(["q"] + flag)
        return builder.intern(["*"])
    t = base_type(schema)
    if t is None:
        return builder.intern(["*"])
    if t == "string":
        if schema.get("format") == "date-time":
            return builder.intern(["t"] + flag)
        return builder.intern(["s"] + flag)
    if t == "integer":
        return builder.intern(["i"] + flag)
    if t == "number":
        return builder.intern(["n"] + flag)
    if t == "boolean":
        return builder.intern(["b"] + flag)
    if t == "array":
        item = convert(schema.get("items", {}), defs, builder, cache, stack)
        return ("array", item, flag)
    if t == "object":
        props = schema.get("properties")
        extra = schema.get("additionalProperties")
        if props is None:
            if isinstance(extra, dict):
                return ("map", convert(extra, defs, builder, cache, stack), flag)
            return builder.intern(["o"] + flag)
        fields = {}
        for name, sub in props.items():
            fields[name] = convert(sub, defs, builder, cache, stack)
        required = sorted(schema.get("required", []))
        return ("object", fields, required, flag)
    return builder.intern(["*"])


def finalize(value, builder, cache):
    """Turns the tuples convert() returns into interned nodes (resolving recursive refs)."""
    if isinstance(value, int):
        return value
    kind = value[0]
    if kind == "ref":
        resolved = cache.get(value[1])
        if resolved is None or (not isinstance(resolved, int) and resolved[0] == "ref"):
            return builder.intern(["o"])
        # Recursive schema (JSON-Schema-in-CRDs): accept any object there.
        return builder.intern(["o", "?"])
    if kind == "array":
        return builder.intern(["a", finalize(value[1], builder, cache)] + value[2])
    if kind == "map":
        return builder.intern(["m", finalize(value[1], builder, cache)] + value[2])
    if kind == "object":
        fields = {name: finalize(sub, builder, cache) for name, sub in sorted(value[1].items())}
        return builder.intern(["O", fields, value[2]] + value[3])
    raise ValueError(value)


def versions_shipped():
    found = []
    for name in os.listdir(PACKAGE):
        m = re.match(r"^v(\d+)\.(\d+)\.\d+-local-strict$", name)
        if m:
            found.append((int(m.group(1)), int(m.group(2)), name))
    return sorted(found)


def main():
    wanted = set(sys.argv[1:])
    builder = Builder()
    versions = {}
    for major, minor, folder in versions_shipped():
        label = f"{major}.{minor}"
        if wanted and label not in wanted:
            continue
        base = os.path.join(PACKAGE, folder)
        defs = json.load(open(os.path.join(base, "_definitions.json")))["$defs"]
        cache = {}
        kinds = {}
        for file in sorted(os.listdir(base)):
            if file in ("_definitions.json", "all.json") or not file.endswith(".json"):
                continue
            schema = json.load(open(os.path.join(base, file)))
            gvks = schema.get("x-kubernetes-group-version-kind")
            if not gvks:
                continue
            raw = convert(schema, defs, builder, cache, set())
            root = finalize(raw, builder, cache)
            for gvk in gvks:
                api_version = gvk["version"] if not gvk["group"] else f"{gvk['group']}/{gvk['version']}"
                kinds[f"{api_version}/{gvk['kind']}"] = root
        versions[label] = dict(sorted(kinds.items()))
        print(f"  {label}: {len(kinds)} kinds", file=sys.stderr)
    if not versions:
        sys.exit("no matching versions in " + PACKAGE)
    document = {
        "format": 1,
        "source": f"kubernetes-validate {kubernetes_validate.__version__ if hasattr(kubernetes_validate, '__version__') else ''} (strict schemas)".replace("  ", " "),
        "versions": versions,
        "types": builder.types,
    }
    text = json.dumps(document, separators=(",", ":"), ensure_ascii=False, sort_keys=False)
    with open(OUT_SWIFT, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/generate-k8s-schema.py from the kubernetes-validate package. Do not edit.\n\n")
        f.write("/// The Kubernetes API schemas, compacted (see the generator for the format).\n")
        f.write(f"enum EmbeddedKubernetesSchema {{\n    static let json = {raw_string(text)}\n}}\n")
    import zlib
    print(f"wrote {len(versions)} versions, {len(builder.types)} types, {len(text)} bytes "
          f"({len(zlib.compress(text.encode(), 9))} bytes compressed)", file=sys.stderr)


if __name__ == "__main__":
    main()
