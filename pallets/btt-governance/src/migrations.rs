//! Storage migrations of btt-governance, one module per storage version.
//!
//! Each migration is an [`UncheckedOnRuntimeUpgrade`] wrapped in a `VersionedMigration`, so
//! it runs only on a chain at the version it migrates from, bumps the version, and is a
//! no-op anywhere else (a new chain starts at the current version). The runtime lists the
//! migrations of its next upgrade in its `Migrations` tuple.

use crate::{Config, CouncilSunset, DayLength, Pallet};
use core::marker::PhantomData;
use polkadot_sdk::{
	frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	},
	frame_system::pallet_prelude::BlockNumberFor,
};

/// Version 0 to 1: the governance day and the council sunset are stored values.
///
/// Version 0 stored them only when genesis was given one, and otherwise read the runtime's
/// `BlocksPerDay` and `DefaultCouncilSunset`, so a runtime upgrade that changed either
/// constant would have moved every track period, or the council's end, on a live chain
/// without a vote. Version 1 stores both from genesis on. The migration writes the values
/// in effect wherever nothing is stored: the stored ones, else `OldDayLength` and
/// `OldCouncilSunset`, the constants the runtime that ran until now read. The runtime names
/// them itself rather than reading its own (new) constants, which an upgrade may have
/// changed: no period and no sunset moves.
pub mod v1 {
	use super::*;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;

	/// The migration's logic; use [`MigrateV0ToV1`], which checks and bumps the version.
	pub struct InnerMigrateV0ToV1<T, OldDayLength, OldCouncilSunset>(
		PhantomData<(T, OldDayLength, OldCouncilSunset)>,
	);

	impl<T, OldDayLength, OldCouncilSunset> InnerMigrateV0ToV1<T, OldDayLength, OldCouncilSunset>
	where
		T: Config,
		OldDayLength: Get<BlockNumberFor<T>>,
		OldCouncilSunset: Get<BlockNumberFor<T>>,
	{
		/// The day length and the sunset in effect on the version-0 chain.
		fn in_effect() -> (BlockNumberFor<T>, BlockNumberFor<T>) {
			(
				DayLength::<T>::try_get().unwrap_or_else(|_| OldDayLength::get()),
				CouncilSunset::<T>::try_get().unwrap_or_else(|_| OldCouncilSunset::get()),
			)
		}
	}

	impl<T, OldDayLength, OldCouncilSunset> UncheckedOnRuntimeUpgrade
		for InnerMigrateV0ToV1<T, OldDayLength, OldCouncilSunset>
	where
		T: Config,
		OldDayLength: Get<BlockNumberFor<T>>,
		OldCouncilSunset: Get<BlockNumberFor<T>>,
	{
		fn on_runtime_upgrade() -> Weight {
			let (day, sunset) = Self::in_effect();
			let mut writes = 0u64;
			if !DayLength::<T>::exists() {
				DayLength::<T>::put(day);
				writes = writes.saturating_add(1);
			}
			if !CouncilSunset::<T>::exists() {
				CouncilSunset::<T>::put(sunset);
				writes = writes.saturating_add(1);
			}
			T::DbWeight::get().reads_writes(2, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok(Self::in_effect().encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			use codec::Decode;
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

	/// Version 0 to 1, run only on a chain at version 0. `OldDayLength` and
	/// `OldCouncilSunset` are the `BlocksPerDay` and `DefaultCouncilSunset` of the runtime
	/// that ran until now.
	pub type MigrateV0ToV1<T, OldDayLength, OldCouncilSunset> = VersionedMigration<
		0,
		1,
		InnerMigrateV0ToV1<T, OldDayLength, OldCouncilSunset>,
		Pallet<T>,
		<T as polkadot_sdk::frame_system::Config>::DbWeight,
	>;
}
