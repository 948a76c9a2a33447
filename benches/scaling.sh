#!/usr/bin/env bash
# benches/scaling.sh [SMALL] [LARGE] [RUNS]: how a full build grows with the site. Builds
# the shared corpus at SMALL and LARGE events (default 3,000 and 30,000: 9,000 and 90,000
# reports in en/de/pl) into fresh folders on tmpfs, alternating one build of each per
# round, and prints the medians of wall, CPU and peak memory with the ratios large / small
# (linear growth is LARGE / SMALL, 10 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
small="${1:-3000}"
large="${2:-30000}"
runs="${3:-3}"
bench="${NEWSROOM_BENCH:-../shared/bench}"
tmpfs="${BENCH_TMPFS:-/dev/shm}"
work="$(mktemp -d -p "$tmpfs" newsroom-scaling.XXXXXX)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
benches/corpus.sh "$small" "$work/small"
benches/corpus.sh "$large" "$work/large"

# One build into a new folder, removed afterwards outside the timing; prints "wall cpu peak".
time_one() {
  local out
  out="$(mktemp -d -p "$work" out.XXXXXX)"
  python3 "$bench/timeit.py" -n 1 --warmup 0 -- \
    "$PWD/target/release/newsroom" --root "$work/$1" build --no-ingest --output "$out/public" |
    awk '$2 == "wall" { wall = $5 } $2 == "cpu" { cpu = $5 } $2 == "peak" { peak = $5 }
         END { print wall, cpu, peak }'
  rm -rf "$out"
}

time_one small > /dev/null
rounds="$work/rounds"
for _ in $(seq "$runs"); do
  echo "$(time_one small) $(time_one large)" >> "$rounds"
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column() { awk -v c="$1" '{ print $c }' "$rounds" | median; }
ratio() { awk -v a="$(column "$1")" -v b="$(column "$2")" 'BEGIN { printf "%.2f", a / b }'; }
printf '%s and %s events (%s and %s reports), outputs on %s, medians of %s rounds\n\n' \
  "$small" "$large" "$((small * 3))" "$((large * 3))" "$tmpfs" "$runs"
printf '| | wall s | CPU s | peak MiB |\n|---|---|---|---|\n'
printf '| %s reports | %s | %s | %s |\n' "$((small * 3))" "$(column 1)" "$(column 2)" "$(column 3)"
printf '| %s reports | %s | %s | %s |\n' "$((large * 3))" "$(column 4)" "$(column 5)" "$(column 6)"
printf '| large / small | %s | %s | %s |\n' "$(ratio 4 1)" "$(ratio 5 2)" "$(ratio 6 3)"
