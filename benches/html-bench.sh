#!/usr/bin/env bash
# Scores the main text `nectar text` reads from web pages on the public html-bench benchmark
# beside the checkout (../shared/html-bench: 181 real article pages, their true text and the
# benchmark's own scorer), and times it: prints F1, precision and recall (the scorer's table)
# and pages per second of `nectar text -j1` (one core, reading and parsing included).
#
#   benches/html-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bench="../shared/html-bench"
[ -d "$bench/html" ] || { echo "html-bench: $bench is not beside the checkout" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build -q --release -p nectar-cli
cp "$bench/evaluate.py" "$bench/ground-truth.json" "$work/"
mkdir "$work/output"
start=$(date +%s.%N)
target/release/nectar text -j1 --json "$bench/html" > "$work/nectar.jsonl"
end=$(date +%s.%N)
pages=$(wc -l < "$work/nectar.jsonl")
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
out = {}
for line in open(os.path.join(work, "nectar.jsonl")):
    page = json.loads(line)
    out[os.path.basename(page["file"]).removesuffix(".html.gz")] = {"articleBody": page["text"]}
json.dump(out, open(os.path.join(work, "output", "nectar.json"), "w"))
PY
(cd "$work" && python3 evaluate.py)
python3 -c "print(f'{$pages} pages in {$end - $start:.2f} s: {$pages / ($end - $start):.0f} pages/s (nectar text -j1)')"
