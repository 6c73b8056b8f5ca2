//! What the allocation table has released, what circulates, and what the table's rules will
//! release year by year: the types of the [`BttVestingApi`](crate::BttVestingApi) runtime
//! API and the arithmetic of the yearly projection.
//!
//! # Circulating supply
//!
//! `circulating = total_issuance − vesting_locked − undistributed_pools − staked`, where
//! - `vesting_locked` is everything vesting schedules still freeze (rows 1–6 and vesting
//!   grants), claimable or not: vested tokens circulate once they are claimed;
//! - `undistributed_pools` is the balance of the accounts that hold a pool row (mining,
//!   community incentives, ecosystem fund, strategic reserve) or the foundation's tranches
//!   until they are paid;
//! - `staked` is the principal of fixed-term stakes. Stakes are backed only by tokens free
//!   of vesting (btt-staking freezes the principal on top of the vesting freeze), so no
//!   token is both vesting and staked; a principal is counted at most up to the account's
//!   tokens outside vesting (the runtime lists the stakes through `Config::StakedSupply`).
//!
//! Liquidity (row 11), released vesting, paid tranches, pool spends and fee income (the
//! development fund, the stakers' pot) circulate. What the ecosystem fund keeps back for the
//! pending milestone burns is part of `undistributed_pools` until it is burned.
//!
//! # Milestone burns in the report
//!
//! The ecosystem fund keeps back the milestone burns still pending
//! ([`PendingBurns`](crate::PendingBurns)): those tokens will be burned, never released. So
//! the report does not count them as a future release: a row's [`RowRelease::locked`]
//! excludes them (they are [`RowRelease::kept_for_burns`]), and the projection's
//! [`ReleaseProjection::discretionary`] excludes the discretionary pools' milestone burns —
//! executed (`PoolBurned`) or kept back — reported apart as
//! [`ReleaseProjection::milestone_burns`]. An executed burn moves its amount from
//! `kept_for_burns` to `released` (for a pool's books a burn is a release), and leaves the
//! projection unchanged.

use codec::{Decode, DecodeWithMemTracking, Encode};
use polkadot_sdk::sp_runtime::traits::AtLeast32BitUnsigned;
use scale_info::TypeInfo;

use crate::{allocation::ReleaseRule, schedule::VestingSchedule};

/// Where one row of the allocation table stands.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct RowRelease<Balance> {
	/// The row's number in the table.
	pub row: u8,
	/// The category, UTF-8.
	pub name: alloc::vec::Vec<u8>,
	/// Share of the total supply in basis points.
	pub bps: u16,
	/// The row's amount.
	pub amount: Balance,
	/// The row's release rule.
	pub release: ReleaseRule,
	/// Released so far: claimed vesting, paid tranches, pool spends, or everything for the
	/// liquidity row.
	pub released: Balance,
	/// Could be released now by a claim (vested, or approved and due tranches).
	pub claimable: Balance,
	/// Kept back by the row's pool for the milestone burns still pending: these tokens will
	/// be burned, not released. Zero for rows that are not pools.
	pub kept_for_burns: Balance,
	/// Neither released, claimable nor kept for burns — what the row may still release:
	/// `amount − released − claimable − kept_for_burns`.
	pub locked: Balance,
}

/// The total issuance split into what circulates and what does not; see the module
/// documentation for the definition.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct SupplyBreakdown<Balance> {
	/// All BTT in existence: the 210M supply minus what has been burned.
	pub total_issuance: Balance,
	/// Still frozen by vesting schedules.
	pub vesting_locked: Balance,
	/// Held by the pool accounts of the table (and the foundation's tranche custody).
	pub undistributed_pools: Balance,
	/// Frozen by fixed-term stakes beyond what vesting freezes.
	pub staked: Balance,
	/// `total_issuance − vesting_locked − undistributed_pools − staked`.
	pub circulating: Balance,
}

/// One account's vesting.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct AccountVesting<Balance> {
	/// What vesting freezes in the account (claimable included).
	pub frozen: Balance,
	/// What a claim would release now.
	pub claimable: Balance,
	/// How many schedules the account has.
	pub schedules: u32,
}

/// What the table's own rules release in one year after genesis.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct YearRelease<Balance> {
	/// Year after genesis, from 1 (the paper's 2025).
	pub year: u32,
	/// Released by the rules during that year.
	pub released: Balance,
	/// Released by the rules from genesis to the end of that year.
	pub cumulative: Balance,
}

/// The yearly release the table's rules produce on their own, from genesis.
///
/// Scheduled rows: lock then linear (by the block), milestone tranches (assuming every
/// milestone is approved when its tranche falls due), mining emission (its cumulative cap)
/// and the liquidity row (all in year 1). The community pool, the ecosystem fund and the
/// strategic reserve are released only by decisions of governance, so they have no
/// schedule: their sum is `discretionary`, less what milestone burns take out of them
/// (`milestone_burns`). `years`' releases, `discretionary` and `milestone_burns` add up to
/// `total`.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct ReleaseProjection<Balance> {
	/// Blocks in a year (365 days).
	pub blocks_per_year: u32,
	/// Year by year, until the last scheduled token is released.
	pub years: alloc::vec::Vec<YearRelease<Balance>>,
	/// Tokens without a schedule: released only by governance. Excludes `milestone_burns`.
	pub discretionary: Balance,
	/// Tokens of the discretionary pools (the ecosystem fund) that milestone burns take
	/// instead of a release: burned already, or kept back for the burns still pending. Not a
	/// release, in any year.
	pub milestone_burns: Balance,
	/// The whole supply the table placed.
	pub total: Balance,
}

/// The cumulative amount a mining emission schedule has released by a block.
pub trait EmissionSchedule<BlockNumber, Balance> {
	/// Emitted from genesis until `block`, at most the pool's whole amount.
	fn emitted_by(block: BlockNumber) -> Balance;
	/// The first block from which nothing more is emitted.
	fn end() -> BlockNumber;
}

/// No emission: for chains (and tests) without a mining schedule.
impl<BlockNumber: Default, Balance: Default> EmissionSchedule<BlockNumber, Balance> for () {
	fn emitted_by(_: BlockNumber) -> Balance {
		Balance::default()
	}
	fn end() -> BlockNumber {
		BlockNumber::default()
	}
}

/// Whether a rule has no schedule: governance decides when its tokens move.
pub fn is_discretionary(rule: &ReleaseRule) -> bool {
	matches!(
		rule,
		ReleaseRule::CommunityProgrammes
			| ReleaseRule::GovernanceRelease
			| ReleaseRule::ReferendumOnly
	)
}

/// Tokens of a lock-then-linear row of `amount` vested by `block`, on the same arithmetic as
/// the schedules of its beneficiaries (`VestingSchedule::vested_at`).
pub fn linear_vested_by<Balance, BlockNumber>(
	amount: Balance,
	cliff: BlockNumber,
	duration: BlockNumber,
	block: BlockNumber,
) -> Balance
where
	Balance: AtLeast32BitUnsigned + Copy,
	BlockNumber: AtLeast32BitUnsigned + Copy,
{
	VestingSchedule { row: 0, total: amount, released: Balance::zero(), cliff, duration }
		.vested_at(block)
}

/// Year-by-year release from the cumulative release at the end of each year.
///
/// `cumulative_by_year[i]` is what has been released by the end of year `i + 1`; a
/// cumulative that goes down (it cannot, for well-formed rules) counts as zero that year.
pub fn yearly<Balance: AtLeast32BitUnsigned + Copy>(
	cumulative_by_year: &[Balance],
) -> alloc::vec::Vec<YearRelease<Balance>> {
	let mut previous = Balance::zero();
	cumulative_by_year
		.iter()
		.zip(1u32..)
		.map(|(&cumulative, year)| {
			let released = cumulative.saturating_sub(previous);
			previous = previous.max(cumulative);
			YearRelease { year, released, cumulative }
		})
		.collect()
}

/// Whole years from genesis until `block` (rounded up), so a projection reaches the last
/// release.
pub fn years_until<BlockNumber: AtLeast32BitUnsigned + Copy>(
	block: BlockNumber,
	blocks_per_year: BlockNumber,
) -> u32 {
	if blocks_per_year.is_zero() {
		return 0;
	}
	let whole = block / blocks_per_year;
	let years =
		if (block % blocks_per_year).is_zero() { whole } else { whole.saturating_add(1u32.into()) };
	years.try_into().unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn yearly_release_is_the_difference_of_cumulatives() {
		let years = yearly(&[10u128, 25, 25, 40]);
		assert_eq!(
			years.iter().map(|y| (y.year, y.released, y.cumulative)).collect::<Vec<_>>(),
			vec![(1, 10, 10), (2, 15, 25), (3, 0, 25), (4, 15, 40)]
		);
	}

	#[test]
	fn years_until_rounds_up() {
		assert_eq!(years_until(0u32, 10), 0);
		assert_eq!(years_until(10u32, 10), 1);
		assert_eq!(years_until(11u32, 10), 2);
		assert_eq!(years_until(5u32, 0), 0);
	}

	#[test]
	fn linear_rows_vest_like_their_schedules() {
		// 6-month lock, 36 months linear, months of 10 blocks, years of 120 blocks.
		assert_eq!(linear_vested_by(3_600u128, 60u32, 360, 120), 600);
		assert_eq!(linear_vested_by(3_600u128, 60u32, 360, 420), 3_600);
		assert_eq!(linear_vested_by(3_600u128, 60u32, 360, 60), 0);
	}

	#[test]
	fn only_governance_pools_are_discretionary() {
		assert!(is_discretionary(&ReleaseRule::CommunityProgrammes));
		assert!(is_discretionary(&ReleaseRule::GovernanceRelease));
		assert!(is_discretionary(&ReleaseRule::ReferendumOnly));
		assert!(!is_discretionary(&ReleaseRule::MiningEmission));
		assert!(!is_discretionary(&ReleaseRule::Unlocked));
		assert!(!is_discretionary(&ReleaseRule::MilestoneTranches { tranches: 48 }));
	}
}
