#!/usr/bin/env bash
# The four-validator local testnet (scripts/local-testnet.json) as native processes on
# 127.0.0.1:
#
#   scripts/local-testnet.sh start | stop | status | compose
#
# `compose` prints docker/docker-compose.yml for the same topology. The node binary is
# $BTT_NODE_BIN, or the debug build in $CARGO_TARGET_DIR (default
# $HOME/.cache/btt-chain/target; scripts/test.sh builds it). The launcher is
# scripts/local-testnet.mjs, which tests/e2e/network.test.mjs imports: it needs only Node
# (20 or later), not `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/local-testnet.mjs "$@"
