//! # BTT validators pallet
//!
//! The chain's validator set, changed by governance (SPEC.md sections 1 and 7). It is the
//! `SessionManager` of FRAME's session pallet, which hands each session's validators and
//! their keys to Aura (block authoring) and GRANDPA (finality).
//!
//! ## How an operator joins
//!
//! 1. Run `btt-node --validator` and create keys on that node with
//!    `author_rotateKeysWithOwner(<validator account>)`: it returns the public keys and a
//!    proof, signed by each new key, that they belong to that account.
//! 2. Register them from the validator's account with `session.setKeys(keys, proof)` (the
//!    session pallet holds a small deposit for them).
//! 3. The validator-admin origin (a referendum on the validator-admin track) calls
//!    [`add_validator`](Pallet::add_validator). The call fails with
//!    [`Error::NoSessionKeys`] for an account that has not done step 2.
//! 4. The new set is handed to the session pallet at the next session change and takes
//!    effect one session later (the session pallet queues a set for a session before it
//!    starts): the validator authors blocks from then on.
//!
//! [`remove_validator`](Pallet::remove_validator) works the same way, and never leaves
//! fewer than [`Config::MinValidators`].
//!
//! ## Sessions
//!
//! A session lasts [`SessionLength`] blocks: [`Config::DefaultSessionLength`] on a
//! production chain, or what genesis sets (test chains use a few blocks). Sessions end at
//! multiples of it ([`SessionPeriod`] is the session pallet's `PeriodicSessions` period).

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

	#[pallet::pallet]
	pub struct Pallet<T>(_);

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
	}

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
	}

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
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator())]
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
				Ok::<_, Error<T>>(())
			})?;
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The invariants: the set holds no account twice and, once set, at least
		/// `MinValidators` accounts; sessions last at least a block.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let validators = Validators::<T>::get();
			let mut unique = validators.clone().into_inner();
			unique.sort();
			unique.dedup();
			ensure!(unique.len() == validators.len(), "a validator is in the set twice");
			ensure!(
				validators.is_empty() || validators.len() >= T::MinValidators::get() as usize,
				"fewer validators than MinValidators"
			);
			ensure!(!SessionLength::<T>::get().is_zero(), "a session of zero blocks");
			Ok(())
		}
	}

	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
			if !SetChanged::<T>::take() {
				return None;
			}
			let validators = Validators::<T>::get().into_inner();
			Self::deposit_event(Event::ValidatorSetQueued {
				session_index: new_index,
				validators: validators.len() as u32,
			});
			Some(validators)
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
