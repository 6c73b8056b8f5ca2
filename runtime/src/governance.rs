//! Governance (tokenomics section 7): OpenGov referenda on the BTT tracks, conviction voting
//! with the long-term stakers' 1.5× weight, the scheduler and preimages, the development
//! fund as a treasury, the institutional council until its sunset, and the multisig pallet
//! (the foundation's account is a multisig).
//!
//! **One place for the tracks.** [`TRACKS`] is the whole table: each track's origin,
//! deposit, periods (in governance days) and curves. [`origins`] names, for every governed
//! call of the BTT pallets, the origin that may make it.

use crate::{
	configs::RuntimeBlockWeights, currency::*, pools, AccountId, Balance, Balances, BlockNumber,
	BttGovernance, BttStaking, OriginCaller, Preimage, Referenda, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System, Treasury,
};
use alloc::borrow::Cow;
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
			ConstU128, ConstU32, EitherOf, EqualPrivilegeOnly, Get, LinearStoragePrice,
		},
		weights::Weight,
		PalletId,
	},
	frame_system::{self, EnsureRoot, EnsureSigned},
	pallet_collective, pallet_conviction_voting, pallet_multisig, pallet_preimage,
	pallet_referenda::{self, Curve, Track, TrackInfo},
	pallet_scheduler, pallet_treasury,
	sp_runtime::{str_array, traits::AccountIdLookup, DispatchError, Perbill},
};

/// The tracks of the BTT chain, by id.
pub mod track_ids {
	/// Runtime upgrades and anything else only root may do.
	pub const ROOT: u16 = 0;
	/// Releases of the strategic reserve.
	pub const RESERVE_RELEASE: u16 = 1;
	/// Foundation milestone approvals and milestone burns.
	pub const MILESTONES: u16 = 2;
	/// Development-fund and ecosystem-fund spends.
	pub const TREASURER: u16 = 3;
	/// Burn rates, the fee split, staking terms, mining parameters.
	pub const ECONOMIC_PARAMS: u16 = 4;
	/// The validator set.
	pub const VALIDATOR_ADMIN: u16 = 5;
}

/// One row of the track table: periods in governance days, curves falling linearly from
/// `ceil` to `floor` over the decision period.
pub struct TrackSpec {
	/// The track's id.
	pub id: u16,
	/// Its name, as polkadot.js shows it.
	pub name: &'static str,
	/// Referenda decided at once.
	pub max_deciding: u32,
	/// The decision deposit.
	pub decision_deposit: Balance,
	/// Days between submission and the start of the decision.
	pub prepare_days: u32,
	/// Days a decision may take.
	pub decision_days: u32,
	/// Days the approval criteria must hold.
	pub confirm_days: u32,
	/// Days between approval and enactment, at least.
	pub enactment_days: u32,
	/// Approval (share of conviction-weighted ayes): `(ceil, floor)` in percent.
	pub approval: (u32, u32),
	/// Support (share of the voting turnout voting aye): `(ceil, floor)` in tenths of a
	/// percent.
	pub support_permille: (u32, u32),
}

impl TrackSpec {
	/// The track with periods in blocks, for days of `day` blocks.
	fn track(&self, day: BlockNumber) -> Track<u16, Balance, BlockNumber> {
		let days = |n: u32| day.saturating_mul(n);
		Track {
			id: self.id,
			info: TrackInfo {
				name: str_array(self.name),
				max_deciding: self.max_deciding,
				decision_deposit: self.decision_deposit,
				prepare_period: days(self.prepare_days),
				decision_period: days(self.decision_days),
				confirm_period: days(self.confirm_days),
				min_enactment_period: days(self.enactment_days),
				min_approval: Curve::LinearDecreasing {
					length: Perbill::one(),
					floor: Perbill::from_percent(self.approval.1),
					ceil: Perbill::from_percent(self.approval.0),
				},
				min_support: Curve::LinearDecreasing {
					length: Perbill::one(),
					floor: Perbill::from_perthousand(self.support_permille.1),
					ceil: Perbill::from_perthousand(self.support_permille.0),
				},
			},
		}
	}
}

/// The track table. Support is measured against the voting turnout ([`VotingTurnout`]:
/// the supply outside the table's pools, about 69M BTT at genesis).
pub const TRACKS: [TrackSpec; 6] = [
	TrackSpec {
		id: track_ids::ROOT,
		name: "root",
		max_deciding: 1,
		decision_deposit: 100_000 * BTT,
		prepare_days: 2,
		decision_days: 28,
		confirm_days: 3,
		enactment_days: 1,
		// Root can change anything, so it decides at least as strictly as the reserve track.
		approval: (100, 60),
		support_permille: (300, 50),
	},
	TrackSpec {
		id: track_ids::RESERVE_RELEASE,
		name: "reserve_release",
		max_deciding: 2,
		decision_deposit: 50_000 * BTT,
		prepare_days: 2,
		decision_days: 28,
		confirm_days: 3,
		enactment_days: 1,
		approval: (100, 60),
		support_permille: (300, 50),
	},
	TrackSpec {
		id: track_ids::MILESTONES,
		name: "milestones",
		max_deciding: 5,
		decision_deposit: 10_000 * BTT,
		prepare_days: 1,
		decision_days: 14,
		confirm_days: 2,
		enactment_days: 1,
		approval: (100, 50),
		support_permille: (200, 10),
	},
	TrackSpec {
		id: track_ids::TREASURER,
		name: "treasurer",
		max_deciding: 10,
		decision_deposit: 5_000 * BTT,
		prepare_days: 1,
		decision_days: 14,
		confirm_days: 1,
		enactment_days: 1,
		approval: (100, 50),
		support_permille: (150, 5),
	},
	TrackSpec {
		id: track_ids::ECONOMIC_PARAMS,
		name: "economic_params",
		max_deciding: 5,
		decision_deposit: 10_000 * BTT,
		prepare_days: 1,
		decision_days: 14,
		confirm_days: 2,
		enactment_days: 1,
		approval: (100, 50),
		support_permille: (200, 10),
	},
	TrackSpec {
		id: track_ids::VALIDATOR_ADMIN,
		name: "validator_admin",
		max_deciding: 5,
		decision_deposit: 5_000 * BTT,
		prepare_days: 1,
		decision_days: 7,
		confirm_days: 1,
		enactment_days: 1,
		approval: (100, 50),
		support_permille: (100, 5),
	},
];

/// The referenda's tracks: [`TRACKS`] with days of `BttGovernance::DayLength` blocks.
pub struct BttTracks;
impl pallet_referenda::TracksInfo<Balance, BlockNumber> for BttTracks {
	type Id = u16;
	type RuntimeOrigin = OriginCaller;

	fn tracks() -> impl Iterator<Item = Cow<'static, Track<u16, Balance, BlockNumber>>> {
		let day = pallet_btt_governance::DayLength::<Runtime>::get();
		TRACKS.iter().map(move |spec| Cow::Owned(spec.track(day)))
	}

	fn track_for(origin: &OriginCaller) -> Result<u16, ()> {
		use pallet_btt_governance::GovernanceOrigin::*;
		match origin {
			OriginCaller::system(frame_system::RawOrigin::Root) => Ok(track_ids::ROOT),
			OriginCaller::BttGovernance(origin) => Ok(match origin {
				ReserveRelease => track_ids::RESERVE_RELEASE,
				Milestones => track_ids::MILESTONES,
				Treasurer => track_ids::TREASURER,
				EconomicParams => track_ids::ECONOMIC_PARAMS,
				ValidatorAdmin => track_ids::VALIDATOR_ADMIN,
			}),
			_ => Err(()),
		}
	}
}

/// The tokens that can vote: the supply outside the table's pools and the fee-fed funds
/// (nobody holds their keys). Support is measured against it.
pub struct VotingTurnout;
impl Get<Balance> for VotingTurnout {
	fn get() -> Balance {
		let in_pools = pools::ALL
			.iter()
			.map(|pool| Balances::total_balance(&pools::account(*pool)))
			.fold(0, |sum: Balance, balance| sum.saturating_add(balance));
		Balances::total_issuance().saturating_sub(in_pools)
	}
}

/// The origins of every governed call, by track. Root (a root-track referendum, or sudo on
/// dev chains) may do anything except release the strategic reserve; the council may act for
/// the milestones, treasurer, economic-parameters and validator-admin tracks until its
/// sunset block.
pub mod origins {
	use super::*;
	use pallet_btt_governance::{
		EnsureEconomicParams, EnsureMilestones, EnsureReserveRelease, EnsureTreasurer,
		EnsureValidatorAdmin, WhileCouncilSits,
	};
	use polkadot_sdk::{
		frame_support::traits::{EitherOf, MapSuccess},
		frame_system::EnsureRootWithSuccess,
		sp_runtime::traits::Replace,
	};

	/// Two thirds of the council, before its sunset block.
	pub type CouncilTwoThirds = WhileCouncilSits<
		Runtime,
		pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
	>;

	/// Releases of the strategic reserve: only a reserve-release referendum.
	pub type ReserveRelease = EnsureReserveRelease;
	/// Milestone approvals and milestone burns.
	pub type Milestones =
		EitherOf<EnsureRoot<AccountId>, EitherOf<EnsureMilestones, CouncilTwoThirds>>;
	/// Ecosystem-fund releases and community programmes.
	pub type Treasurer =
		EitherOf<EnsureRoot<AccountId>, EitherOf<EnsureTreasurer, CouncilTwoThirds>>;
	/// Burn rates, the fee split, staking terms and mining parameters.
	pub type EconomicParams =
		EitherOf<EnsureRoot<AccountId>, EitherOf<EnsureEconomicParams, CouncilTwoThirds>>;
	/// The validator set.
	pub type ValidatorAdmin =
		EitherOf<EnsureRoot<AccountId>, EitherOf<EnsureValidatorAdmin, CouncilTwoThirds>>;

	/// The treasury's spends: the treasurer's origins, with no cap beyond the fund itself.
	pub type TreasurySpend = EitherOf<
		EnsureRootWithSuccess<AccountId, ConstU128<{ Balance::MAX }>>,
		MapSuccess<
			EitherOf<EnsureTreasurer, CouncilTwoThirds>,
			Replace<ConstU128<{ Balance::MAX }>>,
		>,
	>;
}

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
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
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

impl pallet_btt_governance::Config for Runtime {
	type Balance = Balance;
	type MaxTurnout = VotingTurnout;
	type Polls = Referenda;
	type Staking = BttStaking;
	type BlocksPerDay = ConstU32<{ crate::time::DAYS }>;
	// Two years of blocks after genesis: the paper's 2028.
	type DefaultCouncilSunset = ConstU32<{ 2 * crate::time::YEARS }>;
	type WeightInfo = pallet_btt_governance::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkStakes;
}

/// The institutional council's instance of the collective pallet.
pub type CouncilCollective = pallet_collective::Instance1;

parameter_types! {
	/// A council motion may use half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
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

parameter_types! {
	/// A multisig operation holds 1 BTT plus 0.1 BTT per signatory until it completes.
	pub const MultisigDepositBase: Balance = BTT;
	pub const MultisigDepositFactor: Balance = BTT / 10;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = ConstU32<20>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
}

#[cfg(all(test, not(feature = "upgrade-rehearsal")))]
mod tests {
	use super::*;

	#[test]
	fn the_tracks_are_sorted_and_sane() {
		let mut last = None;
		for spec in TRACKS.iter() {
			assert!(last.map_or(true, |last| last < spec.id), "tracks are sorted by id");
			last = Some(spec.id);
			assert!(spec.approval.0 >= spec.approval.1 && spec.approval.0 <= 100);
			assert!(spec.support_permille.0 >= spec.support_permille.1);
			assert!(spec.decision_days > spec.confirm_days);
			assert!(spec.name.len() <= 25);
		}
	}
}
