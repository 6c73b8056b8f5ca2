//! The score of a provider in an era: compute × QoS factor × geography factor × energy
//! factor. Every factor is a bounded multiplier that governance tunes (`FactorConfig`).
//!
//! - **Compute** is the value of the jobs verified consumers paid the provider for, within
//!   their compute allowances. Jobs of anyone else pay the provider but count for nothing.
//! - **QoS factor** = `qos_min + (qos_max − qos_min) × uptime × latency_score`, where
//!   `latency_score` is 1 at or below `latency_target_ms` and `target / latency` above it.
//!   Each oracle's report gives one QoS factor; the provider's factor for the era is the
//!   [`lower_median`] of the reports of at least `MinOracleReports` distinct oracles. With
//!   fewer reports the factor is 0: the provider scores nothing for the era.
//! - **Energy factor** = `energy_min + (energy_max − energy_min) × efficiency`, where the
//!   oracle's `efficiency` is 0% for the least efficient capacity and 100% for the most
//!   (for instance the share of renewable energy); the median of the same reports, 0
//!   without the quorum.
//! - **Geography factor** depends on the share of the era's **scored** compute (compute of
//!   providers with the oracle quorum) that the provider's region delivered: `geo_max` up
//!   to `scarce_share`, `geo_min` from `saturated_share`, linear in between. Regions with
//!   little capacity earn more per unit of compute; volume that scores nothing (unverified
//!   jobs, providers without the quorum) cannot push a region towards saturation.
//!
//! A median of `n` reports with fewer than `n / 2` rogue ones lies between the smallest and
//! the largest honest report: one rogue oracle among three moves nothing outside the honest
//! range. For an even `n` the lower of the two middle values is taken.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_runtime::{
	traits::{One, Saturating, Zero},
	FixedPointNumber, FixedU128, PerThing, Perbill, Permill,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// The largest value any factor bound may take.
pub fn factor_ceiling() -> FixedU128 {
	FixedU128::from_u32(3)
}

/// The tunable bounds of the score's factors.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub struct FactorConfig {
	/// QoS factor of a provider with no uptime.
	pub qos_min: FixedU128,
	/// QoS factor of a provider with full uptime at or under the latency target.
	pub qos_max: FixedU128,
	/// Latency at or under which a provider loses nothing for latency, in milliseconds.
	pub latency_target_ms: u32,
	/// Energy factor of the least efficient capacity.
	pub energy_min: FixedU128,
	/// Energy factor of the most efficient capacity.
	pub energy_max: FixedU128,
	/// Geography factor of a saturated region.
	pub geo_min: FixedU128,
	/// Geography factor of a scarce region.
	pub geo_max: FixedU128,
	/// A region delivering at most this share of the era's compute is scarce.
	pub scarce_share: Perbill,
	/// A region delivering at least this share of the era's compute is saturated.
	pub saturated_share: Perbill,
}

impl Default for FactorConfig {
	/// Every factor between 0.5 and 1.5; latency target 100 ms; regions with up to 10% of
	/// the era's compute are scarce, from 50% saturated.
	fn default() -> Self {
		let half = FixedU128::from_rational(1, 2);
		let one_and_half = FixedU128::from_rational(3, 2);
		Self {
			qos_min: half,
			qos_max: one_and_half,
			latency_target_ms: 100,
			energy_min: half,
			energy_max: one_and_half,
			geo_min: half,
			geo_max: one_and_half,
			scarce_share: Perbill::from_percent(10),
			saturated_share: Perbill::from_percent(50),
		}
	}
}

impl FactorConfig {
	/// Bounds are ordered, above zero and at most [`factor_ceiling`]; the scarce share is
	/// below the saturated share; the latency target is above zero.
	pub fn is_valid(&self) -> bool {
		let bounded = |min: FixedU128, max: FixedU128| {
			!min.is_zero() && min <= max && max <= factor_ceiling()
		};
		bounded(self.qos_min, self.qos_max)
			&& bounded(self.energy_min, self.energy_max)
			&& bounded(self.geo_min, self.geo_max)
			&& self.scarce_share < self.saturated_share
			&& self.latency_target_ms > 0
	}

	/// The QoS factor of an oracle's report.
	pub fn qos_factor(&self, uptime: Permill, latency_ms: u32) -> FixedU128 {
		let latency_score = if latency_ms <= self.latency_target_ms {
			FixedU128::one()
		} else {
			FixedU128::from_rational(u128::from(self.latency_target_ms), u128::from(latency_ms))
		};
		let quality = latency_score.saturating_mul(permill(uptime));
		lerp(self.qos_min, self.qos_max, quality)
	}

	/// The energy factor of an oracle's report.
	pub fn energy_factor(&self, efficiency: Permill) -> FixedU128 {
		lerp(self.energy_min, self.energy_max, permill(efficiency))
	}

	/// The geography factor of a region that delivered `region` of the era's `total`
	/// compute.
	pub fn geo_factor(&self, region: u128, total: u128) -> FixedU128 {
		if total == 0 {
			return self.geo_max;
		}
		let share = FixedU128::checked_from_rational(region, total).unwrap_or_else(FixedU128::one);
		let scarce = perbill(self.scarce_share);
		let saturated = perbill(self.saturated_share);
		if share <= scarce {
			return self.geo_max;
		}
		if share >= saturated {
			return self.geo_min;
		}
		// From geo_max at the scarce share down to geo_min at the saturated share.
		let progress = FixedU128::checked_from_rational(
			share.saturating_sub(scarce).into_inner(),
			saturated.saturating_sub(scarce).into_inner(),
		)
		.unwrap_or_else(FixedU128::one);
		lerp(self.geo_max, self.geo_min, progress)
	}
}

/// `from + (to − from) × t` for `t` in 0..=1, in either direction.
fn lerp(from: FixedU128, to: FixedU128, t: FixedU128) -> FixedU128 {
	let t = t.min(FixedU128::one());
	if to >= from {
		from.saturating_add(to.saturating_sub(from).saturating_mul(t))
	} else {
		from.saturating_sub(from.saturating_sub(to).saturating_mul(t))
	}
}

fn permill(p: Permill) -> FixedU128 {
	FixedU128::from_rational(u128::from(p.deconstruct()), u128::from(Permill::ACCURACY))
}

fn perbill(p: Perbill) -> FixedU128 {
	FixedU128::from_rational(u128::from(p.deconstruct()), u128::from(Perbill::ACCURACY))
}

/// The lower median of `values` (the middle one, or the lower of the two middle ones for an
/// even count); `None` for no values. Sorts `values` in place: `O(n log n)` for `n` at most
/// `MaxOracles`.
pub fn lower_median(values: &mut [FixedU128]) -> Option<FixedU128> {
	if values.is_empty() {
		return None;
	}
	values.sort_unstable();
	values.get(values.len().saturating_sub(1) / 2).copied()
}

/// `compute × qos × energy`: a provider's compute weighted by its factors.
pub fn weighted_compute(compute: u128, qos: FixedU128, energy: FixedU128) -> u128 {
	qos.saturating_mul(energy).saturating_mul_int(compute)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn fx(n: u128, d: u128) -> FixedU128 {
		FixedU128::from_rational(n, d)
	}

	#[test]
	fn qos_by_hand() {
		let c = FactorConfig::default();
		// Full uptime at the latency target: the maximum.
		assert_eq!(c.qos_factor(Permill::one(), 100), fx(3, 2));
		// No uptime: the minimum.
		assert_eq!(c.qos_factor(Permill::zero(), 10), fx(1, 2));
		// 90% uptime at 200 ms: quality 0.9 × 0.5 = 0.45; 0.5 + 1 × 0.45 = 0.95.
		assert_eq!(c.qos_factor(Permill::from_percent(90), 200), fx(95, 100));
	}

	#[test]
	fn energy_by_hand() {
		let c = FactorConfig::default();
		assert_eq!(c.energy_factor(Permill::zero()), fx(1, 2));
		assert_eq!(c.energy_factor(Permill::from_percent(50)), FixedU128::one());
		assert_eq!(c.energy_factor(Permill::one()), fx(3, 2));
	}

	#[test]
	fn geography_by_hand() {
		let c = FactorConfig::default();
		// 5% of the era's compute: scarce, 1.5.
		assert_eq!(c.geo_factor(5, 100), fx(3, 2));
		// 10% exactly: still scarce.
		assert_eq!(c.geo_factor(10, 100), fx(3, 2));
		// 30%: half way from 10% to 50%, so half way from 1.5 to 0.5: 1.0.
		assert_eq!(c.geo_factor(30, 100), FixedU128::one());
		// 80%: saturated, 0.5.
		assert_eq!(c.geo_factor(80, 100), fx(1, 2));
		// No compute at all: scarce.
		assert_eq!(c.geo_factor(0, 0), fx(3, 2));
	}

	#[test]
	fn a_score_worked_by_hand() {
		let c = FactorConfig::default();
		// 1,000 units of compute, 90% uptime at 200 ms (0.95), efficiency 50% (1.0), in a
		// region with 30% of the compute (1.0): 950.
		let weighted = weighted_compute(
			1_000,
			c.qos_factor(Permill::from_percent(90), 200),
			c.energy_factor(Permill::from_percent(50)),
		);
		assert_eq!(weighted, 950);
		assert_eq!(c.geo_factor(30, 100).saturating_mul_int(weighted), 950);
		// The same provider in a scarce region: 1,425.
		assert_eq!(c.geo_factor(5, 100).saturating_mul_int(weighted), 1_425);
	}

	#[test]
	fn medians_by_hand() {
		assert_eq!(lower_median(&mut []), None);
		assert_eq!(lower_median(&mut [fx(7, 10)]), Some(fx(7, 10)));
		// Three reports: the middle one, whatever the order.
		assert_eq!(lower_median(&mut [fx(3, 2), fx(1, 2), fx(95, 100)]), Some(fx(95, 100)));
		// Four reports: the lower of the two middle ones.
		assert_eq!(
			lower_median(&mut [fx(3, 2), fx(1, 2), fx(1, 1), fx(6, 5)]),
			Some(FixedU128::one())
		);
		// One rogue report among three, at either extreme, stays inside the honest range.
		let honest = [fx(11, 10), fx(13, 10)];
		for rogue in [FixedU128::zero(), fx(1, 2), fx(3, 2), factor_ceiling()] {
			let median = lower_median(&mut [honest[0], rogue, honest[1]]).unwrap_or_default();
			assert!(honest[0] <= median && median <= honest[1]);
		}
	}

	/// The worked example of the pallet's tests: three oracles report on Alice (90% uptime
	/// at 200 ms and 50% efficiency; 85% at 200 ms and 40%; 95% at 100 ms and 60%). QoS
	/// factors 0.95, 0.925, 1.45: median 0.95. Energy factors 1.0, 0.9, 1.1: median 1.0.
	#[test]
	fn the_median_of_three_reports_by_hand() {
		let c = FactorConfig::default();
		let mut qos = [
			c.qos_factor(Permill::from_percent(90), 200),
			c.qos_factor(Permill::from_percent(85), 200),
			c.qos_factor(Permill::from_percent(95), 100),
		];
		assert_eq!(qos, [fx(95, 100), fx(925, 1000), fx(145, 100)]);
		let mut energy = [
			c.energy_factor(Permill::from_percent(50)),
			c.energy_factor(Permill::from_percent(40)),
			c.energy_factor(Permill::from_percent(60)),
		];
		assert_eq!(energy, [FixedU128::one(), fx(9, 10), fx(11, 10)]);
		assert_eq!(lower_median(&mut qos), Some(fx(95, 100)));
		assert_eq!(lower_median(&mut energy), Some(FixedU128::one()));
	}

	#[test]
	fn bad_configs_are_invalid() {
		assert!(FactorConfig::default().is_valid());
		let mut c = FactorConfig::default();
		c.qos_min = FixedU128::zero();
		assert!(!c.is_valid());
		let mut c = FactorConfig::default();
		c.geo_max = FixedU128::from_u32(4);
		assert!(!c.is_valid());
		let mut c = FactorConfig::default();
		c.energy_min = FixedU128::from_u32(2);
		assert!(!c.is_valid());
		let mut c = FactorConfig::default();
		c.scarce_share = c.saturated_share;
		assert!(!c.is_valid());
		let mut c = FactorConfig::default();
		c.latency_target_ms = 0;
		assert!(!c.is_valid());
	}
}
