#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use weights::WeightInfo;

use polkadot_sdk::{frame_support, frame_system, pallet_session, sp_runtime, sp_staking};

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{StaticLookup, Zero};
	use sp_staking::SessionIndex;

	/// The validator set, at most [`Config::MaxValidators`] accounts.
	pub type ValidatorsOf<T> =
		BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

	/// The storage version: 0, the layout this pallet launches with. A change of layout
	/// bumps it and ships a `VersionedMigration` in the runtime's `Migrations`.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the BTT validators pallet.
	#[pallet::config]
	pub trait Config:
		polkadot_sdk::frame_system::Config
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
	{
		/// The origin that adds and removes validators: the validator-admin track.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The most validators the set may hold (at most the consensus engines' maximum
		/// number of authorities).
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// The fewest validators the set may hold.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Blocks in a session on a production chain, unless genesis sets another length.
		#[pallet::constant]
		type DefaultSessionLength: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The validator set that the next session change hands to the session pallet.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// Whether [`Validators`] changed since the session pallet last received it.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// Blocks in a session.
	#[pallet::storage]
	pub type SessionLength<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultSessionLength>;

	/// Events of the validators pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator joins the set at the next session change.
		ValidatorAdded {
			/// The validator's account.
			who: T::AccountId,
		},
		/// A validator leaves the set at the next session change.
		ValidatorRemoved {
			/// The validator's account.
			who: T::AccountId,
		},
		/// The changed set was handed to the session pallet: it validates from this session.
		ValidatorSetQueued {
			/// The session from which the set validates.
			session_index: SessionIndex,
			/// The number of validators in the set.
			validators: u32,
		},
		/// A validator without session keys was left out of the set handed over for
		/// `session_index`; it rejoins at the first session change after it registers keys.
		ValidatorLeftOutForLackOfKeys {
			/// The validator's account.
			who: T::AccountId,
			/// The session from which the set it was left out of validates.
			session_index: SessionIndex,
		},
		/// Fewer than `MinValidators` of the set's validators have session keys: the set was
		/// not handed over for `session_index`, the current session's validators go on, and
		/// the change waits for the first session change with enough keys.
		ValidatorSetKeptForLackOfKeys {
			/// The session that keeps the current validators.
			session_index: SessionIndex,
			/// How many of the set's validators have keys.
			with_keys: u32,
		},
	}

	/// Errors of the validators pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is already in the validator set.
		AlreadyValidator,
		/// The account is not in the validator set.
		NotValidator,
		/// The set already holds `MaxValidators` validators.
		TooManyValidators,
		/// Removing the validator would leave fewer than `MinValidators`.
		TooFewValidators,
		/// The account has not registered session keys (`session.setKeys`) yet.
		NoSessionKeys,
		/// Removing the validator would leave fewer than `MinValidators` validators that have
		/// session keys.
		TooFewWithKeys,
	}

	/// Genesis: the initial validator set and the session length.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial validators; each must also have keys in the session pallet's genesis.
		pub validators: Vec<T::AccountId>,
		/// Blocks in a session; `None` keeps [`Config::DefaultSessionLength`].
		pub session_length: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut unique = self.validators.clone();
			unique.sort();
			unique.dedup();
			assert_eq!(unique.len(), self.validators.len(), "a genesis validator is listed twice");
			let validators: ValidatorsOf<T> = self
				.validators
				.clone()
				.try_into()
				.unwrap_or_else(|_| panic!("more genesis validators than MaxValidators"));
			Validators::<T>::put(validators);
			if let Some(length) = self.session_length {
				assert!(!length.is_zero(), "a session must last at least one block");
				SessionLength::<T>::put(length);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "the set needs at least one validator");
			assert!(T::MinValidators::get() <= T::MaxValidators::get());
			assert!(!T::DefaultSessionLength::get().is_zero(), "sessions must last a block");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `who` to the validator set, effective from the session after the next session
		/// change. `who` must have registered session keys with `session.setKeys`. Only the
		/// validator-admin origin.
		///
		/// - Origin: `T::AdminOrigin` (the validator-admin track; in the BTT runtime also
		///   root, or two thirds of the council before its sunset block).
		/// - Emits: `ValidatorAdded`.
		/// - Errors: `NoSessionKeys`, `AlreadyValidator`, `TooManyValidators`.
		/// - Complexity: O(V) with V = the validators in the set (≤ `MaxValidators`), searched
		///   for `who`; the weight assumes a full set.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_validator())]
		pub fn add_validator(
			origin: OriginFor<T>,
			who: <T::Lookup as StaticLookup>::Source,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			ensure!(pallet_session::NextKeys::<T>::contains_key(&who), Error::<T>::NoSessionKeys);
			Validators::<T>::try_mutate(|validators| {
				ensure!(!validators.contains(&who), Error::<T>::AlreadyValidator);
				validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
				Ok::<_, Error<T>>(())
			})?;
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		/// Removes `who` from the validator set, effective from the session after the next
		/// session change. Only the validator-admin origin.
		///
		/// Fails with [`Error::NotValidator`] for an account outside the set,
		/// [`Error::TooFewValidators`] when the set would hold fewer than `MinValidators`, and
		/// [`Error::TooFewWithKeys`] when fewer than `MinValidators` of the remaining
		/// validators have session keys now (a validator that ran `session.purgeKeys` does not
		/// count).
		///
		/// - Origin: `T::AdminOrigin` (the validator-admin track; in the BTT runtime also
		///   root, or two thirds of the council before its sunset block).
		/// - Emits: `ValidatorRemoved`.
		/// - Errors: `NotValidator`, `TooFewValidators`, `TooFewWithKeys`.
		/// - Complexity: O(V) with V = the validators in the set (≤ `MaxValidators`): the set
		///   is searched and each remaining validator's session keys are read; the weight
		///   charges `MaxValidators`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(
			origin: OriginFor<T>,
			who: <T::Lookup as StaticLookup>::Source,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			Validators::<T>::try_mutate(|validators| {
				let position =
					validators.iter().position(|v| v == &who).ok_or(Error::<T>::NotValidator)?;
				ensure!(
					validators.len() > T::MinValidators::get() as usize,
					Error::<T>::TooFewValidators
				);
				validators.remove(position);
				ensure!(
					Self::count_with_keys(validators.iter()) >= T::MinValidators::get(),
					Error::<T>::TooFewWithKeys
				);
				Ok::<_, Error<T>>(())
			})?;
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Whether `who` has session keys registered (`session.setKeys`, not purged since).
		pub fn has_keys(who: &T::AccountId) -> bool {
			pallet_session::NextKeys::<T>::contains_key(who)
		}

		/// How many of `validators` have session keys.
		fn count_with_keys<'a>(validators: impl Iterator<Item = &'a T::AccountId>) -> u32 {
			validators.filter(|v| Self::has_keys(v)).count().try_into().unwrap_or(u32::MAX)
		}

		/// Whether `who` may purge its session keys without leaving the next session change
		/// with fewer than `MinValidators` validators with keys: either the set without `who`
		/// still has enough validators with keys, or (the change postponed) the queued
		/// validators without `who` do — the session pallet's fallback at the next change.
		/// Reads at most `2 × MaxValidators` keys.
		pub fn may_purge_keys(who: &T::AccountId) -> bool {
			Self::purge_leaves_enough(Some(who))
		}

		/// Whether any one validator may purge its keys: [`Self::may_purge_keys`] for a caller
		/// that is not known, so it holds only while a purge by any validator would still
		/// leave `MinValidators` with keys (the governed set or the queued set has one to
		/// spare). For a call filter, which does not see the caller.
		pub fn any_may_purge_keys() -> bool {
			Self::purge_leaves_enough(None)
		}

		/// The one rule of both: after `purged` (or, when `None`, any one validator with keys)
		/// loses its keys, the governed set or the queued set still has `MinValidators`
		/// validators with keys.
		fn purge_leaves_enough(purged: Option<&T::AccountId>) -> bool {
			let validators = Validators::<T>::get();
			if validators.is_empty() {
				// The set is not governed (a chain without genesis validators).
				return true;
			}
			let min = T::MinValidators::get();
			let left_with_keys = |set: &mut dyn Iterator<Item = &T::AccountId>| match purged {
				Some(who) => Self::count_with_keys(set.filter(|v| *v != who)),
				None => Self::count_with_keys(set).saturating_sub(1),
			};
			// If the next change is postponed, the session pallet falls back to the set queued
			// now (which becomes the current set at that change), filtered by keys.
			left_with_keys(&mut validators.iter()) >= min
				|| left_with_keys(
					&mut pallet_session::QueuedKeys::<T>::get().iter().map(|(v, _)| v),
				) >= min
		}

		/// The invariants: the set holds no account twice and, once set, at least
		/// `MinValidators` accounts, and the session pallet's current and queued sets hold at
		/// least `MinValidators` validators (the queued ones all with keys); sessions last at
		/// least a block.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let validators = Validators::<T>::get();
			let mut unique = validators.clone().into_inner();
			unique.sort();
			unique.dedup();
			ensure!(unique.len() == validators.len(), "a validator is in the set twice");
			let min = T::MinValidators::get() as usize;
			ensure!(
				validators.is_empty() || validators.len() >= min,
				"fewer validators than MinValidators"
			);
			if !validators.is_empty() {
				ensure!(
					pallet_session::Validators::<T>::decode_len().unwrap_or(0) >= min,
					"the current session has fewer validators than MinValidators"
				);
				ensure!(
					pallet_session::QueuedKeys::<T>::decode_len().unwrap_or(0) >= min,
					"the queued session has fewer validators with keys than MinValidators"
				);
			}
			ensure!(!SessionLength::<T>::get().is_zero(), "a session of zero blocks");
			Ok(())
		}
	}

	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		/// Plans the set of session `new_index`: the validators that have session keys (the
		/// others are left out, with an event each). With fewer than `MinValidators` of them,
		/// returns `None` — the session pallet then keeps the current session's validators
		/// (those with keys) — and the change stays pending. Returns `None` as well when the
		/// set is unchanged and equals the current session's. At most `MaxValidators` key
		/// reads and events.
		fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			let validators = Validators::<T>::get().into_inner();
			if validators.is_empty() {
				// An ungoverned chain: the session pallet's genesis set stays in charge.
				return None;
			}
			let (with_keys, without_keys): (Vec<_>, Vec<_>) =
				validators.into_iter().partition(|v| Self::has_keys(v));
			let count = u32::try_from(with_keys.len()).unwrap_or(u32::MAX);
			if with_keys.is_empty() || count < T::MinValidators::get() {
				// `SetChanged` is kept: the change is handed over once enough keys are back.
				Self::deposit_event(Event::ValidatorSetKeptForLackOfKeys {
					session_index: new_index,
					with_keys: count,
				});
				return None;
			}
			let changed = SetChanged::<T>::take();
			if !changed && with_keys == pallet_session::Validators::<T>::get() {
				return None;
			}
			for who in without_keys {
				Self::deposit_event(Event::ValidatorLeftOutForLackOfKeys {
					who,
					session_index: new_index,
				});
			}
			Self::deposit_event(Event::ValidatorSetQueued {
				session_index: new_index,
				validators: count,
			});
			Some(with_keys)
		}

		fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
			let validators = Validators::<T>::get().into_inner();
			// An empty genesis set leaves the session pallet's own genesis keys in charge.
			(!validators.is_empty()).then_some(validators)
		}

		fn end_session(_: SessionIndex) {}

		fn start_session(_: SessionIndex) {}
	}
}

/// The session period of the session pallet's `PeriodicSessions`: [`SessionLength`].
pub struct SessionPeriod<T>(core::marker::PhantomData<T>);
impl<T: Config> frame_support::traits::Get<frame_system::pallet_prelude::BlockNumberFor<T>>
	for SessionPeriod<T>
{
	fn get() -> frame_system::pallet_prelude::BlockNumberFor<T> {
		SessionLength::<T>::get()
	}
}
