#!/usr/bin/env bash
# The live load test: an optimised `--dev` node, thousands of senders funded from the dev
# chain's liquid allocation, and each hot-path extrinsic (transfers, bttBurn.pay,
# bttMining.payForJob, bttVesting.claim, bttStaking.stake) submitted one per sender per
# round. Prints, and writes to benchmarks/throughput.md, the extrinsics per block (max and
# sustained), TPS, block fullness by weight and each workload's ratio to transfers.
#
#   scripts/bench-throughput.sh            # SENDERS=3000 ROUNDS=8
#   SENDERS=500 ROUNDS=2 scripts/bench-throughput.sh
#
# The test command runs a smoke of the same code (tests/e2e/throughput.test.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
set -euo pipefail
# The release node that the weight benchmarks use (scripts/benchmark.sh): one optimised build.
cargo build --locked --release -p btt-node --features runtime-benchmarks
export BTT_NODE_BIN="$CARGO_TARGET_DIR/release/btt-node"
export SENDERS="${SENDERS:-3000}" ROUNDS="${ROUNDS:-8}"
export OUT="${OUT:-$PWD/benchmarks/throughput.md}"
mkdir -p "$(dirname "$OUT")"
(cd tests/e2e && node throughput.mjs)

# Weight against real time: a block filled to its weight limit with one extrinsic, executed.
db="$(mktemp -d)"
trap 'rm -rf "$db"' EXIT
for builder in "system remark" "balances transfer_keep_alive" "btt_burn pay" "btt_vesting claim"; do
  set -- $builder
  "$BTT_NODE_BIN" benchmark extrinsic --dev --base-path "$db/$1-$2" --pallet "$1" --extrinsic "$2" \
    --warmup 2 --repeat 10 2>&1 | grep -E "Extrinsics per block|takes\[ns\]|Average"
done
