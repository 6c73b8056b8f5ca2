//! A test runtime: System, Balances, btt-burn (the reward burn and the supply books) and
//! this pallet, with days of 10 blocks.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate as pallet_btt_staking;
use crate::{paper_terms, Term, Tier};
use polkadot_sdk::{
	frame_support::{derive_impl, parameter_types, traits::ConstU32},
	frame_system::{self, EnsureRoot},
	pallet_balances, sp_io,
	sp_runtime::{BuildStorage, Permill},
};

pub type AccountId = u64;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

/// One token of the test chain.
pub const UNIT: Balance = 1_000_000;
pub const ED: Balance = 10;
/// Blocks in a day of the test chain.
pub const DAY: u64 = 10;
pub const MAX_POSITIONS: u32 = 4;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const COMMUNITY_POOL: AccountId = 100;
pub const STAKERS_POT: AccountId = 102;
pub const ECOSYSTEM_FUND: AccountId = 103;
pub const DEVELOPMENT_FUND: AccountId = 104;

/// Genesis balances: they are the whole supply of the test chain.
pub const ENDOWMENTS: [(AccountId, Balance); 5] = [
	(ALICE, 500_000 * UNIT),
	(BOB, 200_000 * UNIT),
	(CHARLIE, 2_000 * UNIT),
	(COMMUNITY_POOL, 1_000_000 * UNIT),
	(ECOSYSTEM_FUND, 100_000 * UNIT),
];
pub const SUPPLY: Balance = 1_802_000 * UNIT;

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
	pub const BlocksPerDay: u64 = DAY;
	/// What the pool books were told: (pool, amount) per spend.
	pub static PoolSpends: Vec<(AccountId, Balance)> = Vec::new();
	/// What vesting keeps frozen, per account (btt-vesting's `frozen` in the runtime).
	pub static VestingFrozenOf: Vec<(AccountId, Balance)> = Vec::new();
}

/// Vesting as the tests set it: `set_vesting_frozen`.
pub struct MockVesting;
impl crate::FrozenByVesting<AccountId, Balance> for MockVesting {
	fn vesting_frozen(who: &AccountId) -> Balance {
		VestingFrozenOf::get().iter().find(|(w, _)| w == who).map_or(0, |(_, amount)| *amount)
	}
}

/// The lock that stands for the vesting freeze in the test chain.
pub const VESTING_LOCK: [u8; 8] = *b"vesting ";

/// Makes vesting keep `amount` of `who`'s balance frozen, as btt-vesting does in the
/// runtime: the amount is really frozen in Balances (a lock, which pallet-balances combines
/// with the freezes by taking the largest, as it does the vesting freeze), and the staking
/// freeze is refreshed after it, as the runtime's `OnVestingChanged` hook does.
pub fn set_vesting_frozen(who: AccountId, amount: Balance) {
	use polkadot_sdk::frame_support::traits::{LockableCurrency, WithdrawReasons};
	VestingFrozenOf::mutate(|frozen| {
		frozen.retain(|(w, _)| *w != who);
		frozen.push((who, amount));
	});
	<Balances as LockableCurrency<_>>::set_lock(VESTING_LOCK, &who, amount, WithdrawReasons::all());
	BttStaking::refresh_freeze(&who);
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

/// Records pool spends for the tests.
pub struct RecordPoolSpends;
impl crate::OnPoolSpend<AccountId, Balance> for RecordPoolSpends {
	fn spent(pool: &AccountId, amount: Balance) {
		PoolSpends::mutate(|spends| spends.push((*pool, amount)));
	}
}

parameter_types! {
	/// Not the BTT runtime's 20%, so that the tests show the pallet applies its constant.
	pub const FeeDiscount: Permill = Permill::from_percent(25);
}

impl pallet_btt_staking::Config for Test {
	type Currency = Balances;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RewardBurner = BttBurn;
	type RewardPool = CommunityPool;
	type OnPoolSpend = RecordPoolSpends;
	type FeeSharePot = StakersPot;
	type BlocksPerDay = BlocksPerDay;
	type MaxPositions = ConstU32<MAX_POSITIONS>;
	type FeeDiscount = FeeDiscount;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type VestingFrozen = MockVesting;
	type WeightInfo = ();
}

/// The paper's terms in test units.
pub fn terms() -> Vec<(Tier, Term<Balance>)> {
	paper_terms(UNIT).to_vec()
}

/// Test externalities with `terms` and the endowments, at block 1. btt-burn opens the
/// stakers' pot (and the development fund) with the existential deposit, out of the
/// ecosystem fund, as on the BTT chain.
pub fn new_test_ext_with(terms: Vec<(Tier, Term<Balance>)>) -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: ENDOWMENTS.to_vec(),
			..Default::default()
		},
		btt_burn: pallet_btt_burn::GenesisConfig { open_fee_accounts: true, ..Default::default() },
		btt_staking: pallet_btt_staking::GenesisConfig { terms },
		..Default::default()
	}
	.build_storage()
	.expect("the test genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	PoolSpends::set(Vec::new());
	VestingFrozenOf::set(Vec::new());
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Test externalities with the paper's terms.
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with(terms())
}
