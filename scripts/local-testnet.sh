#!/usr/bin/env bash
# The four-validator local testnet (scripts/local-testnet.json) as native processes on
# 127.0.0.1:
#
#   scripts/local-testnet.sh start | stop | status | compose
#
# `compose` prints docker/docker-compose.yml for the same topology. The node binary is
# $BTT_NODE_BIN, or the debug build in $CARGO_TARGET_DIR (scripts/test.sh builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/btt-chain/target}"
exec python3 scripts/local_testnet.py "$@"
