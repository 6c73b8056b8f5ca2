//! The 8-year emission schedule of the mining pool (tokenomics section 4) as a cumulative cap.
//!
//! The pool is paid out in phases of equal length (two years of eras each). The cap at the
//! start of era `e` is what all eras before `e` may pay in all: the totals of the finished
//! phases plus the running phase's total × its elapsed eras / its eras, rounded down. The
//! budget of era `e` is `cap(e + 1) − cap(e)`. Because every budget is a difference of the
//! same cap function, rounding never accumulates: the budgets of all eras add up to the
//! phase totals exactly, and nothing is emitted after the last phase.

use polkadot_sdk::sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, Rounding};

/// What eras `0..era` may pay in all.
pub fn cumulative_cap(era: u32, eras_per_phase: u32, phase_totals: &[u128]) -> u128 {
	if eras_per_phase == 0 {
		return 0;
	}
	let mut cap: u128 = 0;
	let mut phase_start: u32 = 0;
	for &total in phase_totals {
		let elapsed = era.saturating_sub(phase_start);
		if elapsed >= eras_per_phase {
			cap = cap.saturating_add(total);
		} else {
			// total × elapsed / eras_per_phase < total: it always fits.
			let part = multiply_by_rational_with_rounding(
				total,
				u128::from(elapsed),
				u128::from(eras_per_phase),
				Rounding::Down,
			)
			.unwrap_or(0);
			return cap.saturating_add(part);
		}
		phase_start = phase_start.saturating_add(eras_per_phase);
	}
	cap
}

/// What era `era` may pay: `cap(era + 1) − cap(era)`.
pub fn era_budget(era: u32, eras_per_phase: u32, phase_totals: &[u128]) -> u128 {
	cumulative_cap(era.saturating_add(1), eras_per_phase, phase_totals)
		.saturating_sub(cumulative_cap(era, eras_per_phase, phase_totals))
}

/// The first era that pays nothing.
pub fn end_era(eras_per_phase: u32, phases: usize) -> u32 {
	eras_per_phase.saturating_mul(u32::try_from(phases).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
	use super::*;

	const BTT: u128 = 1_000_000_000_000_000_000;
	const PHASES: [u128; 4] =
		[25_200_000 * BTT, 18_900_000 * BTT, 12_600_000 * BTT, 6_300_000 * BTT];
	/// Two years of daily eras.
	const ERAS: u32 = 730;

	#[test]
	fn every_phase_boundary_holds_the_phase_totals() {
		assert_eq!(cumulative_cap(0, ERAS, &PHASES), 0);
		assert_eq!(cumulative_cap(ERAS, ERAS, &PHASES), 25_200_000 * BTT);
		assert_eq!(cumulative_cap(2 * ERAS, ERAS, &PHASES), 44_100_000 * BTT);
		assert_eq!(cumulative_cap(3 * ERAS, ERAS, &PHASES), 56_700_000 * BTT);
		assert_eq!(cumulative_cap(4 * ERAS, ERAS, &PHASES), 63_000_000 * BTT);
		assert_eq!(cumulative_cap(100 * ERAS, ERAS, &PHASES), 63_000_000 * BTT);
		assert_eq!(end_era(ERAS, PHASES.len()), 2_920);
	}

	#[test]
	fn budgets_halve_phase_by_phase_and_stop_after_year_8() {
		// 25.2M over 730 eras does not divide evenly: budgets differ by at most a planck.
		let first = era_budget(0, ERAS, &PHASES);
		assert!(first.abs_diff(25_200_000 * BTT / 730) <= 1);
		let second_phase = era_budget(ERAS, ERAS, &PHASES);
		assert!(second_phase.abs_diff(18_900_000 * BTT / 730) <= 1);
		assert!(era_budget(3 * ERAS, ERAS, &PHASES).abs_diff(6_300_000 * BTT / 730) <= 1);
		assert_eq!(era_budget(4 * ERAS, ERAS, &PHASES), 0);
		assert_eq!(era_budget(u32::MAX, ERAS, &PHASES), 0);
	}

	#[test]
	fn the_budgets_of_all_eras_add_up_to_exactly_63_million() {
		let total: u128 = (0..5 * ERAS).map(|era| era_budget(era, ERAS, &PHASES)).sum();
		assert_eq!(total, 63_000_000 * BTT);
		// Also with a phase length that divides nothing evenly.
		let total: u128 = (0..4 * 977).map(|era| era_budget(era, 977, &PHASES)).sum();
		assert_eq!(total, 63_000_000 * BTT);
	}
}
