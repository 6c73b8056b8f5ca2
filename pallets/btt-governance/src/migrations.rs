//! Storage migrations of btt-governance, one module per storage version.
//!
//! Each migration is an [`UncheckedOnRuntimeUpgrade`] wrapped in a `VersionedMigration`, so
//! it runs only on a chain at the version it migrates from, bumps the version, and is a
//! no-op anywhere else (a new chain starts at the current version). The runtime lists the
//! migrations of its next upgrade in its `Migrations` tuple.

use crate::{Config, CouncilSunset, DayLength, Pallet};
use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 0 to 1: the governance day and the council sunset are stored values.
///
/// Version 0 stored them only when genesis was given one, and otherwise read the runtime's
/// `BlocksPerDay` and `DefaultCouncilSunset`, so a runtime upgrade that changed either
/// constant would have moved every track period, or the council's end, on a live chain
/// without a vote. Version 1 stores both from genesis on. The migration writes the values
/// in effect (the stored ones, else the constants of the code that ran until now) wherever
/// nothing is stored: no period and no sunset moves.
pub mod v1 {
	use super::*;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;

	/// The migration's logic; use [`MigrateV0ToV1`], which checks and bumps the version.
	pub struct InnerMigrateV0ToV1<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut writes = 0u64;
			if !DayLength::<T>::exists() {
				// `get` reads the constant in effect until now.
				DayLength::<T>::put(DayLength::<T>::get());
				writes = writes.saturating_add(1);
			}
			if !CouncilSunset::<T>::exists() {
				CouncilSunset::<T>::put(CouncilSunset::<T>::get());
				writes = writes.saturating_add(1);
			}
			T::DbWeight::get().reads_writes(2, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((DayLength::<T>::get(), CouncilSunset::<T>::get()).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Decode;
			use polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor;
			let (day, sunset) =
				<(BlockNumberFor<T>, BlockNumberFor<T>)>::decode(&mut &state[..])
					.map_err(|_| "btt-governance v1: the pre-upgrade state does not decode")?;
			polkadot_sdk::frame_support::ensure!(
				DayLength::<T>::exists() && DayLength::<T>::get() == day,
				"btt-governance v1: the day length changed or is not stored"
			);
			polkadot_sdk::frame_support::ensure!(
				CouncilSunset::<T>::exists() && CouncilSunset::<T>::get() == sunset,
				"btt-governance v1: the council sunset changed or is not stored"
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
