//! A test runtime: System, Balances, Session and this pallet as its session manager, with
//! sessions of 5 blocks and one dummy session key per validator.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate as pallet_btt_validators;
use polkadot_sdk::{
	frame_support::{
		derive_impl, parameter_types,
		traits::{ConstU32, ConstU64},
	},
	frame_system::{self, EnsureRoot},
	pallet_balances,
	pallet_session::{self, PeriodicSessions, SessionHandler},
	sp_io,
	sp_runtime::{
		impl_opaque_keys,
		testing::UintAuthorityId,
		traits::{ConvertInto, OpaqueKeys},
		BuildStorage, KeyTypeId, RuntimeAppPublic,
	},
};

pub type AccountId = u64;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

/// Blocks in a session of the test chain.
pub const SESSION: u64 = 5;
pub const MAX_VALIDATORS: u32 = 4;
/// The session keys' deposit.
pub const KEY_DEPOSIT: Balance = 10;

impl_opaque_keys! {
	pub struct MockSessionKeys {
		pub dummy: UintAuthorityId,
	}
}

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
	pub type BttValidators = pallet_btt_validators;
	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	/// The authorities the consensus engines were last given, by session key.
	pub static Authorities: Vec<u64> = Vec::new();
	/// The fewest validators the set may hold (1 unless a test raises it).
	pub static MinValidators: u32 = 1;
}

/// Stands in for Aura and GRANDPA: records the authorities of each new session.
pub struct RecordAuthorities;
impl SessionHandler<AccountId> for RecordAuthorities {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[UintAuthorityId::ID];

	fn on_genesis_session<Ks: OpaqueKeys>(validators: &[(AccountId, Ks)]) {
		Authorities::set(keys_of(validators));
	}

	fn on_new_session<Ks: OpaqueKeys>(
		_changed: bool,
		validators: &[(AccountId, Ks)],
		_queued: &[(AccountId, Ks)],
	) {
		Authorities::set(keys_of(validators));
	}

	fn on_disabled(_: u32) {}
}

fn keys_of<Ks: OpaqueKeys>(validators: &[(AccountId, Ks)]) -> Vec<u64> {
	validators
		.iter()
		.map(|(_, keys)| keys.get::<UintAuthorityId>(UintAuthorityId::ID).unwrap().0)
		.collect()
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = PeriodicSessions<crate::SessionPeriod<Test>, ConstU64<0>>;
	type NextSessionRotation = PeriodicSessions<crate::SessionPeriod<Test>, ConstU64<0>>;
	type SessionManager = BttValidators;
	type SessionHandler = RecordAuthorities;
	type Keys = MockSessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<KEY_DEPOSIT>;
}

impl pallet_btt_validators::Config for Test {
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type MinValidators = MinValidators;
	type DefaultSessionLength = ConstU64<SESSION>;
	type WeightInfo = ();
}

/// The session keys of account `who` in the tests: its dummy key is `who * 100`.
pub fn keys(who: AccountId) -> MockSessionKeys {
	MockSessionKeys { dummy: UintAuthorityId(who * 100) }
}

/// The proof that `who` owns its session keys: its key's signature of `who`.
pub fn ownership_proof(who: AccountId) -> Vec<u8> {
	use codec::Encode;
	keys(who).dummy.sign(&who.encode()).unwrap().encode()
}

/// Test externalities: validators 1 and 2 (keys 100 and 200); accounts 1 to 5 hold 1,000.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: (1..=5).map(|who| (who, 1_000)).collect(),
			..Default::default()
		},
		btt_validators: pallet_btt_validators::GenesisConfig {
			validators: vec![1, 2],
			session_length: None,
		},
		session: pallet_session::GenesisConfig {
			keys: vec![(1, 1, keys(1)), (2, 2, keys(2))],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.expect("the test genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	MinValidators::set(1);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks up to `n`, with the session pallet's block hook.
pub fn run_to_block(n: u64) {
	use polkadot_sdk::frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}
