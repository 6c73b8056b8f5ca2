//! The checks every runtime upgrade must pass, on a chain with real activity: the fuzzer's
//! set-up (stakes, a provider, oracles, a verified consumer) and a few hundred of its calls,
//! then `Executive::try_runtime_upgrade(UpgradeCheckSelect::All)` — the migrations with
//! their pre- and post-upgrade checks, the whole state decoded, every `try_state` — run
//! twice (the second run must change nothing), then 20 more blocks with every invariant.

#![cfg(feature = "try-runtime")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use btt_runtime::{Executive, Runtime};
use btt_runtime_fuzzer::{generator::Generator, Chain};
use polkadot_sdk::{
	frame_system, frame_try_runtime::UpgradeCheckSelect, sp_io, sp_runtime::StateVersion,
};
use std::io::Write;

/// The seed of the activity before the upgrade.
const SEED: u64 = 0x0b77_0002;
/// Fuzzer steps before the upgrade.
const STEPS: usize = 300;
/// Blocks after it.
const BLOCKS_AFTER: u16 = 20;

#[test]
fn the_runtime_upgrade_checks_pass_on_a_busy_chain() {
	let mut chain = Chain::new().expect("the fuzzer's chain sets up");
	let mut generator = Generator::new(SEED);
	for index in 0..STEPS {
		let step = chain.execute_with(|| generator.step());
		if let Err(message) = chain.run_step(&step) {
			panic!("step {index} broke an invariant before the upgrade: {message}");
		}
	}

	let (weight, idempotent) = chain.execute_with(|| {
		let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.expect("the migrations and every check pass");
		let root_after_first = sp_io::storage::root(StateVersion::V1);
		Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.expect("the migrations pass a second time");
		let root_after_second = sp_io::storage::root(StateVersion::V1);
		(weight, root_after_first == root_after_second)
	});
	assert!(idempotent, "a second run of the migrations changed the state");

	for _ in 0..BLOCKS_AFTER {
		chain.advance(1).expect("every invariant holds after the upgrade");
	}

	let block = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	let share = 100.0 * weight.ref_time() as f64 / block.ref_time() as f64;
	let _ = writeln!(
		std::io::stdout(),
		"try-runtime: migrations_weight={} ({share:.2}% of block) idempotent={idempotent} try_state=ok blocks={BLOCKS_AFTER} (after {STEPS} fuzzed calls, {} blocks)",
		weight.ref_time(),
		chain.stats().blocks,
	);
}
