//! A test runtime: System, Balances (dust booked by this pallet) and the burn pallet.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate as pallet_btt_burn;
use crate::{FeeCategory, Milestone};
use polkadot_sdk::{
	frame_support::{derive_impl, parameter_types},
	frame_system::{self, EnsureRoot},
	pallet_balances, sp_io,
	sp_runtime::{BuildStorage, Permill},
};

pub type AccountId = u64;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

pub const UNIT: Balance = 1_000_000;
pub const ED: Balance = 10;
/// The test chain's supply, all of it endowed at genesis.
pub const SUPPLY: Balance = 10_000_000 * UNIT;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const ECOSYSTEM_FUND: AccountId = 100;
pub const DEVELOPMENT_FUND: AccountId = 101;
pub const STAKERS_POT: AccountId = 102;
pub const AUTHOR: AccountId = 103;

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
	type DustRemoval = crate::BurnDust<Test>;
}

parameter_types! {
	pub const TotalSupply: Balance = SUPPLY;
	pub const EcosystemFund: AccountId = ECOSYSTEM_FUND;
	pub const DevelopmentFund: AccountId = DEVELOPMENT_FUND;
	pub const StakersPot: AccountId = STAKERS_POT;
	pub static BlockAuthor: Option<AccountId> = Some(AUTHOR);
}

parameter_types! {
	/// The paper's rate ranges: 1–3%, 2–5%, 0.5–1%.
	pub const CategoryRateRanges: pallet_btt_burn::CategoryRanges = pallet_btt_burn::CategoryRanges {
		compute_trade: pallet_btt_burn::RateRange::new(Permill::from_percent(1), Permill::from_percent(3)),
		asset_tokenization: pallet_btt_burn::RateRange::new(Permill::from_percent(2), Permill::from_percent(5)),
		pay_fi_settlement: pallet_btt_burn::RateRange::new(Permill::from_parts(5_000), Permill::from_percent(1)),
	};
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

/// The fee handler under test, paying the author set in `BlockAuthor`.
pub type FeeHandler = crate::DealWithFees<Test, BlockAuthor>;

/// Milestones of the test chain: small, so that the ecosystem fund can cover some.
pub fn milestones() -> Vec<(Milestone, Balance)> {
	vec![
		(Milestone::MainnetLaunch, 1_000 * UNIT),
		(Milestone::FirstHundredHospitals, 2_000 * UNIT),
		(Milestone::ThousandHospitals, 5_000 * UNIT),
		(Milestone::CrossChainInteroperability, 3_000 * UNIT),
	]
}

/// Alice and Bob hold 1M each, the ecosystem fund 4M, the development fund 4M: the supply.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: vec![
				(ALICE, 1_000_000 * UNIT),
				(BOB, 1_000_000 * UNIT),
				(ECOSYSTEM_FUND, 4_000_000 * UNIT),
				(DEVELOPMENT_FUND, 4_000_000 * UNIT),
			],
			..Default::default()
		},
		btt_burn: pallet_btt_burn::GenesisConfig {
			milestones: milestones(),
			category_rates: vec![(FeeCategory::AssetTokenization, Permill::from_percent(4))],
			open_fee_accounts: false,
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		assert_eq!(Balances::total_issuance(), SUPPLY);
		System::set_block_number(1);
	});
	ext
}

/// Runs `test` and checks the pallet's invariants — the supply rule first — afterwards.
pub fn with_invariants(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		BttBurn::do_try_state().expect("invariants hold after the test");
	});
}
