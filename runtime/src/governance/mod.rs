//! Governance (tokenomics section 7): OpenGov referenda on the BTT tracks, conviction voting
//! with the long-term stakers' 1.5× weight, the scheduler and preimages, the development
//! fund as a treasury and the institutional council until its sunset. (The multisig pallet,
//! whose accounts the foundation uses, is in [`crate::accounts`].)
//!
//! **One place for the tracks.** [`tracks::TRACKS`] is the whole table: each track's origin,
//! deposit, periods (in governance days) and curves. [`origins`] names, for every governed
//! call of the BTT pallets, the origin that may make it. This module configures the FRAME
//! pallets of governance with them.

use crate::{
	currency::*, pools, AccountId, Balance, Balances, BttGovernance, BttStaking, OriginCaller,
	Preimage, Referenda, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin,
	Scheduler, System, Treasury,
};
use pallet_btt_governance::GovernanceDays;
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{
			fungible::{HoldConsideration, Inspect},
			tokens::{
				pay::{Pay, PayFromAccount, PaymentStatus},
				UnityAssetBalanceConversion,
			},
			ConstU32, EitherOf, EqualPrivilegeOnly, LinearStoragePrice,
		},
		weights::Weight,
		PalletId,
	},
	frame_system::{self, EnsureRoot, EnsureSigned},
	pallet_collective, pallet_conviction_voting, pallet_preimage, pallet_referenda,
	pallet_scheduler, pallet_treasury,
	sp_runtime::{traits::AccountIdLookup, DispatchError, Perbill, Permill},
};

pub mod origins;
pub mod tracks;

pub use tracks::{track_ids, BttTracks, TrackSpec, VotingTurnout, TRACKS};

parameter_types! {
	/// Holding a preimage costs 1 BTT plus 1 milli-BTT per byte.
	pub const PreimageBaseDeposit: Balance = BTT;
	pub const PreimageByteDeposit: Balance = MILLI_BTT;
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

parameter_types! {
	/// Scheduled calls may use 80% of a block.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * <Runtime as frame_system::Config>::BlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeEvent = RuntimeEvent;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	// Root bypasses the call filter; due calls are filtered here instead (`guarantees.rs`).
	type Preimages = crate::guarantees::GuardedPreimages;
	type BlockNumberProvider = System;
}

parameter_types! {
	/// Submitting a referendum costs a refundable 100 BTT.
	pub const SubmissionDeposit: Balance = 100 * BTT;
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_referenda::WeightInfo<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	type SubmitOrigin = EnsureSigned<AccountId>;
	type CancelOrigin = EitherOf<EnsureRoot<AccountId>, origins::CouncilTwoThirds>;
	type KillOrigin = EnsureRoot<AccountId>;
	// Slashed deposits go to the development fund: nothing is minted or burned.
	type Slash = Treasury;
	type Votes = Balance;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = GovernanceDays<Runtime, 14>;
	type AlarmInterval = polkadot_sdk::frame_support::traits::ConstU32<1>;
	type Tracks = BttTracks;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ConvictionVotingWeights;
	type Currency = Balances;
	// Conviction voting sees the referenda through btt-governance, which takes a removed
	// boosted vote's extra off the tally.
	type Polls = pallet_btt_governance::BoostedPolls<Runtime>;
	type MaxTurnout = VotingTurnout;
	type MaxVotes = ConstU32<512>;
	type VoteLockingPeriod = GovernanceDays<Runtime, 7>;
	type BlockNumberProvider = System;
	// The 1.5× weight of accounts at the 365-day staking tier or above.
	type VotingHooks = BttGovernance;
}

/// Conviction voting's weights plus btt-governance's vote hooks, which run inside its calls.
pub struct ConvictionVotingWeights;
impl pallet_conviction_voting::WeightInfo for ConvictionVotingWeights {
	fn vote_new() -> Weight {
		use pallet_btt_governance::WeightInfo;
		Base::vote_new().saturating_add(GovernanceWeights::boost_vote())
	}
	fn vote_existing() -> Weight {
		use pallet_btt_governance::WeightInfo;
		Base::vote_existing().saturating_add(GovernanceWeights::boost_vote())
	}
	fn remove_vote() -> Weight {
		use pallet_btt_governance::WeightInfo;
		Base::remove_vote().saturating_add(GovernanceWeights::withdraw_boost())
	}
	fn remove_other_vote() -> Weight {
		use pallet_btt_governance::WeightInfo;
		Base::remove_other_vote().saturating_add(GovernanceWeights::withdraw_boost())
	}
	fn delegate(r: u32) -> Weight {
		Base::delegate(r)
	}
	fn undelegate(r: u32) -> Weight {
		Base::undelegate(r)
	}
	fn unlock() -> Weight {
		Base::unlock()
	}
}
type Base = crate::weights::pallet_conviction_voting::WeightInfo<Runtime>;
type GovernanceWeights = pallet_btt_governance::weights::SubstrateWeight<Runtime>;

/// Benchmark stakes: an account with the most staking positions it may hold, so that every
/// stake lookup (the vote boost, a provider's stake, a consumer's compute priority) reads
/// them all. Minted for the benchmark: benchmarks run on a genesis of their own.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkStakes;

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkStakes {
	/// `MaxPositions` stakes of 1M BTT by `who`, the last of them at `last_tier`, the others
	/// at `tier`.
	fn stake(who: &AccountId, tier: pallet_btt_staking::Tier, last_tier: pallet_btt_staking::Tier) {
		use polkadot_sdk::frame_support::traits::{fungible::Mutate, Get};
		let stake = 1_000_000 * BTT;
		let positions = <Runtime as pallet_btt_staking::Config>::MaxPositions::get();
		let _ = Balances::mint_into(who, stake.saturating_mul(Balance::from(positions) + 1));
		for index in 1..=positions {
			let tier = if index == positions { last_tier } else { tier };
			let _ = BttStaking::stake(RuntimeOrigin::signed(who.clone()), tier, stake);
		}
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_btt_governance::BenchmarkHelper<AccountId> for BenchmarkStakes {
	fn make_boosted(who: &AccountId) {
		use pallet_btt_staking::Tier;
		Self::stake(who, Tier::Days30, Tier::Days365);
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_btt_mining::BenchmarkHelper<AccountId> for BenchmarkStakes {
	fn stake_max_positions(who: &AccountId) {
		use pallet_btt_staking::Tier;
		Self::stake(who, Tier::Days90, Tier::Days90);
	}
}

parameter_types! {
	/// The long-term stakers' vote boost of the parameter sheet.
	pub const VoteBoost: Permill = crate::tokenomics::staking::VOTE_BOOST;
}

impl pallet_btt_governance::Config for Runtime {
	type Balance = Balance;
	type MaxTurnout = VotingTurnout;
	type Polls = Referenda;
	type Staking = BttStaking;
	type VoteBoost = VoteBoost;
	type BlocksPerDay = ConstU32<{ crate::tokenomics::calendar::DAY_BLOCKS }>;
	// Two years of blocks after genesis: the paper's 2028.
	type DefaultCouncilSunset = ConstU32<{ crate::tokenomics::governance::COUNCIL_SUNSET }>;
	type WeightInfo = pallet_btt_governance::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkStakes;
}

/// The institutional council's instance of the collective pallet.
pub type CouncilCollective = pallet_collective::Instance1;

parameter_types! {
	/// A council motion may use half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * <Runtime as frame_system::Config>::BlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = GovernanceDays<Runtime, 3>;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<13>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
	// Membership changes only by a root-track referendum.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

parameter_types! {
	/// The development fund is the treasury: its account is the fund's.
	pub const TreasuryPalletId: PalletId = pools::DEVELOPMENT_FUND;
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = origins::Treasurer;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = GovernanceDays<Runtime, 6>;
	// The fund is never burned: burns happen only through btt-burn's books.
	type Burn = ();
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = crate::weights::pallet_treasury::WeightInfo<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = ConstU32<100>;
	type SpendOrigin = origins::TreasurySpend;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = AccountIdLookup<AccountId, ()>;
	type Paymaster = PayFromDevelopmentFund;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = GovernanceDays<Runtime, 30>;
	type BlockNumberProvider = System;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// How the treasury pays: out of the development fund's account (`PayFromAccount`).
pub struct PayFromDevelopmentFund;
type PayFromFund = PayFromAccount<Balances, pools::DevelopmentFundAccount>;

impl Pay for PayFromDevelopmentFund {
	type Balance = Balance;
	type Beneficiary = AccountId;
	type AssetKind = ();
	type Id = ();
	type Error = DispatchError;

	fn pay(who: &AccountId, asset_kind: (), amount: Balance) -> Result<(), DispatchError> {
		PayFromFund::pay(who, asset_kind, amount)
	}

	fn check_payment(id: ()) -> PaymentStatus {
		PayFromFund::check_payment(id)
	}

	/// The treasury's benchmarks pay 100 plancks, less than an account's existential
	/// deposit here: the beneficiary is given its existential deposit first, so the payout
	/// is measured into an existing account.
	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(who: &AccountId, asset_kind: (), amount: Balance) {
		use polkadot_sdk::frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(who, Balances::minimum_balance());
		PayFromFund::ensure_successful(who, asset_kind, amount)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_concluded(id: ()) {
		PayFromFund::ensure_concluded(id)
	}
}
