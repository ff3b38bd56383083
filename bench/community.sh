# Sourced by the benchmarks that compare with the stock typst CLI (batch.sh, interleaved.sh,
# real.sh, decompose.sh), after they set HERE to bench/: the project's root, the
# community-style template (env COMMUNITY_TEMPLATE, default ../shared/bench) and the folder
# of the Linux Libertine fonts it names.
ROOT=$(dirname "$HERE")
COMMUNITY_TEMPLATE=${COMMUNITY_TEMPLATE:-$ROOT/../shared/bench/community-letter.typ}
LIBERTINE=/usr/share/fonts/opentype/linux-libertine
