#!/usr/bin/env bash
# Runs every test of the BTT chain: the Rust unit and integration tests of the pallets,
# the runtime and the node (with benchmarks compiled in, so their test suites run too),
# then the end-to-end suite that drives real btt-node processes with @polkadot/api.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
. scripts/setup.sh
set -euo pipefail

echo "== one version of every polkadot-sdk crate in Cargo.lock"
duplicates=$(awk '/^name = /{name=$3} /^version = /{print name}' Cargo.lock \
  | grep -E '^"(sc|sp|frame|pallet|substrate|polkadot)-' | sort | uniq -d)
if [ -n "$duplicates" ]; then
  echo "two versions of: $duplicates" >&2
  exit 1
fi

echo "== the documentation points only at files of the repository"
python3 scripts/check-docs.py

# `npm test` in tests/e2e runs two groups of suites, each listed by name; a suite in neither
# would silently not run, one in both would run twice.
echo "== every end-to-end suite is in exactly one group of tests/e2e/package.json"
node -e '
const fs = require("node:fs");
const { scripts } = JSON.parse(fs.readFileSync("tests/e2e/package.json", "utf8"));
const listed = ["test:single-node", "test:network"]
  .flatMap((group) => scripts[group].split(/\s+/))
  .filter((word) => word.endsWith(".test.mjs"));
const suites = fs.readdirSync("tests/e2e").filter((file) => file.endsWith(".test.mjs"));
const wrong = [
  ...suites.filter((suite) => listed.filter((entry) => entry === suite).length !== 1),
  ...listed.filter((entry) => !suites.includes(entry)),
];
if (wrong.length > 0) {
  console.error(`not in exactly one group: ${wrong.join(" ")}`);
  process.exit(1);
}
'

# One build for every Rust test: benchmarks compiled in (their test suites run too) and
# try-runtime (the fuzzer's and the upgrade checks' try_state hooks). The runtime's wasm is
# built without try-runtime (runtime/build.rs), so the end-to-end node is the same.
echo "== cargo test (workspace, runtime-benchmarks + try-runtime; fuzzer ~${FUZZ_BUDGET_SECS:-100} s)"
cargo test --locked --workspace --features runtime-benchmarks,try-runtime

echo "== end-to-end tests (tests/e2e, node's test runner)"
# The CI variant of the network suite: the late joiner syncs a 20-block chain and a validator
# is paused for 30 s (the full scenarios, 50 blocks and 60 s, are the suite's defaults:
# `npm test` in tests/e2e without these two variables).
export BTT_E2E_LATE_JOINER_BLOCKS="${BTT_E2E_LATE_JOINER_BLOCKS:-20}"
export BTT_E2E_PAUSE_MS="${BTT_E2E_PAUSE_MS:-30000}"
export BTT_NODE_BIN="$CARGO_TARGET_DIR/debug/btt-node"
(cd tests/e2e && npm test)

echo "== all tests passed in $(( $(date +%s) - started )) s"
