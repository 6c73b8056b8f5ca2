#!/usr/bin/env bash
# Builds btt-node and starts a development chain: one authority (Alice), blocks every
# 6 seconds, finalized by GRANDPA, state in a temporary ParityDB database.
# Extra arguments go to the node, e.g. `scripts/run-dev.sh --rpc-port 9955`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
set -euo pipefail
# The same build as the test command, so neither rebuilds what the other built.
cargo build --locked --workspace --features runtime-benchmarks,try-runtime
exec "$CARGO_TARGET_DIR/debug/btt-node" --dev "$@"
