#!/usr/bin/env bash
# Fuzzes missive's handling of letter text (front-matter splitting, TOML, Markdown to
# Typst markup, diagnostics) for a bounded time: `scripts/fuzz.sh [SECONDS]` (default 600).
# Not part of CI. Findings land in fuzz/artifacts/letter_text/; re-run one with
# `RUSTC_BOOTSTRAP=1 cargo fuzz run letter_text --sanitizer none FILE` (from the repository).
#
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 lets the stable toolchain use them.
# No sanitizer: the code under test is safe Rust, so the target looks for panics, failed
# assertions (debug assertions on, overflow included) and hangs, and runs faster without.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

# Seed the corpus with every letter in the repository (small ones).
corpus=fuzz/corpus/letter_text
mkdir -p "$corpus"
find examples tests/bad -name '*.md' -size -64k | while read -r letter; do
  cp "$letter" "$corpus/seed-$(echo "$letter" | tr '/' '_')"
done

cd fuzz
exec cargo fuzz run letter_text --sanitizer none -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -print_final_stats=1
