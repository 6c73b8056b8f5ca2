//! Storage migrations of btt-burn, one module per storage version.
//!
//! Each migration is an [`UncheckedOnRuntimeUpgrade`] wrapped in a `VersionedMigration`, so
//! it runs only on a chain at the version it migrates from, bumps the version, and is a
//! no-op anywhere else (a new chain starts at the current version). The runtime lists the
//! migrations of its next upgrade in its `Migrations` tuple.

use crate::{CategoryRates, Config, FeeCategory, FeeSplitConfig, Pallet};
use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 0 to 1: the fee split and the category rates are stored values.
///
/// Version 0 stored them only once governance had set them, and read the code's defaults
/// until then, so a runtime upgrade that changed a default changed a live chain's split or
/// rate without a vote. Version 1 stores them from genesis on. The migration writes the
/// values in effect (the stored ones, else the defaults of the code that ran until now)
/// wherever nothing is stored: what the chain charges does not change.
pub mod v1 {
	use super::*;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;

	/// The migration's logic; use [`MigrateV0ToV1`], which checks and bumps the version.
	pub struct InnerMigrateV0ToV1<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut writes = 0u64;
			if !FeeSplitConfig::<T>::exists() {
				// `get` reads the default in effect until now.
				FeeSplitConfig::<T>::put(FeeSplitConfig::<T>::get());
				writes = writes.saturating_add(1);
			}
			for category in FeeCategory::ALL {
				if !CategoryRates::<T>::contains_key(category) {
					CategoryRates::<T>::insert(category, Pallet::<T>::category_rate(category));
					writes = writes.saturating_add(1);
				}
			}
			let reads = 1 + FeeCategory::ALL.len() as u64;
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let rates: Vec<_> =
				FeeCategory::ALL.iter().map(|c| Pallet::<T>::category_rate(*c)).collect();
			Ok((FeeSplitConfig::<T>::get(), rates).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Decode;
			use polkadot_sdk::sp_runtime::Permill;
			let (split, rates) = <(crate::FeeSplit, Vec<Permill>)>::decode(&mut &state[..])
				.map_err(|_| "btt-burn v1: the pre-upgrade state does not decode")?;
			polkadot_sdk::frame_support::ensure!(
				FeeSplitConfig::<T>::exists() && FeeSplitConfig::<T>::get() == split,
				"btt-burn v1: the fee split changed or is not stored"
			);
			for (category, rate) in FeeCategory::ALL.iter().zip(rates) {
				polkadot_sdk::frame_support::ensure!(
					CategoryRates::<T>::get(category) == Some(rate),
					"btt-burn v1: a category rate changed or is not stored"
				);
			}
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
