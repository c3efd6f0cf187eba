#!/usr/bin/env bash
# Whole-process comparison of `r2p classify` with `fasttext predict-prob` on the same real text:
# every paragraph of ../shared/corpora/ungdc-2005-2024.jsonl.gz (about 90,000 General Debate
# paragraphs). fastText gets a one-vs-all model trained on our corpus (seeds/corpus) in its fastest
# setup (word bigrams, no subword n-grams). Both are timed from process start to the last output
# byte: start-up, model load, reading, classifying, writing. CI does not run this.
#
#   benchmarks/compare-fasttext.sh [runs]        (default 3 runs each; needs python3, installs fasttext)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
corpus=../shared/corpora/ungdc-2005-2024.jsonl.gz
[ -f "$corpus" ] || { echo "compare-fasttext: $corpus not found" >&2; exit 1; }

if ! command -v fasttext >/dev/null 2>&1; then
  echo "compare-fasttext: installing fasttext (Debian package)" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y fasttext >/dev/null; else sudo apt-get install -y fasttext >/dev/null; fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Our labeled corpus in fastText's format: one line per paragraph, its labels as __label__ prefixes
# (__label__none for a paragraph with no label, so that fastText does not drop it).
python3 - seeds/corpus "$tmp/train.txt" <<'EOF'
import json, pathlib, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in sorted(pathlib.Path(sys.argv[1]).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                labels = " ".join("__label__" + l for l in row["labels"]) or "__label__none"
                out.write(labels + " " + " ".join(row["text"].split()) + "\n")
EOF
# fastText reads plain text, one paragraph per line; r2p reads the .jsonl.gz itself.
python3 - "$corpus" "$tmp/input.txt" <<'EOF'
import gzip, json, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as rows, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in rows:
        if line.strip():
            out.write(" ".join(json.loads(line)["text"].split()) + "\n")
EOF
echo "paragraphs: $(wc -l < "$tmp/input.txt")" >&2

fasttext supervised -input "$tmp/train.txt" -output "$tmp/ft" -loss ova -wordNgrams 2 -minn 0 -maxn 0 -epoch 25 -thread 2 -verbose 0
# Ready-to-run code for this machine cuts JIT time at start-up (the csproj asks for it on publish with a runtime).
dotnet publish src/R2P.Classify.Cli -c Release -r "linux-$(dpkg --print-architecture | sed s/amd64/x64/)" --self-contained false -o "$tmp/r2p" --nologo -v quiet >/dev/null
ls -l "$tmp/ft.bin" models/r2p-default.zip >&2

# One timed run: prints elapsed seconds and peak resident memory (KB).
timed() {
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null
  cat "$tmp/time"
}

report() {
  local name=$1; shift
  local best=""
  for _ in $(seq "$runs"); do
    read -r seconds kb < <(timed "$@")
    echo "  $name: ${seconds} s, ${kb} KB peak" >&2
    if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
  done
  echo "$best"
}

echo "timing ($runs runs each, best kept):" >&2
ft=$(report "fasttext predict-prob" fasttext predict-prob "$tmp/ft.bin" "$tmp/input.txt" -1 0.5)
r2p1=$(report "r2p classify --threads 1" "$tmp/r2p/r2p" classify "$corpus" --format jsonl --threads 1 --output "$tmp/out1.jsonl")
r2p=$(report "r2p classify (all cores)" "$tmp/r2p/r2p" classify "$corpus" --format jsonl --output "$tmp/out.jsonl")
echo "output rows: $(wc -l < "$tmp/out.jsonl") (r2p)" >&2

awk -v ft="$ft" -v r1="$r2p1" -v r="$r2p" -v cores="$(nproc)" 'BEGIN {
  printf "| command | seconds (best of runs) | vs fastText |\n|---|---|---|\n"
  printf "| fasttext predict-prob (1 thread) | %.2f | 1.00x |\n", ft
  printf "| r2p classify --threads 1 | %.2f | %.2fx |\n", r1, ft / r1
  printf "| r2p classify (%d cores) | %.2f | %.2fx |\n", cores, r, ft / r
}'
