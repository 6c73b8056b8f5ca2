//! What holders and operators use on their own accounts: batches (`pallet-utility`),
//! proxies (`pallet-proxy`) and multisig accounts (`pallet-multisig`; the foundation's
//! account is one).
//!
//! None of them widens what an account may do. The runtime's call filter
//! ([`crate::guarantees`]) looks inside every batch, proxied call and multisig call, so a
//! call refused on its own is refused inside them too; a proxy may make only the calls its
//! [`ProxyType`] lets through, and only for the accounts that named it.

use crate::{
	currency::BTT, Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent, System,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstU32, InstanceFilter},
	},
	pallet_multisig, pallet_proxy, pallet_session, pallet_utility,
	sp_runtime::traits::BlakeTwo256,
};
use scale_info::TypeInfo;

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}

/// What a proxy may do for the account that named it.
///
/// `Any` is the default because `pallet-proxy` requires the default to be the most
/// permissive kind. `NonTransfer` includes the three narrow kinds, so a `NonTransfer` proxy
/// may add or remove a `Governance`, `Staking` or `SessionKeys` proxy, but not an `Any` one.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Every call the account itself may make.
	#[default]
	Any,
	/// Every call that cannot move the account's tokens to another account or destroy them:
	/// no `balances` call, no `sudo`, no `bttBurn.burn`/`pay`, no `bttMining.payForJob`.
	/// Staking, voting, claiming and session keys are allowed.
	NonTransfer,
	/// Voting and proposing: referenda, conviction votes, preimages, the council, treasury
	/// proposals and `bttGovernance.refreshBoost`, also inside `utility` batches.
	Governance,
	/// The account's BTT stakes: `bttStaking` calls, also inside `utility` batches.
	Staking,
	/// Only `session.setKeys` and `session.purgeKeys`: what a validator's machine needs, so
	/// the hot machine never holds a key that can move funds.
	SessionKeys,
}

/// Whether `call` moves the calling account's tokens to another account or destroys them:
/// the calls a [`ProxyType::NonTransfer`] proxy may not make.
fn moves_funds(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Balances(..)
			| RuntimeCall::Sudo(..)
			| RuntimeCall::BttBurn(
				pallet_btt_burn::Call::burn { .. } | pallet_btt_burn::Call::pay { .. }
			) | RuntimeCall::BttMining(pallet_btt_mining::Call::pay_for_job { .. })
	)
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => !moves_funds(call),
			ProxyType::Governance => matches!(
				call,
				RuntimeCall::Referenda(..)
					| RuntimeCall::ConvictionVoting(..)
					| RuntimeCall::Preimage(..)
					| RuntimeCall::Council(..)
					| RuntimeCall::Treasury(..)
					| RuntimeCall::BttGovernance(..)
					| RuntimeCall::Utility(..)
			),
			ProxyType::Staking => {
				matches!(call, RuntimeCall::BttStaking(..) | RuntimeCall::Utility(..))
			}
			ProxyType::SessionKeys => matches!(
				call,
				RuntimeCall::Session(
					pallet_session::Call::set_keys { .. } | pallet_session::Call::purge_keys {}
				)
			),
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(x, y) if x == y => true,
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			(ProxyType::NonTransfer, _) => true,
			_ => false,
		}
	}
}

parameter_types! {
	/// Naming the first proxy holds 1 BTT (the account's proxy list: key and length).
	pub const ProxyDepositBase: Balance = BTT;
	/// Each proxy in the list holds 0.1 BTT more (33 bytes: the delegate and its kind).
	pub const ProxyDepositFactor: Balance = BTT / 10;
	/// A proxy's first pending announcement holds 1 BTT.
	pub const AnnouncementDepositBase: Balance = BTT;
	/// Each pending announcement holds 0.2 BTT more (68 bytes: delegate, call hash, block).
	pub const AnnouncementDepositFactor: Balance = BTT / 5;
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	/// At most 32 proxies per account, like Polkadot.
	type MaxProxies = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	/// At most 32 pending announcements per proxy.
	type MaxPending = ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
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
