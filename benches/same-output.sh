#!/usr/bin/env bash
# Checks that a speed change changes nothing but speed: builds `nectar` at BASE (a git ref,
# default `main`) in a temporary worktree and at the working tree, parses the same corpora with
# both (the seeds beside the checkout, the sample corpus, 1,000 synthetic reports), and
# compares the JSON byte for byte; then counts the instructions of each on 200 synthetic
# reports with callgrind when valgrind is installed (repeatable where wall times are not).
#
#   benches/same-output.sh            # against main
#   benches/same-output.sh HEAD~3     # against another commit
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-main}"
work="$(mktemp -d)"
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

echo "== building nectar at $base and at the working tree"
git worktree add -q --detach "$work/base" "$base"
CARGO_TARGET_DIR="$work/target-base" cargo build -q --release -p nectar-cli -p nectar-testkit \
  --manifest-path "$work/base/Cargo.toml"
cargo build -q --release -p nectar-cli -p nectar-testkit
target="${CARGO_TARGET_DIR:-target}"
old="$work/target-base/release/nectar"
new="$target/release/nectar"

"$target/release/nectar-synth" 1000 "$work/synth" --seed 7 >/dev/null
mkdir -p "$work/synth200"
find "$work/synth" -maxdepth 1 -name '*.txt' | sort | head -n 200 | xargs -I{} cp {} "$work/synth200/"

corpora=("examples/corpus" "$work/synth")
[ -d ../shared/seeds ] && corpora+=("../shared/seeds")
status=0
for corpus in "${corpora[@]}"; do
  "$old" parse "$corpus" -q -o "$work/old.json"
  "$new" parse "$corpus" -q -o "$work/new.json"
  if cmp -s "$work/old.json" "$work/new.json"; then
    echo "same output: $corpus"
  else
    echo "DIFFERENT output: $corpus"
    diff "$work/old.json" "$work/new.json" | head -n 20 || true
    status=1
  fi
done

if command -v valgrind >/dev/null; then
  for bin in "$old" "$new"; do
    count=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" parse "$work/synth200" \
      -j1 -q -o /dev/null 2>&1 | sed -n 's/.*Collected : //p')
    echo "instructions, 200 synthetic reports, $([ "$bin" = "$old" ] && echo "$base" || echo "working tree"): $count"
  done
fi
exit $status
