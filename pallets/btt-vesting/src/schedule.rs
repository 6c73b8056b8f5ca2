//! A lock-then-linear vesting schedule and its arithmetic.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_runtime::{traits::AtLeast32BitUnsigned, Rounding};
use scale_info::TypeInfo;

/// How a payment out of a pool vests, in months of governance days: nothing during the
/// lock, then linearly over the linear part. `release_ecosystem` and `programme_spend` take
/// one to pay a vesting grant instead of free tokens.
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
)]
pub struct GrantSchedule {
	/// Months before anything vests.
	pub lock_months: u16,
	/// Months over which the grant then vests linearly; at least one.
	pub linear_months: u16,
}

impl From<(u16, u16)> for GrantSchedule {
	/// `(lock_months, linear_months)`.
	fn from((lock_months, linear_months): (u16, u16)) -> Self {
		GrantSchedule { lock_months, linear_months }
	}
}

/// Tokens of one allocation that vest linearly, per block, after a lock.
///
/// Nothing vests before `cliff`; from `cliff` on, `total × (now − cliff) / duration` has
/// vested (rounded down), and all of it at `cliff + duration`. What has vested stays frozen
/// until it is claimed: `total − released` is what the schedule keeps frozen.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct VestingSchedule<Balance, BlockNumber> {
	/// The allocation row the tokens come from.
	pub row: u8,
	/// Tokens the schedule releases over its whole life.
	pub total: Balance,
	/// Tokens already released by claims.
	pub released: Balance,
	/// The block the lock ends and linear vesting begins.
	pub cliff: BlockNumber,
	/// Blocks over which the tokens vest linearly after the cliff.
	pub duration: BlockNumber,
}

impl<Balance, BlockNumber> VestingSchedule<Balance, BlockNumber>
where
	Balance: AtLeast32BitUnsigned + Copy,
	BlockNumber: AtLeast32BitUnsigned + Copy,
{
	/// Tokens vested at block `now`: zero during the lock, then linear, then `total`.
	pub fn vested_at(&self, now: BlockNumber) -> Balance {
		if now < self.cliff {
			return Balance::zero();
		}
		let elapsed = now.saturating_sub(self.cliff);
		if elapsed >= self.duration || self.duration.is_zero() {
			return self.total;
		}
		let elapsed: u128 = elapsed.saturated_into_u128();
		let duration: u128 = self.duration.saturated_into_u128();
		let total: u128 = self.total.saturated_into_u128();
		polkadot_sdk::sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
			total,
			elapsed,
			duration,
			Rounding::Down,
		)
		.map(Balance::saturated_from_u128)
		// total × elapsed / duration < total: it always fits.
		.unwrap_or(self.total)
	}

	/// Tokens that have vested at `now` and are not released yet.
	pub fn claimable_at(&self, now: BlockNumber) -> Balance {
		self.vested_at(now).saturating_sub(self.released)
	}

	/// Tokens the schedule keeps frozen: everything not released yet.
	pub fn frozen(&self) -> Balance {
		self.total.saturating_sub(self.released)
	}

	/// Whether every token has been released.
	pub fn is_finished(&self) -> bool {
		self.released >= self.total
	}
}

/// Conversions through `u128` for the arithmetic above.
trait SaturatedU128: Sized {
	fn saturated_into_u128(self) -> u128;
	fn saturated_from_u128(value: u128) -> Self;
}

impl<T: AtLeast32BitUnsigned> SaturatedU128 for T {
	fn saturated_into_u128(self) -> u128 {
		polkadot_sdk::sp_runtime::SaturatedConversion::saturated_into(self)
	}
	fn saturated_from_u128(value: u128) -> Self {
		polkadot_sdk::sp_runtime::SaturatedConversion::saturated_into(value)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn schedule(total: u128, cliff: u32, duration: u32) -> VestingSchedule<u128, u32> {
		VestingSchedule { row: 1, total, released: 0, cliff, duration }
	}

	#[test]
	fn nothing_vests_during_the_lock() {
		let s = schedule(1_000, 100, 50);
		assert_eq!(s.vested_at(0), 0);
		assert_eq!(s.vested_at(99), 0);
		// The cliff block itself: the first linear step has not passed yet.
		assert_eq!(s.vested_at(100), 0);
		assert_eq!(s.vested_at(101), 20);
	}

	#[test]
	fn midpoint_and_end() {
		let s = schedule(1_000, 100, 50);
		assert_eq!(s.vested_at(125), 500);
		assert_eq!(s.vested_at(150), 1_000);
		assert_eq!(s.vested_at(u32::MAX), 1_000);
	}

	#[test]
	fn rounding_never_creates_or_loses_a_planck() {
		// 1,000 over 7 blocks: each block's vested amount rounds down; claims at every block
		// add up to exactly the total.
		let mut s = schedule(1_000, 10, 7);
		let mut claimed = 0;
		for now in 0..=20 {
			let claim = s.claimable_at(now);
			s.released += claim;
			claimed += claim;
			assert!(s.vested_at(now) <= s.total);
		}
		assert_eq!(claimed, 1_000);
		assert!(s.is_finished());
		assert_eq!(s.frozen(), 0);
	}

	#[test]
	fn the_btt_supply_does_not_overflow() {
		let total = 21_000_000u128 * 10u128.pow(18);
		let s = schedule(total, 6 * 432_000, 36 * 432_000);
		assert_eq!(s.vested_at(6 * 432_000 + 18 * 432_000), total / 2);
	}
}
