#!/usr/bin/env bash
# Measures every weight of the runtime on this machine, in one run, and writes them:
#   * the BTT pallets' calls              -> pallets/btt-*/src/weights.rs
#   * the FRAME pallets' calls            -> runtime/src/weights/<pallet>.rs
#   * the block and extrinsic base weights (`benchmark overhead`)
#                                         -> runtime/src/weights/{block,extrinsic}_weights.rs
#   * ParityDB's read and write (`benchmark storage`, the node's default database)
#                                         -> runtime/src/weights/paritydb_weights.rs
# and prints each BTT call's ref_time beside `balances.transfer_keep_alive`, measured in the
# same run, as a ratio (also in $CARGO_TARGET_DIR/benchmarks/ratios.txt).
#
#   scripts/benchmark.sh                  # everything
#   scripts/benchmark.sh pallet_btt_burn  # only the named pallets (and the baseline)
#   scripts/benchmark.sh overhead storage # only the base and database weights
#
# STEPS/REPEAT default to 50/20; STEPS=2 REPEAT=1 is a smoke run that must not be committed.
# BTT_BENCH_NO_BUILD=1 uses the release node already built.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
set -euo pipefail
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"

btt_pallets=(pallet_btt_burn pallet_btt_vesting pallet_btt_staking pallet_btt_mining
  pallet_btt_governance pallet_btt_validators)
frame_pallets=(frame_system frame_system_extensions pallet_balances pallet_timestamp
  pallet_transaction_payment pallet_sudo pallet_multisig pallet_utility pallet_proxy pallet_preimage
  pallet_scheduler pallet_referenda pallet_conviction_voting pallet_collective pallet_treasury
  pallet_session)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${btt_pallets[@]}" "${frame_pallets[@]}" overhead storage)

# An optimised node: the benchmarks time the runtime together with the node's host
# functions (storage, hashing), which a debug build runs dozens of times slower.
[ -n "${BTT_BENCH_NO_BUILD:-}" ] || cargo build --locked --release -p btt-node --features runtime-benchmarks
node="$CARGO_TARGET_DIR/release/btt-node"
runtime="$CARGO_TARGET_DIR/release/wbuild/btt-runtime/btt_runtime.compact.compressed.wasm"
out="$CARGO_TARGET_DIR/benchmarks"
mkdir -p "$out"
weights_dir=runtime/src/weights

pallet() { # pallet, extrinsic, extra args...
  local pallet="$1" extrinsic="$2"; shift 2
  echo "== $pallet ($(date +%T))"
  "$node" benchmark pallet --runtime "$runtime" --genesis-builder-preset development \
    --pallet "$pallet" --extrinsic "$extrinsic" \
    --steps "$STEPS" --repeat "$REPEAT" --wasm-execution compiled \
    --json-file "$out/$pallet.json" --header .maintain/HEADER.txt "$@"
}

# The generated base weight files name sp_core and sp_weights; the runtime reaches the same
# items through frame_support in the polkadot-sdk umbrella crate.
umbrella_paths() {
  sed -i -E -e 's/\buse sp_core::parameter_types/use polkadot_sdk::frame_support::parameter_types/' \
    -e 's/\buse sp_weights::/use polkadot_sdk::frame_support::weights::/' "$@"
}

# A dev chain's database in a directory of its own, for the node-side benchmarks.
db_dir="$(mktemp -d)"
trap 'rm -rf "$db_dir"' EXIT

# The baseline, in the same run and on the same machine.
pallet pallet_balances transfer_keep_alive --template .maintain/weight-template.hbs \
  --output "$out/pallet_balances_baseline.rs"
# Its samples, kept apart: a later `pallet_balances` target rewrites pallet_balances.json.
cp "$out/pallet_balances.json" "$out/pallet_balances_baseline.json"

ratio_inputs=()
for target in "${targets[@]}"; do
  case "$target" in
    pallet_btt_*)
      crate_dir="pallets/${target#pallet_}"
      crate_dir="${crate_dir//_/-}"
      pallet "$target" '*' --template .maintain/weight-template.hbs --output "$crate_dir/src/weights.rs"
      ratio_inputs+=("$out/$target.json")
      ;;
    frame_*|pallet_*)
      pallet "$target" '*' --template .maintain/frame-weight-template.hbs \
        --output "$weights_dir/$target.rs"
      ;;
    overhead)
      echo "== overhead ($(date +%T))"
      "$node" benchmark overhead --dev --base-path "$db_dir/overhead" --weight-path "$weights_dir" \
        --header .maintain/HEADER.txt
      umbrella_paths "$weights_dir/block_weights.rs" "$weights_dir/extrinsic_weights.rs"
      ;;
    storage)
      echo "== storage ($(date +%T))"
      # The mean read and write over the dev chain's genesis state (158 keys, the runtime code
      # among them); measure again on a grown chain's state before a launch.
      "$node" benchmark storage --dev --base-path "$db_dir/storage" --database paritydb \
        --state-version 1 --metric average --batch-size 10 --weight-path "$weights_dir" \
        --template-path .maintain/storage-weight-template.hbs --header .maintain/HEADER.txt
      ;;
    *) echo "unknown benchmark target: $target" >&2; exit 1 ;;
  esac
done

if [ ${#ratio_inputs[@]} -gt 0 ]; then
  python3 scripts/weight-ratios.py "$out/pallet_balances_baseline.json" "${ratio_inputs[@]}" \
    | tee "$out/ratios.txt"
fi
