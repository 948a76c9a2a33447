#!/usr/bin/env bash
# Main-text extraction on the public article extraction benchmark (181 real news pages and
# their bodies written out by people; ../shared/bench/extraction, MIT licence), scored by
# the benchmark's own scorer. Prints the F1 and fails below the floor (default 0.95), and
# when a page gives no report at all.
#
# usage: benches/extraction.sh [NEWSROOM_BIN] [FLOOR]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/release/newsroom}"
floor="${2:-0.95}"
bench="${NEWSROOM_EXTRACTION_BENCH:-../shared/bench/extraction}"
if [ ! -f "$bench/score.py" ]; then
  echo "no extraction benchmark at $bench (set NEWSROOM_EXTRACTION_BENCH)" >&2
  exit 1
fi
report="$(python3 "$bench/score.py" "$bin")"
echo "$report"
last="$(tail -1 <<<"$report")"
f1="$(sed -n 's/^extraction F1 \([0-9.]*\) on .*/\1/p' <<<"$last")"
missing="$(sed -n 's/.*pages, \([0-9]*\) without a report.*/\1/p' <<<"$last")"
if [ -z "$f1" ] || [ -z "$missing" ]; then
  echo "could not read the F1 from the scorer's last line: $last" >&2
  exit 1
fi
python3 - "$f1" "$floor" "$missing" <<'PY'
import sys
f1, floor, missing = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"extraction F1 {f1:.3f} (floor {floor:.2f}), {missing} pages without a report")
if f1 < floor or missing:
    sys.exit("extraction benchmark below its floor")
PY
