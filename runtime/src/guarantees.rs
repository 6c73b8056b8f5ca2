//! The guarantees no call may break, root included (see `docs/guarantees.md`):
//!
//! - **Supply.** Tokens are never created after genesis and every destruction is a burn
//!   booked by btt-burn, so `total_issuance + total_burned == 210,000,000 BTT` at every block.
//! - **Pools.** A pool's tokens move only through that pool's own governed spend calls; the
//!   strategic reserve only by the reserve-release track.
//!
//! FRAME offers calls that bypass both: `balances.burn` (issuance falls, btt-burn books
//! nothing), root's `balances.force_set_balance`, `force_adjust_total_issuance`,
//! `force_transfer` and `force_unreserve`, raw storage writes, and `sudo.sudo_as` a pool's
//! account (or `utility.dispatch_as` one, or as a track's or the council's origin). [`GuaranteesFilter`] is the one place that lists
//! them: it is the runtime's `BaseCallFilter`, and it looks inside the calls that carry other
//! calls (sudo, the scheduler, council motions, multisig, utility batches and proxies), so a
//! refused call cannot be wrapped into an allowed one.
//!
//! FRAME lets the root origin bypass `BaseCallFilter`: a call that a root-track referendum
//! (or a root-scheduled task) enacts is dispatched by the scheduler as root, unfiltered. So
//! the scheduler reads its calls through [`GuardedPreimages`], which applies the same filter
//! when a task is due: a refused call is not dispatched, and the scheduler reports it as
//! `scheduler.CallUnavailable`.

use crate::{pools, AccountId, OriginCaller, Runtime, RuntimeCall};
use alloc::borrow::Cow;
use codec::{Decode, Encode};
use polkadot_sdk::{
	frame_support::traits::{Bounded, Contains, FetchResult, QueryPreimage, StorePreimage},
	frame_system, pallet_balances, pallet_collective, pallet_multisig, pallet_proxy,
	pallet_scheduler, pallet_session, pallet_sudo, pallet_utility,
	sp_runtime::{
		traits::{BlakeTwo256, StaticLookup},
		DispatchError,
	},
};

/// Why a call is refused; `None` for a call the guarantees allow.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Refusal {
	/// Lowers the issuance without a booked burn: burn through `bttBurn.burn` instead.
	UnbookedBurn,
	/// Creates or destroys tokens outside the books (`force_set_balance`,
	/// `force_adjust_total_issuance`).
	RewritesBalances,
	/// Writes or deletes raw storage.
	RawStorage,
	/// Moves a pool's tokens, or frees its held tokens, outside the pool's own spend calls.
	TouchesPool,
	/// Lowers an account's reserved balance below what pallets hold on it.
	BreaksHolds,
	/// Purges session keys while the validator set is at its minimum of validators with
	/// keys: one more purge could leave the next session without enough validators.
	StrandsValidatorSet,
	/// Dispatches as a governance track's or the council's origin without the referendum or
	/// motion behind it (`utility.dispatch_as`): root would become the reserve-release track.
	ForgesOrigin,
}

/// Whether `address` resolves to one of the pools or fee-fed funds ([`pools::ALL`]).
fn is_pool(address: &<<Runtime as frame_system::Config>::Lookup as StaticLookup>::Source) -> bool {
	<Runtime as frame_system::Config>::Lookup::lookup(address.clone())
		.is_ok_and(|account| is_pool_account(&account))
}

/// Whether `account` is one of the pools or fee-fed funds ([`pools::ALL`]).
pub fn is_pool_account(account: &AccountId) -> bool {
	pools::ALL.iter().any(|pool| pools::account(*pool) == *account)
}

/// Whether `origin` is a signed origin of one of the pools or fee-fed funds.
fn is_pool_origin(origin: &OriginCaller) -> bool {
	matches!(origin, OriginCaller::system(frame_system::RawOrigin::Signed(account)) if is_pool_account(account))
}

/// The reason `call` (or a call inside it) is refused, if it is.
pub fn refusal(call: &RuntimeCall) -> Option<Refusal> {
	use pallet_balances::Call as Balances;
	use pallet_proxy::Call as Proxy;
	use pallet_sudo::Call as Sudo;
	use pallet_utility::Call as Utility;
	match call {
		RuntimeCall::Balances(Balances::burn { .. }) => Some(Refusal::UnbookedBurn),
		RuntimeCall::Balances(Balances::force_set_balance { .. })
		| RuntimeCall::Balances(Balances::force_adjust_total_issuance { .. }) => {
			Some(Refusal::RewritesBalances)
		}
		RuntimeCall::Balances(Balances::force_unreserve { .. }) => Some(Refusal::BreaksHolds),
		RuntimeCall::Balances(Balances::force_transfer { source, .. }) if is_pool(source) => {
			Some(Refusal::TouchesPool)
		}
		RuntimeCall::System(
			frame_system::Call::set_storage { .. }
			| frame_system::Call::kill_storage { .. }
			| frame_system::Call::kill_prefix { .. },
		) => Some(Refusal::RawStorage),
		RuntimeCall::Session(pallet_session::Call::purge_keys {})
			if !pallet_btt_validators::Pallet::<Runtime>::any_may_purge_keys() =>
		{
			Some(Refusal::StrandsValidatorSet)
		}
		RuntimeCall::Sudo(Sudo::sudo_as { who, call }) => {
			if is_pool(who) {
				Some(Refusal::TouchesPool)
			} else {
				refusal(call)
			}
		}
		RuntimeCall::Sudo(Sudo::sudo { call } | Sudo::sudo_unchecked_weight { call, .. }) => {
			refusal(call)
		}
		RuntimeCall::Scheduler(
			pallet_scheduler::Call::schedule { call, .. }
			| pallet_scheduler::Call::schedule_named { call, .. }
			| pallet_scheduler::Call::schedule_after { call, .. }
			| pallet_scheduler::Call::schedule_named_after { call, .. },
		) => refusal(call),
		RuntimeCall::Council(
			pallet_collective::Call::propose { proposal, .. }
			| pallet_collective::Call::execute { proposal, .. },
		) => refusal(proposal),
		RuntimeCall::Multisig(
			pallet_multisig::Call::as_multi { call, .. }
			| pallet_multisig::Call::as_multi_threshold_1 { call, .. },
		) => refusal(call),
		RuntimeCall::Utility(
			Utility::batch { calls }
			| Utility::batch_all { calls }
			| Utility::force_batch { calls },
		) => calls.iter().find_map(refusal),
		RuntimeCall::Utility(
			Utility::as_derivative { call, .. } | Utility::with_weight { call, .. },
		) => refusal(call),
		RuntimeCall::Utility(Utility::if_else { main, fallback }) => {
			refusal(main).or_else(|| refusal(fallback))
		}
		RuntimeCall::Utility(
			Utility::dispatch_as { as_origin, call }
			| Utility::dispatch_as_fallible { as_origin, call },
		) => {
			if is_pool_origin(as_origin) {
				Some(Refusal::TouchesPool)
			} else if !matches!(**as_origin, OriginCaller::system(..)) {
				Some(Refusal::ForgesOrigin)
			} else {
				refusal(call)
			}
		}
		// Pools have no proxies (they have no keys to name one with, and `dispatch_as` and
		// `sudo_as` a pool are refused above); refusing a pool as `real` keeps that so even
		// if one were ever named.
		RuntimeCall::Proxy(
			Proxy::proxy { real, call, .. } | Proxy::proxy_announced { real, call, .. },
		) => {
			if is_pool(real) {
				Some(Refusal::TouchesPool)
			} else {
				refusal(call)
			}
		}
		_ => None,
	}
}

/// The runtime's `BaseCallFilter`: every call but those [`refusal`] names.
pub struct GuaranteesFilter;
impl Contains<RuntimeCall> for GuaranteesFilter {
	fn contains(call: &RuntimeCall) -> bool {
		refusal(call).is_none()
	}
}

/// The preimage store as the scheduler sees it: [`crate::Preimage`], except that a call the
/// guarantees refuse cannot be taken out for dispatch. Root bypasses `BaseCallFilter`, and
/// the scheduler dispatches root-track referenda as root; this is where their calls are
/// filtered instead.
pub struct GuardedPreimages;

impl QueryPreimage for GuardedPreimages {
	type H = BlakeTwo256;

	fn len(hash: &<Self::H as polkadot_sdk::sp_core::Hasher>::Out) -> Option<u32> {
		<crate::Preimage as QueryPreimage>::len(hash)
	}

	fn fetch(
		hash: &<Self::H as polkadot_sdk::sp_core::Hasher>::Out,
		len: Option<u32>,
	) -> FetchResult {
		<crate::Preimage as QueryPreimage>::fetch(hash, len)
	}

	fn is_requested(hash: &<Self::H as polkadot_sdk::sp_core::Hasher>::Out) -> bool {
		<crate::Preimage as QueryPreimage>::is_requested(hash)
	}

	fn request(hash: &<Self::H as polkadot_sdk::sp_core::Hasher>::Out) {
		<crate::Preimage as QueryPreimage>::request(hash)
	}

	fn unrequest(hash: &<Self::H as polkadot_sdk::sp_core::Hasher>::Out) {
		<crate::Preimage as QueryPreimage>::unrequest(hash)
	}

	fn peek<T: Decode>(bounded: &Bounded<T, Self::H>) -> Result<(T, Option<u32>), DispatchError> {
		// The bytes the value decodes from, exactly as the default `peek` reads them.
		let (data, lookup_len): (Cow<[u8]>, Option<u32>) = match bounded {
			Bounded::Inline(data) => (Cow::Borrowed(&data[..]), None),
			Bounded::Lookup { hash, len } => {
				let data = Self::fetch(hash, Some(*len))?;
				let len = data.len() as u32;
				(data, Some(len))
			}
			Bounded::Legacy { hash, .. } => {
				let data = Self::fetch(hash, None)?;
				let len = data.len() as u32;
				(data, Some(len))
			}
		};
		if let Ok(call) = RuntimeCall::decode(&mut &data[..]) {
			if refusal(&call).is_some() {
				return Err(DispatchError::CannotLookup);
			}
		}
		T::decode(&mut &data[..])
			.map(|value| (value, lookup_len))
			.map_err(|_| DispatchError::Corruption)
	}
}

impl StorePreimage for GuardedPreimages {
	const MAX_LENGTH: usize = <crate::Preimage as StorePreimage>::MAX_LENGTH;

	fn note(
		bytes: Cow<[u8]>,
	) -> Result<<Self::H as polkadot_sdk::sp_core::Hasher>::Out, DispatchError> {
		<crate::Preimage as StorePreimage>::note(bytes)
	}

	fn unnote(hash: &<Self::H as polkadot_sdk::sp_core::Hasher>::Out) {
		<crate::Preimage as StorePreimage>::unnote(hash)
	}

	fn bound<T: Encode>(value: T) -> Result<Bounded<T, Self::H>, DispatchError> {
		<crate::Preimage as StorePreimage>::bound(value)
	}
}
