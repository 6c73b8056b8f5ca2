//! The runtime fuzzer under `cargo test`: replays every input in `fuzz/regressions/`, then
//! runs generated inputs from a fixed seed for a time budget, and prints one summary line.
//!
//! - `FUZZ_BUDGET_SECS` (default 100): the time budget of the generated cases.
//! - `FUZZ_SEED` (default `0xB77_2026`): the seed; case `n` runs from `seed + n`.
//! - A failing input is written to `fuzz/regressions/seed-<seed>-case-<n>.bin` and the test
//!   fails; `FUZZ_REPLAY=<file>` replays a single file with its full report.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use btt_runtime_fuzzer::{
	attacks, chain::Chain, generator::Generator, process_input, Failure, Stats,
};
use codec::Encode;
use std::{
	io::Write,
	path::{Path, PathBuf},
	time::{Duration, Instant},
};

/// The seed of CI's run.
const DEFAULT_SEED: u64 = 0xB77_2026;
/// CI's time budget for generated cases (the regressions come on top).
const DEFAULT_BUDGET_SECS: u64 = 100;

fn regressions_dir() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions")
}

fn env_u64(name: &str, default: u64) -> u64 {
	match std::env::var(name) {
		Ok(value) => {
			let value = value.trim();
			let parsed = match value.strip_prefix("0x") {
				Some(hex) => u64::from_str_radix(hex, 16),
				None => value.parse(),
			};
			parsed.unwrap_or_else(|_| panic!("{name}={value} is not a number"))
		}
		Err(_) => default,
	}
}

/// Prints past the test harness's capture, so the line shows in every run.
fn say(line: &str) {
	let _ = writeln!(std::io::stdout(), "{line}");
}

/// One generated case: its input bytes and what running them did.
fn generated_case(seed: u64) -> (Vec<u8>, Result<Stats, Failure>) {
	let mut generator = Generator::new(seed);
	let mut steps = 20 + generator.rng.below(60) as usize;
	let mut input = Vec::new();
	let outcome = Chain::new().and_then(|chain| {
		chain.run_steps(|chain| {
			steps = steps.checked_sub(1)?;
			let step = chain.execute_with(|| generator.step());
			input.extend(step.encode());
			Some(step)
		})
	});
	(input, outcome)
}

/// Every regression input, sorted by name.
fn regression_files() -> Vec<PathBuf> {
	let mut files: Vec<PathBuf> = std::fs::read_dir(regressions_dir())
		.map(|dir| dir.filter_map(|entry| entry.ok().map(|e| e.path())).collect())
		.unwrap_or_default();
	files.retain(|path| path.extension().is_some_and(|ext| ext == "bin"));
	files.sort();
	files
}

#[test]
fn fuzz_the_runtime() {
	if let Ok(file) = std::env::var("FUZZ_REPLAY") {
		let input = std::fs::read(&file).expect("the replay file");
		match process_input(&input) {
			Ok(stats) => {
				say(&format!("fuzz: replay {file}: ok ({} calls, {} ok)", stats.calls, stats.ok))
			}
			Err(failure) => panic!("{file}: {failure}"),
		}
		return;
	}
	let seed = env_u64("FUZZ_SEED", DEFAULT_SEED);
	let budget = Duration::from_secs(env_u64("FUZZ_BUDGET_SECS", DEFAULT_BUDGET_SECS));
	let mut totals = Stats::default();
	let mut failures = Vec::new();

	// 1. Every input that once broke something must now pass.
	let files = regression_files();
	for file in &files {
		let input = std::fs::read(file).expect("a readable regression file");
		match process_input(&input) {
			Ok(stats) => totals.merge(&stats),
			Err(failure) => failures.push(format!("{}: {failure}", file.display())),
		}
	}

	// 2. New inputs from the seed, until the budget is spent.
	let started = Instant::now();
	let mut case = 0u64;
	while started.elapsed() < budget {
		let case_seed = seed.wrapping_add(case);
		let (input, outcome) = generated_case(case_seed);
		match outcome {
			Ok(stats) => totals.merge(&stats),
			Err(failure) => {
				let file = regressions_dir().join(format!("seed-{seed:x}-case-{case}.bin"));
				std::fs::create_dir_all(regressions_dir()).expect("the regressions directory");
				std::fs::write(&file, &input).expect("writing the failing input");
				failures.push(format!("{} (seed {case_seed:#x}): {failure}", file.display()));
			}
		}
		case += 1;
	}
	let minutes = started.elapsed().as_secs_f64() / 60.0;

	let ok = if totals.calls == 0 { 0.0 } else { 100.0 * totals.ok as f64 / totals.calls as f64 };
	let never: Vec<&str> = totals
		.reached
		.iter()
		.filter(|(name, (_, ok))| *ok == 0 && name.starts_with("Btt"))
		.map(|(name, _)| name.as_str())
		.collect();
	say(&format!(
		"fuzz: regressions={} generated={case} ({:.0} cases/min) calls reached={} btt calls never succeeded: {}",
		files.len(),
		case as f64 / minutes.max(1e-9),
		totals.reached.len(),
		if never.is_empty() { "none".to_string() } else { never.join(", ") },
	));
	say(&format!(
		"fuzz: seed={seed:#x} cases={} calls={} blocks={} ok={ok:.1}% max_weight_ratio={:.3} invariants={}",
		totals.cases,
		totals.calls,
		totals.blocks,
		totals.max_weight_ratio,
		if failures.is_empty() { "ok" } else { "BROKEN" },
	));
	assert!(
		failures.is_empty(),
		"the fuzzer found {} failing input(s):\n{}",
		failures.len(),
		failures.join("\n")
	);
}

/// Writes the attacks of the guarantees review as regression inputs
/// (`cargo test --workspace --features runtime-benchmarks,try-runtime --test fuzz -- --ignored write_attack`).
#[test]
#[ignore]
fn write_attack_regressions() {
	std::fs::create_dir_all(regressions_dir()).unwrap();
	for (name, steps) in attacks::all() {
		let input: Vec<u8> = steps.iter().flat_map(|step| step.encode()).collect();
		std::fs::write(regressions_dir().join(format!("attack-{name}.bin")), input).unwrap();
	}
}

/// The checker itself: an unbooked burn, made past the chain's call filter, is caught.
#[test]
fn the_invariants_catch_an_unbooked_burn() {
	use btt_runtime::{currency::BTT, RuntimeCall, RuntimeOrigin};
	use polkadot_sdk::{frame_support::traits::UnfilteredDispatchable, pallet_balances};
	let mut chain = Chain::new().unwrap();
	chain.execute_with(|| {
		assert_eq!(btt_runtime_fuzzer::invariants::check(), Ok(()));
		let burn =
			RuntimeCall::Balances(pallet_balances::Call::burn { value: BTT, keep_alive: true });
		let alice = btt_runtime_fuzzer::actors::account_id(0);
		burn.dispatch_bypass_filter(RuntimeOrigin::signed(alice)).unwrap();
		let broken = btt_runtime_fuzzer::invariants::check().unwrap_err();
		assert!(broken.starts_with("supply:"), "{broken}");
	});
}
