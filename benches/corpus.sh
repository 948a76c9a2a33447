#!/usr/bin/env bash
# benches/corpus.sh EVENTS DIR: the shared bench corpus (../shared/bench/gen_corpus.py) in
# newsroom's content format, with the site.yaml it lacks (en/de/pl, tags and countries).
set -euo pipefail
events="$1"
dir="$2"
bench="${NEWSROOM_BENCH:-$(cd "$(dirname "$0")/.." && pwd)/../shared/bench}"
python3 "$bench/gen_corpus.py" --events "$events" --format plain --out "$dir" > /dev/null
cat > "$dir/site.yaml" <<'YAML'
base_url: https://bench.example.org/
title: Bench
languages: [{code: en}, {code: de}, {code: pl}]
taxonomies: [tags, countries]
YAML
