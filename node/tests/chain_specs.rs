//! The committed chain specs (`chain-specs/`) are what `btt-node` generates today.
//!
//! A spec is stale when its genesis (the allocation table, authorities, sudo), name, id,
//! type or properties differ from what `btt-node export-chain-spec` prints for the same
//! chain. The wasm code is left out of the comparison: its bytes depend on the toolchain
//! that built it, and every spec is regenerated with `scripts/generate-chain-specs.sh`.
//! The code they embed is the production runtime of `scripts/build-runtime.sh`, whose hash
//! `chain-specs/production-runtime.json` records.

use polkadot_sdk::sp_core::bytes;
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

/// The committed specs embed the production runtime: the blob `scripts/build-runtime.sh`
/// built and recorded (same blake2-256 hash), with no benchmark or try-runtime entry point,
/// and at most 2 MiB compressed.
#[test]
fn committed_chain_specs_embed_the_production_runtime() {
	let record: Value = serde_json::from_str(
		&std::fs::read_to_string(chain_specs_dir().join("production-runtime.json"))
			.expect("chain-specs/production-runtime.json is committed"),
	)
	.expect("the record is JSON");
	let recorded_hash = record["blake2_256"].as_str().expect("the record names a hash");
	for (_, file) in COMMITTED {
		let spec: Value = serde_json::from_str(
			&std::fs::read_to_string(chain_specs_dir().join(file)).expect("committed spec"),
		)
		.expect("the committed spec is JSON");
		let code = bytes::from_hex(
			spec.pointer("/genesis/runtimeGenesis/code")
				.and_then(Value::as_str)
				.expect("a plain spec carries its runtime code"),
		)
		.expect("the code is hex");
		let hash = bytes::to_hex(&polkadot_sdk::sp_crypto_hashing::blake2_256(&code), false);
		assert_eq!(
			hash, recorded_hash,
			"{file} does not embed the recorded production runtime: run scripts/generate-chain-specs.sh"
		);
		assert!(code.len() <= 2 * 1024 * 1024, "{file}: the runtime is {} bytes", code.len());
		// A compressed blob is an 8-byte magic prefix and a zstd frame.
		let wasm = zstd::stream::decode_all(&code[8..]).expect("the runtime is zstd-compressed");
		for entry_point in
			["Benchmark_dispatch_benchmark", "Benchmark_benchmark_metadata", "TryRuntime_"]
		{
			assert!(
				!wasm.windows(entry_point.len()).any(|w| w == entry_point.as_bytes()),
				"{file}: the production runtime exports {entry_point}"
			);
		}
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

/// A chain spec whose allocation table is one planck off: the node refuses to start it and
/// names the row at fault.
#[test]
fn the_node_refuses_a_spec_whose_table_does_not_add_up() {
	let committed = std::fs::read_to_string(chain_specs_dir().join("local-testnet.json"))
		.expect("the local spec is committed");
	// BitWave's 21M BTT, one planck more.
	let bitwave = "21000000000000000000000000";
	assert!(committed.contains(bitwave), "the spec holds row 1's amount in plancks");
	let broken = committed.replacen(bitwave, "21000000000000000000000001", 1);
	let dir = std::env::temp_dir().join(format!("btt-bad-spec-{}", std::process::id()));
	std::fs::create_dir_all(&dir).unwrap();
	let spec = dir.join("bad.json");
	std::fs::write(&spec, broken).unwrap();

	let mut node = Command::new(env!("CARGO_BIN_EXE_btt-node"))
		.args(["--chain", spec.to_str().unwrap(), "--base-path", dir.to_str().unwrap()])
		.args(["--no-prometheus", "--no-telemetry", "--no-mdns", "--rpc-port", "0"])
		.args(["--listen-addr", "/ip4/127.0.0.1/tcp/0"])
		.stdout(std::process::Stdio::null())
		.stderr(std::process::Stdio::piped())
		.spawn()
		.expect("btt-node runs");
	// Bounded wait: the genesis check fails within seconds.
	let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
	let status = loop {
		if let Some(status) = node.try_wait().expect("waiting for btt-node") {
			break status;
		}
		if std::time::Instant::now() > deadline {
			let _ = node.kill();
			let _ = node.wait();
			let _ = std::fs::remove_dir_all(&dir);
			panic!("btt-node started a chain whose allocation table does not add up");
		}
		std::thread::sleep(std::time::Duration::from_millis(200));
	};
	let mut stderr = String::new();
	use std::io::Read;
	let _ = node.stderr.take().expect("piped").read_to_string(&mut stderr);
	let _ = std::fs::remove_dir_all(&dir);
	assert!(!status.success(), "btt-node must exit with an error");
	assert!(stderr.contains("invalid BTT allocation table"), "the error names the table: {stderr}");
	assert!(stderr.contains("row 1"), "the error names the row: {stderr}");
}
