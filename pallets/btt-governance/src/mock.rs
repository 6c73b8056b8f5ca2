//! A test runtime: System, Balances, conviction voting with this pallet as its vote hooks,
//! a referendum book of the tests' own (polls opened and closed by hand), and a staking
//! stand-in whose stakes (tier, principal, maturity) the tests choose.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate as pallet_btt_governance;
use alloc::collections::BTreeMap;
use pallet_btt_staking::{ActiveStake, StakingBenefits, Tier};
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU32, ConstU64, PollStatus, Polling, TotalIssuanceOf, VoteTally},
	},
	frame_system, pallet_balances, pallet_conviction_voting, sp_io,
	sp_runtime::{BuildStorage, DispatchError, Permill},
};

pub type AccountId = u64;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

/// Blocks in a governance day of the test chain.
pub const DAY: u64 = 10;
/// The council's default sunset block in the test chain.
pub const SUNSET: u64 = 100;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// A large holder: 30,000,000 units.
pub const WHALE: AccountId = 4;

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
	pub type ConvictionVoting = pallet_conviction_voting;
	#[runtime::pallet_index(3)]
	pub type BttGovernance = pallet_btt_governance;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

/// The tally of the test chain's polls.
pub type Tally = pallet_btt_governance::TallyOf<Test>;

/// A poll of the test chain.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Poll {
	Ongoing(Tally),
	Completed(u64, bool),
}

parameter_types! {
	/// The test chain's polls, by index.
	pub static Polls: BTreeMap<u32, Poll> = BTreeMap::new();
	/// Each account's one stake: its tier, principal and the block at which it matures.
	pub static Stakes: BTreeMap<AccountId, (Tier, Balance, u64)> = BTreeMap::new();
}

/// Opens an ongoing poll with an empty tally.
pub fn open_poll(index: u32) {
	Polls::mutate(|polls| polls.insert(index, Poll::Ongoing(Tally::new(0))));
}

/// Ends poll `index`.
pub fn close_poll(index: u32, approved: bool) {
	Polls::mutate(|polls| polls.insert(index, Poll::Completed(1, approved)));
}

/// The tally of the ongoing poll `index`.
pub fn tally(index: u32) -> Tally {
	match Polls::get().get(&index) {
		Some(Poll::Ongoing(tally)) => tally.clone(),
		other => panic!("poll {index} is not ongoing: {other:?}"),
	}
}

/// The test chain's referendum book.
pub struct TestPolls;
impl Polling<Tally> for TestPolls {
	type Index = u32;
	type Votes = Balance;
	type Class = u16;
	type Moment = u64;

	fn classes() -> Vec<u16> {
		vec![0]
	}

	fn as_ongoing(index: u32) -> Option<(Tally, u16)> {
		match Polls::get().get(&index) {
			Some(Poll::Ongoing(tally)) => Some((tally.clone(), 0)),
			_ => None,
		}
	}

	fn access_poll<R>(index: u32, f: impl FnOnce(PollStatus<&mut Tally, u64, u16>) -> R) -> R {
		let mut polls = Polls::get();
		let result = match polls.get_mut(&index) {
			Some(Poll::Ongoing(tally)) => f(PollStatus::Ongoing(tally, 0)),
			Some(Poll::Completed(at, approved)) => f(PollStatus::Completed(*at, *approved)),
			None => f(PollStatus::None),
		};
		Polls::set(polls);
		result
	}

	fn try_access_poll<R>(
		index: u32,
		f: impl FnOnce(PollStatus<&mut Tally, u64, u16>) -> Result<R, DispatchError>,
	) -> Result<R, DispatchError> {
		let mut polls = Polls::get();
		let result = match polls.get_mut(&index) {
			Some(Poll::Ongoing(tally)) => f(PollStatus::Ongoing(tally, 0)),
			Some(Poll::Completed(at, approved)) => f(PollStatus::Completed(*at, *approved)),
			None => f(PollStatus::None),
		}?;
		Polls::set(polls);
		Ok(result)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn create_ongoing(_: u16) -> Result<u32, ()> {
		let index = Polls::get().keys().next_back().map_or(0, |last| last + 1);
		open_poll(index);
		Ok(index)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn end_ongoing(index: u32, approved: bool) -> Result<(), ()> {
		close_poll(index, approved);
		Ok(())
	}
}

/// Gives `who` a stake of `principal` in `tier`, maturing at block `maturity`.
pub fn stake_until(who: AccountId, tier: Tier, principal: Balance, maturity: u64) {
	Stakes::mutate(|stakes| stakes.insert(who, (tier, principal, maturity)));
}

/// Gives `who` a 365-day stake of `principal` that matures after the tests end.
pub fn stake(who: AccountId, principal: Balance) {
	stake_until(who, Tier::Days365, principal, u64::MAX);
}

/// Takes `who`'s stake away.
pub fn unstake(who: AccountId) {
	Stakes::mutate(|stakes| stakes.remove(&who));
}

/// `who`'s stake if it has not matured.
fn active(who: &AccountId) -> Option<(Tier, Balance)> {
	let (tier, principal, maturity) = Stakes::get().get(who).copied()?;
	(maturity > System::block_number()).then_some((tier, principal))
}

/// Staking as far as governance sees it: one stake per account, of the tests' choosing.
pub struct TestStaking;
impl StakingBenefits<AccountId> for TestStaking {
	fn tier(who: &AccountId) -> Option<Tier> {
		active(who).map(|(tier, _)| tier)
	}

	fn fee_discount(_: &AccountId) -> Permill {
		// Governance does not look at fees.
		Permill::zero()
	}
}
impl ActiveStake<AccountId, Balance> for TestStaking {
	fn active_stake(who: &AccountId, min_tier: Tier) -> Balance {
		active(who).filter(|(tier, _)| *tier >= min_tier).map_or(0, |(_, principal)| principal)
	}
}

impl pallet_conviction_voting::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type Polls = pallet_btt_governance::BoostedPolls<Test>;
	type MaxTurnout = TotalIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<8>;
	type VoteLockingPeriod = ConstU64<5>;
	type BlockNumberProvider = System;
	type VotingHooks = BttGovernance;
}

/// Makes accounts boosted in benchmarks: a 365-day stake of 1,000,000 (365 days of blocks).
#[cfg(feature = "runtime-benchmarks")]
pub struct MakeBoosted;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MakeBoosted {
	fn make_boosted(who: &AccountId) {
		stake_until(*who, Tier::Days365, 1_000_000, System::block_number() + 365 * DAY);
	}
}

parameter_types! {
	/// The paper's half: a boosted vote weighs 1.5×. A test may set another boost.
	pub static VoteBoost: Permill = Permill::from_percent(50);
}

impl pallet_btt_governance::Config for Test {
	type Balance = Balance;
	type MaxTurnout = TotalIssuanceOf<Balances, AccountId>;
	type Polls = TestPolls;
	type Staking = TestStaking;
	type VoteBoost = VoteBoost;
	type BlocksPerDay = ConstU64<DAY>;
	type DefaultCouncilSunset = ConstU64<SUNSET>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MakeBoosted;
}

/// Test externalities: Alice, Bob and Charlie hold 1,000 each, the whale 30,000,000; nobody
/// stakes; poll 0 is open; at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: vec![(ALICE, 1_000), (BOB, 1_000), (CHARLIE, 1_000), (WHALE, 30_000_000)],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.expect("the test genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	Polls::set(BTreeMap::new());
	Stakes::set(BTreeMap::new());
	ext.execute_with(|| {
		System::set_block_number(1);
		open_poll(0);
	});
	ext
}
