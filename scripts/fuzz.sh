#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ with the address sanitizer and runs them.
#
#   bash scripts/fuzz.sh                         # every target: 1,000,000 runs or 30 minutes
#   bash scripts/fuzz.sh FuzzNotePage 600        # one target for at most 600 seconds
#
# Leak detection is off: Swift keeps tag bits in the spare bits of object pointers inside
# enums, so LeakSanitizer cannot see those references and reports reachable objects (the
# embedded schema, YAML values) as leaked. Memory growth is still caught by -rss_limit_mb.
#
# Corpora live in .build/fuzz/corpus/<target> (seeded from content/ and the test fixtures);
# crashes, leaks and timeouts are written to .build/fuzz/findings/<target>/. Each finding
# should become a regression test with its minimal input (libFuzzer's -minimize_crash=1).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
targets=(FuzzFrontMatter FuzzNotePage FuzzManifest FuzzSearchQuery)
if [[ $# -ge 1 ]]; then targets=("$1"); fi
seconds=${2:-1800}

bash scripts/ensure-libraries.sh
# SwiftPM keeps the build plan of the parent package (a path dependency) and misses source
# files added since; drop it so every run compiles what is in Sources/ now.
rm -f Fuzz/.build/release.yaml
swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
bin=$(swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --show-bin-path)

seed() {
    local target=$1 corpus=$2
    mkdir -p "$corpus"
    [[ -n "$(ls -A "$corpus")" ]] && return
    case $target in
        FuzzFrontMatter|FuzzNotePage)
            find content Tests/Fixtures -name '*.md' -size -64k -exec cp {} "$corpus/" \; ;;
        FuzzManifest)
            find Tests/Fixtures -name '*.yaml' -exec cp {} "$corpus/" \;
            # The YAML of every example in the bundled notes.
            python3 - "$corpus" <<'PY'
import os, re, sys
n = 0
for folder, _, files in os.walk("content"):
    for name in files:
        if name.endswith(".md"):
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            for block in re.findall(r"```ya?ml[^\n]*\n(.*?)```", text, re.S):
                n += 1
                open(os.path.join(sys.argv[1], f"example-{n}.yaml"), "w", encoding="utf-8").write(block)
PY
            ;;
        FuzzSearchQuery)
            for q in 파드 파드를 ㅍㄷ ㄷㅍㄹㅇㅁㅌ deploymnet "롤링 업데이트" "Pod은" "k8s의" "서비스 디스커버리"; do
                printf '%s' "$q" > "$corpus/$(printf '%s' "$q" | md5sum | cut -c1-12)"
            done ;;
    esac
}

status=0
mkdir -p .build/fuzz/logs
for target in "${targets[@]}"; do
    corpus=.build/fuzz/corpus/$target
    findings=.build/fuzz/findings/$target
    log=.build/fuzz/logs/$target.log
    mkdir -p "$findings"
    seed "$target" "$corpus"
    echo "== $target (log: $log)"
    # A crash stops this target (libFuzzer writes the input to $findings); the other targets
    # still run, and the script exits non-zero at the end.
    if ! ASAN_OPTIONS=detect_leaks=0 "$bin/$target" "$corpus" -runs=1000000 -max_total_time="$seconds" -detect_leaks=0 \
        -timeout=10 -rss_limit_mb=4096 -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
        status=1
        echo "   FAILED: see $log and $findings/"
    fi
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$log" | sed 's/^/   /'
    echo "   findings: $(ls -A "$findings" | wc -l)"
done
exit $status
