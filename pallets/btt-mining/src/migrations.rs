//! Storage migrations of btt-mining, one module per storage version.
//!
//! Each migration is an [`UncheckedOnRuntimeUpgrade`] wrapped in a `VersionedMigration`, so
//! it runs only on a chain at the version it migrates from, bumps the version, and is a
//! no-op anywhere else (a new chain starts at the current version). The runtime lists the
//! migrations of its next upgrade in its `Migrations` tuple.

use crate::{Config, Pallet, Regions, DEFAULT_REGIONS};
use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 0 to 1: eras became the chain's days, and regions a governed list.
///
/// Version 0 counted eras with a clock of its own: a governable era length, the current era
/// and the block the next era starts at. Version 1 derives the era from the block number and
/// the chain day set in genesis, and lets providers register only in listed regions. The
/// migration removes the three clock values and lists the default regions (the ISO 3166-1
/// codes of [`DEFAULT_REGIONS`]) when a chain has none, so that its registered providers can
/// still re-register and new ones can join. The minimum number of oracle reports keeps its
/// default (3) unless it was set. Providers, oracles and era records keep their layout.
pub mod v1 {
	use super::*;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use polkadot_sdk::frame_support::storage_alias;

	/// The items of version 0 that version 1 no longer has.
	mod v0 {
		use super::*;
		use polkadot_sdk::{
			frame_support::pallet_prelude::ValueQuery, frame_system::pallet_prelude::BlockNumberFor,
		};

		/// Blocks per era (version 0).
		#[storage_alias]
		pub type EraLength<T: Config> = StorageValue<Pallet<T>, BlockNumberFor<T>, ValueQuery>;
		/// The current era (version 0).
		#[storage_alias]
		pub type CurrentEra<T: Config> = StorageValue<Pallet<T>, u32, ValueQuery>;
		/// The block the next era starts at (version 0).
		#[storage_alias]
		pub type NextEraStart<T: Config> = StorageValue<Pallet<T>, BlockNumberFor<T>, ValueQuery>;
	}

	/// The migration's logic; use [`MigrateV0ToV1`], which checks and bumps the version.
	pub struct InnerMigrateV0ToV1<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			v0::EraLength::<T>::kill();
			v0::CurrentEra::<T>::kill();
			v0::NextEraStart::<T>::kill();
			let mut writes = 3u64;
			if Regions::<T>::count() == 0 {
				let limit = T::MaxRegions::get() as usize;
				for region in DEFAULT_REGIONS.iter().take(limit) {
					Regions::<T>::insert(region, ());
					writes = writes.saturating_add(2);
				}
			}
			T::DbWeight::get().reads_writes(1, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok(crate::Providers::<T>::count().encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let providers = u32::decode(&mut &state[..])
				.map_err(|_| "btt-mining v1: the pre-upgrade state does not decode")?;
			polkadot_sdk::frame_support::ensure!(
				crate::Providers::<T>::count() == providers,
				"btt-mining v1: providers were lost"
			);
			polkadot_sdk::frame_support::ensure!(
				!v0::EraLength::<T>::exists()
					&& !v0::CurrentEra::<T>::exists()
					&& !v0::NextEraStart::<T>::exists(),
				"btt-mining v1: the version-0 era clock is still there"
			);
			polkadot_sdk::frame_support::ensure!(
				Regions::<T>::count() > 0,
				"btt-mining v1: no region is listed"
			);
			Ok(())
		}
	}

	/// Version 0 to 1, run only on a chain at version 0.
	pub type MigrateV0ToV1<T> = VersionedMigration<
		0,
		1,
		InnerMigrateV0ToV1<T>,
		Pallet<T>,
		<T as polkadot_sdk::frame_system::Config>::DbWeight,
	>;
}
