//! The staking tiers, their terms, a position, and the traits other pallets use.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AtLeast32BitUnsigned, SaturatedConversion, Zero},
	PerThing, Permill, Rounding,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Days in the year of the simple-interest formula.
pub const DAYS_PER_YEAR: u32 = 365;

/// The shortest term governance may set (tokenomics section 5): a week.
pub const MIN_TERM_DAYS: u32 = 7;

/// The highest yearly rate governance may set (tokenomics section 5): 30%.
pub const MAX_APY: Permill = Permill::from_percent(30);

/// The five staking tiers of the paper, from the shortest term to the longest. Benefits are
/// cumulative: a tier has every benefit of the tiers below it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub enum Tier {
	/// 30 days by default: no benefit.
	Days30,
	/// 90 days by default: compute resource priority.
	Days90,
	/// 180 days by default: 20% transaction-fee reduction.
	Days180,
	/// 365 days by default: 1.5× governance voting weight.
	Days365,
	/// 1095 days by default: special service access.
	Days1095,
}

impl Tier {
	/// Every tier, shortest first.
	pub const ALL: [Tier; 5] =
		[Tier::Days30, Tier::Days90, Tier::Days180, Tier::Days365, Tier::Days1095];

	/// Compute jobs of this tier's accounts are served first (90 days and up).
	pub fn has_compute_priority(self) -> bool {
		self >= Tier::Days90
	}

	/// Whether this tier's accounts pay reduced transaction fees (180 days and up; the
	/// reduction is `Config::FeeDiscount`).
	pub fn has_fee_discount(self) -> bool {
		self >= Tier::Days180
	}

	/// Whether votes of this tier's accounts weigh 1.5× (365 days and up).
	pub fn has_governance_boost(self) -> bool {
		self >= Tier::Days365
	}

	/// Whether the tier opens the special services (1095 days).
	pub fn has_special_access(self) -> bool {
		self >= Tier::Days1095
	}
}

/// The terms of a tier for new stakes.
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
pub struct Term<Balance> {
	/// How long a stake is frozen, in days.
	pub days: u32,
	/// Yearly rate of the fixed reward (simple interest).
	pub apy: Permill,
	/// The smallest stake.
	pub minimum: Balance,
	/// Share of the fixed reward burned when it is paid.
	pub reward_burn: Permill,
}

impl<Balance: AtLeast32BitUnsigned + Copy> Term<Balance> {
	/// The fixed reward of `principal` over the term: `principal × apy × days / 365`,
	/// rounded down. `None` when it does not fit the balance type.
	pub fn reward(&self, principal: Balance) -> Option<Balance> {
		let rate_days = u128::from(self.apy.deconstruct()).checked_mul(u128::from(self.days))?;
		let denominator = u128::from(Permill::ACCURACY).checked_mul(u128::from(DAYS_PER_YEAR))?;
		multiply_by_rational_with_rounding(
			principal.saturated_into(),
			rate_days,
			denominator,
			Rounding::Down,
		)
		.and_then(|reward| Balance::try_from(reward).ok())
	}
}

/// One fixed-term stake.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Position<Balance, BlockNumber> {
	/// The position's number, unique on the chain.
	pub id: u64,
	/// The tier it was made in.
	pub tier: Tier,
	/// The frozen principal.
	pub principal: Balance,
	/// The fixed reward reserved for it when it was made (before the reward burn).
	pub reward: Balance,
	/// The share of `reward` burned at payout, fixed when the stake was made.
	pub reward_burn: Permill,
	/// The block it was made in.
	pub start: BlockNumber,
	/// The first block at which it may be closed.
	pub maturity: BlockNumber,
	/// The fee-share accumulator when the position last settled its fee share.
	pub fee_share_debt: u128,
}

/// An account's staking tier, for the pallets and runtime parts that honour its benefits
/// (compute priority in btt-mining, the fee reduction in the runtime's fee payment, the
/// vote weight in governance).
pub trait StakingBenefits<AccountId> {
	/// The highest tier among `who`'s positions that have not matured; `None` without one.
	fn tier(who: &AccountId) -> Option<Tier>;

	/// Whether `who`'s compute jobs are served first.
	fn has_compute_priority(who: &AccountId) -> bool {
		Self::tier(who).is_some_and(Tier::has_compute_priority)
	}

	/// The reduction of `who`'s transaction fees (zero unless its tier has the discount).
	fn fee_discount(who: &AccountId) -> Permill;

	/// Whether `who`'s votes weigh 1.5×.
	fn has_governance_boost(who: &AccountId) -> bool {
		Self::tier(who).is_some_and(Tier::has_governance_boost)
	}

	/// Whether `who` has the special service access.
	fn has_special_access(who: &AccountId) -> bool {
		Self::tier(who).is_some_and(Tier::has_special_access)
	}
}

/// No staking: nobody has a tier.
impl<AccountId> StakingBenefits<AccountId> for () {
	fn tier(_: &AccountId) -> Option<Tier> {
		None
	}

	fn fee_discount(_: &AccountId) -> Permill {
		Permill::zero()
	}
}

/// The principal `who` has at stake, for pallets that require a stake (btt-mining's
/// providers).
pub trait ActiveStake<AccountId, Balance> {
	/// The principal of `who`'s positions in `min_tier` or a longer tier that have not
	/// matured.
	fn active_stake(who: &AccountId, min_tier: Tier) -> Balance;
}

/// What vesting keeps frozen in an account (btt-vesting's unreleased tokens). Only tokens
/// free of it can back a stake.
pub trait FrozenByVesting<AccountId, Balance> {
	/// The part of `who`'s balance that vesting keeps frozen.
	fn vesting_frozen(who: &AccountId) -> Balance;
}

/// No vesting: nothing is frozen by it.
impl<AccountId, Balance: Zero> FrozenByVesting<AccountId, Balance> for () {
	fn vesting_frozen(_: &AccountId) -> Balance {
		Balance::zero()
	}
}

/// Told when rewards are taken out of a pool of the allocation table, so that the pool's
/// books (kept by btt-vesting) count the release.
pub trait OnPoolSpend<AccountId, Balance> {
	/// `amount` left `pool`.
	fn spent(pool: &AccountId, amount: Balance);
}

impl<AccountId, Balance> OnPoolSpend<AccountId, Balance> for () {
	fn spent(_: &AccountId, _: Balance) {}
}

/// The paper's terms (tokenomics section 5), in plancks of `unit` (one BTT): for the tests
/// of this pallet and of pallets that build on it. A runtime passes its own terms in genesis
/// (the BTT runtime's come from its parameter sheet).
pub fn paper_terms<Balance: From<u64> + core::ops::Mul<Output = Balance> + Copy>(
	unit: Balance,
) -> [(Tier, Term<Balance>); 5] {
	let term = |days: u32, apy: u32, minimum: u64, burn: u32| Term {
		days,
		apy: Permill::from_percent(apy),
		minimum: Balance::from(minimum) * unit,
		reward_burn: Permill::from_percent(burn),
	};
	[
		(Tier::Days30, term(30, 3, 1_000, 0)),
		(Tier::Days90, term(90, 5, 5_000, 0)),
		(Tier::Days180, term(180, 8, 10_000, 0)),
		(Tier::Days365, term(365, 12, 50_000, 10)),
		(Tier::Days1095, term(1095, 18, 100_000, 20)),
	]
}

#[cfg(test)]
mod tests {
	use super::*;

	const BTT: u128 = 1_000_000_000_000_000_000;

	#[test]
	fn rewards_are_simple_interest_over_the_term() {
		let terms = paper_terms(BTT);
		// 1,000 BTT for 30 days at 3%: 1,000 × 0.03 × 30 / 365.
		assert_eq!(terms[0].1.reward(1_000 * BTT), Some(1_000 * BTT * 3 * 30 / 100 / 365));
		// 365 days at 12%: exactly 12%.
		assert_eq!(terms[3].1.reward(50_000 * BTT), Some(6_000 * BTT));
		// 1095 days at 18%: three years, 54%.
		assert_eq!(terms[4].1.reward(100_000 * BTT), Some(54_000 * BTT));
		// The whole supply at the longest term still fits.
		assert!(terms[4].1.reward(210_000_000 * BTT).is_some());
	}

	#[test]
	fn benefits_are_cumulative_up_the_tiers() {
		use Tier::*;
		let table: Vec<_> = Tier::ALL
			.iter()
			.map(|t| {
				(
					t.has_compute_priority(),
					t.has_fee_discount(),
					t.has_governance_boost(),
					t.has_special_access(),
				)
			})
			.collect();
		assert_eq!(
			table,
			vec![
				(false, false, false, false),
				(true, false, false, false),
				(true, true, false, false),
				(true, true, true, false),
				(true, true, true, true),
			]
		);
		assert!(Days30 < Days90 && Days365 < Days1095);
	}
}
