//! # The BTT runtime
//!
//! The state transition function of the BTT chain: FRAME's System, Timestamp, Aura,
//! Grandpa, Balances, TransactionPayment, Sudo and Session, OpenGov ([`governance`]), plus
//! the BTT pallets. Its genesis holds
//! the whole 210,000,000 BTT allocation table ([`genesis::allocation`]), and nothing in it
//! mints after genesis.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` and `impl_runtime_apis` need a deep recursion limit.
#![recursion_limit = "256"]

// The wasm blob of this runtime, built by `build.rs`.
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

/// The pallets whose benchmarks the node's `benchmark pallet` command runs. Declared before
/// `apis`, which uses the `list_benchmarks!`/`add_benchmarks!` macros it defines.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks {
	polkadot_sdk::frame_benchmarking::define_benchmarks!(
		[frame_system, SystemBench::<Runtime>]
		[frame_system_extensions, SystemExtensionsBench::<Runtime>]
		[pallet_balances, Balances]
		[pallet_timestamp, Timestamp]
		[pallet_transaction_payment, TransactionPayment]
		[pallet_sudo, Sudo]
		[pallet_multisig, Multisig]
		[pallet_utility, Utility]
		[pallet_proxy, Proxy]
		[pallet_preimage, Preimage]
		[pallet_scheduler, Scheduler]
		[pallet_referenda, Referenda]
		[pallet_conviction_voting, ConvictionVoting]
		[pallet_collective, Council]
		[pallet_treasury, Treasury]
		[pallet_session, SessionBench::<Runtime>]
		[pallet_btt_burn, BttBurn]
		[pallet_btt_vesting, BttVesting]
		[pallet_btt_staking, BttStaking]
		[pallet_btt_mining, BttMining]
		[pallet_btt_governance, BttGovernance]
		[pallet_btt_validators, BttValidators]
	);
}

pub mod accounts;
pub mod apis;
mod configs;
pub mod fee_payment;
pub mod genesis;
pub mod governance;
pub mod guarantees;
#[cfg(feature = "runtime-benchmarks")]
pub mod session_benchmarks;
pub mod tokenomics;
pub mod weights;

use alloc::vec::Vec;
use polkadot_sdk::{
	frame_metadata_hash_extension, frame_support, frame_system, pallet_transaction_payment,
	sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256},
	sp_version::{self, RuntimeVersion},
	*,
};

pub use btt_primitives::{
	currency, time, AccountId, Balance, BlockNumber, Hash, Nonce, Signature, SS58_PREFIX,
};
pub use configs::{pools, EXISTENTIAL_DEPOSIT, MAXIMUM_BLOCK_LENGTH};

/// Opaque types: what the node needs to know of the runtime's blocks without decoding
/// their extrinsics.
pub mod opaque {
	use super::*;
	use alloc::vec::Vec;
	use polkadot_sdk::sp_runtime::{generic, traits::Hash as HashT, OpaqueExtrinsic};

	/// An opaque extrinsic.
	pub type UncheckedExtrinsic = OpaqueExtrinsic;
	/// Block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;

	impl_opaque_keys! {
		/// The keys a validator registers: Aura to author blocks, GRANDPA to finalize them.
		pub struct SessionKeys {
			pub aura: super::Aura,
			pub grandpa: super::Grandpa,
		}
	}
}

/// Declares [`VERSION`] with the given `spec_version`, so that the runtime and its upgrade
/// rehearsal share one declaration. (`#[runtime_version]` reads the fields as literals, so
/// the number is passed in as a token, not computed.)
macro_rules! runtime_version {
	($spec_version:tt) => {
		/// The runtime's version: bump `spec_version` with every change of its logic and
		/// `transaction_version` with every change of a call's encoding.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("btt"),
			impl_name: alloc::borrow::Cow::Borrowed("btt-node"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 3,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "upgrade-rehearsal"))]
runtime_version!(102);
// The same runtime as the next version: what the btt-runtime-upgrade-rehearsal package
// builds, for the runtime-upgrade test.
#[cfg(feature = "upgrade-rehearsal")]
runtime_version!(103);

/// The address format for describing accounts.
pub type Address = polkadot_sdk::sp_runtime::MultiAddress<AccountId, ()>;
/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block signed by its author.
pub type SignedBlock = generic::SignedBlock<Block>;
/// BlockId type as expected by this runtime.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions every signed transaction carries, in order.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// A call that is feeless by its own rule (a vesting claim that releases tokens) skips the
	// fee; every other call pays it (with the staking discount).
	pallet_skip_feeless_payment::SkipCheckIfFeeless<Runtime, fee_payment::ChargeFee>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extensions a wallet signs with a transaction of `nonce` and `tip`: immortal, without
/// the metadata-hash check. The one place that builds them for tests, the fuzzer and
/// benchmark tooling.
pub fn tx_extension(nonce: Nonce, tip: Balance) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(generic::Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		fee_payment::ChargeFee::from(tip).into(),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations to run on the next runtime upgrade. Each is a `VersionedMigration`: it runs
/// only on a chain whose pallet is at the version it migrates from (a chain started from
/// this runtime's genesis is already at the new version, and skips it).
type Migrations = (
	pallet_btt_mining::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_btt_burn::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_btt_governance::migrations::v1::MigrateV0ToV1<
		Runtime,
		GovernanceV0DayLength,
		GovernanceV0CouncilSunset,
	>,
);

/// The governance day that runtimes before spec 102 read where nothing was stored: 14,400
/// blocks. Written out, not taken from today's constants, which a later upgrade may change.
type GovernanceV0DayLength = polkadot_sdk::frame_support::traits::ConstU32<14_400>;
/// The council sunset that runtimes before spec 102 read where nothing was stored: two
/// 365-day years of 14,400 blocks.
type GovernanceV0CouncilSunset = polkadot_sdk::frame_support::traits::ConstU32<10_512_000>;

/// Executive: handles dispatch to the various pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(7)]
	pub type Authorship = pallet_authorship;
	// Genesis is built in the order of the indices: the validators' set before the session
	// pallet, which takes its first set from it.
	#[runtime::pallet_index(8)]
	pub type BttValidators = pallet_btt_validators;
	#[runtime::pallet_index(9)]
	pub type Session = pallet_session;

	// Governance.
	#[runtime::pallet_index(10)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(11)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(12)]
	pub type Referenda = pallet_referenda;
	#[runtime::pallet_index(13)]
	pub type ConvictionVoting = pallet_conviction_voting;
	#[runtime::pallet_index(14)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(15)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(16)]
	pub type SkipFeelessPayment = pallet_skip_feeless_payment;

	// Batches and proxies ([`accounts`]).
	#[runtime::pallet_index(17)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(18)]
	pub type Proxy = pallet_proxy;

	// BTT pallets from index 19 on. Governance comes first: its genesis sets the chain day,
	// which the vesting schedules built in the next pallets' genesis are counted in.
	#[runtime::pallet_index(19)]
	pub type BttGovernance = pallet_btt_governance;
	#[runtime::pallet_index(20)]
	pub type BttVesting = pallet_btt_vesting;
	#[runtime::pallet_index(21)]
	pub type BttBurn = pallet_btt_burn;
	#[runtime::pallet_index(22)]
	pub type BttStaking = pallet_btt_staking;
	#[runtime::pallet_index(23)]
	pub type BttMining = pallet_btt_mining;
	// The development fund's treasury. Its genesis comes after BttBurn's, which opens the
	// fund's account out of the table; the treasury would otherwise mint its deposit.
	#[runtime::pallet_index(25)]
	pub type Treasury = pallet_treasury;
}

// btt-runtime runs the tests; btt-runtime-upgrade-rehearsal, the same sources, does not.
#[cfg(all(test, not(feature = "upgrade-rehearsal")))]
mod tests;
