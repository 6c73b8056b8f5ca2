//! What the web app, providers and explorers read about mining, computed by the chain with
//! the formulas `claim` pays by ([`BttMiningApi`]): the current era, its budget and the
//! emission against its cap, and a provider's score factors and estimated reward.

use crate::{EraIndex, RegionCode};
use codec::{Decode, Encode};
use polkadot_sdk::sp_runtime::FixedU128;
use scale_info::TypeInfo;

/// The current era and the emission so far.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct EraView<Balance, BlockNumber> {
	/// The current era (from 0 at launch; one era per chain day).
	pub era: EraIndex,
	/// Its first block.
	pub start: BlockNumber,
	/// The first block of the next era.
	pub end: BlockNumber,
	/// What this era may pay in all.
	pub budget: Balance,
	/// What the eras before this one could pay in all: the emission cap so far.
	pub cap_so_far: Balance,
	/// What the emission pays over its eight years (63M BTT).
	pub emission_total: Balance,
	/// What providers have claimed so far, all eras together.
	pub paid: Balance,
	/// The first era that pays nothing (the emission's end).
	pub end_era: EraIndex,
	/// Compute scored in this era so far (allowance-backed jobs with the oracle quorum), in
	/// plancks.
	pub scored_compute: u128,
	/// Regions with compute in this era.
	pub regions: u32,
	/// Registered providers.
	pub providers: u32,
	/// Authorised oracles.
	pub oracles: u32,
	/// Distinct oracle reports a provider needs in an era to score.
	pub min_oracle_reports: u32,
}

/// A provider's standing in an era.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ProviderView<Balance, BlockNumber> {
	/// Its region (ISO 3166-1 numeric).
	pub region: RegionCode,
	/// The block it registered in.
	pub registered_at: BlockNumber,
	/// Its active stake in the provider tier or longer.
	pub stake: Balance,
	/// Whether that stake meets the provider minimum (jobs can be paid to it).
	pub eligible: bool,
	/// The era this view is of.
	pub era: EraIndex,
	/// The value of the scored jobs verified consumers paid it for in the era, in plancks.
	pub compute: u128,
	/// Oracle reports on it in the era.
	pub reports: u32,
	/// Its QoS factor (the oracles' median; 0 without the quorum).
	pub qos: FixedU128,
	/// Its energy factor (the oracles' median; 0 without the quorum).
	pub energy: FixedU128,
	/// Its region's geography factor in the era, as things stand.
	pub geography: FixedU128,
	/// `compute × qos × energy`.
	pub weighted: u128,
	/// What `claim` would pay it for the era if the era ended now (for a finished era:
	/// what it pays, unless the claim expired or was made).
	pub estimated_reward: Balance,
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Mining as the web app and providers read it.
	pub trait BttMiningApi<AccountId, Balance, BlockNumber> where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The current era, its budget and the emission so far.
		fn era() -> EraView<Balance, BlockNumber>;
		/// `who`'s standing in `era`; `None` if `who` is not a registered provider.
		fn provider(who: AccountId, era: EraIndex) -> Option<ProviderView<Balance, BlockNumber>>;
	}
}
