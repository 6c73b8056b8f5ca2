//! Builds the runtime's wasm blob (and, with `metadata-hash`, its metadata hash).

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	// Symbol and decimals must equal the chain properties (`btt_runtime::TOKEN_SYMBOL`/`TOKEN_DECIMALS`).
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("BTT", 18)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is a `std`-only build dependency.
#[cfg(not(feature = "std"))]
fn main() {}
