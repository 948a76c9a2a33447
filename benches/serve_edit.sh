#!/usr/bin/env bash
# Times `newsroom serve --watch` after one edited report, on the shared bench corpus:
# from the write to the rebuilt page (observed, includes the 25 ms debounce) and newsroom's
# own figure (reported), medians of EDITS edits: first a sentence appended to the body
# (../shared/bench/serve_edit.py), then the title changed, timed until the report's event
# page is served with the new title (benches/serve_title.py). Usage:
# benches/serve_edit.sh [EVENTS] [EDITS] (3,000 events = 9,000 reports in en/de/pl).
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-3000}"
edits="${2:-5}"
bench="${NEWSROOM_BENCH:-../shared/bench}"
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
benches/corpus.sh "$events" "$corpus"
cargo build --release --quiet
middle="$(find "$corpus/content" -name '*.en.md' | sort | sed -n "$(( events / 2 + 1 ))p")"
python3 "$bench/serve_edit.py" --name newsroom --ready "serving " \
  --done "changed: .* (\d+) ms" --edit "$middle" --edits "$edits" --settle 1.5 -- \
  target/release/newsroom --root "$corpus" serve --watch --port 0
event="$(basename "$(dirname "$middle")")"
python3 benches/serve_title.py --report "$middle" --page "/en/events/$event/" --edits "$edits" -- \
  target/release/newsroom --root "$corpus" serve --watch --port 0
