//! The storage migrations, from a state of the version they migrate from.

use super::check;
use crate::{migrations::v1::MigrateV0ToV1, mock::*, Pallet, Regions, DEFAULT_REGIONS};
use polkadot_sdk::frame_support::{
	storage::unhashed,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};

/// The raw key of a version-0 value of this pallet.
fn v0_key(item: &[u8]) -> Vec<u8> {
	polkadot_sdk::frame_support::storage::storage_prefix(b"BttMining", item).to_vec()
}

#[test]
fn v0_to_v1_removes_the_era_clock_and_lists_the_default_regions() {
	new_test_ext().execute_with(|| {
		// A chain at version 0: its own era clock, no region list.
		StorageVersion::new(0).put::<Pallet<Test>>();
		for item in [&b"EraLength"[..], b"CurrentEra", b"NextEraStart"] {
			unhashed::put(&v0_key(item), &7u32);
		}
		let _ = Regions::<Test>::clear(u32::MAX, None);

		MigrateV0ToV1::<Test>::on_runtime_upgrade();

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
		for item in [&b"EraLength"[..], b"CurrentEra", b"NextEraStart"] {
			assert!(!unhashed::exists(&v0_key(item)));
		}
		assert_eq!(Regions::<Test>::count() as usize, DEFAULT_REGIONS.len());
		check();
	});
}

#[test]
fn v0_to_v1_does_nothing_on_a_chain_at_version_1() {
	new_test_ext().execute_with(|| {
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
		let key = v0_key(b"EraLength");
		unhashed::put(&key, &7u32);
		let regions = Regions::<Test>::count();

		MigrateV0ToV1::<Test>::on_runtime_upgrade();

		assert!(unhashed::exists(&key), "a version-1 chain is not migrated again");
		assert_eq!(Regions::<Test>::count(), regions);
	});
}
