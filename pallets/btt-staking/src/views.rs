//! What wallets, the web app and services read about staking, computed by the chain so that
//! no client re-implements a formula: an account's tier and benefits, its positions with
//! their maturity and reward after burn, its pending fee share, and a quote for a stake
//! before it is signed ([`BttStakingApi`]).

use crate::types::{Term, Tier};
use codec::{Decode, Encode};
use polkadot_sdk::sp_runtime::{DispatchError, Permill};
use scale_info::TypeInfo;

/// What an account's staking tier gives it. Benefits are cumulative up the tiers.
///
/// - **Compute priority** (90 days and up): compute providers serve the account's jobs
///   first. btt-mining marks each of its paid jobs (`JobPaid.priority`), and a provider's
///   scheduler checks this flag before it queues a job.
/// - **Fee discount** (180 days and up): the runtime charges less for the account's
///   transactions, by `Config::FeeDiscount` (20% in the BTT runtime; the tip is never
///   reduced).
/// - **Governance boost** (365 days and up): the account's referendum votes weigh more
///   (btt-governance adds its `VoteBoost` share to the tally: 1.5× in the BTT runtime).
/// - **Special access** (1095 days): services reserved for long-term holders (early access
///   to new models and datasets) admit the account; they check this flag.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
pub struct Benefits {
	/// The account's compute jobs are served first.
	pub compute_priority: bool,
	/// The reduction of the account's transaction fees.
	pub fee_discount: Permill,
	/// The account's votes weigh 1.5×.
	pub governance_boost: bool,
	/// The account may use the services reserved for long-term stakers.
	pub special_access: bool,
}

impl Benefits {
	/// The benefits of `tier`, whose accounts get `fee_discount` if the tier has the
	/// discount; none without a tier.
	pub fn of(tier: Option<Tier>, fee_discount: Permill) -> Self {
		tier.map_or_else(Self::default, |tier| Self {
			compute_priority: tier.has_compute_priority(),
			fee_discount: if tier.has_fee_discount() { fee_discount } else { Permill::zero() },
			governance_boost: tier.has_governance_boost(),
			special_access: tier.has_special_access(),
		})
	}
}

/// One position as its owner sees it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PositionView<Balance, BlockNumber> {
	/// The position's number (what `close` takes).
	pub id: u64,
	/// The tier it was made in.
	pub tier: Tier,
	/// The frozen principal.
	pub principal: Balance,
	/// The fixed reward reserved for it, before the burn.
	pub reward: Balance,
	/// What `close` will burn of the reward.
	pub reward_burned: Balance,
	/// What `close` will pay of the reward: `reward − reward_burned`.
	pub reward_paid: Balance,
	/// The block it was made in.
	pub start: BlockNumber,
	/// The first block at which it may be closed.
	pub maturity: BlockNumber,
	/// Whether it may be closed now.
	pub matured: bool,
	/// The fee share it has earned and not been paid.
	pub fee_share: Balance,
}

/// An account's staking: its tier, benefits and positions.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct StakerView<Balance, BlockNumber> {
	/// The highest tier of its positions that have not matured; `None` without one.
	pub tier: Option<Tier>,
	/// What that tier gives it.
	pub benefits: Benefits,
	/// The principal of all its positions, matured or not.
	pub staked: Balance,
	/// The fee share `claim_fee_share` would pay it now.
	pub pending_fee_share: Balance,
	/// Its positions, oldest first.
	pub positions: alloc::vec::Vec<PositionView<Balance, BlockNumber>>,
}

/// What a stake would be, before it is signed.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct StakeQuote<Balance, BlockNumber> {
	/// The tier.
	pub tier: Tier,
	/// The tier's current terms, which the position keeps.
	pub term: Term<Balance>,
	/// The amount staked.
	pub amount: Balance,
	/// The fixed reward reserved for it, before the burn.
	pub reward: Balance,
	/// What closing it will burn of the reward.
	pub reward_burned: Balance,
	/// What closing it will pay of the reward.
	pub reward_paid: Balance,
	/// Its maturity if it is included in the next block.
	pub maturity: BlockNumber,
	/// The benefits the tier gives while the stake has not matured.
	pub benefits: Benefits,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Staking as a wallet or service reads it.
	pub trait BttStakingApi<AccountId, Balance, BlockNumber> where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The terms of each tier for new stakes, shortest tier first.
		fn terms() -> alloc::vec::Vec<(Tier, Term<Balance>)>;
		/// `who`'s tier, benefits, positions and pending fee share.
		fn account(who: AccountId) -> StakerView<Balance, BlockNumber>;
		/// `who`'s benefits: what a service checks before it grants priority or access.
		fn benefits(who: AccountId) -> Benefits;
		/// What `stake(tier, amount)` signed by `who` would give, checked exactly as the
		/// call checks it: the call's module error (e.g. `BelowMinimum`, `StakeNotFree`,
		/// `PoolCannotCover`) where the call would fail now.
		fn quote(who: AccountId, tier: Tier, amount: Balance) -> Result<StakeQuote<Balance, BlockNumber>, DispatchError>;
	}
}
