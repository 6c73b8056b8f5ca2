//! The committed chain specs (`chain-specs/`) are what `btt-node` generates today.
//!
//! A spec is stale when its genesis (the allocation table, authorities, sudo), name, id,
//! type or properties differ from what `btt-node export-chain-spec` prints for the same
//! chain. The wasm code is left out of the comparison: its bytes depend on the toolchain
//! that built it, and every spec is regenerated with `scripts/generate-chain-specs.sh`.

use serde_json::Value;
use std::{path::PathBuf, process::Command};

/// The chains whose specs are committed, and their files.
const COMMITTED: [(&str, &str); 2] =
	[("local", "local-testnet.json"), ("mainnet-template", "mainnet-template.json")];

fn chain_specs_dir() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../chain-specs")
}

/// Runs `btt-node export-chain-spec` with `args` and returns its JSON.
fn export(args: &[&str]) -> Value {
	let output = Command::new(env!("CARGO_BIN_EXE_btt-node"))
		.arg("export-chain-spec")
		.args(args)
		.output()
		.expect("btt-node runs");
	assert!(
		output.status.success(),
		"btt-node export-chain-spec {args:?} failed: {}",
		String::from_utf8_lossy(&output.stderr)
	);
	serde_json::from_slice(&output.stdout).expect("the exported spec is JSON")
}

/// The spec without its wasm code.
fn without_code(mut spec: Value) -> Value {
	let code = spec
		.pointer_mut("/genesis/runtimeGenesis/code")
		.expect("a plain spec carries its runtime code");
	assert!(code.as_str().is_some_and(|hex| hex.starts_with("0x") && hex.len() > 1_000));
	*code = Value::Null;
	spec
}

#[test]
fn committed_chain_specs_are_up_to_date() {
	for (chain, file) in COMMITTED {
		let path = chain_specs_dir().join(file);
		let committed: Value = serde_json::from_str(
			&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}")),
		)
		.expect("the committed spec is JSON");
		assert!(
			without_code(committed) == without_code(export(&["--chain", chain])),
			"{} is stale: regenerate it with scripts/generate-chain-specs.sh",
			path.display()
		);
	}
}

#[test]
fn committed_chain_specs_build_their_genesis() {
	for (_, file) in COMMITTED {
		let path = chain_specs_dir().join(file);
		// Building the raw genesis runs the allocation table's checks.
		let raw = export(&["--chain", path.to_str().unwrap(), "--raw"]);
		assert!(raw.pointer("/genesis/raw/top").is_some(), "{file}: no raw genesis");
	}
}

#[test]
fn chain_properties_are_btt_with_18_decimals() {
	for chain in ["dev", "local", "mainnet-template"] {
		let spec = export(&["--chain", chain]);
		assert_eq!(spec["properties"]["tokenSymbol"], "BTT", "{chain}");
		assert_eq!(spec["properties"]["tokenDecimals"], 18, "{chain}");
		assert_eq!(spec["properties"]["ss58Format"], 42, "{chain}");
	}
}
