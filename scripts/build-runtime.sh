#!/usr/bin/env bash
# Builds the production runtime: the wasm blob a live chain runs and the committed chain
# specs embed. It is built
#   * without `runtime-benchmarks` (no benchmark entry points) and without `try-runtime`,
#   * with `metadata-hash` (CheckMetadataHash for offline and hardware signers),
#   * with the `production` profile (fat LTO, one codegen unit),
#   * by the pinned compiler below, in a target directory of its own, with the checkout,
#     the crate registry and the target directory remapped out of the blob's panic
#     locations, so that the same commit gives the same bytes wherever it is built.
# It prints the blob's blake2-256 hash (the on-chain code hash) and its size.
#
#   scripts/build-runtime.sh               # build, print the hash, write the record
#   scripts/build-runtime.sh --chain-specs # ... and embed the blob in chain-specs/*.json
#
# BTT_RUNTIME_TARGET chooses the target directory (default ~/.cache/btt-chain/runtime-production);
# building twice from two empty directories gives the same hash (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

# The compiler the production runtime is built with. Its version is part of what makes the
# hash reproducible: another compiler gives other (equally valid) bytes.
PINNED_RUSTC="1.95.0"

. scripts/setup.sh
set -euo pipefail

toolchain="${BTT_RUNTIME_TOOLCHAIN:-$PINNED_RUSTC}"
if ! version="$(rustup run "$toolchain" rustc --version 2>/dev/null)"; then
  echo "build-runtime: the pinned toolchain $toolchain is missing; install it with" >&2
  echo "  rustup toolchain install $PINNED_RUSTC --target wasm32v1-none --profile minimal" >&2
  exit 1
fi
case "$version" in
  "rustc $PINNED_RUSTC "*) ;;
  *) echo "build-runtime: warning: $version is not the pinned rustc $PINNED_RUSTC;" \
       "the hash will not match a pinned build" >&2 ;;
esac

target="${BTT_RUNTIME_TARGET:-$HOME/.cache/btt-chain/runtime-production}"
mkdir -p "$target"
target="$(cd "$target" && pwd)"
cargo_home="${CARGO_HOME:-$HOME/.cargo}"

# `cargo check` runs the runtime's build script, which builds the wasm blob with the profile
# WASM_BUILD_TYPE names; the native runtime is only type-checked, never code-generated.
started=$SECONDS
CARGO_TARGET_DIR="$target" \
  WASM_BUILD_TOOLCHAIN="$toolchain" \
  WASM_BUILD_TYPE=production \
  WASM_BUILD_RUSTFLAGS="--remap-path-prefix=$root=/btt --remap-path-prefix=$cargo_home=/cargo --remap-path-prefix=$target=/target" \
  cargo check --locked -p btt-runtime --no-default-features --features std,metadata-hash \
    --profile production
elapsed=$((SECONDS - started))

blob="$(ls "$target"/production/wbuild/btt-runtime/btt_runtime.compact.compressed.wasm)"
record="chain-specs/production-runtime.json"
python3 - "$blob" "$record" "$version" "$elapsed" <<'PY'
import hashlib, json, sys
blob_path, record_path, rustc, elapsed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
blob = open(blob_path, "rb").read()
compact = open(blob_path.replace(".compact.compressed.wasm", ".compact.wasm"), "rb").read()
# No benchmark or try-runtime entry point may be in a production runtime.
for name in (b"Benchmark_dispatch_benchmark", b"Benchmark_benchmark_metadata", b"TryRuntime_"):
    if name in compact:
        sys.exit(f"build-runtime: the production runtime exports {name.decode()}")
record = {
    "blake2_256": "0x" + hashlib.blake2b(blob, digest_size=32).hexdigest(),
    "compressed_bytes": len(blob),
    "uncompressed_bytes": len(compact),
    "rustc": rustc,
    "profile": "production",
    "features": ["metadata-hash"],
}
json.dump(record, open(record_path, "w"), indent=2)
open(record_path, "a").write("\n")
print(f"production runtime: {blob_path}")
print(f"  blake2-256   {record['blake2_256']}")
print(f"  compressed   {len(blob):,} bytes ({len(blob) / 2**20:.2f} MiB)")
print(f"  uncompressed {len(compact):,} bytes")
print(f"  compiler     {rustc}; built in {elapsed} s")
PY

# What the blob is made of (the uncompacted build still names its functions).
python3 scripts/wasm-size.py "${blob%.compact.compressed.wasm}.wasm" 12

if [ "${1:-}" = "--chain-specs" ]; then
  python3 - "$blob" chain-specs/local-testnet.json chain-specs/mainnet-template.json <<'PY'
import json, sys
code = "0x" + open(sys.argv[1], "rb").read().hex()
for path in sys.argv[2:]:
    spec = json.load(open(path))
    spec["genesis"]["runtimeGenesis"]["code"] = code
    with open(path, "w") as f:
        # As btt-node writes it: two-space indent, no final newline.
        json.dump(spec, f, indent=2, ensure_ascii=False)
    print(f"embedded the production runtime in {path}")
PY
fi
