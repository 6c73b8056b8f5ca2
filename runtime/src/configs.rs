//! The configuration of every pallet in the runtime.

use crate::{
	currency::*,
	governance::origins,
	time::*,
	weights::{self, BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight},
	AccountId, Aura, Balance, Balances, Block, BlockNumber, BttValidators, Hash, Nonce, PalletInfo,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
	RuntimeTask, System, VERSION,
};
use polkadot_sdk::{
	frame_support::PalletId,
	frame_support::{
		self, derive_impl, parameter_types,
		traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, Get, VariantCountOf},
		weights::{constants::WEIGHT_REF_TIME_PER_SECOND, ConstantMultiplier, Weight},
	},
	frame_system::{
		self,
		limits::{BlockLength, BlockWeights},
	},
	pallet_aura, pallet_authorship, pallet_balances, pallet_grandpa,
	pallet_session::{self, PeriodicSessions},
	pallet_skip_feeless_payment, pallet_sudo, pallet_timestamp,
	pallet_transaction_payment::{self, FungibleAdapter, Multiplier, TargetedFeeAdjustment},
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_runtime::{
		traits::{AccountIdConversion, ConvertInto, One, OpaqueKeys},
		FixedPointNumber, Perbill, Permill, Perquintill,
	},
	sp_version::RuntimeVersion,
};

/// We assume that ~10% of the block weight is consumed by `on_initialize` handlers.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(10);
/// Normal extrinsics may fill 75% of a block; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);
/// Two seconds of compute per 6-second block.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2), u64::MAX);
/// At most 5 MiB of extrinsics per block (the node's block builder uses the same limit).
pub const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;

	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAXIMUM_BLOCK_LENGTH)
		.modify_max_length_for_class(
			frame_support::dispatch::DispatchClass::Normal,
			|max| *max = NORMAL_DISPATCH_RATIO * *max,
		)
		.build();

	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(frame_support::dispatch::DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(frame_support::dispatch::DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(frame_support::dispatch::DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			// Operational transactions get the rest of the block, beyond normal ones.
			weights.reserved = Some(
				MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT
			);
		})
		.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
		.build_or_panic();

	pub const SS58Prefix: u16 = crate::SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	// The calls that would break the supply rule or move a pool's tokens are refused
	// (`guarantees.rs`).
	type BaseCallFilter = crate::guarantees::GuaranteesFilter;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// Measured on ParityDB, the node's default database (`weights/paritydb_weights.rs`).
	type DbWeight = ParityDbWeight;
	type SystemWeightInfo = weights::frame_system::WeightInfo<Runtime>;
	type ExtensionsWeightInfo = weights::frame_system_extensions::WeightInfo<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// `report_equivocation` cannot be called on this chain (no key-owner proofs: `Void`), and
	// `note_stalled` is root's; both keep the pallet's own weights.
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = polkadot_sdk::sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// A timestamp: milliseconds since the unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = weights::pallet_timestamp::WeightInfo<Runtime>;
}

/// The smallest balance an account may hold: 0.001 BTT.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_BTT;

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	// Dust leaves the supply through btt-burn's books, so the supply rule holds exactly.
	type DustRemoval = pallet_btt_burn::BurnDust<Runtime>;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fee per unit of ref-time weight, set so that an extrinsic of base weight costs one
	/// milli-BTT; with the byte fee below a plain transfer costs a few milli-BTT at the
	/// neutral fee multiplier.
	pub WeightFee: Balance = MILLI_BTT / Balance::from(ExtrinsicBaseWeight::get().ref_time());
	/// Fee per byte of an extrinsic.
	pub const TransactionByteFee: Balance = 10 * MICRO_BTT;
	/// Blocks fuller than this (of the normal class) raise the fee multiplier.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the fee multiplier follows the fullness of blocks.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// The multiplier never falls below the neutral value: fees never get cheaper than set.
	pub MinimumMultiplier: Multiplier = Multiplier::one();
	/// ... nor above 100,000 times it.
	pub MaximumMultiplier: Multiplier = Multiplier::saturating_from_integer(100_000);
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees and tips are shared 40/30/20/10 between the development fund, the stakers' pot, a
	// burn and the block author (btt-burn's split, governance-set).
	type OnChargeTransaction =
		FungibleAdapter<Balances, pallet_btt_burn::DealWithFees<Runtime, BlockAuthor>>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = ConstantMultiplier<Balance, WeightFee>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

impl pallet_skip_feeless_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = weights::pallet_sudo::WeightInfo<Runtime>;
}

parameter_types! {
	pub const TotalSupply: Balance = TOTAL_SUPPLY;
	/// The category rate ranges of the parameter sheet.
	pub const CategoryRateRanges: pallet_btt_burn::CategoryRanges =
		crate::tokenomics::fees::CATEGORY_RANGES;
	/// The stakers' fee reduction of the parameter sheet.
	pub const StakingFeeDiscount: Permill = crate::tokenomics::staking::FEE_DISCOUNT;
}

impl pallet_authorship::Config for Runtime {
	// The Aura author's index into the session's validators: the validator's account (its
	// session keys are other keys).
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = ();
}

/// The author of the block being built, for the author's share of its fees.
pub struct BlockAuthor;
impl Get<Option<AccountId>> for BlockAuthor {
	fn get() -> Option<AccountId> {
		pallet_authorship::Pallet::<Runtime>::author()
	}
}

impl pallet_btt_burn::Config for Runtime {
	type Currency = Balances;
	type MilestoneOrigin = origins::Milestones;
	type ParamsOrigin = origins::EconomicParams;
	type CategoryRateRanges = CategoryRateRanges;
	type TotalSupply = TotalSupply;
	type DefaultMilestoneSource = pools::EcosystemFundAccount;
	type DevelopmentFund = pools::DevelopmentFundAccount;
	type StakersPot = pools::StakersPotAccount;
	type OnMilestoneBurn = PoolBooks;
	type WeightInfo = pallet_btt_burn::weights::SubstrateWeight<Runtime>;
}

/// btt-vesting keeps the books of the table's pools: a milestone burn out of a pool (by
/// default the ecosystem fund) and a staking reward paid or burned out of the community pool
/// are releases from that pool.
pub struct PoolBooks;
impl pallet_btt_burn::OnMilestoneBurn<AccountId, Balance> for PoolBooks {
	fn burned(source: &AccountId, amount: Balance) {
		pallet_btt_vesting::Pallet::<Runtime>::note_burn_from(source, amount);
	}

	fn paid_out(source: &AccountId, amount: Balance) {
		pallet_btt_vesting::Pallet::<Runtime>::note_pool_release(source, amount);
	}
}
impl pallet_btt_staking::OnPoolSpend<AccountId, Balance> for PoolBooks {
	fn spent(pool: &AccountId, amount: Balance) {
		pallet_btt_vesting::Pallet::<Runtime>::note_pool_release(pool, amount);
	}
}

/// Every staker's frozen principal, for btt-vesting's circulating supply. Iterates the
/// stakers: it is read only by the `BttVestingApi` runtime API, off-chain.
pub struct StakedSupply;
impl Get<alloc::vec::Vec<(AccountId, Balance)>> for StakedSupply {
	fn get() -> alloc::vec::Vec<(AccountId, Balance)> {
		pallet_btt_staking::Positions::<Runtime>::iter()
			.map(|(who, positions)| {
				(who, positions.iter().fold(0, |sum: Balance, p| sum.saturating_add(p.principal)))
			})
			.collect()
	}
}

/// What btt-vesting keeps frozen in an account: those tokens cannot back a stake.
pub struct VestingFrozen;
impl pallet_btt_staking::FrozenByVesting<AccountId, Balance> for VestingFrozen {
	fn vesting_frozen(who: &AccountId) -> Balance {
		pallet_btt_vesting::Pallet::<Runtime>::frozen(who)
	}
}

impl pallet_btt_staking::Config for Runtime {
	type Currency = Balances;
	type VestingFrozen = VestingFrozen;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RewardBurner = pallet_btt_burn::Pallet<Runtime>;
	type RewardPool = pools::CommunityPoolAccount;
	type OnPoolSpend = PoolBooks;
	type FeeSharePot = pools::StakersPotAccount;
	type BlocksPerDay = ChainDay;
	type MaxPositions = ConstU32<16>;
	type FeeDiscount = StakingFeeDiscount;
	type GovernanceOrigin = origins::EconomicParams;
	type WeightInfo = pallet_btt_staking::weights::SubstrateWeight<Runtime>;
}

/// The mining row's projected release, for btt-vesting's report: btt-mining's own emission
/// schedule (its cumulative cap by era), at the current era length.
pub struct MiningEmission;
impl pallet_btt_vesting::EmissionSchedule<BlockNumber, Balance> for MiningEmission {
	fn emitted_by(block: BlockNumber) -> Balance {
		pallet_btt_mining::Pallet::<Runtime>::emitted_by(block)
	}

	fn end() -> BlockNumber {
		pallet_btt_mining::Pallet::<Runtime>::emission_end()
	}
}

parameter_types! {
	/// The mining pool's emission per two-year phase (tokenomics section 4): 63M BTT in all.
	pub const MiningPhaseTotals: [Balance; 4] = crate::tokenomics::mining::PHASE_TOTALS;
	/// The mining pool's account.
	pub MiningPoolAccount: AccountId = pools::account(pools::MINING);
}

/// The chain's day in blocks, set once in genesis (`bttGovernance.dayLength`: 14,400 in
/// production, fewer on a dev chain). It is the one calendar of the chain: governance
/// periods and staking terms are counted in days, a mining era is one day, and vesting
/// months and years are 30 and 365 of them. No call changes it, so every schedule stays
/// tied to time and a dev chain runs the whole calendar in minutes.
pub struct ChainDay;
impl Get<BlockNumber> for ChainDay {
	fn get() -> BlockNumber {
		pallet_btt_governance::DayLength::<Runtime>::get()
	}
}

/// A tokenomics month: 30 chain days.
pub struct ChainMonth;
impl Get<BlockNumber> for ChainMonth {
	fn get() -> BlockNumber {
		ChainDay::get().saturating_mul(30)
	}
}

/// A year of 365 chain days.
pub struct ChainYear;
impl Get<BlockNumber> for ChainYear {
	fn get() -> BlockNumber {
		ChainDay::get().saturating_mul(365)
	}
}

impl pallet_btt_mining::Config for Runtime {
	type Day = ChainDay;
	// ISO 3166-1 has 249 codes.
	type MaxRegions = ConstU32<256>;
	// Expired eras' keys removed per block, at most.
	type PruneLimit = ConstU32<64>;
	type Currency = Balances;
	type FeeBurner = pallet_btt_burn::Pallet<Runtime>;
	type Staking = pallet_btt_staking::Pallet<Runtime>;
	type MiningPool = MiningPoolAccount;
	type OnPoolSpend = PoolBooks;
	type PhaseTotals = MiningPhaseTotals;
	// Two years of daily eras.
	type ErasPerPhase = ConstU32<{ crate::tokenomics::mining::ERAS_PER_PHASE }>;
	type ClaimWindow = ConstU32<30>;
	// ISO 3166-1 has 249 countries.
	type MaxRegionsPerEra = ConstU32<256>;
	type MaxCapacityLen = ConstU32<256>;
	type MaxOracles = ConstU32<32>;
	type GovernanceOrigin = origins::EconomicParams;
	type WeightInfo = pallet_btt_mining::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::governance::BenchmarkStakes;
}

/// What a pool must keep for the milestone burns btt-burn has promised out of it.
pub struct PendingMilestoneBurns;
impl pallet_btt_vesting::PendingBurns<AccountId, Balance> for PendingMilestoneBurns {
	fn kept_back(pool: &AccountId) -> Balance {
		pallet_btt_burn::Pallet::<Runtime>::pending_burns_from(pool)
	}
}

parameter_types! {
	/// A vesting grant releases within ten years (lock and linear months together).
	pub const MaxGrantMonths: u16 = 120;
	/// A vesting grant is at least 100 BTT: no dust schedules in someone else's slots.
	pub const MinGrant: Balance = 100 * BTT;
}

/// When btt-vesting changes an account's vesting freeze (a claim, a grant), btt-staking
/// recomputes its freeze, which covers the staked principal on top of what vesting keeps
/// frozen: a stake stays backed by tokens free of vesting.
pub struct RefreshStakingFreeze;
impl pallet_btt_vesting::OnVestingChanged<AccountId> for RefreshStakingFreeze {
	fn vesting_changed(who: &AccountId) {
		pallet_btt_staking::Pallet::<Runtime>::refresh_freeze(who)
	}

	fn weight() -> Weight {
		<pallet_btt_staking::weights::SubstrateWeight<Runtime> as pallet_btt_staking::WeightInfo>::refresh_freeze()
	}
}

impl pallet_btt_vesting::Config for Runtime {
	type Currency = Balances;
	type OnVestingChanged = RefreshStakingFreeze;
	type PendingBurns = PendingMilestoneBurns;
	type MaxGrantMonths = MaxGrantMonths;
	type MinGrant = MinGrant;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type TotalSupply = TotalSupply;
	type BlocksPerMonth = ChainMonth;
	type MaxSchedulesPerAccount = ConstU32<8>;
	type MilestoneOrigin = origins::Milestones;
	type TreasurerOrigin = origins::Treasurer;
	type ReserveOrigin = origins::ReserveRelease;
	type EcosystemFund = pools::EcosystemFundAccount;
	type CommunityPool = pools::CommunityPoolAccount;
	type StrategicReserve = pools::StrategicReserveAccount;
	type ProgrammePeriod = ChainMonth;
	type MaxProgrammes = ConstU32<64>;
	type BlocksPerYear = ChainYear;
	type MiningEmission = MiningEmission;
	type StakedSupply = StakedSupply;
	type WeightInfo = pallet_btt_vesting::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Registering session keys holds 10 BTT until they are purged.
	pub const SessionKeyDeposit: Balance = 10 * BTT;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession =
		PeriodicSessions<pallet_btt_validators::SessionPeriod<Self>, ConstU32<0>>;
	type NextSessionRotation =
		PeriodicSessions<pallet_btt_validators::SessionPeriod<Self>, ConstU32<0>>;
	// Governance decides the set (btt-validators).
	type SessionManager = BttValidators;
	type SessionHandler = <crate::opaque::SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = crate::opaque::SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = crate::weights::pallet_session::WeightInfo<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_btt_validators::Config for Runtime {
	type AdminOrigin = origins::ValidatorAdmin;
	// Aura's and GRANDPA's `MaxAuthorities`.
	type MaxValidators = ConstU32<32>;
	type MinValidators = ConstU32<1>;
	// An hour of blocks.
	type DefaultSessionLength = ConstU32<HOURS>;
	type WeightInfo = pallet_btt_validators::weights::SubstrateWeight<Runtime>;
}

/// The keyless accounts that hold the pools of the allocation table and the funds fed by
/// transaction fees. Nobody has their keys: only the pallets and origins named below can
/// move their tokens.
pub mod pools {
	use super::*;

	/// Foundation & technical development (row 7): milestone tranches.
	pub const FOUNDATION: PalletId = PalletId(*b"btt/fndn");
	/// Compute mining reward pool (row 8): the 8-year emission.
	pub const MINING: PalletId = PalletId(*b"btt/mine");
	/// Community incentives (row 9): programmes and fixed staking rewards.
	pub const COMMUNITY: PalletId = PalletId(*b"btt/cmty");
	/// Ecosystem development fund (row 10): governance releases, milestone burns.
	pub const ECOSYSTEM: PalletId = PalletId(*b"btt/ecos");
	/// Strategic reserve (row 12): released only by referendum.
	pub const RESERVE: PalletId = PalletId(*b"btt/rsrv");
	/// Development fund: receives the development share of transaction fees.
	pub const DEVELOPMENT_FUND: PalletId = PalletId(*b"btt/dvfd");
	/// Stakers' pot: receives the stakers' share of transaction fees, for btt-staking.
	pub const STAKERS_POT: PalletId = PalletId(*b"btt/stkp");

	/// Every pool and fee-fed fund: tokens nobody holds the keys of. The liquidity row
	/// (11) is not a pool: it is unlocked at genesis and held by the accounts the chain spec
	/// names (the dev accounts, or the liquidity multisig on a live chain).
	pub const ALL: [PalletId; 7] =
		[FOUNDATION, MINING, COMMUNITY, ECOSYSTEM, RESERVE, DEVELOPMENT_FUND, STAKERS_POT];

	/// The account of a pool.
	pub fn account(pool: PalletId) -> AccountId {
		pool.into_account_truncating()
	}

	parameter_types! {
		/// The development fund's account.
		pub DevelopmentFundAccount: AccountId = account(DEVELOPMENT_FUND);
		/// The stakers' pot's account.
		pub StakersPotAccount: AccountId = account(STAKERS_POT);
		/// The ecosystem development fund's account: the default source of milestone burns.
		pub EcosystemFundAccount: AccountId = account(ECOSYSTEM);
		/// The community incentives pool's account.
		pub CommunityPoolAccount: AccountId = account(COMMUNITY);
		/// The strategic reserve's account.
		pub StrategicReserveAccount: AccountId = account(RESERVE);
	}
}
