//! Milestone tranches: the foundation row's monthly tranches, paid only once governance has
//! approved the development milestone each belongs to.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_runtime::{traits::AtLeast32BitUnsigned, SaturatedConversion};
use scale_info::TypeInfo;

/// The tranches of one portion (sub-row) of a tranche row.
///
/// Tranche `n` (counted from 1) falls due `n` months after genesis. Each tranche is
/// `total / tranches`, rounded down; the last one also carries the remainder, so the
/// tranches add up to `total` exactly.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct TrancheState<AccountId, Balance> {
	/// The keyless pool account holding the tokens until they are paid.
	pub custody: AccountId,
	/// The portion's whole amount.
	pub total: Balance,
	/// How many monthly tranches it is paid in.
	pub tranches: u16,
	/// Tranches whose milestones governance has approved, counted from the first.
	pub approved: u16,
	/// Tranches already paid, counted from the first.
	pub claimed: u16,
}

impl<AccountId, Balance: AtLeast32BitUnsigned + Copy> TrancheState<AccountId, Balance> {
	/// How many tranches are due at block `now`, with months of `blocks_per_month` blocks.
	pub fn due_at<BlockNumber: AtLeast32BitUnsigned + Copy>(
		&self,
		now: BlockNumber,
		blocks_per_month: BlockNumber,
	) -> u16 {
		if blocks_per_month.is_zero() {
			return self.tranches;
		}
		let months: u128 = (now / blocks_per_month).saturated_into();
		u16::try_from(months).unwrap_or(u16::MAX).min(self.tranches)
	}

	/// What the first `count` tranches pay in all.
	pub fn paid_by(&self, count: u16) -> Balance {
		if count >= self.tranches {
			return self.total;
		}
		let per_tranche = self.total / Balance::from(self.tranches);
		per_tranche.saturating_mul(Balance::from(count))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn state(total: u128, tranches: u16) -> TrancheState<u64, u128> {
		TrancheState { custody: 0, total, tranches, approved: 0, claimed: 0 }
	}

	#[test]
	fn tranches_fall_due_monthly() {
		let s = state(4_800, 48);
		assert_eq!(s.due_at(0u32, 10), 0);
		assert_eq!(s.due_at(9u32, 10), 0);
		assert_eq!(s.due_at(10u32, 10), 1);
		assert_eq!(s.due_at(475u32, 10), 47);
		assert_eq!(s.due_at(10_000u32, 10), 48);
	}

	#[test]
	fn the_last_tranche_carries_the_remainder() {
		let s = state(1_000, 48);
		assert_eq!(s.paid_by(1), 20);
		assert_eq!(s.paid_by(47), 940);
		assert_eq!(s.paid_by(48), 1_000);
	}
}
