//! A test runtime: System, Balances, btt-burn, btt-staking and this pallet, with days (and
//! eras) of 10 blocks, the paper's phase totals in test units, three oracles, a quorum of
//! three reports, the default region list and one verified consumer (a hospital).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate as pallet_btt_mining;
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU32, ConstU64},
	},
	frame_system::{self, EnsureRoot},
	pallet_balances, sp_io,
	sp_runtime::{BuildStorage, Permill},
};

pub type AccountId = u64;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

pub const UNIT: Balance = 1_000_000;
pub const ED: Balance = 10;
/// Blocks in a day, so in an era (and in a staking day) of the test chain.
pub const ERA: u64 = 10;
/// Daily eras in two years, as on the BTT chain.
pub const ERAS_PER_PHASE: u32 = 730;
/// Regions on the list.
pub const MAX_LISTED_REGIONS: u32 = 50;
pub const MAX_ORACLES: u32 = 4;
pub const CLAIM_WINDOW: u32 = 30;
/// Keys the block hook prunes per block.
pub const PRUNE_LIMIT: u32 = 8;
/// The hospital's compute allowance: more than any test spends.
pub const HOSPITAL_ALLOWANCE: Balance = 1_000_000_000 * UNIT;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// A verified consumer from genesis.
pub const HOSPITAL: AccountId = 5;
pub const ORACLE: AccountId = 9;
pub const ORACLE2: AccountId = 10;
pub const ORACLE3: AccountId = 11;
/// Funds accounts the tests create (sybils, colluders).
pub const FUNDER: AccountId = 50;
pub const MINING_POOL: AccountId = 100;
pub const COMMUNITY_POOL: AccountId = 101;
pub const STAKERS_POT: AccountId = 102;
pub const ECOSYSTEM_FUND: AccountId = 103;
pub const DEVELOPMENT_FUND: AccountId = 104;

pub const MINING_ROW: Balance = 63_000_000 * UNIT;
pub const ENDOWMENTS: [(AccountId, Balance); 11] = [
	(ALICE, 1_000_000 * UNIT),
	(BOB, 1_000_000 * UNIT),
	(CHARLIE, 1_000_000 * UNIT),
	(DAVE, 1_000_000 * UNIT),
	(HOSPITAL, 10_000_000 * UNIT),
	(ORACLE, 1_000 * UNIT),
	(ORACLE2, 1_000 * UNIT),
	(ORACLE3, 1_000 * UNIT),
	(FUNDER, 10_000_000 * UNIT),
	(MINING_POOL, MINING_ROW),
	(COMMUNITY_POOL, 10_000_000 * UNIT),
];
pub const SUPPLY: Balance = {
	let mut sum = 0;
	let mut i = 0;
	while i < ENDOWMENTS.len() {
		sum += ENDOWMENTS[i].1;
		i += 1;
	}
	sum
};

#[polkadot_sdk::frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type BttBurn = pallet_btt_burn;
	#[runtime::pallet_index(3)]
	pub type BttStaking = pallet_btt_staking;
	#[runtime::pallet_index(4)]
	pub type BttMining = pallet_btt_mining;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type ExistentialDeposit = polkadot_sdk::frame_support::traits::ConstU128<ED>;
	type DustRemoval = pallet_btt_burn::BurnDust<Test>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = polkadot_sdk::frame_support::traits::VariantCountOf<RuntimeFreezeReason>;
}

parameter_types! {
	pub const TotalSupply: Balance = SUPPLY;
	pub const EcosystemFund: AccountId = ECOSYSTEM_FUND;
	pub const DevelopmentFund: AccountId = DEVELOPMENT_FUND;
	pub const StakersPot: AccountId = STAKERS_POT;
	pub const CommunityPool: AccountId = COMMUNITY_POOL;
	pub const MiningPool: AccountId = MINING_POOL;
	pub const BlocksPerDay: u64 = ERA;
	pub const PhaseTotals: [Balance; 4] =
		[25_200_000 * UNIT, 18_900_000 * UNIT, 12_600_000 * UNIT, 6_300_000 * UNIT];
	/// What the pool books were told: the sum of rewards paid out of the mining pool.
	pub static MiningPoolSpent: Balance = 0;
	/// Regions with compute in one era (a test lowers it to reach the bound).
	pub static MaxRegionsPerEra: u32 = 8;
}

parameter_types! {
	/// These tests do not set category rates: any rate will do.
	pub const CategoryRateRanges: pallet_btt_burn::CategoryRanges =
		pallet_btt_burn::CategoryRanges::UNRESTRICTED;
}

impl pallet_btt_burn::Config for Test {
	type Currency = Balances;
	type MilestoneOrigin = EnsureRoot<AccountId>;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type CategoryRateRanges = CategoryRateRanges;
	type TotalSupply = TotalSupply;
	type DefaultMilestoneSource = EcosystemFund;
	type DevelopmentFund = DevelopmentFund;
	type StakersPot = StakersPot;
	type OnMilestoneBurn = ();
	type WeightInfo = ();
}

parameter_types! {
	/// The BTT runtime's 20% (mining does not look at fees).
	pub const FeeDiscount: Permill = Permill::from_percent(20);
}

impl pallet_btt_staking::Config for Test {
	type Currency = Balances;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RewardBurner = BttBurn;
	type RewardPool = CommunityPool;
	type OnPoolSpend = ();
	type FeeSharePot = StakersPot;
	type BlocksPerDay = BlocksPerDay;
	type MaxPositions = ConstU32<4>;
	type FeeDiscount = FeeDiscount;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type VestingFrozen = ();
	type WeightInfo = ();
}

/// Counts what the mining pallet reports as spent from its pool.
pub struct CountSpends;
impl pallet_btt_staking::OnPoolSpend<AccountId, Balance> for CountSpends {
	fn spent(pool: &AccountId, amount: Balance) {
		assert_eq!(*pool, MINING_POOL);
		MiningPoolSpent::mutate(|spent| *spent += amount);
	}
}

impl pallet_btt_mining::Config for Test {
	type Currency = Balances;
	type FeeBurner = BttBurn;
	type Staking = BttStaking;
	type MiningPool = MiningPool;
	type OnPoolSpend = CountSpends;
	type PhaseTotals = PhaseTotals;
	type Day = ConstU64<ERA>;
	type ErasPerPhase = ConstU32<ERAS_PER_PHASE>;
	type ClaimWindow = ConstU32<CLAIM_WINDOW>;
	type MaxRegionsPerEra = MaxRegionsPerEra;
	type MaxRegions = ConstU32<MAX_LISTED_REGIONS>;
	type MaxCapacityLen = ConstU32<64>;
	type MaxOracles = ConstU32<MAX_ORACLES>;
	type PruneLimit = ConstU32<PRUNE_LIMIT>;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MaxStakes;
}

/// Benchmark stakes: `MaxPositions` 90-day stakes of the minimum, minted for the purpose.
#[cfg(feature = "runtime-benchmarks")]
pub struct MaxStakes;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_btt_mining::BenchmarkHelper<AccountId> for MaxStakes {
	fn stake_max_positions(who: &AccountId) {
		use polkadot_sdk::frame_support::traits::{fungible::Mutate, Get};
		let positions = <Test as pallet_btt_staking::Config>::MaxPositions::get();
		let stake = 5_000 * UNIT;
		let _ = Balances::mint_into(who, stake * (u128::from(positions) + 1));
		for _ in 0..positions {
			let _ = BttStaking::stake(
				RuntimeOrigin::signed(*who),
				pallet_btt_staking::Tier::Days90,
				stake,
			);
		}
	}
}

/// The test chain's mining genesis: providers need a 90-day stake of 5,000 units, three
/// oracles and a quorum of three, the default region list, the hospital verified.
pub fn mining_genesis() -> pallet_btt_mining::GenesisConfig<Test> {
	pallet_btt_mining::GenesisConfig {
		min_provider_stake: 5_000 * UNIT,
		factors: None,
		oracles: vec![ORACLE, ORACLE2, ORACLE3],
		regions: crate::DEFAULT_REGIONS.to_vec(),
		min_oracle_reports: 3,
		consumer_allowances: vec![(HOSPITAL, HOSPITAL_ALLOWANCE)],
	}
}

/// Test externalities at block 1, era 0, with the mining genesis above.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: ENDOWMENTS.to_vec(),
			..Default::default()
		},
		btt_staking: pallet_btt_staking::GenesisConfig {
			terms: pallet_btt_staking::paper_terms(UNIT).to_vec(),
		},
		btt_mining: mining_genesis(),
		..Default::default()
	}
	.build_storage()
	.expect("the test genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	MiningPoolSpent::set(0);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
