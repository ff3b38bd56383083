#!/usr/bin/env bash
# Fuzzes missive for a bounded time: `scripts/fuzz.sh [TARGET] [SECONDS]` (default
# letter_text, 600 seconds; `scripts/fuzz.sh SECONDS` fuzzes letter_text). Targets:
#   letter_text   a letter's text: front-matter splitting, TOML, Markdown to Typst markup,
#                 diagnostics
#   html_reader   the web-page reader (encodings, HTML5 parsing, chrome, notes)
#   docx_package  the Word reader on whole files (zip, OLE, limits)
#   docx_parts    the Word reader's XML (document, styles, numbering, notes parts)
#   all           each of them for SECONDS
# Not part of CI. Findings land in fuzz/artifacts/TARGET/; re-run one with
# `RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET --sanitizer none FILE` (from the repository).
#
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 lets the stable toolchain use them.
# No sanitizer: the code under test is safe Rust, so the targets look for panics, failed
# assertions (debug assertions on, overflow included), hangs and runaway memory, and run
# faster without.
set -euo pipefail
cd "$(dirname "$0")/.."

target="letter_text"
if [[ $# -gt 0 && ! "$1" =~ ^[0-9]+$ ]]; then
  target="$1"
  shift
fi
seconds="${1:-600}"
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

# Seeds each target's corpus with the repository's own inputs (small ones).
seed() {
  local corpus="fuzz/corpus/$1"
  mkdir -p "$corpus"
  case "$1" in
    letter_text)
      find examples tests/bad -name '*.md' -size -64k | while read -r letter; do
        cp "$letter" "$corpus/seed-$(echo "$letter" | tr '/' '_')"
      done ;;
    html_reader)
      for page in tests/import/web/*.html; do cp "$page" "$corpus/seed-$(basename "$page")"; done ;;
    docx_package)
      for file in tests/import/word/*.doc? tests/import/hostile/*.docx; do
        [[ $(stat -c %s "$file") -lt 65536 ]] && cp "$file" "$corpus/seed-$(basename "$file")"
      done ;;
    docx_parts)
      # The parts of each corpus file, joined with NUL bytes in the target's order.
      python3 - "$corpus" tests/import/word/*.doc? <<'EOF'
import sys, zipfile, os
corpus, files = sys.argv[1], sys.argv[2:]
parts = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/endnotes.xml"]
for path in files:
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        data = b"\0".join(z.read(p) if p in names else b"" for p in parts)
    if len(data) < 262144:
        open(os.path.join(corpus, "seed-" + os.path.basename(path)), "wb").write(data)
EOF
      ;;
  esac
}

run() {
  local dict=() max_len=262144
  case "$1" in
    letter_text) max_len=65536 ;;
    html_reader) dict=(-dict=dict/html.dict) ;;
    docx_parts) dict=(-dict=dict/wordml.dict) ;;
  esac
  seed "$1"
  (cd fuzz && cargo fuzz run "$1" --sanitizer none -- \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 "${dict[@]}")
}

case "$target" in
  all) for t in letter_text html_reader docx_package docx_parts; do run "$t"; done ;;
  letter_text|html_reader|docx_package|docx_parts) run "$target" ;;
  *) echo "unknown fuzz target: $target (letter_text, html_reader, docx_package, docx_parts, all)" >&2; exit 2 ;;
esac
