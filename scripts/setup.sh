#!/usr/bin/env bash
# Idempotent machine set-up for building and testing the BTT chain.
#
# Sourced (not executed) by the README commands and by .ci/run, so that the variables it
# exports reach the cargo build:
#   . scripts/setup.sh
#
# Two cases are handled:
#   * an ordinary rustup machine where `rustup target add wasm32v1-none` works: the target
#     is added and nothing else is needed for the wasm runtime;
#   * a Debian 12 machine whose rustup cannot download targets: Debian's own Rust
#     (`rustc-web`) plus its standard-library source is used for the wasm build only, with
#     a `wasm32v1-none` sysroot compiled once from that source (see the README's section on building the wasm runtime without rustup).
# Every step checks first and does nothing when its result is already there.

set -euo pipefail

BTT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BTT_ROOT
# One target directory outside the checkout, so fresh clones (CI) reuse earlier builds.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/btt-chain/target}"
# The wasm runtime is built in a project of its own under the target directory; this points
# it back at the workspace, so that it builds with the workspace's Cargo.lock.
export WASM_BUILD_WORKSPACE_HINT="$BTT_ROOT"
# Compact and compress the wasm runtime in debug builds too: the blob in chain specs and in
# the node shrinks from ~6 MB to ~1.5 MB, and a node compiles it faster at start-up.
export WASM_BUILD_TYPE="${WASM_BUILD_TYPE:-release}"
# Link Debian's libssl instead of compiling a vendored OpenSSL (saves minutes per cold build).
export OPENSSL_NO_VENDOR="${OPENSSL_NO_VENDOR:-1}"
mkdir -p "$CARGO_TARGET_DIR"

log() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Debian packages needed by the native build (protoc for litep2p, clang for bindgen) --
apt_install_missing() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

if command -v dpkg-query >/dev/null 2>&1; then
  apt_install_missing protobuf-compiler clang libclang-dev libssl-dev pkg-config
fi

# --- The wasm toolchain ----------------------------------------------------------------
wasm_target_installed() {
  rustup target list --installed 2>/dev/null | grep -qx 'wasm32v1-none'
}

# A no_std crate that must compile for wasm32v1-none with the chosen toolchain.
wasm_probe() {
  local toolchain="$1" dir
  dir="$(mktemp -d)"
  mkdir -p "$dir/src"
  cat >"$dir/Cargo.toml" <<'TOML'
[package]
name = "wasm-probe"
version = "0.0.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
[profile.release]
panic = "abort"
[profile.dev]
panic = "abort"
TOML
  cat >"$dir/src/lib.rs" <<'RS'
#![no_std]
extern crate alloc;
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
#[no_mangle]
pub extern "C" fn probe(x: u32) -> u32 { x.wrapping_mul(3) }
RS
  local ok=0
  (cd "$dir" && CARGO_TARGET_DIR="$dir/target" timeout 300 rustup run "$toolchain" cargo build -q --release --target wasm32v1-none >/dev/null 2>&1) && ok=1
  rm -rf "$dir"
  [ "$ok" = 1 ]
}

setup_debian_wasm_toolchain() {
  apt_install_missing rustc-web cargo-web rust-web-src libstd-rust-web-dev lld-19
  if ! rustup toolchain list | grep -q '^debian-web'; then
    log "linking Debian's Rust as the rustup toolchain 'debian-web'"
    rustup toolchain link debian-web /usr
  fi
  # rustc links wasm with `rust-lld`; Debian's lld-19 is the same program.
  local lld_dir=/usr/lib/rustlib/x86_64-unknown-linux-gnu/bin
  if [ ! -e "$lld_dir/rust-lld" ]; then
    as_root mkdir -p "$lld_dir"
    as_root ln -sf /usr/lib/llvm-19/bin/lld "$lld_dir/rust-lld"
  fi
  # Build core/alloc/compiler_builtins for wasm32v1-none once per Debian rustc version.
  local sysroot=/usr/lib/rustlib/wasm32v1-none/lib
  local stamp="$sysroot/.btt-sysroot-for"
  local rustc_version
  rustc_version="$(/usr/bin/rustc --version)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$rustc_version" ]; then
    log "building the wasm32v1-none sysroot with $rustc_version (once, ~1 min)"
    local dir
    dir="$(mktemp -d)"
    mkdir -p "$dir/src"
    cat >"$dir/Cargo.toml" <<'TOML'
[package]
name = "btt-wasm-sysroot"
version = "0.0.0"
edition = "2021"
[profile.release]
panic = "abort"
TOML
    printf '#![no_std]\n' >"$dir/src/lib.rs"
    # The runtime blob is linked with LTO: the sysroot must embed bitcode.
    (cd "$dir" && RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C embed-bitcode=yes" CARGO_TARGET_DIR="$dir/target" \
      rustup run debian-web cargo build -q --release --target wasm32v1-none -Zbuild-std=core,alloc)
    as_root mkdir -p "$sysroot"
    as_root rm -f "$sysroot"/lib{core,alloc,compiler_builtins}-*.rlib
    as_root cp "$dir"/target/wasm32v1-none/release/deps/lib{core,alloc,compiler_builtins}-*.rlib "$sysroot/"
    echo "$rustc_version" | as_root tee "$stamp" >/dev/null
    rm -rf "$dir"
  fi
  export WASM_BUILD_TOOLCHAIN=debian-web
}

if [ -n "${WASM_BUILD_TOOLCHAIN:-}" ]; then
  log "using WASM_BUILD_TOOLCHAIN=$WASM_BUILD_TOOLCHAIN as given"
elif wasm_target_installed; then
  :
elif timeout 60 rustup target add wasm32v1-none >/dev/null 2>&1 && wasm_target_installed; then
  log "added the wasm32v1-none target with rustup"
elif command -v apt-get >/dev/null 2>&1; then
  log "rustup cannot add wasm32v1-none here: using Debian's Rust for the wasm runtime"
  setup_debian_wasm_toolchain
  if ! wasm_probe debian-web; then
    log "the debian-web toolchain cannot build for wasm32v1-none; see the README, \"Building the wasm runtime on a machine without rustup target add\""
    return 1 2>/dev/null || exit 1
  fi
else
  log "no way to get a wasm32v1-none toolchain: install it with rustup (see the README's section on building the wasm runtime without rustup)"
  return 1 2>/dev/null || exit 1
fi

# --- Node.js packages: the end-to-end tests and the web app (which they build) ---------------
setup_npm_packages() {
  local dir="$1"
  [ -f "$dir/package.json" ] || return 0
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      apt_install_missing nodejs npm
    fi
    log "installing the Node.js packages of ${dir#"$BTT_ROOT"/} (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}
setup_npm_packages "$BTT_ROOT/tests/e2e"
setup_npm_packages "$BTT_ROOT/app"

# --- Chromium for the web app's browser test (Debian's package) --------------------------
if command -v dpkg-query >/dev/null 2>&1; then
  apt_install_missing chromium
fi

set +euo pipefail
