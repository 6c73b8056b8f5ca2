#!/usr/bin/env bash
# The live load test: an optimised `--dev` node, thousands of senders funded from the dev
# chain's liquid allocation, and each hot-path extrinsic (transfers, bttBurn.pay,
# bttMining.payForJob, bttVesting.claim, bttStaking.stake) submitted one per sender per
# round. Prints, and writes to benchmarks/throughput.md, the extrinsics per block (max and
# sustained), TPS, block fullness by weight and each workload's ratio to transfers, then
# each repeatable extrinsic's weight against the real time a full block of it takes.
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

# Weight against real time: `benchmark extrinsic` fills a block to its weight limit with one
# signed extrinsic and times the block's execution. Appended to the same file.
db="$(mktemp -d)"
trap 'rm -rf "$db"' EXIT
{
  echo
  echo "## Weight against real time"
  echo
  echo "\`btt-node benchmark extrinsic --dev --pallet <p> --extrinsic <e> --warmup 2 --repeat 10\`"
  echo "(same node, same machine) fills a block to its weight limit with one signed extrinsic and"
  echo "times the block's execution; an extrinsic's weight is the normal class's 1.5 s over the"
  echo "number a full block holds."
  echo
  echo "| extrinsic | per full block | real time per extrinsic (mean) | weight per extrinsic | weight ÷ real time |"
  echo "|---|---:|---:|---:|---:|"
  for builder in "system remark" "balances transfer_keep_alive" "btt_burn pay" "btt_vesting claim"; do
    set -- $builder
    log="$("$BTT_NODE_BIN" benchmark extrinsic --dev --base-path "$db/$1-$2" --pallet "$1" \
      --extrinsic "$2" --warmup 2 --repeat 10 2>&1)"
    per_block="$(grep -oP 'Extrinsics per block: \K[0-9]+' <<<"$log" | tail -1)"
    mean_ns="$(grep -oP 'Average: \K[0-9]+' <<<"$log" | tail -1)"
    awk -v name="$1.$2" -v n="$per_block" -v ns="$mean_ns" 'BEGIN {
      weight = 1500000 / n; real = ns / 1000;
      printf "| `%s` | %d | %d µs | %d µs | %.1f |\n", name, n, real, weight, weight / real }'
  done
} | tee -a "$OUT"
