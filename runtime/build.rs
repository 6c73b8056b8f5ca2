//! Builds the runtime's wasm blob (and, with `metadata-hash`, its metadata hash).
//!
//! The test build (`cargo test --workspace --features runtime-benchmarks,try-runtime`) turns
//! `try-runtime` on for the native runtime, where the fuzzer and the upgrade checks use it.
//! The wasm blob that the node embeds is built without it, so that the same wasm serves the
//! end-to-end tests and stays under the block length its upgrade test must fit in. To build
//! a wasm with the try-runtime entry points, for the standalone `try-runtime` CLI, set
//! `BTT_WASM_TRY_RUNTIME=1` (see the README). The upgrade rehearsal's wasm is built without
//! `runtime-benchmarks`, as the production runtime is (`scripts/build-runtime.sh`).

#[cfg(feature = "std")]
fn main() {
	println!("cargo:rerun-if-env-changed=BTT_WASM_TRY_RUNTIME");
	// The wasm builder passes on every feature whose CARGO_FEATURE_* variable it sees.
	if std::env::var_os("BTT_WASM_TRY_RUNTIME").is_none() {
		std::env::remove_var("CARGO_FEATURE_TRY_RUNTIME");
	}
	// The upgrade rehearsal enacts what a production chain would get: a runtime without the
	// benchmark entry points (which would also not fit in a block).
	if std::env::var_os("CARGO_FEATURE_UPGRADE_REHEARSAL").is_some() {
		std::env::remove_var("CARGO_FEATURE_RUNTIME_BENCHMARKS");
	}
	build_wasm();
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn build_wasm() {
	// Symbol and decimals must equal the chain properties (`btt_runtime::TOKEN_SYMBOL`/`TOKEN_DECIMALS`).
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("BTT", 18)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn build_wasm() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is a `std`-only build dependency.
#[cfg(not(feature = "std"))]
fn main() {}
