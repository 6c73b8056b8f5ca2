#!/usr/bin/env bash
# Regenerates the committed chain specs in chain-specs/ from the runtime's genesis presets,
# with the production runtime (scripts/build-runtime.sh) as their code.
# Run it after any change to the runtime, a preset or the allocation table; the node's tests
# `committed_chain_specs_are_up_to_date` and `..._embed_the_production_runtime` fail until
# you do.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
set -euo pipefail
cargo build --locked --workspace --features runtime-benchmarks,try-runtime
node="$CARGO_TARGET_DIR/debug/btt-node"
"$node" export-chain-spec --chain local --output chain-specs/local-testnet.json
"$node" export-chain-spec --chain mainnet-template --output chain-specs/mainnet-template.json
scripts/build-runtime.sh --chain-specs
