#!/usr/bin/env bash
# Builds btt-node and starts a development chain: one authority (Alice), blocks every
# 6 seconds, finalized by GRANDPA, state in a temporary ParityDB database.
# Extra arguments go to the node, e.g. `scripts/run-dev.sh --rpc-port 9955`.
#
# The dev chain's day is 10 blocks (a minute). BTT_DAY_BLOCKS=1 runs the same dev genesis
# with 1-block days, to watch a whole cycle in minutes: a 30-day stake matures in 3 minutes,
# a vesting month passes in 3, a mining era lasts one block.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
set -euo pipefail
# The same build as the test command, so neither rebuilds what the other built.
cargo build --locked --workspace --features runtime-benchmarks,try-runtime
node="$CARGO_TARGET_DIR/debug/btt-node"
if [ -z "${BTT_DAY_BLOCKS:-}" ]; then
  exec "$node" --dev "$@"
fi
case "$BTT_DAY_BLOCKS" in
  '' | *[!0-9]* | 0) echo "BTT_DAY_BLOCKS must be a positive number of blocks" >&2; exit 1 ;;
esac
spec_dir="$(mktemp -d)"
trap 'rm -rf "$spec_dir"' EXIT
"$node" export-chain-spec --chain dev --output "$spec_dir/dev.json"
# Only the genesis day length changes: the code path is production's.
sed -i -E "s/\"dayLength\": [0-9]+/\"dayLength\": $BTT_DAY_BLOCKS/" "$spec_dir/dev.json"
grep -q "\"dayLength\": $BTT_DAY_BLOCKS\b" "$spec_dir/dev.json"
echo "dev chain with ${BTT_DAY_BLOCKS}-block days"
# What --dev implies, on the patched spec.
"$node" --chain "$spec_dir/dev.json" --alice --validator --force-authoring --tmp \
  --unsafe-force-node-key-generation \
  --rpc-cors all --rpc-methods unsafe "$@"
