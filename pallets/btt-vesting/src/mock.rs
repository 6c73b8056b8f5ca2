//! A test runtime with System, Balances and this pallet, and a small allocation table.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate as pallet_btt_vesting;
use crate::allocation::{AllocationRow, Portion, ReleaseRule};
use polkadot_sdk::{
	frame_support::{derive_impl, parameter_types},
	frame_system, pallet_balances, sp_io,
	sp_runtime::BuildStorage,
};

pub type AccountId = u64;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

/// One token of the test chain: the table below is written in these.
pub const UNIT: Balance = 1_000_000_000_000_000_000;
/// The test chain's whole supply: 1,000,000 units.
pub const SUPPLY: Balance = 1_000_000 * UNIT;

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
	pub type BttVesting = pallet_btt_vesting;
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
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = polkadot_sdk::frame_support::traits::VariantCountOf<RuntimeFreezeReason>;
}

/// Blocks in a month of the test chain.
pub const MONTH: u64 = 10;

parameter_types! {
	pub const TotalSupply: Balance = SUPPLY;
	pub const BlocksPerMonth: u64 = MONTH;
	pub const EcosystemFund: AccountId = ECOSYSTEM_FUND;
	pub const CommunityPool: AccountId = COMMUNITY_POOL;
	pub const StrategicReserve: AccountId = STRATEGIC_RESERVE;
	/// Twelve months of the test chain.
	pub const BlocksPerYear: u64 = 12 * MONTH;
	/// Stakes the tests pretend to exist, for the circulating supply.
	pub static StakedSupply: Vec<(AccountId, Balance)> = Vec::new();
	/// What the ecosystem fund keeps back for pending milestone burns (btt-burn's part in
	/// the runtime); the tests set it.
	pub static KeptBack: Balance = 0;
	/// The longest vesting grant: ten years, as in the runtime.
	pub const MaxGrantMonths: u16 = 120;
	/// The smallest vesting grant.
	pub const MinGrant: Balance = MIN_GRANT;
	/// What the `OnVestingChanged` hook was told: the account, and what `frozen` read for it
	/// then (so the tests see the hook runs after the schedules are stored).
	pub static VestingChanges: Vec<(AccountId, Balance)> = Vec::new();
}

/// Records every `OnVestingChanged` call.
pub struct RecordVestingChanges;
impl crate::OnVestingChanged<AccountId> for RecordVestingChanges {
	fn vesting_changed(who: &AccountId) {
		let frozen = BttVesting::frozen(who);
		VestingChanges::mutate(|changes| changes.push((*who, frozen)));
	}
}

/// The smallest vesting grant of the test chain.
pub const MIN_GRANT: Balance = 10 * UNIT;

/// The ecosystem fund keeps back [`KeptBack`]; other accounts nothing.
pub struct MockPendingBurns;
impl crate::PendingBurns<AccountId, Balance> for MockPendingBurns {
	fn kept_back(pool: &AccountId) -> Balance {
		if *pool == ECOSYSTEM_FUND {
			KeptBack::get()
		} else {
			0
		}
	}
}

/// The test chain's mining row (200,000 units) is emitted linearly over two years.
pub struct MiningEmission;
impl crate::EmissionSchedule<u64, Balance> for MiningEmission {
	fn emitted_by(block: u64) -> Balance {
		let end = Self::end();
		200_000 * UNIT * Balance::from(block.min(end)) / Balance::from(end)
	}
	fn end() -> u64 {
		24 * MONTH
	}
}

impl pallet_btt_vesting::Config for Test {
	type Currency = Balances;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type TotalSupply = TotalSupply;
	type BlocksPerMonth = BlocksPerMonth;
	type MaxSchedulesPerAccount = polkadot_sdk::frame_support::traits::ConstU32<4>;
	type MilestoneOrigin = polkadot_sdk::frame_system::EnsureRoot<AccountId>;
	type TreasurerOrigin = polkadot_sdk::frame_system::EnsureRoot<AccountId>;
	type ReserveOrigin = polkadot_sdk::frame_system::EnsureRoot<AccountId>;
	type EcosystemFund = EcosystemFund;
	type CommunityPool = CommunityPool;
	type StrategicReserve = StrategicReserve;
	type ProgrammePeriod = BlocksPerMonth;
	type MaxProgrammes = polkadot_sdk::frame_support::traits::ConstU32<2>;
	type BlocksPerYear = BlocksPerYear;
	type MiningEmission = MiningEmission;
	type StakedSupply = StakedSupply;
	type PendingBurns = MockPendingBurns;
	type MaxGrantMonths = MaxGrantMonths;
	type MinGrant = MinGrant;
	type OnVestingChanged = RecordVestingChanges;
	type WeightInfo = ();
}

fn portion(name: &str, account: AccountId, amount: Balance) -> Portion<AccountId, Balance> {
	Portion { name: name.into(), account, amount }
}

/// The keyless account holding the foundation row until its tranches are paid.
pub const FOUNDATION_POOL: AccountId = 200;
/// The foundation's own account, paid the tranches.
pub const FOUNDATION: AccountId = 201;
/// Pool accounts: the tests fund them as they need.
pub const ECOSYSTEM_FUND: AccountId = 300;
pub const COMMUNITY_POOL: AccountId = 301;
pub const STRATEGIC_RESERVE: AccountId = 302;

/// A table of four rows that adds up to `SUPPLY` and 10,000 bps: a vested investor row
/// (60%) split over two accounts, a pool row (20%), an unlocked row (10%) and a foundation
/// row paid in 48 milestone tranches (10%) with two sub-rows.
pub fn valid_table() -> Vec<AllocationRow<AccountId, Balance>> {
	vec![
		AllocationRow {
			id: 1,
			name: "Investors".into(),
			bps: 6_000,
			release: ReleaseRule::LockThenLinear { lock_months: 6, linear_months: 36 },
			portions: vec![
				portion("Investor A", 1, 400_000 * UNIT),
				portion("Investor B", 2, 200_000 * UNIT),
			],
		},
		AllocationRow {
			id: 2,
			name: "Mining pool".into(),
			bps: 2_000,
			release: ReleaseRule::MiningEmission,
			portions: vec![portion("Mining pool", 100, 200_000 * UNIT)],
		},
		AllocationRow {
			id: 4,
			name: "Foundation".into(),
			bps: 1_000,
			release: ReleaseRule::MilestoneTranches { tranches: 48 },
			portions: vec![
				portion("Core protocol", FOUNDATION_POOL, 60_000 * UNIT),
				portion("Research", FOUNDATION_POOL, 40_000 * UNIT),
			],
		},
		AllocationRow {
			id: 3,
			name: "Liquidity".into(),
			bps: 1_000,
			release: ReleaseRule::Unlocked,
			portions: vec![portion("Liquidity", 3, 100_000 * UNIT)],
		},
	]
}

/// Test externalities whose genesis holds `table`.
pub fn new_test_ext_with(
	table: Vec<AllocationRow<AccountId, Balance>>,
) -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		btt_vesting: pallet_btt_vesting::GenesisConfig {
			allocations: table,
			foundation_account: Some(FOUNDATION),
		},
		..Default::default()
	}
	.build_storage()
	.expect("a valid test genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	// Genesis schedules told the hook too; the tests look at what happens after.
	VestingChanges::set(Vec::new());
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Test externalities with [`valid_table`].
pub fn new_test_ext() -> sp_io::TestExternalities {
	new_test_ext_with(valid_table())
}
