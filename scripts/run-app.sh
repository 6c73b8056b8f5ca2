#!/usr/bin/env bash
# Builds the BTT web app (app/) and serves it on http://127.0.0.1:8080 (PORT changes it).
# The page connects to ws://127.0.0.1:9944, the node `scripts/run-dev.sh` starts; another
# node's address can be typed into the page (or given as ?rpc=ws://host:port).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
set -euo pipefail
cd app
node build.mjs
exec node serve.mjs
