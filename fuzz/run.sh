#!/usr/bin/env bash
# Runs nectar's fuzz targets, each for SECONDS (default 30), from seed corpora made of the
# sample corpus (examples/). cargo-fuzz needs nightly Rust for its sanitizers; with a stable
# toolchain the targets run without one (`-s none`, RUSTC_BOOTSTRAP=1 for libFuzzer's flags).
#
#   fuzz/run.sh [SECONDS] [TARGET...]     e.g. fuzz/run.sh 600 document
#   FUZZ_RUNS=2000 fuzz/run.sh            a fixed number of runs from a fixed seed (CI)
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(document html text_finders sidecar)
root=..
seed() {  # seed TARGET FILES...
  local dir="corpus/$1"
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && cp -n "$f" "$dir/$(basename "$f")"
  done
  return 0
}
shopt -s globstar nullglob
seed document "$root"/examples/corpus/**/*.txt
seed text_finders "$root"/examples/corpus/**/*.txt
seed html "$root"/examples/web/**/*.html
seed sidecar "$root"/examples/corpus/**/*.meta.json
for t in "${targets[@]}"; do
  echo "== fuzz $t for ${seconds}s"
  if [ -n "${FUZZ_RUNS:-}" ]; then
    budget=(-runs="$FUZZ_RUNS" -seed=1)
  else
    budget=(-max_total_time="$seconds")
  fi
  RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -O "$t" "corpus/$t" -- \
    "${budget[@]}" -timeout=10 -rss_limit_mb=4096 -max_len=1048576 -print_final_stats=1
done
