#!/usr/bin/env bash
# Runs the runtime benchmarks of the BTT pallets and writes their weights.rs files, then
# prints each call's ref_time beside `balances.transfer_keep_alive`, measured in the same
# run, as a ratio.
#
#   scripts/benchmark.sh [pallet ...]     # default: every BTT pallet with calls
#
# Steps and repeats default to the usual production values; set STEPS/REPEAT to change
# them (e.g. STEPS=2 REPEAT=1 for a quick smoke run that must not be committed).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
set -euo pipefail
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=(pallet_btt_burn pallet_btt_vesting pallet_btt_staking)

# An optimised node: the benchmarks time the runtime together with the node's host
# functions (storage, hashing), which a debug build runs dozens of times slower.
cargo build --locked --release -p btt-node --features runtime-benchmarks
node="$CARGO_TARGET_DIR/release/btt-node"
runtime="$CARGO_TARGET_DIR/release/wbuild/btt-runtime/btt_runtime.compact.compressed.wasm"
out="$CARGO_TARGET_DIR/benchmarks"
mkdir -p "$out"

run() { # pallet, extrinsic, extra args...
  local pallet="$1" extrinsic="$2"; shift 2
  "$node" benchmark pallet --runtime "$runtime" --genesis-builder-preset development \
    --pallet "$pallet" --extrinsic "$extrinsic" \
    --steps "$STEPS" --repeat "$REPEAT" --wasm-execution compiled \
    --json-file "$out/$pallet.json" "$@"
}

# The baseline, in the same run and on the same machine.
run pallet_balances transfer_keep_alive --template .maintain/weight-template.hbs --output "$out/pallet_balances.rs"
for pallet in "${pallets[@]}"; do
  crate_dir="pallets/${pallet#pallet_}"
  crate_dir="${crate_dir//_/-}"
  run "$pallet" '*' --template .maintain/weight-template.hbs --output "$crate_dir/src/weights.rs" \
    --header .maintain/HEADER.txt
done

weight_files=()
for pallet in "${pallets[@]}"; do
  crate_dir="pallets/${pallet#pallet_}"
  weight_files+=("${crate_dir//_/-}/src/weights.rs")
done
python3 scripts/weight-ratios.py "$out/pallet_balances.rs" "${weight_files[@]}" | tee "$out/ratios.txt"
