#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS]: runs each cargo-fuzz target for SECONDS (default 60), starting
# from the committed corpus (tests/fuzz/corpus/<target>, read-only: what libFuzzer finds goes
# to a scratch folder). A crash stops with its input in tests/fuzz/artifacts/<target>/:
# copy it to tests/fuzz/regressions/<target>/ and `cargo test --test it fuzz_regressions::`
# replays it from then on. Runs on stable Rust (no sanitizer; panics are what we look for).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
if ! cargo fuzz --version > /dev/null 2>&1; then
  cargo install --locked cargo-fuzz
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for target in ingest_seed front_matter; do
  mkdir -p "$scratch/$target"
  echo "fuzzing $target for $seconds s"
  status=0
  cargo fuzz run --fuzz-dir tests/fuzz --sanitizer none "$target" \
    "$scratch/$target" "tests/fuzz/corpus/$target" "tests/fuzz/regressions/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    > "$scratch/$target.log" 2>&1 || status=$?
  # libFuzzer's chatter stays in the log; its verdict and the stats are shown.
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)|panicked|ERROR|SUMMARY|Test unit written" "$scratch/$target.log" || true
  if [ "$status" -ne 0 ]; then
    tail -40 "$scratch/$target.log" >&2
    echo "fuzzing $target failed (exit $status)" >&2
    exit 1
  fi
done
